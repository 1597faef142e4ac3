"""First start on the demo station: a progress dialog while the history is generated, then the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import func, select

from rescue_desk.cli.common import open_app_database
from rescue_desk.cli import build_parser
from rescue_desk.services.demo import demo_state
from rescue_desk.storage import open_database
from rescue_desk.storage.check import verify_chain
from rescue_desk.storage.models import Incident
from rescue_desk.ui.app import start_app
from rescue_desk.ui.demo_progress import DemoProgressDialog


def _watch_dialog(seen: list) -> QTimer:
    """Record (visible, value, maximum, label) of the progress dialog every 20 ms."""
    timer = QTimer()

    def look():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, DemoProgressDialog) and w.isVisible():
                seen.append((w.value(), w.maximum(), w.labelText()))

    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_first_start_shows_progress_then_opens_the_filled_demo(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("RESCUE_DESK_DEMO_YEARS", "1")
    args = build_parser().parse_args(["--demo", "--lang", "zh"])
    opened = open_app_database(args)
    assert opened is not None
    url, needs_demo = opened
    assert needs_demo and url.startswith("sqlite:///") and str(tmp_path / "home") in url
    seen: list = []
    timer = _watch_dialog(seen)
    window = start_app(url, "zh", demo_years=1)
    timer.stop()
    assert window is not None
    qtbot.addWidget(window)
    assert window.ctx.worker.wait_idle()
    assert seen, "the progress dialog was never shown"
    assert seen[0][:2] == (0, 1) and "正在生成演示数据" in seen[0][2]
    db = open_database(url, migrate=False)
    try:
        assert demo_state(db) == "ready"
        assert verify_chain(db)[1] is None  # the file moved into place is whole
        with db.read() as s:
            assert s.scalar(select(func.count(Incident.id))) > 100
    finally:
        db.dispose()
    assert open_app_database(args) == (url, False)  # second start: nothing to generate


def test_cancel_leaves_no_half_filled_database(qtbot, tmp_path):
    path = tmp_path / "demo.sqlite3"
    url = f"sqlite:///{path}"

    def cancel_when_shown():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, DemoProgressDialog) and w.isVisible():
                w.findChild(QPushButton).click()  # the officer presses Cancel
                return
        QTimer.singleShot(10, cancel_when_shown)

    QTimer.singleShot(0, cancel_when_shown)
    window = start_app(url, "en", demo_years=2)
    if window is not None:
        qtbot.addWidget(window)
    assert window is None
    assert not path.exists() and not (tmp_path / "demo.sqlite3.part").exists()
