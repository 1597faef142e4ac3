"""First start on the demo station: generate it off the GUI thread behind a progress dialog."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from rescue_desk.services.demo import create_demo_file
from rescue_desk.storage.engine import sqlite_path


class _Cancelled(Exception):
    pass


class DemoThread(QThread):
    """Runs ``create_demo_file``; reports finished seasons, then ``done(error or "")``."""

    step = Signal(int, int)
    done = Signal(str)

    def __init__(self, path: Path, years: int, parent=None):
        super().__init__(parent)
        self.path, self.years = path, years
        self.cancel = threading.Event()
        self.cancelled = False

    def _on_step(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise _Cancelled()
        self.step.emit(done, total)

    def run(self) -> None:
        try:
            create_demo_file(self.path, self.years, on_step=self._on_step)
        except _Cancelled:
            self.cancelled = True
            self.done.emit("")
        except Exception as exc:  # shown to the officer as one sentence
            self.done.emit(str(exc) or type(exc).__name__)
        else:
            self.done.emit("")


class DemoProgressDialog(QProgressDialog):
    """"Creating the demo station…", one step per season; Cancel stops after the current season."""

    def __init__(self, years: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoProgressDialog")
        self.setWindowTitle(self.tr("Rescue Desk"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, years)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.show_step(0, years)

    def show_step(self, done: int, total: int) -> None:
        self.setValue(done)
        self.setLabelText(self.tr("Creating the demo station (synthetic history)…\n%1 of %2 seasons done")
                          .replace("%1", str(done)).replace("%2", str(total)))

    def show_stopping(self) -> None:
        self.setLabelText(self.tr("Stopping after the current season…"))


def create_demo_with_progress(db_url: str, years: int, parent: QWidget | None = None) -> bool:
    """Create the demo station in the SQLite file of ``db_url`` while a progress dialog shows the
    seasons done. True when it is complete; False when the officer cancelled (no file is left
    behind: the history is moved into place only when finished) or it failed (the reason shown)."""
    path = sqlite_path(db_url)
    if path is None:
        raise ValueError("the demo station is generated into an SQLite file")
    dialog = DemoProgressDialog(years, parent)
    thread = DemoThread(path, years)
    loop = QEventLoop()
    errors: list[str] = []
    thread.step.connect(dialog.show_step)
    thread.done.connect(lambda err: (errors.append(err), loop.quit()))

    def on_cancel() -> None:
        thread.cancel.set()
        dialog.show_stopping()
        dialog.setCancelButton(None)

    dialog.canceled.connect(on_cancel)  # the button or closing the dialog
    dialog.rejected.connect(on_cancel)  # Esc
    dialog.show()
    thread.start()
    loop.exec()
    thread.wait()
    dialog.canceled.disconnect(on_cancel)
    dialog.rejected.disconnect(on_cancel)
    dialog.close()
    dialog.deleteLater()
    thread.deleteLater()
    if errors and errors[0]:
        QMessageBox.critical(parent, QCoreApplication.translate("DemoProgressDialog", "Rescue Desk"),
                             QCoreApplication.translate("DemoProgressDialog", "The demo station could not be created: %1")
                             .replace("%1", errors[0]))
        return False
    return not thread.cancelled
