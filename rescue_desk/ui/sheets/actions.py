"""Printing from the desk: ask where, read the sheet on the database worker, draw the PDF on the GUI
thread, say where it went (or one sentence why not)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from rescue_desk.services.incident_sheet import incident_sheet

from .incident_pdf import write_incident_sheet_pdf


def _t(text: str) -> str:
    return QCoreApplication.translate("IncidentSheet", text)


def print_incident_sheet(ctx, incident_id: int, parent: QWidget | None = None, path: str | None = None,
                         on_written=None) -> None:
    """Write incident ``incident_id``'s sheet as PDF (asks where unless ``path``); ``on_written(path)``
    once written."""
    if path is None:
        path, _f = QFileDialog.getSaveFileName(parent, _t("Save the incident sheet"),
                                               str(Path.home() / f"incident-{incident_id}.pdf"), "PDF (*.pdf)")
        if not path:
            return

    def done(sheet) -> None:
        try:
            write_incident_sheet_pdf(sheet, path, ctx.lang)
        except OSError as exc:
            QMessageBox.warning(parent, _t("Incident sheet"), str(exc))
            return
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(_t("Incident sheet saved: %1").replace("%1", path), 10_000)
        if on_written is not None:
            on_written(path)

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, _t("Incident sheet"), str(exc))

    ctx.worker.submit(incident_sheet, ctx.db, incident_id, ctx.lang, on_done=done, on_error=failed)
