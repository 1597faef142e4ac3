"""Shift handover screen: overdue teams, open incidents, teams out with their last check-in and
position, the calls since the last handover, the previous shift's notes and a box for this shift's.
"Save PDF…" prints it; "Hand over" records the handover with the notes (then the next shift's calls
start). Reads and writes run on the database worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPlainTextEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing, to_beijing
from rescue_desk.services.handover import NOTES_MAX, HandoverReport, handover_report, record_handover

from ..sheets.handover_pdf import NEXT_STEPS, OVERDUE, W, team_row, where_text, write_handover_pdf
from ..sizing import resize_to_fit

OVERDUE_BG = QColor("#fde0dd")


class HandoverDialog(QDialog):
    """``handedOver(id)`` once a handover is recorded."""

    handedOver = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Shift handover"))
        self.ctx, self.lang = ctx, ctx.lang
        self.report: HandoverReport | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="handoverSummary")
        f = QFont(self.summary.font())
        f.setBold(True)
        self.summary.setFont(f)
        layout.addWidget(self.summary)
        self.tables: dict[str, QTableWidget] = {}
        self.headings: dict[str, QLabel] = {}
        for key, title in (("overdue", W[self.lang]["overdue"]), ("open", W[self.lang]["open"]),
                           ("teams", W[self.lang]["teams"]), ("calls", W[self.lang]["calls"])):
            heading = QLabel(f"<b>{title}</b>")
            heading.setObjectName(f"handoverHeading_{key}")
            layout.addWidget(heading)
            self.headings[key] = heading
            table = QTableWidget(objectName=f"handover_{key}")
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(table, 1 if key != "overdue" else 0)
            self.tables[key] = table
        self.previous = QLabel(objectName="handoverPrevious")
        self.previous.setWordWrap(True)
        layout.addWidget(self.previous)
        self.anchor = QLabel(objectName="handoverLogAnchor")
        self.anchor.setWordWrap(True)
        self.anchor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.anchor.setStyleSheet("color: #555555;")
        layout.addWidget(self.anchor)
        layout.addWidget(QLabel(f"<b>{W[self.lang]['notes']}</b>"))
        self.notes = QPlainTextEdit(objectName="handoverNotes")
        self.notes.setPlaceholderText(self.tr("What the next shift must know: teams to call, vehicles, weather, "
                                              "open questions…"))
        self.notes.setMaximumHeight(110)
        layout.addWidget(self.notes)
        self.status = QLabel(objectName="handoverStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.refresh_btn = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_btn = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.hand_over_btn = buttons.addButton(self.tr("Hand over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.hand_over_btn.setObjectName("handoverRecord")
        self.pdf_btn.setObjectName("handoverPdf")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.refresh_btn.clicked.connect(self.reload)
        self.pdf_btn.clicked.connect(lambda: self.save_pdf())
        self.hand_over_btn.clicked.connect(self.hand_over)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        resize_to_fit(self, 1100, 760)
        self.reload()

    # --- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.status.setText(self.tr("Reading…"))
        self.ctx.worker.submit(handover_report, self.ctx.db, on_done=self.show_report, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not read the handover: %1").replace("%1", str(exc)))

    def show_report(self, report: HandoverReport) -> None:
        self.report = report
        w = W[self.lang]
        self.summary.setText(w["span"].format(a=format_beijing(report.since), b=format_beijing(report.now)) + "\n"
                             + w["summary"].format(i=len(report.open_incidents), t=len(report.teams_out),
                                                   o=len(report.overdue_teams), c=len(report.calls)))
        kora = self.ctx.kora
        i = 0 if self.lang == "zh" else 1
        self._fill("overdue", w["team_cols"], [team_row(t, kora, self.lang) for t in report.overdue_teams],
                   set(range(len(report.overdue_teams))))
        self.tables["overdue"].setVisible(bool(report.overdue_teams))
        self.headings["overdue"].setVisible(bool(report.overdue_teams))
        rows, late = [], set()
        for n, r in enumerate(report.open_incidents):
            step = OVERDUE[r.overdue][i] if r.overdue in OVERDUE else NEXT_STEPS.get(r.next_step, (r.next_step,) * 2)[i]
            late |= {n} if r.overdue else set()
            rows.append([str(r.id), to_beijing(r.received_at).strftime("%m-%d %H:%M"),
                         codes.label(codes.STATUSES, r.status, self.lang),
                         codes.label(codes.CATEGORIES, r.category, self.lang), str(r.severity),
                         where_text(kora, r.chainage_km, self.lang), step, " ".join(r.text.split())])
        self._fill("open", w["open_cols"], rows, late)
        self._fill("teams", w["team_cols"], [team_row(t, kora, self.lang) for t in report.teams_out],
                   {n for n, t in enumerate(report.teams_out) if t.overdue})
        self._fill("calls", w["call_cols"], [[format_beijing(c.received_at, False),
                                              "" if c.incident_id is None else str(c.incident_id),
                                              codes.label(codes.CHANNELS, c.channel, self.lang),
                                              codes.label(codes.CATEGORIES, c.category, self.lang),
                                              " ".join(c.text.split())] for c in report.calls], set())
        prev = report.previous
        self.previous.setText("" if prev is None else w["by"].format(t=format_beijing(prev.at), who=prev.handed_by)
                              + ("\n" + w["prev_notes"] + ": " + prev.notes if prev.notes else ""))
        self.anchor.setText(w["anchor"].format(a=report.anchor_text) if report.log_anchor else "")
        self.status.setText("")

    def _fill(self, key: str, header: list[str], rows: list[list[str]], highlight: set[int]) -> None:
        table = self.tables[key]
        table.clear()
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                item.setToolTip(cell)
                if r in highlight:
                    item.setBackground(OVERDUE_BG)
                table.setItem(r, c, item)
        if key in ("overdue", "teams"):  # short lists: as tall as their rows, the room goes to the others
            rows_h = sum(table.rowHeight(i) for i in range(table.rowCount())) or table.verticalHeader().defaultSectionSize()
            table.setMaximumHeight(table.horizontalHeader().height() + rows_h + 2 * table.frameWidth() + 2)

    # --- printing and handing over -----------------------------------------------------------
    def _with_notes(self) -> HandoverReport:
        from dataclasses import replace

        return replace(self.report, notes=self.notes.toPlainText())

    def save_pdf(self, path: str | None = None) -> bool:
        """Write the handover PDF (asks where unless ``path``); True when written."""
        if self.report is None:
            return False
        if path is None:
            stamp = to_beijing(self.report.now).strftime("%Y%m%d-%H%M")
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Save handover"),
                                                   str(Path.home() / f"handover-{stamp}.pdf"), "PDF (*.pdf)")
            if not path:
                return False
        try:
            write_handover_pdf(self._with_notes(), path, self.lang, self.ctx.kora)
        except OSError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(self.tr("Saved %1").replace("%1", path))
        return True

    def hand_over(self) -> None:
        """Record the handover with the notes on the database worker."""
        if self.report is None:
            return
        notes = self.notes.toPlainText()
        if len(notes) > NOTES_MAX:
            self.status.setText(self.tr("The notes are too long."))
            return
        self.hand_over_btn.setEnabled(False)

        def done(handover_id: int) -> None:
            self.hand_over_btn.setEnabled(True)
            self.status.setText(self.tr("Handed over at %1.").replace("%1", format_beijing(self.report.now)))
            self.handedOver.emit(handover_id)

        def failed(exc: BaseException) -> None:
            self.hand_over_btn.setEnabled(True)
            self.status.setText(QCoreApplication.translate("HandoverDialog", "Not recorded: %1").replace("%1", str(exc)))

        self.ctx.worker.submit(record_handover, self.ctx.db, self.ctx.actor, notes, self.report.since,
                               self.report.now, on_done=done, on_error=failed)


def open_handover(ctx, parent: QWidget | None = None) -> HandoverDialog:
    """Show the handover screen (non-modal); returns it."""
    dialog = HandoverDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
