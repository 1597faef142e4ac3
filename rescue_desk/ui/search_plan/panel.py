"""Search plan panel: sightings of a missing pilgrim in, sections of the kora ranked by probability
out, drawn on the shared map and profile and recomputed whenever a sighting or a time changes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.search_plan import MAX_SUSTAINED_KMH, Sighting
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.search_plan import check_sightings_walkable, plan_as_dict, plan_search, resolve_place

from ..text import fill
from .overlays import ProfileSectionsOverlay, SearchPlanMapItem

DATE_FORMAT = "yyyy-MM-dd HH:mm"


def _to_qt(value: datetime) -> QDateTime:
    local = value.astimezone(BEIJING).replace(tzinfo=None)
    return QDateTime(local.date(), local.time())


def _from_qt(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython().replace(tzinfo=BEIJING, second=0, microsecond=0)


class SearchPlanPanel(QWidget):
    """``sightings`` (oldest first) and the computed ``plan`` (the ``search-plan --json`` dict)."""

    planChanged = Signal()

    def __init__(self, kora, lang: str, map_controller=None, profile=None, parent=None):
        super().__init__(parent)
        self.setObjectName("searchPlanPanel")
        self.kora, self.lang = kora, lang
        self.sightings: list[Sighting] = []
        self.plan: dict | None = None
        self.map_item = None
        if map_controller is not None:
            self.map_item = SearchPlanMapItem(kora)
            map_controller.scene.addItem(self.map_item)
        self.profile_overlay = ProfileSectionsOverlay(profile) if profile is not None else None
        self._build()
        self.recompute()

    # --- building ------------------------------------------------------------------------
    def _time_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(objectName=name)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setDateTime(_to_qt(datetime.now(BEIJING)))
        edit.dateTimeChanged.connect(self.recompute)
        return edit

    def _build(self) -> None:
        self.place = QLineEdit(objectName="searchPlace")
        self.place.setPlaceholderText(self.tr("km or a place, e.g. 12.5 or Chuku"))
        self.place.returnPressed.connect(self.add_sighting)
        self.seen_at = self._time_edit("searchSeenAt")
        self.seen_at.dateTimeChanged.disconnect(self.recompute)
        add = QPushButton(self.tr("Add sighting"), objectName="searchAddSighting")
        add.clicked.connect(self.add_sighting)
        remove = QPushButton(self.tr("Remove"), objectName="searchRemoveSighting")
        remove.clicked.connect(self.remove_selected)
        self.table_seen = QTableWidget(0, 2, objectName="searchSightings")
        self.table_seen.setHorizontalHeaderLabels([self.tr("Seen at"), self.tr("Time")])
        self.table_seen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table_seen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_seen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_seen.setMaximumHeight(110)
        self.direction = QComboBox(objectName="searchDirection")
        self.direction.addItem(self.tr("Clockwise"), "cw")
        self.direction.addItem(self.tr("Counter-clockwise (Bon)"), "ccw")
        self.direction.currentIndexChanged.connect(self.recompute)
        self.left_known = QCheckBox(self.tr("Left Darchen at"), objectName="searchLeftKnown")
        self.left_at = self._time_edit("searchLeftAt")
        self.left_at.setEnabled(False)
        self.left_known.toggled.connect(self.left_at.setEnabled)
        self.left_known.toggled.connect(self.recompute)
        self.now = self._time_edit("searchNow")
        now_btn = QPushButton(self.tr("Now"), objectName="searchNowButton")
        now_btn.clicked.connect(lambda: self.now.setDateTime(_to_qt(datetime.now(BEIJING))))
        self.error = QLabel(objectName="searchError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.summary = QLabel(objectName="searchSummary")
        self.summary.setWordWrap(True)
        self.result = QTableWidget(0, 3, objectName="searchPlanTable")
        self.result.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Probability"), self.tr("Section")])
        self.result.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.result.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result.verticalHeader().setVisible(False)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.place, 2)
        row.addWidget(self.seen_at, 1)
        form.addRow(self.tr("Sighting"), row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow(self.table_seen)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.left_known, self.left_at)
        now_row = QHBoxLayout()
        now_row.addWidget(self.now, 1)
        now_row.addWidget(now_btn)
        form.addRow(self.tr("Where now, at"), now_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.result, 1)

    # --- sightings -------------------------------------------------------------------------
    def add_sighting(self) -> bool:
        text = self.place.text().strip()
        if not text:
            self.error.setText(self.tr("Type where they were seen: a km or a place name."))
            return False
        try:
            km = resolve_place(text)
        except ValidationError:
            self.error.setText(self.tr("Unknown place: give a km along the kora or a landmark name."))
            return False
        new = Sighting(km, _from_qt(self.seen_at), text)
        if new.at > _from_qt(self.now):
            self.error.setText(self.tr("That sighting is later than the time now; check its time."))
            return False
        try:  # refused before it joins the list, like a trip step out of order
            check_sightings_walkable([*self.sightings, new], self.direction.currentData())
        except ValidationError as exc:
            self.error.setText(self._explain(exc))
            return False
        self.sightings.append(new)
        self.sightings.sort(key=lambda s: s.at)
        self.place.clear()
        self._fill_sightings()
        self.recompute()
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table_seen.selectedIndexes()}, reverse=True)
        for r in rows:
            del self.sightings[r]
        self._fill_sightings()
        self.recompute()

    def _fill_sightings(self) -> None:
        self.table_seen.setRowCount(len(self.sightings))
        for r, s in enumerate(self.sightings):
            lm = self.kora.nearest_landmark(s.km)
            name = s.note or (lm.short_zh if self.lang == "zh" else lm.short_en)   # as the officer typed it
            self.table_seen.setItem(r, 0, QTableWidgetItem(f"{s.km:.1f} km · {name}"))
            self.table_seen.setItem(r, 1, QTableWidgetItem(s.at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")))

    # --- the plan --------------------------------------------------------------------------
    def _explain(self, exc: ValidationError) -> str:
        """The refusal in the officer's language, from its code and parameters."""
        p = exc.params
        texts = {
            "now_before_sighting": self.tr("The time now is before the last sighting."),
            "left_after_sighting": self.tr("They cannot have left Darchen after the last sighting."),
            "sighting_too_old": self.tr("The last sighting is more than 10 days old: the walking model says nothing then."),
            "sighting_behind": self.tr("The sightings contradict each other: the later one (km %1) is %2 km behind "
                                       "the earlier one (km %3) for this direction. Check the times, places and "
                                       "direction."),
            "sightings_too_fast": self.tr("The sightings contradict each other: km %1 and km %2 are %3 km apart, "
                                          "faster than anyone walks (at most %4 km/h). Check the times and places."),
        }
        text = texts.get(exc.code)
        if text is None:
            return str(exc)
        values = {"sighting_behind": (p.get("later_km"), p.get("behind_km"), p.get("earlier_km")),
                  "sightings_too_fast": (p.get("earlier_km"), p.get("later_km"), p.get("apart_km"),
                                         f"{p.get('max_kmh', MAX_SUSTAINED_KMH):.0f}")}
        return fill(text, *values.get(exc.code, ()))

    def recompute(self) -> None:
        self.error.clear()
        if not self.sightings:
            self.plan = None
            self.summary.setText(self.tr("Add where and when the pilgrim was last seen."))
            self._show([])
            return
        left = _from_qt(self.left_at) if self.left_known.isChecked() else None
        try:
            plan = plan_search(self.sightings, _from_qt(self.now), direction=self.direction.currentData(),
                               left_at=left)
        except ValidationError as exc:
            self.plan = None
            self.error.setText(self._explain(exc))
            self.summary.setText(self.tr("No search plan: see the message above."))
            self._show([])
            return
        self.plan = plan_as_dict(plan)
        top = [s for s in self.plan["sections"] if s["top"]]
        km = sum(s["length_km"] for s in top)
        self.summary.setText(fill(self.tr("%1 h since the last sighting. Sections to search first (marked): %2, "
                                          "holding 80 % of the probability on %3 km of trail."),
                                  f"{plan.elapsed_s / 3600:.1f}", len(top), f"{km:.1f}"))
        self._show(self.plan["sections"])

    def _show(self, sections: list[dict]) -> None:
        shown = [s for s in sections if s["probability"] >= 0.001 or s["top"]]
        self.result.setRowCount(len(shown))
        for r, s in enumerate(shown):
            name = s["name_zh"] if self.lang == "zh" else s["name_en"]
            cells = [str(s["rank"]), f"{s['probability'] * 100:.1f} %",
                     f"{name}  ({s['from_km']:.1f}–{s['to_km']:.1f} km)"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if s["top"]:
                    item.setBackground(QBrush(QColor("#ffebee")))
                self.result.setItem(r, c, item)
        if self.map_item is not None:
            self.map_item.set_sections(sections)
        if self.profile_overlay is not None:
            self.profile_overlay.set_sections(sections)
        self.planChanged.emit()

    def clear_drawing(self) -> None:
        """Take the plan off the map and profile (the panel was closed)."""
        if self.map_item is not None:
            self.map_item.set_sections([])
        if self.profile_overlay is not None:
            self.profile_overlay.set_sections([])

    def redraw(self) -> None:
        self._show(self.plan["sections"] if self.plan else [])
