"""Admin feature: other desks' changes within 2 s, outage banner and reconnect, history dock,
login dialog, automatic backups."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from rescue_desk.domain.clock import utc_now
from rescue_desk.services import accounts, incidents
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database
from rescue_desk.ui import create_main_window
from rescue_desk.ui.admin import LoginDialog
from rescue_desk.ui.settings import Settings


def _window(qtbot, url, tmp_path, actor="duty"):
    w = create_main_window(url, lang="en", actor=actor, settings=Settings(tmp_path / "s.ini"), features=("admin",))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.admin.watcher.feed is not None, timeout=10000)
    return w


def _call(db, actor="other-desk"):
    return incidents.log_call(db, actor, CallInput(received_at=utc_now() - timedelta(minutes=30), text="卓玛拉"))


def test_other_desk_change_arrives_within_2s(qtbot, any_db_url, tmp_path):
    w = _window(qtbot, any_db_url, tmp_path)
    other = open_database(any_db_url)
    try:
        seen = []
        w.ctx.bridge.incidentChanged.connect(seen.append)
        with qtbot.waitSignal(w.ctx.bridge.incidentsChanged, timeout=2000):
            _c, inc = _call(other)
        qtbot.waitUntil(lambda: inc in seen, timeout=2000)
        with qtbot.waitSignal(w.ctx.bridge.incidentChanged, timeout=2000) as blocker:
            incidents.set_status(other, "other-desk", inc, "dispatched")
        assert blocker.args == [inc]
        assert not w.admin.banner.isVisible()
    finally:
        other.dispose()
        w.close()


@pytest.mark.postgres
def test_banner_while_server_refuses_then_reconnects(qtbot, pg_url, tmp_path):
    w = _window(qtbot, pg_url, tmp_path)
    name = make_url(pg_url).database
    admin = create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    other = open_database(pg_url)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            conn.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        qtbot.waitUntil(lambda: w.admin.banner.isVisible(), timeout=10000)
        assert "reconnecting" in w.admin.banner.label.text()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        _c, inc = _call(other)  # a change made while this desk was cut off still arrives
        seen = []
        w.ctx.bridge.incidentChanged.connect(seen.append)
        qtbot.waitUntil(lambda: not w.admin.banner.isVisible() and inc in seen, timeout=10000)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        admin.dispose()
        other.dispose()
        w.close()


def test_history_dock_and_permissions(qtbot, sqlite_url, tmp_path):
    db = open_database(sqlite_url)
    _c, inc = _call(db, "pasang")
    incidents.set_status(db, "pasang", inc, "dispatched")
    w = _window(qtbot, sqlite_url, tmp_path)
    try:
        w.admin.history_dock.show()
        w.admin.history.show_incident(inc)
        tree = w.admin.history.tree
        qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3, timeout=10000)
        assert [tree.topLevelItem(i).text(2) for i in range(3)] == ["log_call", "log_call", "set_status"]
        assert tree.topLevelItem(2).text(1) == "pasang" and "dispatched" in tree.topLevelItem(2).text(4)
        incidents.close_incident(db, "pasang", inc, "rescued")  # another desk: the open history follows
        qtbot.waitUntil(lambda: tree.topLevelItemCount() == 4, timeout=10000)
    finally:
        w.close()
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    accounts.add_user(db, "admin", "dawa", "trainer", "trainer-pass")
    db.dispose()
    w = _window(qtbot, sqlite_url, tmp_path, actor="dawa")
    try:
        w.admin.history.show_incident(inc)
        qtbot.waitUntil(lambda: "may not" in w.admin.history.notice.text(), timeout=10000)
        assert w.admin.history.tree.topLevelItemCount() == 0
        qtbot.waitUntil(lambda: "dawa (trainer)" in w.admin.account_label.text(), timeout=10000)
    finally:
        w.close()


def test_login_dialog(qtbot, sqlite_url):
    db = open_database(sqlite_url)
    try:
        accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
        dialog = LoginDialog(db)
        qtbot.addWidget(dialog)
        dialog.name.setText("admin")
        dialog.password.setText("wrong-password")
        dialog.try_login()
        assert dialog.result() != QDialog.DialogCode.Accepted and "Wrong" in dialog.error.text()
        assert dialog.password.text() == ""
        dialog.password.setText("admin-pass-1")
        dialog.try_login()
        assert dialog.result() == QDialog.DialogCode.Accepted and dialog.account.role == "administrator"
    finally:
        db.dispose()


def test_login_not_needed_without_accounts(qtbot, sqlite_url):
    from rescue_desk.ui.admin import login_if_needed

    assert login_if_needed(sqlite_url) == "duty"


def test_backup_on_start(qtbot, sqlite_url, tmp_path):
    db = open_database(sqlite_url)
    _call(db)
    db.dispose()
    w = _window(qtbot, sqlite_url, tmp_path)
    try:
        folder = tmp_path / "home" / "backups"
        qtbot.waitUntil(lambda: "Backup written" in w.statusBar().currentMessage(), timeout=10000)
        assert len(os.listdir(folder)) == 1
    finally:
        w.close()


def test_banner_text_in_chinese(qtbot, sqlite_url, tmp_path):
    w = create_main_window(sqlite_url, lang="zh", settings=Settings(tmp_path / "s.ini"), features=("admin",))
    qtbot.addWidget(w)
    try:
        assert w.admin.banner.label.text() == "数据库连接中断，正在重连…"
        assert w.admin.history_action.text() == "变更历史(&H)"
    finally:
        w.close()


def test_trainer_window_reads_masked(qtbot, sqlite_url, tmp_path):
    db = open_database(sqlite_url)
    incidents.log_call(db, "x", CallInput(received_at=utc_now() - timedelta(minutes=30),
                                          text="电话13912345678 在卓玛拉", caller_phone="13912345678"))
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    accounts.add_user(db, "admin", "dawa", "trainer", "trainer-pass")
    db.dispose()
    w = _window(qtbot, sqlite_url, tmp_path, actor="dawa")
    try:
        got = []
        w.ctx.worker.submit(incidents.list_incidents, w.ctx.db, on_done=got.append)
        qtbot.waitUntil(lambda: bool(got), timeout=10000)
        assert "13912345678" not in got[0][0].text and "卓玛拉" in got[0][0].text
    finally:
        w.close()


def test_station_layer_change_at_another_desk(qtbot, sqlite_url, tmp_path):
    from rescue_desk.services.station_hazards import add_hazard

    w = _window(qtbot, sqlite_url, tmp_path)
    other = open_database(sqlite_url)
    try:
        kinds = []
        w.ctx.bridge.dataChanged.connect(kinds.append)
        with qtbot.waitSignal(w.ctx.bridge.stationLayerChanged, timeout=2000):
            add_hazard(other, "chief", "snow", 20.0, 22.5)
        assert "station_hazards" in kinds
    finally:
        other.dispose()
        w.close()
