"""The rescue-trip panel: a view of ONE incident's ``IncidentDetail`` — team and vehicle, the suggested
approach with ETA and sunset, trip times, check-ins, persons found, the GPX track, closing.

Everything it shows belongs to ``incident_id``: selecting another incident empties every field at
once (approach, ticks, persons, typed notes) before the new incident's detail arrives, and answers
for an incident no longer selected are dropped. Closed incidents are read only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.gpx import read_gpx
from rescue_desk.domain.incident import TRIP_STEPS, RuleError, TripStep
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.services import incidents as svc
from rescue_desk.services.approach import suggest_approach
from rescue_desk.services.errors import ConcurrentChange, ValidationError
from rescue_desk.services.station import active_hazards
from rescue_desk.services.trips import attach_track, incident_detail, roster

from ..text import fill
from .errors import error_text
from .trip_boxes import build_close_box, build_dispatch_box, build_persons_box, build_trip_box
from .trip_texts import TripTexts, step_labels
from .widgets import MessageLabel

STEPS = tuple(s.value for s in TRIP_STEPS)


def _read_and_attach_track(db, actor: str, trip_id: int, path: str) -> int:
    """Database thread: parse the GPX file and store it on the trip."""
    return attach_track(db, actor, trip_id, read_gpx(path))


def _load_panel(db, incident_id: int):
    """Incident detail, the roster and today's station hazards, in one trip to the database thread."""
    return incident_detail(db, incident_id), roster(db), active_hazards(db, utc_now())


