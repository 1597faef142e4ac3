"""The duty desk end to end on a real window: words → estimate on the map → save → board and
database → dispatch with the suggested approach → trip times, persons → close."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.locator import locate
from rescue_desk.storage.models import Incident, Trip

from desk_helpers import save_call, click, open_desk, seed_station, type_words, wait_located, delete_closed_windows  # noqa: F401


@pytest.fixture
def station(sqlite_url):
    seed_station(sqlite_url)
    return sqlite_url


def _incident(db, incident_id):
    from sqlalchemy.orm import selectinload
    from sqlalchemy import select

    with db.read() as s:
        return s.scalar(select(Incident).where(Incident.id == incident_id).options(
            selectinload(Incident.calls), selectinload(Incident.persons),
            selectinload(Incident.trips).selectinload(Trip.members)))


def _take_call(qtbot, w, text):
    intake = w.desk.intake
    type_words(qtbot, w, text)
    wait_located(qtbot, intake)
    expected = locate(text, call_time=intake.received.value(), kora=w.ctx.kora)
    assert expected.placed
    best = w.map.estimate["best"]
    assert best == pytest.approx((expected.lon, expected.lat))
    assert w.map.estimate["corridor"] == [list(r) for r in expected.corridor()]
    assert w.map.pin == pytest.approx((expected.lon, expected.lat))
    assert intake.last_estimate_ms is not None
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "#" in intake.message.text() and intake.save_btn.isEnabled(), timeout=10000)
    incident_id = int(intake.message.text().split("#")[1].rstrip(".。"))
    return incident_id, expected


def _run_the_rescue(qtbot, w, incident_id):
    board, trip = w.desk.board, w.desk.trip
    qtbot.waitUntil(lambda: board.model.row_of(incident_id) >= 0, timeout=10000)
    assert board.select_incident(incident_id)
    qtbot.waitUntil(lambda: trip.detail is not None and trip.detail.id == incident_id, timeout=10000)
    assert trip.plan is not None and trip.plan.best.eta_p50_s > 0
    assert "P50" in trip.approach.text() and "P90" in trip.approach.text()
    trip.roster.item(0).setCheckState(Qt.CheckState.Checked)
    assert trip.vehicle.currentData() == 1  # the station's free vehicle is offered
    click(qtbot, w, "dispatchTrip")
    qtbot.waitUntil(lambda: trip.trip is not None, timeout=10000)
    assert trip.trip_box.isVisible() and not trip.dispatch_box.isVisible()
    assert "Tashi" in trip.trip_info.text() or "扎西" in trip.trip_info.text()

    # bad input: a time in the future is refused inline, nothing is logged
    trip.step_time.set_value(utc_now() + timedelta(hours=3))
    click(qtbot, w, "log_departed_at")
    qtbot.waitUntil(lambda: trip.trip_msg.isVisible(), timeout=10000)
    assert trip.trip_msg.text()
    assert _incident(w.ctx.db, incident_id).trips[0].departed_at is None
    assert not trip.undo_step_btn.isEnabled()  # nothing logged yet
    trip.step_time.set_now()
    click(qtbot, w, "log_departed_at")
    qtbot.waitUntil(lambda: trip.trip.departed_at is not None, timeout=10000)
    # a wrong click: "returned" for "on scene", taken back, then the right step logged
    trip.step_time.set_now()
    click(qtbot, w, "log_returned_at")
    qtbot.waitUntil(lambda: trip.trip.returned_at is not None, timeout=10000)
    click(qtbot, w, "undoTripStep")
    qtbot.waitUntil(lambda: trip.trip.returned_at is None and trip.trip_msg.isVisible(), timeout=10000)
    assert trip.step_buttons["returned_at"].isEnabled() and _incident(w.ctx.db, incident_id).trips[0].returned_at is None
    for step in ("on_scene_at", "evacuating_at"):
        trip.step_time.set_now()
        click(qtbot, w, f"log_{step}")
        qtbot.waitUntil(lambda s=step: getattr(trip.trip, s) is not None, timeout=10000)
    assert _incident(w.ctx.db, incident_id).status == "evacuating"
    # bad input: return before departure
    trip.step_time.set_value(trip.trip.departed_at - timedelta(minutes=30))
    click(qtbot, w, "log_returned_at")
    qtbot.waitUntil(lambda: trip.trip_msg.isVisible(), timeout=10000)
    assert trip.trip.returned_at is None

    trip.checkin_note.setText("到达色雄，一切正常")
    trip.step_time.set_now()
    click(qtbot, w, "addCheckin")
    qtbot.waitUntil(lambda: len(trip.trip.checkins) == 1, timeout=10000)
    trip.age.setValue(34)
    trip.condition.setText("hypoxic, conscious")
    trip.person_outcome.setCurrentIndex(trip.person_outcome.findData("evacuated_darchen"))
    click(qtbot, w, "addPerson")
    qtbot.waitUntil(lambda: trip.persons.count() == 1, timeout=10000)
    # closing while the team is still out is refused, in the officer's words; nothing changes
    trip.outcome.setCurrentIndex(trip.outcome.findData("rescued"))
    click(qtbot, w, "closeIncident")
    qtbot.waitUntil(lambda: trip.close_msg.isVisible(), timeout=10000)
    assert "return" in trip.close_msg.text() or "返回" in trip.close_msg.text(), trip.close_msg.text()
    assert _incident(w.ctx.db, incident_id).status == "evacuating" and board.model.row_of(incident_id) >= 0
    trip.step_time.set_now()
    click(qtbot, w, "log_returned_at")
    qtbot.waitUntil(lambda: trip.trip.returned_at is not None, timeout=10000)
    trip.outcome.setCurrentIndex(trip.outcome.findData("rescued"))
    click(qtbot, w, "closeIncident")
    qtbot.waitUntil(lambda: board.model.row_of(incident_id) < 0, timeout=10000)
    inc = _incident(w.ctx.db, incident_id)
    assert inc.status == "closed" and inc.outcome == "rescued"
    t = inc.trips[0]
    assert [m.name_en for m in t.members] == ["Tashi"] and t.vehicle_id == 1
    assert t.departed_at <= t.on_scene_at <= t.evacuating_at <= t.returned_at
    assert t.approach["best"]["access_id"] and t.approach["best"]["eta_p90_s"] >= t.approach["best"]["eta_p50_s"]
    assert inc.persons[0].age == 34 and inc.persons[0].outcome == "evacuated_darchen"


def test_chinese_call_from_words_to_closed_incident(qtbot, station):
    w = open_desk(qtbot, station, "zh")
    assert isinstance(w.findChild(QTableView, "incidentBoard"), QTableView)
    w.desk.intake.category.setCurrentIndex(w.desk.intake.category.findData("altitude_sickness"))
    w.desk.intake.party.setValue(2)
    text = "在色雄往前走了两公里，同伴高反很严重"
    incident_id, expected = _take_call(qtbot, w, text)
    inc = _incident(w.ctx.db, incident_id)
    assert inc.calls[0].text == text and inc.party_size == 2 and inc.category == "altitude_sickness"
    assert inc.est_chainage_km == pytest.approx(expected.chainage_km, abs=1e-3)
    assert inc.pos_source == "words" and inc.pos_chainage_km == pytest.approx(expected.chainage_km, abs=0.01)
    assert inc.calls[0].estimate["intervals_km"]
    _run_the_rescue(qtbot, w, incident_id)


def test_english_call_typed_with_a_dragged_pin(qtbot, station):
    w = open_desk(qtbot, station, "en")
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert w.desk.intake_dock.isVisible()
    intake = w.desk.intake
    text = "we are 1 km past Tarboche, my friend has a headache and cannot walk"
    type_words(qtbot, w, text)
    wait_located(qtbot, intake)
    expected = locate(text, call_time=intake.received.value(), kora=w.ctx.kora)
    assert w.map.estimate["best"] == pytest.approx((expected.lon, expected.lat))
    # the officer knows better and drags the pin 300 m along the trail
    lon, lat = w.ctx.kora.point_at(expected.chainage_km + 0.3)
    w.map.pinMoved.emit(lon, lat)
    assert intake.source.currentData() == "officer"
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "#" in intake.message.text(), timeout=10000)
    incident_id = int(intake.message.text().split("#")[1].rstrip("."))
    inc = _incident(w.ctx.db, incident_id)
    assert inc.est_chainage_km == pytest.approx(expected.chainage_km, abs=1e-3)
    assert inc.pos_source == "officer" and inc.pos_confirmed
    assert inc.pos_chainage_km == pytest.approx(expected.chainage_km + 0.3, abs=0.02)
    assert intake.text.toPlainText() == "" and w.map.pin is None
    _run_the_rescue(qtbot, w, incident_id)
