"""Hazards page of the station editor: sections closed or slowed (snow, rockfall, flooded crossing)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain import station_layer as sl
from rescue_desk.services.station_edits import AddHazard, SetHazardRetired

from .landmarks_page import combo


class HazardsPage(QWidget):
    """Lists every hazard; the form adds one; Lift/Restore retire or bring back the selected one."""

    editRequested = Signal(object)

    def __init__(self, lang: str, length_km: float, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.hazards: list[sl.Hazard] = []
        self.table = QTableWidget(0, 4, objectName="hazardTable")
        self.table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Condition"), self.tr("Dates"),
                                              self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.kind = combo(sl.HAZARD_KINDS, lang, "hazardKind")
        self.from_km, self.to_km = QDoubleSpinBox(objectName="hazardFrom"), QDoubleSpinBox(objectName="hazardTo")
        for spin in (self.from_km, self.to_km):
            spin.setRange(0.0, round(length_km, 2))
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setSuffix(" km")
        self.closed = QCheckBox(self.tr("Closed"), objectName="hazardClosed")
        self.factor = QDoubleSpinBox(objectName="hazardFactor")
        self.factor.setRange(1.0, 10.0)
        self.factor.setSingleStep(0.1)
        self.factor.setValue(1.5)
        self.factor.setPrefix("× ")
        self.closed.toggled.connect(lambda on: self.factor.setEnabled(not on))
        self.seasonal = QCheckBox(self.tr("From – to"), objectName="hazardDated")
        self.valid_from = QDateEdit(QDate.currentDate(), objectName="hazardValidFrom", calendarPopup=True,
                                    displayFormat="yyyy-MM-dd")
        self.valid_to = QDateEdit(QDate.currentDate().addDays(7), objectName="hazardValidTo", calendarPopup=True,
                                  displayFormat="yyyy-MM-dd")
        for d in (self.valid_from, self.valid_to):
            d.setEnabled(False)
            self.seasonal.toggled.connect(d.setEnabled)
        self.pick = QPushButton(self.tr("Pick on map"), objectName="pickHazard", checkable=True)
        self.pick.setToolTip(self.tr("Click the start of the section on the map, then its end"))
        self._picked_from: float | None = None
        self.pick.toggled.connect(lambda _on: setattr(self, "_picked_from", None))
        self.note = QLineEdit(objectName="hazardNote")
        self.add_btn = QPushButton(self.tr("Add hazard"), objectName="addHazard")
        self.add_btn.clicked.connect(self._add)
        self.lift_btn = QPushButton(self.tr("Lift"), objectName="liftHazard")
        self.lift_btn.clicked.connect(lambda: self._retire(True))
        self.restore_btn = QPushButton(self.tr("Restore"), objectName="restoreHazard")
        self.restore_btn.clicked.connect(lambda: self._retire(False))

        form = QFormLayout()
        form.addRow(self.tr("Condition"), self.kind)
        span = QHBoxLayout()
        span.addWidget(self.from_km)
        span.addWidget(QLabel("→"))
        span.addWidget(self.to_km)
        span.addWidget(self.pick)
        form.addRow(self.tr("Section (clockwise)"), span)
        effect = QHBoxLayout()
        effect.addWidget(self.closed)
        effect.addWidget(QLabel(self.tr("walking time")))
        effect.addWidget(self.factor)
        form.addRow(self.tr("Effect"), effect)
        dates = QHBoxLayout()
        dates.addWidget(self.seasonal)
        dates.addWidget(self.valid_from)
        dates.addWidget(self.valid_to)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.lift_btn, self.restore_btn):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        self._selection_changed()

    def picked(self, km: float) -> bool:
        """A map click at chainage ``km`` while picking; True when the section is complete."""
        if self._picked_from is None:
            self._picked_from = km
            self.from_km.setValue(round(km, 2))
            return False
        self.to_km.setValue(round(km, 2))
        self.pick.setChecked(False)
        return True

    def set_hazards(self, hazards: list[sl.Hazard]) -> None:
        self.hazards = list(hazards)
        self.table.setRowCount(len(self.hazards))
        for i, h in enumerate(self.hazards):
            effect = self.tr("closed") if h.closed else f"× {h.speed_factor:g}"
            kind = codes.label(sl.HAZARD_KINDS, h.kind, self.lang)
            dates = f"{h.valid_from or '…'} – {h.valid_to or '…'}" if (h.valid_from or h.valid_to) else ""
            status = self.tr(" (lifted)") if h.retired else ""
            cells = [f"{h.from_km:g}–{h.to_km:g} km", f"{kind}, {effect}{status}", dates, h.note]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, h.hazard_id)
                if h.retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, c, item)
        self._selection_changed()

    def current(self) -> sl.Hazard | None:
        rows = self.table.selectionModel().selectedRows()
        return self.hazards[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        h = self.current()
        self.lift_btn.setEnabled(bool(h and not h.retired))
        self.restore_btn.setEnabled(bool(h and h.retired))

    def _add(self) -> None:
        dated = self.seasonal.isChecked()
        self.editRequested.emit(AddHazard(
            self.kind.currentData(), round(self.from_km.value(), 2), round(self.to_km.value(), 2),
            closed=self.closed.isChecked(), speed_factor=self.factor.value(),
            valid_from=self.valid_from.date().toPython() if dated else None,
            valid_to=self.valid_to.date().toPython() if dated else None, note=self.note.text().strip(),
            text=self.tr("add hazard")))

    def _retire(self, retired: bool) -> None:
        h = self.current()
        if h is not None:
            self.editRequested.emit(SetHazardRetired(h.hazard_id, retired, self.tr("lift hazard") if retired
                                                     else self.tr("restore hazard")))
