"""Importing a logbook from the app: the rows are written on the database worker while a
QProgressDialog shows how far it got; Cancel stops after the current row (rows already written
stay, and importing the file again skips them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from rescue_desk.services.importer import ImportResult, RowError, import_logbook, read_logbook


class ImportCancelled(Exception):
    """The officer pressed Cancel."""


class ImportRunner(QObject):
    """Runs one import; ``progressed(done, total)`` arrives on the GUI thread from the worker;
    ``finished(summary)`` after the result (or failure) was shown."""

    progressed = Signal(int, int)
    finished = Signal(str)

    def __init__(self, parent: QWidget, ctx, path: Path):
        super().__init__(parent)
        self.ctx, self.path, self.parent_widget = ctx, path, parent
        self.cancelled = False
        self.result: ImportResult | None = None
        self.last_progress = (0, 0)
        self.dialog = QProgressDialog(self.tr("Importing %1…").replace("%1", path.name), self.tr("Cancel"), 0, 100,
                                      parent)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self._cancel)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        try:
            text = read_logbook(self.path)
        except OSError as exc:
            self._done_with_error(exc)
            return
        self.dialog.setValue(0)
        self.ctx.worker.submit(self._run, text, on_done=self._done, on_error=self._done_with_error)

    def _run(self, text: str) -> ImportResult:
        """Database thread."""
        def progress(done: int, total: int) -> None:
            self.progressed.emit(done, total)
            if self.cancelled:
                raise ImportCancelled()
        return import_logbook(self.ctx.db, self.ctx.actor, text, source=self.path.name, progress=progress)

    def _cancel(self) -> None:
        self.cancelled = True

    def _show_progress(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        if not self.dialog.wasCanceled():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(done)

    def summary(self, r: ImportResult) -> str:
        return (self.tr("%1 imported, %2 already there, %3 bad (of %4 rows)")
                .replace("%1", str(r.imported)).replace("%2", str(r.duplicates))
                .replace("%3", str(len(r.bad))).replace("%4", str(r.rows)))

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self.dialog.reset()
        text = self.summary(result)
        if result.bad:
            lines = "\n".join(self.tr("line %1: %2").replace("%1", str(n)).replace("%2", why)
                              for n, why in result.bad[:30])
            more = "" if len(result.bad) <= 30 else "\n…"
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import logbook"), text, parent=self.parent_widget)
            box.setObjectName("importReport")
            box.setDetailedText(lines + more)
            box.open()
        self.finished.emit(text)

    def _done_with_error(self, exc: BaseException) -> None:
        self.dialog.reset()
        if isinstance(exc, ImportCancelled):
            text = self.tr("Import cancelled; the rows written so far are kept (importing again skips them).")
        elif isinstance(exc, (RowError, OSError, UnicodeDecodeError)):
            text = self.tr("The logbook could not be imported: %1").replace("%1", str(exc))
        else:
            text = self.tr("The import failed: %1").replace("%1", str(exc))
        self.finished.emit(text)


