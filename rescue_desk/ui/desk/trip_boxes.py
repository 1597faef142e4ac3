"""The trip panel's boxes (dispatch, trip times and check-ins, persons, closing), built onto the panel
``p`` whose attributes they become. Layout only: the panel's methods do the work."""

from __future__ import annotations

from PySide6.QtWidgets import (QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QSpinBox, QToolButton, QVBoxLayout)

from rescue_desk.domain import codes

from ..text import translate
from .trip_texts import step_labels
from .widgets import MessageLabel, TimeEdit, code_combo



def _with_now(edit: TimeEdit, name: str) -> QHBoxLayout:
    """The time editor with a "Now" button beside it."""
    now = QPushButton(translate("TripPanel", "Now"), objectName=name)
    now.clicked.connect(edit.set_now)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(now)
    return row


def build_dispatch_box(p) -> None:
    p.dispatch_box = QGroupBox(translate("TripPanel", "Dispatch a team"))
    p.roster = QListWidget(objectName="roster")
    p.roster.setMaximumHeight(130)
    p.vehicle = code_combo({}, p.ctx.lang, "vehicle", include_blank=translate("TripPanel", "No vehicle (on foot)"))
    p.interval = QSpinBox(objectName="checkinInterval", minimum=5, maximum=720, value=60, suffix=translate("TripPanel", " min"))
    p.depart_time = TimeEdit(object_name="departTime", follow_now=True)
    p.approach = QLabel(objectName="approachText", wordWrap=True)
    p.sunset = MessageLabel("sunsetWarning")
    p.dispatch_btn = QPushButton(translate("TripPanel", "Dispatch"), objectName="dispatchTrip")
    p.dispatch_btn.clicked.connect(p.dispatch)
    p.dispatch_msg = MessageLabel("dispatchMessage")
    f = QFormLayout(p.dispatch_box)
    f.addRow(translate("TripPanel", "Officers"), p.roster)
    f.addRow(translate("TripPanel", "Vehicle"), p.vehicle)
    f.addRow(translate("TripPanel", "Check in every"), p.interval)
    f.addRow(translate("TripPanel", "Plan to leave at"), _with_now(p.depart_time, "departNow"))
    for w in (p.approach, p.sunset, p.dispatch_btn, p.dispatch_msg):
        f.addRow(w)


def build_trip_box(p) -> None:
    p.trip_box = QGroupBox(translate("TripPanel", "Trip"))
    p.trip_info = QLabel(objectName="tripInfo", wordWrap=True)
    p.step_time = TimeEdit(object_name="stepTime", follow_now=True)
    step_row = QGridLayout()
    p.step_buttons = {}
    for i, (step, label) in enumerate(step_labels().items()):
        b = QPushButton(label, objectName=f"log_{step.value}")
        b.clicked.connect(lambda _c=False, s=step.value: p.log_step(s))
        step_row.addWidget(b, i // 2, i % 2)
        p.step_buttons[step.value] = b
    # beside the time, not a row of its own: the step buttons stay in sight on a small screen
    p.undo_step_btn = QToolButton(text="↶", objectName="undoTripStep")
    p.undo_step_btn.setAccessibleName(translate("TripPanel", "Take back the last step"))
    p.undo_step_btn.setToolTip(translate("TripPanel", "Take back the last step") + " — " +
                               translate("TripPanel", "A wrong click: remove the latest logged step (the event log keeps it)"))
    p.undo_step_btn.clicked.connect(p.undo_step)
    p.checkin_status = MessageLabel("checkinStatus")
    p.checkin_note = QLineEdit(objectName="checkinNote", placeholderText=translate("TripPanel", "What the team reported"))
    checkin_btn = QPushButton(translate("TripPanel", "Add check-in"), objectName="addCheckin")
    checkin_btn.clicked.connect(p.add_checkin)
    ci_row = QHBoxLayout()
    ci_row.addWidget(p.checkin_note, 1)
    ci_row.addWidget(checkin_btn)
    p.gpx_btn = QPushButton(translate("TripPanel", "Import GPX track…"), objectName="importGpx")
    p.gpx_btn.clicked.connect(p._choose_gpx)
    p.trip_msg = MessageLabel("tripMessage")
    t = QVBoxLayout(p.trip_box)
    t.addWidget(p.trip_info)
    time_row = _with_now(p.step_time, "stepNow")
    time_row.addWidget(p.undo_step_btn)
    t.addLayout(time_row)
    t.addLayout(step_row)
    t.addWidget(p.checkin_status)
    t.addLayout(ci_row)
    t.addWidget(p.gpx_btn)
    t.addWidget(p.trip_msg)


def build_persons_box(p) -> None:
    p.person_box = QGroupBox(translate("TripPanel", "Persons found"))
    p.persons = QListWidget(objectName="persons")
    p.persons.setMaximumHeight(90)
    p.age = QSpinBox(objectName="personAge", minimum=-1, maximum=110, value=-1)
    p.age.setSpecialValueText(translate("TripPanel", "age unknown"))
    p.sex = code_combo(codes.SEXES, p.ctx.lang, "personSex")
    p.sex.setCurrentIndex(p.sex.findData("unknown"))
    p.origin = code_combo(codes.ORIGINS, p.ctx.lang, "personOrigin")
    p.condition = QLineEdit(objectName="personCondition", placeholderText=translate("TripPanel", "Condition (e.g. conscious, hypoxic)"))
    p.person_outcome = code_combo(codes.PERSON_OUTCOMES, p.ctx.lang, "personOutcome")
    add_person = QPushButton(translate("TripPanel", "Add person"), objectName="addPerson")
    add_person.clicked.connect(p.add_person)
    p.person_msg = MessageLabel("personMessage")
    f = QFormLayout(p.person_box)
    f.addRow(p.persons)
    row = QHBoxLayout()
    row.addWidget(p.age)
    row.addWidget(p.sex)
    f.addRow(row)
    f.addRow(p.origin)
    f.addRow(translate("TripPanel", "Condition"), p.condition)
    f.addRow(translate("TripPanel", "Outcome"), p.person_outcome)
    f.addRow(add_person)
    f.addRow(p.person_msg)


def build_close_box(p) -> None:
    p.close_box = QGroupBox(translate("TripPanel", "Close the incident"))
    p.outcome = code_combo(codes.INCIDENT_OUTCOMES, p.ctx.lang, "incidentOutcome")
    close_btn = QPushButton(translate("TripPanel", "Close incident"), objectName="closeIncident")
    close_btn.clicked.connect(p.close_incident)
    p.close_msg = MessageLabel("closeMessage")
    c = QHBoxLayout()
    c.addWidget(p.outcome, 1)
    c.addWidget(close_btn)
    cl = QVBoxLayout(p.close_box)
    cl.addLayout(c)
    cl.addWidget(p.close_msg)
