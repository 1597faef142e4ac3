"""The incident board: a table model over ``services.board.board_rows``, a filter proxy, and the view."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing, to_beijing, utc_now
from rescue_desk.services.board import IncidentSummary, board_rows

from .widgets import format_duration

REFRESH_MS = 30_000
OVERDUE_BG = QColor("#ffd6d6")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class BoardModel(QAbstractTableModel):
    """Open incidents (rows from ``board_rows``); overdue rows are highlighted. GUI thread only."""

    COLUMNS = ("id", "received", "elapsed", "status", "category", "severity", "place", "next", "words")

    def __init__(self, kora, lang: str, parent=None):
        super().__init__(parent)
        self.kora, self.lang = kora, lang
        self.rows: list[IncidentSummary] = []
        self.now: datetime = utc_now()
        self._headers = {
            "id": self.tr("#"), "received": self.tr("Received"), "elapsed": self.tr("Elapsed"),
            "status": self.tr("Status"), "category": self.tr("Category"), "severity": self.tr("Severity"),
            "place": self.tr("Where"), "next": self.tr("Next step"), "words": self.tr("Caller's words"),
        }
        self._next = {
            "dispatch": self.tr("Dispatch a team"), "log_departure": self.tr("Log departure"),
            "reach_scene": self.tr("Team on the way"), "treat_or_evacuate": self.tr("Treat or evacuate"),
            "return_and_close": self.tr("Return and close"), "close": self.tr("Close the incident"),
            "closed": self.tr("Closed"),
        }
        self._overdue = {
            "no_dispatch": self.tr("Overdue: no team dispatched"),
            "no_departure": self.tr("Overdue: team has not left"),
            "checkin": self.tr("Overdue: no check-in from the team"),
            "on_scene_long": self.tr("Overdue: on scene for long, no evacuation logged"),
            "evacuating_long": self.tr("Overdue: evacuation taking long, no return logged"),
        }

    def set_rows(self, rows: list[IncidentSummary], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = now or utc_now()
        self.endResetModel()

    def tick(self, now: datetime | None = None) -> None:
        """Refresh elapsed times without re-reading the database."""
        self.now = now or utc_now()
        if self.rows:
            col = self.COLUMNS.index("elapsed")
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))

    def row_of(self, incident_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == incident_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def place_text(self, r: IncidentSummary) -> str:
        if r.chainage_km is None:
            return self.tr("not placed")
        lm = self.kora.nearest_landmark(r.chainage_km)
        return f"km {r.chainage_km:.1f} · {lm.short_zh if self.lang == 'zh' else lm.short_en}"

    def display(self, r: IncidentSummary, col: str) -> str:
        if col == "id":
            return str(r.id)
        if col == "received":
            same_day = to_beijing(r.received_at).date() == to_beijing(self.now).date()
            return format_beijing(r.received_at, with_date=not same_day)
        if col == "elapsed":
            return format_duration((self.now - r.received_at).total_seconds())
        if col == "status":
            return codes.label(codes.STATUSES, r.status, self.lang)
        if col == "category":
            return codes.label(codes.CATEGORIES, r.category, self.lang) + (f" ×{r.party_size}" if r.party_size > 1 else "")
        if col == "severity":
            return codes.label(codes.SEVERITIES, r.severity, self.lang)
        if col == "place":
            return self.place_text(r)
        if col == "next":
            return self._overdue[r.overdue] if r.overdue else self._next.get(r.next_step, r.next_step)
        return " ".join(r.text.split())

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(r, col)
        if role == SORT_ROLE:
            return {"id": r.id, "received": r.received_at.timestamp(), "elapsed": r.received_at.timestamp(),
                    "status": codes.STATUS_FLOW.index(r.status), "severity": r.severity,
                    "place": -1.0 if r.chainage_km is None else r.chainage_km,
                    "next": (0 if r.overdue else 1)}.get(col, self.display(r, col))
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.text if col == "words" else (self._overdue.get(r.overdue) if r.overdue else None)
        return None


class BoardFilter(QSortFilterProxyModel):
    """Search text (any column), status and overdue-only filters."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = ""
        self.status = ""
        self.overdue_only = False
        self.setSortRole(SORT_ROLE)

    def _refilter(self, name: str, value) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        self._refilter("search", text.strip().lower())

    def set_status(self, status: str) -> None:
        self._refilter("status", status or "")

    def set_overdue_only(self, on: bool) -> None:
        self._refilter("overdue_only", bool(on))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model: BoardModel = self.sourceModel()
        r = model.rows[source_row]
        if self.status and r.status != self.status:
            return False
        if self.overdue_only and not r.overdue:
            return False
        if self.search:
            hay = " ".join(model.display(r, c) for c in model.COLUMNS).lower() + f" {r.category}"
            return all(word in hay for word in self.search.split())
        return True


class BoardWidget(QWidget):
    """Search, filters and the table (objectName ``incidentBoard``). ``incidentSelected(id)`` on click."""

    incidentSelected = Signal(int)
    refreshed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = BoardModel(ctx.kora, ctx.lang, self)
        self.proxy = BoardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(objectName="boardSearch")
        self.search.setPlaceholderText(self.tr("Search words, place, category…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.status = QComboBox(objectName="boardStatus")
        self.status.addItem(self.tr("All open"), "")
        for code in codes.STATUS_FLOW[:-1]:
            self.status.addItem(codes.label(codes.STATUSES, code, ctx.lang), code)
        self.status.currentIndexChanged.connect(lambda _i: self.proxy.set_status(self.status.currentData()))
        self.overdue = QCheckBox(self.tr("Overdue only"), objectName="boardOverdue")
        self.overdue.toggled.connect(self.proxy.set_overdue_only)
        self.view = QTableView(objectName="incidentBoard")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.overdue)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.view)
        self._selected: int | None = None
        self._stopped = False
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        ctx.bridge.incidentsChanged.connect(self.refresh)
        self.refresh()

    def stop(self) -> None:
        """The window is closing: no more reads."""
        self._stopped = True
        self._timer.stop()

    def refresh(self) -> None:
        """Re-read the open incidents on the database worker."""
        if self._stopped:
            return
        self.ctx.worker.submit(board_rows, self.ctx.db, on_done=self._loaded)

    def _loaded(self, rows) -> None:
        keep = self._selected
        self.model.set_rows(rows)
        if keep is not None:
            self.select_incident(keep, emit=False)
        self.refreshed.emit()

    def _current_changed(self, current: QModelIndex, _previous) -> None:
        if not current.isValid():
            return
        incident_id = current.data(ID_ROLE)
        if incident_id is not None and incident_id != self._selected:
            self._selected = incident_id
            self.incidentSelected.emit(incident_id)

    def select_incident(self, incident_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(incident_id)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():
            return False
        if not emit:
            self._selected = incident_id
        self.view.selectRow(idx.row())
        self.view.scrollTo(idx)
        return True
