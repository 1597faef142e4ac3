"""Nothing the desktop app meets is lost: Qt's own messages go to the log file, and an unexpected
exception is logged with its traceback and shown in a dialog (one sentence, the log file's path,
the details behind "Show Details…" and a "Copy details" button)."""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from rescue_desk.logs import describe, log_exception

qt_log = logging.getLogger("qt")
_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
           QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
           QtMsgType.QtFatalMsg: logging.CRITICAL}
_showing: list[QMessageBox] = []


def _qt_message(mode, context, message: str) -> None:
    where = f" ({context.category})" if context is not None and context.category not in (None, "", "default") else ""
    qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def route_qt_messages() -> None:
    """Send qDebug/qWarning/… from Qt (and its plugins) to the log file instead of stderr."""
    qInstallMessageHandler(_qt_message)


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def crash_dialog(exc: BaseException, log_path: Path) -> QMessageBox:
    """The dialog for an unexpected error (not yet shown)."""
    details = "".join(traceback.format_exception(exc)).rstrip()
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Rescue Desk — unexpected error"),
                      tr("Something unexpected went wrong ({0}). What was saved is safe; the details were "
                         "written to the log file:\n{1}").format(describe(exc), log_path))
    box.setObjectName("crashDialog")
    box.setDetailedText(details)
    copy = box.addButton(tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyDetails")
    copy.clicked.disconnect()  # an action button closes the box by default; copying must not
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{box.text()}\n\n{details}"))
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def excepthook(exc_type, exc, tb) -> None:
    """Log the exception, then tell the officer in a dialog (stderr only when there is no application)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    exc = exc if exc is not None else exc_type()
    exc.__traceback__ = tb
    path = log_exception(exc, "unexpected error in the desktop app")
    if QApplication.instance() is None or _showing:  # no GUI, or an error while one is on screen
        if sys.stderr is not None:
            print(f"rescue-desk: unexpected error ({describe(exc)}); the details were written to {path}.",
                  file=sys.stderr)
        return
    box = crash_dialog(exc, path)
    _showing.append(box)
    try:
        box.exec()
    finally:
        _showing.remove(box)


def _close_on_ctrl_c(*_args) -> None:
    """Ctrl-C in the terminal that started the app: close its windows as the officer would (the
    draft is kept, the database closed), then leave; never a traceback."""
    from PySide6.QtCore import QTimer

    def close() -> None:
        app = QApplication.instance()
        if app is not None:
            app.closeAllWindows()
            app.quit()
    QTimer.singleShot(0, close)


def install() -> None:
    route_qt_messages()
    sys.excepthook = excepthook
    signal.signal(signal.SIGINT, _close_on_ctrl_c)
