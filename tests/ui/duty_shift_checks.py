"""What the duty-shift test checks after every step: everything the desk shows belongs to the selected
incident, and the database agrees."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain import codes
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.services.approach import suggest_approach
from rescue_desk.storage.models import Incident, Officer, Trip

WAIT = 15000
CJK = re.compile(r"[\u4e00-\u9fff]")


def stored(db, incident_id):
    with db.read() as s:
        return s.scalar(select(Incident).where(Incident.id == incident_id).options(
            selectinload(Incident.calls), selectinload(Incident.persons),
            selectinload(Incident.trips).selectinload(Trip.members), selectinload(Incident.trips).selectinload(
                Trip.checkins)))


def settle(qtbot, w) -> None:
    """The worker idle and the panel showing the stored version of the selected incident."""
    assert w.ctx.worker.wait_idle()
    sel = w.desk.selected
    if sel is None:
        return
    version = stored(w.ctx.db, sel).version
    qtbot.waitUntil(lambda: w.desk.trip.detail is not None and w.desk.trip.detail.id == sel
                    and w.desk.trip.detail.version == version, timeout=WAIT)
    assert w.ctx.worker.wait_idle()


def check_desk(qtbot, w) -> None:
    """After every step: header, approach, roster, persons and map belong to the selected incident and
    match the database."""
    settle(qtbot, w)
    desk, trip, lang = w.desk, w.desk.trip, w.ctx.lang
    intake = desk.intake
    if intake.is_dirty() or intake.position is not None:
        assert w.map.pin == pytest.approx(intake.position)  # the pin is the call's being taken
    else:
        assert w.map.pin is None
    sel = desk.selected
    if sel is None:
        return
    inc = stored(w.ctx.db, sel)
    assert all(layer.highlight_id == sel for layer in w.map.incident_layer.layers)  # the ringed marker
    d = trip.detail
    assert d.id == inc.id and d.status == inc.status and d.version == inc.version
    header = trip.header.text()
    assert f"#{sel}<" in header or f"#{sel} " in header
    assert codes.label(codes.STATUSES, inc.status, lang) in header
    # the trip as stored
    assert len(d.trips) == len(inc.trips)
    if inc.trips:
        t, shown = inc.trips[-1], d.trip
        for step in ("departed_at", "on_scene_at", "evacuating_at", "returned_at"):
            assert shown.time_of(step) == getattr(t, step), step
        assert sorted(shown.member_ids) == sorted(m.id for m in t.members)
        assert [c.note for c in shown.checkins] == [c.note for c in t.checkins]
    # persons: exactly this incident's
    persons = [trip.persons.item(i).text() for i in range(trip.persons.count())]
    assert persons == [trip.texts.person(p) for p in inc.persons]
    # roster: every officer once, nothing ticked for an incident just shown
    with w.ctx.db.read() as s:
        n_officers = len(s.scalars(select(Officer).where(Officer.active.is_(True))).all())
    assert trip.roster.count() == n_officers
    # the approach: this incident's, computed afresh from where the database places it
    if trip.dispatch_box.isVisibleTo(trip) and inc.lon is not None:
        expected = suggest_approach(w.ctx.kora, load_walking_model(), trip.depart_time.value(), lon=inc.lon,
                                    lat=inc.lat, hazards=trip.hazards, lang=lang)
        assert trip.approach.text().split("\n")[0] == trip.texts.approach(expected).split("\n")[0]
    else:
        assert trip.approach.text() in ("", trip.tr("Place the incident to get a suggested approach."))
    for box in (trip.dispatch_box, trip.trip_box, trip.person_box, trip.close_box):
        assert box.isEnabled() == (inc.status != "closed")


def one_sentence_in_chinese(text: str) -> None:
    """An error the officer reads: Chinese, no internal field names, no English sentence."""
    assert text and CJK.search(text), text
    assert "_at" not in text and "the time" not in text and "Not saved" not in text, text
