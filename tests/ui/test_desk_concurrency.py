"""Two desks on one SQLite file: the window acts on what it displayed; when another desk (a direct
service call on its own connection) changed the incident meanwhile, the window's action is refused
with an inline message naming the change, the form keeps what the officer set, and the database
keeps the other desk's change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from rescue_desk.domain.clock import utc_now
from rescue_desk.services import incidents as svc
from rescue_desk.services.trips import incident_detail
from rescue_desk.storage import open_database

from desk_helpers import save_call, click, open_desk, seed_station, type_words, delete_closed_windows  # noqa: F401

WAIT = 10_000


@pytest.fixture
def station(sqlite_url):
    seed_station(sqlite_url)
    return sqlite_url


@pytest.fixture
def other_desk(station):
    db = open_database(station)
    yield db
    db.dispose()


def _open_incident(db, km: float = 24.5) -> int:
    from rescue_desk.domain.kora import load_kora

    lon, lat = load_kora().point_at(km)
    data = svc.CallInput(received_at=utc_now() - timedelta(minutes=40), text="过了卓玛拉一公里，有人摔伤",
                         position=svc.Position(lon, lat, "officer"))
    return svc.log_call(db, "desk-2", data)[1]


def _show(qtbot, w, incident_id: int):
    board, trip = w.desk.board, w.desk.trip
    board.refresh()
    qtbot.waitUntil(lambda: board.model.row_of(incident_id) >= 0, timeout=WAIT)
    assert board.select_incident(incident_id)
    qtbot.waitUntil(lambda: trip.detail is not None and trip.detail.id == incident_id, timeout=WAIT)
    return trip


def _check_officer(trip, name_en: str) -> None:
    for i in range(trip.roster.count()):
        item = trip.roster.item(i)
        if name_en in item.text() or (name_en == "Tashi" and "扎西" in item.text()):
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(name_en)


def test_dispatch_after_another_desk_moved_the_incident_on_is_refused(qtbot, station, other_desk):
    inc = _open_incident(other_desk)
    w = open_desk(qtbot, station, "zh")
    trip = _show(qtbot, w, inc)
    _check_officer(trip, "Tashi")
    trip.interval.setValue(45)
    # meanwhile the other desk sends Wang Lei (officer 2), who is already on scene
    other_trip = svc.dispatch_trip(other_desk, "desk-2", inc, [2])
    svc.log_trip_time(other_desk, "desk-2", other_trip, "on_scene_at", utc_now() - timedelta(minutes=1))
    click(qtbot, w, "dispatchTrip")
    qtbot.waitUntil(lambda: trip.conflict_msg.isVisible() and "已到达" in trip.conflict_msg.text(), timeout=WAIT)
    text = trip.conflict_msg.text()
    assert "另一台值班台" in text and "km 24.5" in text
    assert trip.detail.status == "on_scene"  # the panel shows the other desk's change
    detail = incident_detail(other_desk, inc)
    assert [t.member_ids for t in detail.trips] == [[2]] and detail.status == "on_scene"
    assert trip.selected_officers() == [1] and trip.interval.value() == 45  # what the officer set is kept


def test_a_trip_time_another_desk_logged_is_not_overwritten(qtbot, station, other_desk):
    inc = _open_incident(other_desk)
    trip_id = svc.dispatch_trip(other_desk, "desk-2", inc, [2])
    w = open_desk(qtbot, station, "en")
    trip = _show(qtbot, w, inc)
    assert trip.trip is not None and trip.step_buttons["departed_at"].isEnabled()
    theirs = utc_now() - timedelta(minutes=12)
    svc.log_trip_time(other_desk, "desk-2", trip_id, "departed_at", theirs)
    mine = (utc_now() - timedelta(minutes=3)).replace(second=0, microsecond=0)
    trip.step_time.set_value(mine)
    click(qtbot, w, "log_departed_at")
    qtbot.waitUntil(lambda: trip.conflict_msg.isVisible() and "Departed" in trip.conflict_msg.text(), timeout=WAIT)
    assert "another desk" in trip.conflict_msg.text() and "Dispatched" in trip.conflict_msg.text()
    assert trip.trip.departed_at == theirs and not trip.step_buttons["departed_at"].isEnabled()
    assert incident_detail(other_desk, inc).trips[0].departed_at == theirs
    assert trip.step_time.value() == mine  # the time the officer typed is still there
    # the message stays while the panel re-reads (another desk's change arriving again)
    w.ctx.bridge.incident_changed(inc)
    qtbot.wait(300)
    assert w.ctx.worker.wait_idle()
    qtbot.waitUntil(lambda: trip.conflict_msg.isVisible() and "Departed" in trip.conflict_msg.text(), timeout=WAIT)


def test_closing_after_another_desk_closed_is_refused(qtbot, station, other_desk):
    inc = _open_incident(other_desk)
    w = open_desk(qtbot, station, "en")
    trip = _show(qtbot, w, inc)
    trip.outcome.setCurrentIndex(trip.outcome.findData("false_alarm"))
    svc.close_incident(other_desk, "desk-2", inc, "rescued")
    click(qtbot, w, "closeIncident")
    qtbot.waitUntil(lambda: "Rescued" in trip.conflict_msg.text(), timeout=WAIT)
    assert trip.detail.status == "closed" and "Closed" in trip.conflict_msg.text()
    row = svc.get_incident(other_desk, inc)
    assert row.status == "closed" and row.outcome == "rescued"


def test_linking_a_call_to_an_incident_changed_meanwhile_is_refused_then_accepted(qtbot, station, other_desk):
    inc = _open_incident(other_desk)
    w = open_desk(qtbot, station, "en")
    intake = w.desk.intake
    lon, lat = w.ctx.kora.point_at(24.7)
    type_words(qtbot, w, "someone hurt below Drolma La")
    w.map.interaction.set_mode("place_call")
    w.map.mapClicked.emit(lon, lat)
    qtbot.waitUntil(lambda: intake.link.findData(inc) >= 0, timeout=WAIT)
    intake.link.setCurrentIndex(intake.link.findData(inc))
    svc.set_status(other_desk, "desk-2", inc, "on_scene")
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: "On scene" in intake.message.text(), timeout=WAIT)
    assert f"#{inc}" in intake.message.text()
    assert svc.get_incident(other_desk, inc).n_calls == 1
    assert intake.text.toPlainText() == "someone hurt below Drolma La"  # the call is kept
    qtbot.waitUntil(lambda: intake._link_versions.get(inc) == svc.get_incident(other_desk, inc).version,
                    timeout=WAIT)
    assert intake.link.currentData() == inc
    save_call(qtbot, w)
    qtbot.waitUntil(lambda: svc.get_incident(other_desk, inc).n_calls == 2, timeout=WAIT)
