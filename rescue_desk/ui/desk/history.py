"""The incident history (objectName ``incidentHistory``): every incident, open and closed, searched by
words, dates, category, outcome and km; open one in the desk (read only when closed), replay it or
print it. Reads run on the database worker; it re-reads when incidents change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDoubleSpinBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing
from rescue_desk.services.history import HistoryQuery, search_incidents

from ..text import fill
from .board import ID_ROLE, BoardModel
from .widgets import code_combo

SEARCH_DEBOUNCE_MS = 250


class HistoryModel(BoardModel):
    """The board's model with the columns a look back needs (date always shown, outcome)."""

    COLUMNS = ("id", "received", "status", "category", "outcome", "place", "words")

    def __init__(self, kora, lang: str, parent=None):
        super().__init__(kora, lang, parent)
        self._headers["outcome"] = self.tr("Outcome")

    def display(self, r, col: str) -> str:
        if col == "received":
            return format_beijing(r.received_at)
        if col == "outcome":
            return codes.label(codes.INCIDENT_OUTCOMES, r.outcome, self.lang) if r.outcome else ""
        return super().display(r, col)


class IncidentHistory(QWidget):
    """``openRequested(id)``, ``replayRequested(id)`` (GUI thread)."""

    openRequested = Signal(int)
    replayRequested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("incidentHistoryPanel")
        self.ctx = ctx
        lang = ctx.lang
        self.model = HistoryModel(ctx.kora, lang, self)
        self.search = QLineEdit(objectName="historySearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Words, #number…"))
        self.date_from = self._date_edit("historyFrom")
        self.date_to = self._date_edit("historyTo")
        self.category = code_combo(codes.CATEGORIES, lang, "historyCategory", include_blank=self.tr("Any category"))
        self.outcome = code_combo(codes.INCIDENT_OUTCOMES, lang, "historyOutcome", include_blank=self.tr("Any outcome"))
        self.state = QComboBox(objectName="historyState")
        for text, code in ((self.tr("Open and closed"), ""), (self.tr("Open"), "open"), (self.tr("Closed"), "closed")):
            self.state.addItem(text, code)
        self.km_from = self._km_edit("historyKmFrom", self.tr("km from"))
        self.km_to = self._km_edit("historyKmTo", self.tr("km to"))
        self.view = QTableView(objectName="incidentHistory")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.count = QLabel(objectName="historyCount")
        self.open_btn = QPushButton(self.tr("Open in desk"), objectName="historyOpen")
        self.replay_btn = QPushButton(self.tr("Replay"), objectName="historyReplay")
        self.print_btn = QPushButton(self.tr("Print…"), objectName="historyPrint")
        self.open_btn.clicked.connect(self.open_selected)
        self.replay_btn.clicked.connect(lambda: self._emit_selected(self.replayRequested))
        self.print_btn.clicked.connect(self.print_selected)
        filters = QHBoxLayout()  # two rows, so the dock fits beside the map on a 1366-pixel screen
        filters.addWidget(self.search, 2)
        for w in (self.date_from, QLabel("–"), self.date_to):
            filters.addWidget(w)
        more = QHBoxLayout()
        for w in (self.category, self.outcome, self.state, self.km_from, self.km_to):
            more.addWidget(w)
        more.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        for b in (self.open_btn, self.replay_btn, self.print_btn):
            actions.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(filters)
        lay.addLayout(more)
        lay.addWidget(self.view, 1)
        lay.addLayout(actions)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(lambda _d: self._timer.start())
        for w in (self.category, self.outcome, self.state):
            w.currentIndexChanged.connect(lambda _i: self._timer.start())
        for w in (self.km_from, self.km_to):
            w.valueChanged.connect(lambda _v: self._timer.start())
        ctx.bridge.incidentsChanged.connect(self._timer.start)
        self._stopped = False
        self._busy = False

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any date"))
        edit.setDate(edit.minimumDate())
        return edit

    def _km_edit(self, name: str, tip: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(objectName=name, minimum=-1.0, maximum=60.0, decimals=1, value=-1.0, singleStep=1.0)
        box.setSpecialValueText(tip)
        box.setToolTip(tip)
        return box

    def query(self) -> HistoryQuery:
        def day(edit: QDateEdit) -> date | None:
            return None if edit.date() == edit.minimumDate() else edit.date().toPython()

        def km(box: QDoubleSpinBox) -> float | None:
            return None if box.value() < 0 else box.value()

        return HistoryQuery(text=self.search.text().strip(), date_from=day(self.date_from), date_to=day(self.date_to),
                            category=self.category.currentData() or "", outcome=self.outcome.currentData() or "",
                            km_from=km(self.km_from), km_to=km(self.km_to), state=self.state.currentData() or "")

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def refresh(self) -> None:
        """Search on the database worker; a change meanwhile searches again after."""
        if self._stopped or not self.ctx.worker.running:
            return
        if self._busy:
            self._timer.start()
            return
        self._busy = True
        self.ctx.worker.submit(search_incidents, self.ctx.db, self.query(), on_done=self._loaded,
                               on_error=self._failed)

    def _loaded(self, rows) -> None:
        self._busy = False
        keep = self.selected_id()
        self.model.set_rows(rows)
        self.count.setText(fill(self.tr("%1 incidents"), len(rows)))
        if keep is not None:
            self.select(keep)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.count.setText(fill(self.tr("Search failed: %1"), str(exc)))

    def selected_id(self) -> int | None:
        idx = self.view.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select(self, incident_id: int) -> bool:
        row = self.model.row_of(incident_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def _emit_selected(self, signal) -> None:
        incident_id = self.selected_id()
        if incident_id is not None:
            signal.emit(incident_id)

    def open_selected(self) -> None:
        self._emit_selected(self.openRequested)

    def summary_html(self, incident_id: int) -> str:
        r = self.model.rows[self.model.row_of(incident_id)]
        cells = "".join(f"<tr><th align=left>{self.model.headerData(i, Qt.Orientation.Horizontal)}</th>"
                        f"<td>{self.model.display(r, c)}</td></tr>" for i, c in enumerate(self.model.COLUMNS))
        return f"<h2>#{r.id}</h2><table>{cells}</table>"

    def print_selected(self, printer: QPrinter | None = None) -> None:
        """Print the selected incident's summary (a print dialog unless ``printer`` is given)."""
        incident_id = self.selected_id()
        if incident_id is None:
            return
        if printer is None:
            printer = QPrinter()
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return
        doc = QTextDocument()
        doc.setHtml(self.summary_html(incident_id))
        doc.print_(printer)


__all__ = ["IncidentHistory", "HistoryModel"]