class TripPanel(QWidget):
    """Shows and edits the rescue of one incident. Every action is one named operation on the worker;
    the panel reloads from the change notice it causes. ``changed(id)`` after each load."""

    changed = Signal(int)

    def __init__(self, ctx, map_ctrl, parent=None):
        super().__init__(parent)
        self.setObjectName("tripPanel")
        self.ctx, self.map = ctx, map_ctrl
        self.texts = TripTexts(ctx)
        self.detail = None
        self.incident_id: int | None = None
        self.plan = None
        self.hazards: list = []
        self.header = QLabel(self.tr("Select an incident on the board."), objectName="tripHeader", wordWrap=True)
        self.conflict_msg = MessageLabel("tripConflict")  # another desk's change, over every box
        build_dispatch_box(self)
        build_trip_box(self)
        build_persons_box(self)
        build_close_box(self)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        for w in (self.header, self.conflict_msg, self.dispatch_box, self.trip_box, self.person_box, self.close_box):
            lay.addWidget(w)
        lay.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.setMinimumWidth(340)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._stopped = False
        self._auto_vehicle = True
        self._conflict = False  # a refused action: explain another desk's change on the next load
        self._notice = ""  # that explanation, kept across reloads until the next action
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(self._update_checkin_status)
        self._tick.start()
        self.depart_time.dateTimeChanged.connect(lambda _v: self.update_approach())
        ctx.bridge.incidentChanged.connect(self._incident_changed)
        self._clear()

    # --- loading ----------------------------------------------------------------------
    def stop(self) -> None:
        """The window is closing: no more database work."""
        self._stopped = True
        self._tick.stop()

    def show_incident(self, incident_id: int | None) -> None:
        if self._stopped:
            return
        if incident_id != self.incident_id:
            self.incident_id = incident_id
            self._auto_vehicle = True
            self._conflict, self._notice = False, ""
            self._clear()
            if incident_id is not None:
                self.header.setText(self.texts.loading(incident_id))
        if incident_id is not None:
            self._load(incident_id)

    def _load(self, incident_id: int) -> None:
        self.ctx.worker.submit(_load_panel, self.ctx.db, incident_id, on_done=self._loaded,
                               on_error=lambda e: incident_id == self.incident_id and self.header.setText(error_text(e)))

    def _incident_changed(self, incident_id: int) -> None:
        if incident_id == self.incident_id:
            self._load(incident_id)

    def _loaded(self, result) -> None:
        detail, (officers, vehicles), hazards = result
        if detail.id != self.incident_id:
            return  # the officer has selected another incident meanwhile
        first = self.detail is None or self.detail.id != detail.id
        self.hazards = hazards
        self._fill_roster(officers, vehicles)
        self._show(detail, first)
        if self._conflict:
            self._notice, self._conflict = self.texts.conflict(detail), False
        self.conflict_msg.show_error(self._notice)
        self.changed.emit(detail.id)

    def _clear(self) -> None:
        """Nothing of the previous incident stays: texts, ticks, typed notes, persons, messages."""
        self.detail, self.plan = None, None
        self.header.setText(self.tr("Select an incident on the board."))
        self.header.setToolTip("")
        for m in (self.dispatch_msg, self.trip_msg, self.person_msg, self.close_msg, self.conflict_msg, self.sunset,
                  self.checkin_status):
            m.clear_message()
        for w in (self.approach, self.trip_info, self.persons, self.checkin_note, self.condition):
            w.clear()
        self.approach.setToolTip("")
        for i in range(self.roster.count()):
            self.roster.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.age.setValue(-1)
        for box, code in ((self.sex, "unknown"), (self.origin, None), (self.person_outcome, None), (self.outcome, None)):
            box.setCurrentIndex(max(box.findData(code), 0) if code else 0)
        self.depart_time.set_now()
        self.step_time.set_now()
        self.interval.setValue(60)
        for box in (self.dispatch_box, self.trip_box, self.person_box, self.close_box):
            box.setEnabled(False)
        self.dispatch_box.hide()
        self.trip_box.hide()

    def _fill_roster(self, officers, vehicles) -> None:
        checked = set(self.selected_officers())
        self.roster.clear()
        for o in officers:
            item = QListWidgetItem(self.texts.roster_item(o))
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if o.id in checked else Qt.CheckState.Unchecked)
            if o.out:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.roster.addItem(item)
        current = self.vehicle.currentData()
        self.vehicle.clear()
        self.vehicle.addItem(self.tr("No vehicle (on foot)"), None)
        for v in vehicles:
            self.vehicle.addItem(f"{v.name} {v.plate}".strip() + (f" ({self.tr('out')})" if v.out else ""), v.id)
        i = self.vehicle.findData(current)
        if self._auto_vehicle:  # a newly selected incident: offer the first vehicle at the station
            free = next((v.id for v in vehicles if not v.out), None)
            i = self.vehicle.findData(free) if free is not None else 0
            self._auto_vehicle = False
        self.vehicle.setCurrentIndex(max(i, 0))

    def _show(self, d, first: bool) -> None:
        self.detail = d
        for box in (self.dispatch_box, self.trip_box, self.person_box, self.close_box):
            box.setEnabled(not d.closed)
        self.header.setText(self.texts.header(d))
        self.header.setToolTip(self.texts.full_words(d))
        trip = d.trip
        self.dispatch_box.setVisible(not d.closed and (trip is None or trip.returned_at is not None))
        self.trip_box.setVisible(trip is not None)
        if self.dispatch_box.isVisibleTo(self):
            self.update_approach()
        else:
            self.plan = None
            self.approach.clear()
            self.sunset.clear_message()
        if trip is not None:
            self.trip_info.setText(self.texts.trip_info(trip))
            for step in STEPS:
                self.step_buttons[step].setEnabled(trip.time_of(step) is None)
            self.undo_step_btn.setEnabled(any(trip.time_of(step) is not None for step in STEPS))
            self._update_checkin_status()
            if trip.track:
                self.map.show_track(f"trip-{trip.id}", trip.track)
        self.persons.clear()
        for p in d.persons:
            self.persons.addItem(self.texts.person(p))

    @property
    def trip(self):
        return self.detail.trip if self.detail else None

    def _update_checkin_status(self) -> None:
        trip = self.trip
        due = trip.checkin_due() if trip else None
        if due is None:
            self.checkin_status.clear_message()
        elif utc_now() > due:
            self.checkin_status.show_error(self.tr("OVERDUE: ") + self.texts.checkin_due(trip, due))
        else:
            self.checkin_status.show_info(self.texts.checkin_due(trip, due))

    def update_approach(self) -> None:
        d = self.detail
        self.plan = None
        if d is None:
            return
        if d.chainage_km is None:
            self.approach.setText(self.tr("Place the incident to get a suggested approach."))
            self.sunset.clear_message()
            return
        try:
            self.plan = suggest_approach(self.ctx.kora, load_walking_model(), self.depart_time.value(),
                                         lon=d.lon, lat=d.lat, hazards=self.hazards, lang=self.ctx.lang)
        except ValidationError as exc:
            self.approach.setText(error_text(exc))
            return
        self.approach.setText(self.texts.approach(self.plan))
        self.approach.setToolTip(self.plan.assumptions)
        kind, text = self.texts.sunset(self.plan)
        {"error": self.sunset.show_error, "warning": self.sunset.show_warning, "info": self.sunset.show_info}[kind](text)

    # --- actions ----------------------------------------------------------------------
    def _submit(self, fn, *args, message: MessageLabel, on_done=None) -> None:
        incident_id = self.incident_id

        def failed(exc):
            if incident_id != self.incident_id:
                return
            if isinstance(exc, ConcurrentChange):
                self._conflict = True  # the reload explains what the other desk changed
                self._load(incident_id)
                return
            message.show_error(error_text(exc))

        if self._stopped or incident_id is None:
            return
        self._notice = ""
        self.conflict_msg.clear_message()
        message.clear_message()
        self.ctx.notices.run_op(fn, self.ctx.db, self.ctx.actor, *args, on_done=on_done, on_error=failed)

    def conflict_text(self, d) -> str:
        return self.texts.conflict(d)

    def selected_officers(self) -> list[int]:
        return [self.roster.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.roster.count())
                if self.roster.item(i).checkState() == Qt.CheckState.Checked]

    def dispatch(self) -> None:
        if self.detail is None:
            return
        officers = self.selected_officers()
        if not officers:
            self.dispatch_msg.show_error(self.tr("Choose at least one officer."))
            return
        approach = self.plan.to_json() if self.plan else None
        self._submit(svc.dispatch_trip, self.detail.id, officers, self.vehicle.currentData(), approach,
                     None, self.interval.value(), self.detail.version, message=self.dispatch_msg,
                     on_done=lambda _t: self._uncheck_roster())

    def _uncheck_roster(self) -> None:
        for i in range(self.roster.count()):
            self.roster.item(i).setCheckState(Qt.CheckState.Unchecked)

    def log_step(self, step: str) -> None:
        """Log ``step`` at the time shown; a time in the future or out of order is refused here, at once."""
        trip, at = self.trip, self.step_time.value()
        if trip is None:
            return
        try:
            trip.check_step(step, at, self.detail.created_at, utc_now())
        except RuleError as exc:
            self.trip_msg.show_error(error_text(exc))
            return
        self._submit(svc.log_trip_time, trip.id, step, at, self.detail.version, message=self.trip_msg,
                     on_done=lambda _r: self.step_time.set_now())

    def undo_step(self) -> None:
        """Take back the latest logged step of the trip shown (a wrong click)."""
        trip = self.trip
        if trip is None:
            return
        self._submit(svc.undo_last_trip_step, trip.id, self.detail.version, message=self.trip_msg,
                     on_done=lambda step: self.trip_msg.show_info(
                         fill(self.tr("Taken back: %1."), step_labels()[TripStep(step)])))

    def add_checkin(self) -> None:
        if self.trip is None:
            return
        self._submit(svc.add_checkin, self.trip.id, self.step_time.value(), self.checkin_note.text().strip(),
                     message=self.trip_msg, on_done=lambda _r: self.checkin_note.clear())

    def add_person(self) -> None:
        if self.detail is None:
            return
        data = svc.PersonInput(age=None if self.age.value() < 0 else self.age.value(), sex=self.sex.currentData(),
                               origin=self.origin.currentData(), condition=self.condition.text().strip(),
                               outcome=self.person_outcome.currentData(),
                               trip_id=self.trip.id if self.trip else None)
        self._submit(svc.add_person, self.detail.id, data, message=self.person_msg,
                     on_done=lambda _r: self.condition.clear())

    def close_incident(self) -> None:
        if self.detail is None:
            return
        self._submit(svc.close_incident, self.detail.id, self.outcome.currentData(), None, self.detail.version,
                     message=self.close_msg)

    def _choose_gpx(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Team GPX track"), "", self.tr("GPX files (*.gpx)"))
        if path:
            self.import_gpx(path)

    def import_gpx(self, path: str) -> None:
        """Read, check and store the team's track on the database worker (files can be large);
        a broken file or a track from elsewhere comes back as an inline message."""
        if self.trip is not None:
            self._submit(_read_and_attach_track, self.trip.id, path, message=self.trip_msg)
