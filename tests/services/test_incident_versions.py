"""Two desks act on the same incident from what each displayed: the second, stale action is refused
with ConcurrentChange and the database keeps the first (SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents as svc
from rescue_desk.services.trips import incident_detail
from rescue_desk.storage.errors import ConcurrentChange
from rescue_desk.storage.models import Call, Officer, Trip


@pytest.fixture
def station(any_db):
    with any_db.write("admin", "roster") as s:
        s.add_all([Officer(name="扎西"), Officer(name="王磊")])
    return any_db


def _open_incident(db) -> int:
    lon, lat = load_kora().point_at(24.5)
    data = svc.CallInput(received_at=utc_now() - timedelta(minutes=40), text="过了卓玛拉一公里，有人摔伤",
                         position=svc.Position(lon, lat, "officer"))
    return svc.log_call(db, "duty", data)[1]


def _trip_count(db, incident_id: int) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(Trip.id)).where(Trip.incident_id == incident_id))


def test_second_dispatch_from_a_stale_board_is_refused(station):
    inc = _open_incident(station)
    seen = svc.get_incident(station, inc).version  # both desks show this version
    svc.dispatch_trip(station, "desk-1", inc, [1], expected_version=seen)
    with pytest.raises(ConcurrentChange):
        svc.dispatch_trip(station, "desk-2", inc, [2], expected_version=seen)
    assert _trip_count(station, inc) == 1
    assert incident_detail(station, inc).trips[0].member_ids == [1]


def test_a_logged_trip_time_is_never_overwritten(station):
    inc = _open_incident(station)
    trip = svc.dispatch_trip(station, "desk-1", inc, [1])
    seen = svc.get_incident(station, inc).version
    first, second = utc_now() - timedelta(minutes=20), utc_now() - timedelta(minutes=5)
    svc.log_trip_time(station, "desk-1", trip, "departed_at", first, expected_version=seen)
    # departure does not move a dispatched incident on, so the version alone would not catch this
    assert svc.get_incident(station, inc).version == seen
    with pytest.raises(ConcurrentChange):
        svc.log_trip_time(station, "desk-2", trip, "departed_at", second, expected_version=seen)
    assert incident_detail(station, inc).trips[0].departed_at == first
    svc.log_trip_time(station, "desk-1", trip, "on_scene_at", second, expected_version=seen)
    with pytest.raises(ConcurrentChange):  # the incident is now "on scene": desk-2's view is stale
        svc.log_trip_time(station, "desk-2", trip, "evacuating_at", utc_now(), expected_version=seen)
    detail = incident_detail(station, inc)
    assert detail.status == "on_scene" and detail.trips[0].evacuating_at is None


def test_close_and_link_from_a_stale_view_are_refused(station):
    inc = _open_incident(station)
    seen = svc.get_incident(station, inc).version
    svc.set_status(station, "desk-1", inc, "dispatched", expected_version=seen)
    with pytest.raises(ConcurrentChange):
        svc.close_incident(station, "desk-2", inc, "false_alarm", expected_version=seen)
    lon, lat = load_kora().point_at(24.6)
    second_call = svc.CallInput(received_at=utc_now() - timedelta(minutes=10), text="卓玛拉下面有人受伤",
                                position=svc.Position(lon, lat, "officer"))
    with pytest.raises(ConcurrentChange):
        svc.log_call(station, "desk-2", second_call, inc, expected_version=seen)
    row = svc.get_incident(station, inc)
    assert row.status == "dispatched" and row.outcome is None and row.n_calls == 1
    with station.read() as s:
        assert s.scalar(select(func.count(Call.id))) == 1
    svc.log_call(station, "desk-2", second_call, inc, expected_version=row.version)  # re-read: accepted
    assert svc.get_incident(station, inc).n_calls == 2
