"""Intake details: linking a call to an open incident nearby, bad input kept in the form,
landmark picking, declared datum."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.locator import locate
from rescue_desk.services.incidents import CallInput, Position, log_call
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call, Incident

from desk_helpers import save_call, click, open_desk, type_words, wait_located, delete_closed_windows  # noqa: F401


def _count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count(model.id)))


def test_a_call_near_an_open_incident_is_offered_and_linked(qtbot, sqlite_url):
    db = open_database(sqlite_url)
    lon, lat = db and __import__("rescue_desk.domain.kora", fromlist=["load_kora"]).load_kora().point_at(5.6)
    _c, open_id = log_call(db, "t", CallInput(received_at=utc_now() - timedelta(minutes=40), text="色雄 高反",
                                              position=Position(lon, lat, "words")))
    db.dispose()
    w = open_desk(qtbot, sqlite_url)
    intake = w.desk.intake
    type_words(qtbot, w, "在色雄附近，我们是刚才那个高反的队友")
    wait_located(qtbot, intake)
    qtbot.waitUntil(lambda: intake.link.findData(open_id) >= 0, timeout=10000)
    assert intake.link_label.isVisible()
    intake.link.setCurrentIndex(intake.link.findData(open_id))
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: f"#{open_id}" in intake.message.text(), timeout=10000)
    assert _count(w.ctx.db, Incident) == 1 and _count(w.ctx.db, Call) == 2
    with w.ctx.db.read() as s:
        assert {c.incident_id for c in s.scalars(select(Call))} == {open_id}


def test_a_call_far_away_is_not_offered(qtbot, sqlite_url):
    db = open_database(sqlite_url)
    from rescue_desk.domain.kora import load_kora

    lon, lat = load_kora().point_at(30.0)
    log_call(db, "t", CallInput(received_at=utc_now() - timedelta(minutes=40), text="x",
                                position=Position(lon, lat, "words")))
    db.dispose()
    w = open_desk(qtbot, sqlite_url)
    intake = w.desk.intake
    type_words(qtbot, w, "at Tarboche flagpole")
    wait_located(qtbot, intake)
    qtbot.wait(600)
    w.ctx.worker.wait_idle()
    assert intake.link.count() == 1 and not intake.link_label.isVisible()


def test_bad_input_gives_inline_messages_and_keeps_the_form(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url, "en")
    intake = w.desk.intake
    text = "near Sershong, two people exhausted"
    type_words(qtbot, w, text)
    wait_located(qtbot, intake)
    intake.caller_phone.setText("13800000000")
    # a time in the future
    intake.received.set_value(utc_now() + timedelta(hours=2))
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "future" in intake.message.text(), timeout=10000)
    assert intake.received.property("invalid") is True
    assert intake.text.toPlainText() == text and intake.caller_phone.text() == "13800000000"
    # a negative party size
    intake.received.set_now()
    intake.party.setValue(-2)
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "Party size" in intake.message.text(), timeout=10000)
    assert intake.party.property("invalid") is True and intake.text.toPlainText() == text
    # an unknown landmark
    intake.landmark.setText("Xanadu Palace")
    assert not intake.pick_landmark(intake.landmark.text())
    assert "Unknown landmark" in intake.message.text() and intake.landmark.text() == "Xanadu Palace"
    assert _count(w.ctx.db, Call) == 0
    # fixed: saves
    intake.party.setValue(2)
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "#" in intake.message.text(), timeout=10000)
    assert _count(w.ctx.db, Call) == 1


def test_picking_a_landmark_places_the_pin_there(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url, "zh")
    intake = w.desk.intake
    type_words(qtbot, w, "有人摔伤了")
    lm = w.ctx.kora.landmark("卓玛拉山口")
    assert intake.pick_landmark("卓玛拉山口")
    assert w.map.pin == pytest.approx((lm.lon, lm.lat))
    assert intake.source.currentData() == "officer" and intake.position_fixed


def test_declared_datum_is_passed_to_the_locator_and_saved(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url, "en")
    intake = w.desk.intake
    intake.datum.setCurrentIndex(intake.datum.findData("gcj02"))
    text = "my phone says 31.0150, 81.2650"
    type_words(qtbot, w, text)
    wait_located(qtbot, intake)
    expected = locate(text, call_time=intake.received.value(), kora=w.ctx.kora, datum="gcj02")
    plain = locate(text, call_time=intake.received.value(), kora=w.ctx.kora)
    assert w.map.estimate["best"] == pytest.approx((expected.lon, expected.lat))
    assert (expected.lon, expected.lat) != pytest.approx((plain.lon, plain.lat))
    assert intake.source.currentData() == "map_app"
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "#" in intake.message.text(), timeout=10000)
    with w.ctx.db.read() as s:
        call = s.scalar(select(Call))
        assert call.datum == "gcj02" and call.estimate["method"] == "coordinates"
        assert call.incident.pos_source == "map_app"


def test_clicking_the_map_places_the_call_and_the_saved_incident_is_selected(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url, "en")
    intake = w.desk.intake
    lon, lat = w.ctx.kora.point_at(2.0)
    w.map.mapClicked.emit(lon, lat)  # browsing: a click places nothing
    assert intake.position is None and w.map.interaction.mode == "browse"
    intake.caller_name.setText("Mr Sharma")
    click(qtbot, w, "placeOnMap")
    assert w.map.interaction.mode == "place_call"
    assert "place the call" in w.map.interaction.badge.label.text()
    w.map.mapClicked.emit(lon, lat)
    assert intake.position == pytest.approx((lon, lat)) and intake.source.currentData() == "officer"
    assert w.map.pin == pytest.approx((lon, lat)) and intake.position_fixed
    # a second click would move an accepted pin: the officer is asked, and a "no" keeps it
    questions = []
    intake.confirm_move = lambda q: questions.append(q) or False
    other = w.ctx.kora.point_at(3.0)
    w.map.mapClicked.emit(*other)
    assert len(questions) == 1 and intake.position == pytest.approx((lon, lat))
    w.map.pinMoved.emit(*other)  # a drag asks too, and the pin goes back
    assert len(questions) == 2 and w.map.pin == pytest.approx((lon, lat))
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "#" in intake.message.text(), timeout=10000)
    incident_id = int(intake.message.text().split("#")[1].rstrip("."))
    qtbot.waitUntil(lambda: w.desk.trip.detail is not None and w.desk.trip.detail.id == incident_id, timeout=10000)
    assert w.desk.trip.detail.chainage_km == pytest.approx(2.0, abs=0.01)
