"""Logging in the desktop app: Qt messages reach the log file, an unexpected exception shows a dialog
with the log path and a working "Copy details", and Help ▸ About names the log file."""

import logging

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from rescue_desk.paths import log_file
from rescue_desk.ui import crash


def _raised() -> ZeroDivisionError:
    try:
        1 / 0
    except ZeroDivisionError as exc:
        return exc


def test_qt_messages_are_routed_to_the_log(qapp, caplog):
    previous = qInstallMessageHandler(crash._qt_message)
    try:
        with caplog.at_level(logging.DEBUG, logger="qt"):
            crash._qt_message(QtMsgType.QtWarningMsg, None, "QPainter::begin: Paint device returned engine == 0")
    finally:
        qInstallMessageHandler(previous)
    record = next(r for r in caplog.records if r.name == "qt")
    assert record.levelno == logging.WARNING and "QPainter::begin" in record.getMessage()


def test_crash_dialog_names_the_log_and_copies_the_details(qapp, qtbot, tmp_path):
    box = crash.crash_dialog(_raised(), tmp_path / "rescue-desk.log")
    qtbot.addWidget(box)
    assert "ZeroDivisionError" in box.text() and str(tmp_path / "rescue-desk.log") in box.text()
    assert "Traceback" in box.detailedText() and "1 / 0" in box.detailedText()
    box.show()
    copy = box.findChild(QPushButton, "copyDetails")
    copy.click()
    assert box.isVisible()  # copying does not close the dialog
    assert "1 / 0" in QApplication.clipboard().text() and "ZeroDivisionError" in QApplication.clipboard().text()
    box.close()


def test_excepthook_logs_the_traceback_then_shows_the_dialog(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    exc = _raised()
    crash.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and str(log_file()) in shown[0]
    logged = log_file().read_text(encoding="utf-8")
    assert "unexpected error in the desktop app" in logged and "ZeroDivisionError" in logged and "1 / 0" in logged


def test_about_box_shows_the_log_file(qtbot, demo_db_file, monkeypatch):
    from rescue_desk.ui import create_main_window

    texts = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: texts.append(text))
    w = create_main_window(f"sqlite:///{demo_db_file}", lang="zh", features=())
    qtbot.addWidget(w)
    w._about()
    assert str(log_file()) in texts[0] and "日志文件" in texts[0]
    w.close()


@pytest.mark.parametrize("exc_type", [KeyboardInterrupt])
def test_ctrl_c_is_not_a_crash_dialog(qapp, monkeypatch, exc_type):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(1) or 0)
    monkeypatch.setattr("sys.__excepthook__", lambda *a: None)
    crash.excepthook(exc_type, exc_type(), None)
    assert not shown


def test_ctrl_c_in_the_terminal_closes_the_app_without_a_traceback(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    env = dict(os.environ, RESCUE_DESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "rescue_desk", "--demo"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        demo = tmp_path / "home" / "demo-station.sqlite3"
        deadline = time.monotonic() + 240
        while not demo.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert demo.exists(), "the app never made its demo station"
        time.sleep(3)  # the window is up and its timers run
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 0 and b"Traceback" not in err, err.decode(errors="replace")[-800:]
