"""The rescue-trip panel for the selected incident: team and vehicle, the suggested approach with
ETA and sunset warning, trip times, check-ins, persons found, the GPX track, closing."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSpinBox, QVBoxLayout,
                               QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing, utc_now
from rescue_desk.domain.gpx import GpxError, read_gpx
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.services import incidents as svc
from rescue_desk.services.approach import suggest_approach
from rescue_desk.services.errors import ConcurrentChange, ValidationError
from rescue_desk.services.station import active_hazards
from rescue_desk.services.trips import attach_track, incident_detail, roster

from .widgets import MessageLabel, TimeEdit, code_combo, format_duration

STEPS = ("departed_at", "on_scene_at", "evacuating_at", "returned_at")


def _read_and_attach_track(db, actor: str, trip_id: int, path: str) -> int:
    """Database thread: parse the GPX file and store it on the trip."""
    return attach_track(db, actor, trip_id, read_gpx(path))


def _load_panel(db, incident_id: int):
    """Incident detail, the roster and today's station hazards, in one trip to the database thread."""
    return incident_detail(db, incident_id), roster(db), active_hazards(db, utc_now())


class TripPanel(QWidget):
    """Shows and edits the rescue of one incident. Every action is one service call on the worker."""

    changed = Signal(int)

    def __init__(self, ctx, map_ctrl, parent=None):
        super().__init__(parent)
        self.setObjectName("tripPanel")
        self.ctx, self.map = ctx, map_ctrl
        self.detail = None
        self.incident_id: int | None = None
        self.plan = None
        self.hazards: list = []
        lang = ctx.lang
        self.header = QLabel(self.tr("Select an incident on the board."), objectName="tripHeader")
        self.header.setWordWrap(True)
        self.conflict_msg = MessageLabel("tripConflict")  # another desk's change, over every box

        # dispatch
        self.dispatch_box = QGroupBox(self.tr("Dispatch a team"))
        self.roster = QListWidget(objectName="roster")
        self.roster.setMaximumHeight(130)
        self.vehicle = code_combo({}, lang, "vehicle", include_blank=self.tr("No vehicle (on foot)"))
        self.interval = QSpinBox(objectName="checkinInterval")
        self.interval.setRange(5, 720)
        self.interval.setValue(60)
        self.interval.setSuffix(self.tr(" min"))
        self.depart_time = TimeEdit(object_name="departTime", follow_now=True)
        self.approach = QLabel(objectName="approachText")
        self.approach.setWordWrap(True)
        self.sunset = MessageLabel("sunsetWarning")
        self.dispatch_btn = QPushButton(self.tr("Dispatch"), objectName="dispatchTrip")
        self.dispatch_btn.clicked.connect(self.dispatch)
        self.dispatch_msg = MessageLabel("dispatchMessage")
        f = QFormLayout(self.dispatch_box)
        f.addRow(self.tr("Officers"), self.roster)
        f.addRow(self.tr("Vehicle"), self.vehicle)
        f.addRow(self.tr("Check in every"), self.interval)
        f.addRow(self.tr("Plan to leave at"), self.depart_time)
        f.addRow(self.approach)
        f.addRow(self.sunset)
        f.addRow(self.dispatch_btn)
        f.addRow(self.dispatch_msg)
        self.depart_time.dateTimeChanged.connect(lambda _v: self.update_approach())

        # trip times and check-ins
        self.trip_box = QGroupBox(self.tr("Trip"))
        self.trip_info = QLabel(objectName="tripInfo")
        self.trip_info.setWordWrap(True)
        self.step_time = TimeEdit(object_name="stepTime", follow_now=True)
        step_row = QGridLayout()
        self.step_buttons = {}
        for i, (step, label) in enumerate(zip(STEPS, (self.tr("Departed"), self.tr("On scene"),
                                                      self.tr("Evacuating"), self.tr("Returned")))):
            b = QPushButton(label, objectName=f"log_{step}")
            b.clicked.connect(lambda _c=False, s=step: self.log_step(s))
            step_row.addWidget(b, i // 2, i % 2)
            self.step_buttons[step] = b
        self.checkin_status = MessageLabel("checkinStatus")
        self.checkin_note = QLineEdit(objectName="checkinNote")
        self.checkin_note.setPlaceholderText(self.tr("What the team reported"))
        checkin_btn = QPushButton(self.tr("Add check-in"), objectName="addCheckin")
        checkin_btn.clicked.connect(self.add_checkin)
        ci_row = QHBoxLayout()
        ci_row.addWidget(self.checkin_note, 1)
        ci_row.addWidget(checkin_btn)
        self.gpx_btn = QPushButton(self.tr("Import GPX track…"), objectName="importGpx")
        self.gpx_btn.clicked.connect(self._choose_gpx)
        self.trip_msg = MessageLabel("tripMessage")
        t = QVBoxLayout(self.trip_box)
        t.addWidget(self.trip_info)
        t.addWidget(self.step_time)
        t.addLayout(step_row)
        t.addWidget(self.checkin_status)
        t.addLayout(ci_row)
        t.addWidget(self.gpx_btn)
        t.addWidget(self.trip_msg)

        # persons
        self.person_box = QGroupBox(self.tr("Persons found"))
        self.persons = QListWidget(objectName="persons")
        self.persons.setMaximumHeight(90)
        self.age = QSpinBox(objectName="personAge")
        self.age.setRange(-1, 110)
        self.age.setSpecialValueText(self.tr("age unknown"))
        self.age.setValue(-1)
        self.sex = code_combo(codes.SEXES, lang, "personSex")
        self.sex.setCurrentIndex(self.sex.findData("unknown"))
        self.origin = code_combo(codes.ORIGINS, lang, "personOrigin")
        self.condition = QLineEdit(objectName="personCondition")
        self.condition.setPlaceholderText(self.tr("Condition (e.g. conscious, hypoxic)"))
        self.person_outcome = code_combo(codes.PERSON_OUTCOMES, lang, "personOutcome")
        add_person = QPushButton(self.tr("Add person"), objectName="addPerson")
        add_person.clicked.connect(self.add_person)
        self.person_msg = MessageLabel("personMessage")
        p = QFormLayout(self.person_box)
        p.addRow(self.persons)
        row = QHBoxLayout()
        row.addWidget(self.age)
        row.addWidget(self.sex)
        p.addRow(row)
        p.addRow(self.origin)
        p.addRow(self.tr("Condition"), self.condition)
        p.addRow(self.tr("Outcome"), self.person_outcome)
        p.addRow(add_person)
        p.addRow(self.person_msg)

        # close
        self.close_box = QGroupBox(self.tr("Close the incident"))
        self.outcome = code_combo(codes.INCIDENT_OUTCOMES, lang, "incidentOutcome")
        close_btn = QPushButton(self.tr("Close incident"), objectName="closeIncident")
        close_btn.clicked.connect(self.close_incident)
        self.close_msg = MessageLabel("closeMessage")
        c = QHBoxLayout()
        c.addWidget(self.outcome, 1)
        c.addWidget(close_btn)
        cl = QVBoxLayout(self.close_box)
        cl.addLayout(c)
        cl.addWidget(self.close_msg)

        inner = QWidget()
        lay = QVBoxLayout(inner)
        for w in (self.header, self.conflict_msg, self.dispatch_box, self.trip_box, self.person_box, self.close_box):
            lay.addWidget(w)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(360)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._stopped = False
        self._auto_vehicle = True
        self._reset_inputs = True
        self._conflict = False  # a refused action: explain another desk's change on the next reload
        self._notice = ""  # that explanation, kept across reloads until the next action
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(self._update_checkin_status)
        self._tick.start()
        ctx.bridge.incidentChanged.connect(self._incident_changed)
        self._show(None)

    # --- loading ----------------------------------------------------------------------
    def stop(self) -> None:
        """The window is closing: no more database work."""
        self._stopped = True
        self._tick.stop()

    def show_incident(self, incident_id: int | None) -> None:
        if self._stopped:
            return
        if incident_id != self.incident_id:
            self._auto_vehicle = True
            self._reset_inputs = True
            self._conflict, self._notice = False, ""
        self.incident_id = incident_id
        if incident_id is None:
            self._show(None)
            return
        self.ctx.worker.submit(_load_panel, self.ctx.db, incident_id, on_done=self._loaded,
                               on_error=lambda e: self.header.setText(str(e)))

    def _incident_changed(self, incident_id: int) -> None:
        if incident_id == self.incident_id:
            self.show_incident(incident_id)

    def _loaded(self, result) -> None:
        detail, (officers, vehicles), hazards = result
        if detail.id != self.incident_id:
            return
        self.hazards = hazards
        self._fill_roster(officers, vehicles)
        self._show(detail)
        if self._conflict:
            self._notice, self._conflict = self.conflict_text(detail), False
        self.conflict_msg.show_error(self._notice)
        self.changed.emit(detail.id)

    def _fill_roster(self, officers, vehicles) -> None:
        checked = {self.roster.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.roster.count())
                   if self.roster.item(i).checkState() == Qt.CheckState.Checked}
        self.roster.clear()
        for o in officers:
            name = o.name if self.ctx.lang == "zh" or not o.name_en else o.name_en
            state = self.tr("out") if o.out else self.tr("at station")
            text = self.tr("%1 — %2, %3 h in the field today").replace("%1", name).replace("%2", state) \
                .replace("%3", f"{o.hours_today:.1f}")
            item = QListWidgetItem(text)
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
            label = f"{v.name} {v.plate}".strip() + (f" ({self.tr('out')})" if v.out else "")
            self.vehicle.addItem(label, v.id)
        i = self.vehicle.findData(current)
        if self._auto_vehicle:  # a newly selected incident: offer the first vehicle at the station
            free = next((v.id for v in vehicles if not v.out), None)
            i = self.vehicle.findData(free) if free is not None else 0
            self._auto_vehicle = False
        self.vehicle.setCurrentIndex(max(i, 0))

    def _show(self, d) -> None:
        self.detail = d
        for box in (self.dispatch_box, self.trip_box, self.person_box, self.close_box):
            box.setEnabled(d is not None and d.status != "closed")
        for m in (self.dispatch_msg, self.trip_msg, self.person_msg, self.close_msg):
            m.clear_message()
        if d is None:
            self.dispatch_box.hide()
            self.trip_box.hide()
            self.header.setText(self.tr("Select an incident on the board."))
            self.approach.clear()
            self.sunset.clear_message()
            self.trip_info.clear()
            self.persons.clear()
            return
        lang = self.ctx.lang
        where = self.tr("not placed") if d.chainage_km is None else f"km {d.chainage_km:.1f}"
        status = codes.label(codes.STATUSES, d.status, lang)
        if d.outcome:
            status += " · " + codes.label(codes.INCIDENT_OUTCOMES, d.outcome, lang)
        words = html.escape(" / ".join(t for t in d.texts if t)[:200])
        self.header.setText(f"<b>#{d.id}</b> · {codes.label(codes.CATEGORIES, d.category, lang)} · {status} · "
                            f"{where}<br>{words}")
        trip = self.trip
        self.dispatch_box.setVisible(trip is None or trip.returned_at is not None)
        self.trip_box.setVisible(trip is not None)
        if trip is None:
            if self._reset_inputs:
                self.depart_time.set_now()
            self.update_approach()
        else:
            self._show_trip(trip)
        self._reset_inputs = False
        self.persons.clear()
        for p in d.persons:
            age = "?" if p.age is None else str(p.age)
            self.persons.addItem(f"{codes.label(codes.SEXES, p.sex, lang)} {age} · "
                                 f"{codes.label(codes.ORIGINS, p.origin, lang)} · {p.condition} · "
                                 f"{codes.label(codes.PERSON_OUTCOMES, p.outcome, lang) if p.outcome else ''}")
        if trip is not None and trip.track:
            self.map.show_track(f"trip-{trip.id}", trip.track)

    @property
    def trip(self):
        return self.detail.trips[-1] if self.detail and self.detail.trips else None

    def _show_trip(self, trip) -> None:
        names = ", ".join(trip.member_names if self.ctx.lang == "zh" else trip.member_names_en) + (f" · {trip.vehicle_name}" if trip.vehicle_name else "")
        lines = [names]
        for step, label in zip(STEPS, (self.tr("Departed"), self.tr("On scene"), self.tr("Evacuating"),
                                       self.tr("Returned"))):
            value = getattr(trip, step)
            lines.append(f"{label}: {format_beijing(value) if value else '—'}")
            self.step_buttons[step].setEnabled(value is None)
        if trip.approach and trip.approach.get("best"):
            b = trip.approach["best"]
            lines.append(self.tr("Planned: %1, ETA %2").replace("%1", self._access_name(b))
                         .replace("%2", format_duration(b["eta_p50_s"])))
        if trip.track_points:
            lines.append(self.tr("GPS track: %1 points").replace("%1", str(trip.track_points)))
        for c in trip.checkins[-3:]:
            lines.append(f"✆ {format_beijing(c.at, with_date=False)} {c.note}")
        self.trip_info.setText("\n".join(lines))
        if self._reset_inputs:
            self.step_time.set_now()
        self._update_checkin_status()

    def _update_checkin_status(self) -> None:
        trip = self.trip
        due = trip.checkin_due() if trip else None
        if due is None:
            self.checkin_status.clear_message()
            return
        text = self.tr("Check-in every %1 min; next due %2").replace("%1", str(trip.checkin_interval_min)) \
            .replace("%2", format_beijing(due, with_date=False))
        if utc_now() > due:
            self.checkin_status.show_error(self.tr("OVERDUE: ") + text)
        else:
            self.checkin_status.show_info(text)

    # --- approach ---------------------------------------------------------------------
    def _access_name(self, opt: dict) -> str:
        return opt["access_name_zh"] if self.ctx.lang == "zh" else opt["access_name_en"]

    def update_approach(self) -> None:
        d = self.detail
        self.plan = None
        if d is None or d.chainage_km is None:
            self.approach.setText(self.tr("Place the incident to get a suggested approach."))
            self.sunset.clear_message()
            return
        try:
            self.plan = suggest_approach(self.ctx.kora, load_walking_model(), self.depart_time.value(),
                                         lon=d.lon, lat=d.lat, hazards=self.hazards, lang=self.ctx.lang)
        except ValidationError as exc:
            self.approach.setText(str(exc))
            return
        b = self.plan.best
        direction = self.tr("clockwise") if b.direction == "cw" else self.tr("counter-clockwise")
        text = self.tr("Suggested: drive %1 km to %2, then walk %3 km %4.") \
            .replace("%1", f"{b.drive_km:.1f}").replace("%2", b.access_name_zh if self.ctx.lang == "zh"
                                                         else b.access_name_en) \
            .replace("%3", f"{b.walk_km:.1f}").replace("%4", direction)
        text += "\n" + self.tr("ETA P50 %1 (arrive %2), P90 %3 (arrive %4)") \
            .replace("%1", format_duration(b.eta_p50_s)).replace("%2", format_beijing(b.arrival_p50, False)) \
            .replace("%3", format_duration(b.eta_p90_s)).replace("%4", format_beijing(b.arrival_p90, False))
        others = [o for o in self.plan.options[1:3]]
        if others:
            text += "\n" + self.tr("Other ways: %1").replace("%1", "; ".join(
                f"{o.access_name_zh if self.ctx.lang == 'zh' else o.access_name_en} "
                f"{self.tr('clockwise') if o.direction == 'cw' else self.tr('counter-clockwise')} "
                f"{format_duration(o.eta_p50_s)}" for o in others))
        if self.plan.hazard_notes:
            text += "\n" + self.tr("Hazards: %1").replace("%1", "; ".join(self.plan.hazard_notes))
        self.approach.setText(text)
        self.approach.setToolTip(self.plan.assumptions)
        sunset = format_beijing(self.plan.sunset, False) if self.plan.sunset else "?"
        if self.plan.after_sunset_p50:
            self.sunset.show_error(self.tr("Arrival in the dark (sunset %1): take head torches, plan for the dark.")
                                   .replace("%1", sunset))
        elif self.plan.after_sunset_p90:
            self.sunset.show_warning(self.tr("A slow team may arrive in the dark (sunset %1).").replace("%1", sunset))
        else:
            self.sunset.show_info(self.tr("Sunset %1").replace("%1", sunset))

    # --- actions ----------------------------------------------------------------------
    def _submit(self, fn, *args, message: MessageLabel):
        incident_id = self.incident_id

        def done(_result):
            self._reset_inputs = True
            self.ctx.bridge.incident_changed(incident_id)

        def failed(exc):
            if isinstance(exc, ConcurrentChange) and incident_id == self.incident_id:
                self._conflict = True  # the reload explains what the other desk changed
                self.ctx.bridge.incident_changed(incident_id)
                return
            message.show_error(self._error_text(exc))

        if self._stopped:
            return
        self._notice = ""
        self.conflict_msg.clear_message()
        message.clear_message()
        self.ctx.worker.submit(fn, self.ctx.db, self.ctx.actor, *args, on_done=done, on_error=failed)

    def conflict_text(self, d) -> str:
        """What another desk changed, in the officer's language, from the reloaded incident ``d``."""
        status = codes.label(codes.STATUSES, d.status, self.ctx.lang)
        if d.outcome:
            status += " · " + codes.label(codes.INCIDENT_OUTCOMES, d.outcome, self.ctx.lang)
        if d.chainage_km is None:
            where = self.tr("not placed")
        else:
            lm = self.ctx.kora.nearest_landmark(d.chainage_km)
            where = f"km {d.chainage_km:.1f} · {lm.short_zh if self.ctx.lang == 'zh' else lm.short_en}"
        text = self.tr("Not saved: another desk has just changed this incident; it is now “%1” (%2). Check it and "
                       "try again.").replace("%1", status).replace("%2", where)
        trip = self.trip
        labels = (self.tr("Departed"), self.tr("On scene"), self.tr("Evacuating"), self.tr("Returned"))
        logged = [f"{label} {format_beijing(getattr(trip, step), with_date=False)}"
                  for step, label in zip(STEPS, labels) if trip is not None and getattr(trip, step) is not None]
        if logged:
            text += " " + self.tr("Trip times logged: %1.").replace("%1", ", ".join(logged))
        return text

    def _error_text(self, exc: BaseException) -> str:
        text = str(exc)
        if isinstance(exc, GpxError):
            return self.tr("GPX not imported: %1").replace("%1", text)
        if isinstance(exc, ValidationError):
            if "future" in text:
                return self.tr("That time is in the future; correct it.")
            if "before" in text:
                return self.tr("That time is before an earlier step (%1).").replace("%1", text)
            if "after" in text:
                return self.tr("That time is after a later step (%1).").replace("%1", text)
        return self.tr("Not saved: %1").replace("%1", text)

    def selected_officers(self) -> list[int]:
        return [self.roster.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.roster.count())
                if self.roster.item(i).checkState() == Qt.CheckState.Checked]

    def dispatch(self) -> None:
        if self.incident_id is None or self.detail is None:
            return
        officers = self.selected_officers()
        if not officers:
            self.dispatch_msg.show_error(self.tr("Choose at least one officer."))
            return
        approach = self.plan.to_json() if self.plan else None
        self._submit(svc.dispatch_trip, self.incident_id, officers, self.vehicle.currentData(), approach,
                     None, self.interval.value(), self.detail.version, message=self.dispatch_msg)

    def log_step(self, step: str) -> None:
        if self.trip is None:
            return
        self._submit(svc.log_trip_time, self.trip.id, step, self.step_time.value(), self.detail.version,
                     message=self.trip_msg)

    def add_checkin(self) -> None:
        if self.trip is None:
            return
        self._submit(svc.add_checkin, self.trip.id, self.step_time.value(), self.checkin_note.text().strip(),
                     message=self.trip_msg)
        self.checkin_note.clear()

    def add_person(self) -> None:
        if self.incident_id is None:
            return
        data = svc.PersonInput(age=None if self.age.value() < 0 else self.age.value(), sex=self.sex.currentData(),
                               origin=self.origin.currentData(), condition=self.condition.text().strip(),
                               outcome=self.person_outcome.currentData(),
                               trip_id=self.trip.id if self.trip else None)
        self._submit(svc.add_person, self.incident_id, data, message=self.person_msg)
        self.condition.clear()

    def close_incident(self) -> None:
        if self.incident_id is None or self.detail is None:
            return
        self._submit(svc.close_incident, self.incident_id, self.outcome.currentData(), None, self.detail.version,
                     message=self.close_msg)

    def _choose_gpx(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Team GPX track"), "", self.tr("GPX files (*.gpx)"))
        if path:
            self.import_gpx(path)

    def import_gpx(self, path: str) -> None:
        """Read, check and store the team's track on the database worker (files can be large);
        a broken file or a track from elsewhere comes back as an inline message."""
        if self.trip is None:
            return
        self._submit(_read_and_attach_track, self.trip.id, path, message=self.trip_msg)
