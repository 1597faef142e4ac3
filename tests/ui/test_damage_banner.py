"""The app shows a banner when its automatic backup finds the live database damaged."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from rescue_desk.domain.clock import utc_now
from rescue_desk.services import incidents
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database
from rescue_desk.ui import create_main_window
from rescue_desk.ui.settings import Settings


def _damage_data_pages(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for start in range(len(data) // 4096 // 2 * 4096, len(data) - 4096, 4096 * 2):
        data[start:start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def test_damaged_database_shows_the_banner(qtbot, tmp_path):
    path = tmp_path / "station.sqlite3"
    db = open_database(f"sqlite:///{path}")
    for i in range(60):
        incidents.log_call(db, "desk", CallInput(received_at=utc_now() - timedelta(hours=1), text=f"{i} " + "字" * 300))
    db.dispose()
    _damage_data_pages(path)
    w = create_main_window(f"sqlite:///{path}", lang="en", settings=Settings(tmp_path / "s.ini"), features=("admin",))
    qtbot.addWidget(w)
    w.show()
    try:
        banner = w.admin.damage_banner
        qtbot.waitUntil(banner.isVisible, timeout=10000)
        assert "failed its integrity check" in banner.label.text()
        assert not list((tmp_path / "home" / "backups").glob("*.sqlite3"))
    finally:
        w.close()


def test_healthy_database_no_banner(qtbot, sqlite_url, tmp_path):
    w = create_main_window(sqlite_url, lang="en", settings=Settings(tmp_path / "s.ini"), features=("admin",))
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: "Backup written" in w.statusBar().currentMessage(), timeout=10000)
        assert not w.admin.damage_banner.isVisible()
    finally:
        w.close()
