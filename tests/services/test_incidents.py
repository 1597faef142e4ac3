"""Desk use cases: each is one committed transaction with its events; bad input is refused whole."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents as svc
from rescue_desk.services.errors import ValidationError
from rescue_desk.storage.errors import ConcurrentChange
from rescue_desk.storage.models import Call, Event, Incident, Officer, Vehicle


@pytest.fixture
def roster(any_db):
    with any_db.write("admin", "roster") as s:
        s.add_all([Officer(name="扎西"), Officer(name="王磊"), Vehicle(name="皮卡一号")])
    return any_db


def _call(minutes_ago=30, **kw):
    lon, lat = load_kora().point_at(24.5)
    defaults = dict(received_at=utc_now() - timedelta(minutes=minutes_ago), text="过了卓玛拉一公里，有人摔伤",
                    category="fall_injury", severity=3, party_size=2,
                    estimate={"status": "placed", "lon": lon, "lat": lat, "chainage_km": 24.5,
                              "intervals_km": [[24.0, 25.2]]})
    defaults.update(kw)
    return svc.CallInput(**defaults)


def test_full_incident_flow_is_logged(roster):
    db = roster
    call_id, inc_id = svc.log_call(db, "duty", _call())
    trip = svc.dispatch_trip(db, "duty", inc_id, [1, 2], vehicle_id=1)
    now = utc_now()
    svc.log_trip_time(db, "duty", trip, "departed_at", now - timedelta(minutes=20))
    svc.log_trip_time(db, "duty", trip, "on_scene_at", now - timedelta(minutes=5))
    svc.add_person(db, "duty", inc_id, svc.PersonInput(age=45, sex="male", origin="indian_yatri", outcome="hospital"))
    svc.log_trip_time(db, "duty", trip, "returned_at", now)
    svc.close_incident(db, "duty", inc_id, "hospital", at=now)
    row = svc.get_incident(db, inc_id)
    assert row.status == "closed" and row.outcome == "hospital"
    assert row.chainage_km == pytest.approx(24.5, abs=0.01)
    with db.read() as s:
        ops = [e.operation for e in s.scalars(select(Event).where(Event.incident_id == inc_id).order_by(Event.id))]
    assert ops[0] == "log_call" and "dispatch_trip" in ops and ops[-1] == "close_incident"
    assert "log_on_scene" in ops and "add_person" in ops


def test_times_out_of_order_are_refused(roster):
    db = roster
    _c, inc = svc.log_call(db, "duty", _call(minutes_ago=60))
    trip = svc.dispatch_trip(db, "duty", inc, [1])
    now = utc_now()
    svc.log_trip_time(db, "duty", trip, "departed_at", now - timedelta(minutes=30))
    with pytest.raises(ValidationError) as err:
        svc.log_trip_time(db, "duty", trip, "returned_at", now - timedelta(minutes=40))
    assert err.value.field == "returned_at"
    with pytest.raises(ValidationError):
        svc.log_trip_time(db, "duty", trip, "on_scene_at", now + timedelta(hours=2))
    with pytest.raises(ValidationError):
        svc.log_trip_time(db, "duty", trip, "departed_at", now - timedelta(hours=3))  # before the call


@pytest.mark.parametrize("bad, field", [
    (dict(party_size=-2), "party_size"), (dict(received_at=utc_now() + timedelta(hours=1)), "received_at"),
    (dict(category="aliens"), "category"), (dict(severity=9), "severity"), (dict(datum="osgb"), "datum"),
])
def test_bad_call_is_refused_and_nothing_written(db, bad, field):
    with pytest.raises(ValidationError) as err:
        svc.log_call(db, "duty", _call(**bad))
    assert err.value.field == field
    with db.read() as s:
        assert s.scalar(select(func.count(Incident.id))) == 0
        assert s.scalar(select(func.count(Event.id))) == 0


def test_naive_time_is_refused(db):
    with pytest.raises(ValidationError):
        svc.log_call(db, "duty", _call(received_at=datetime(2025, 6, 1, 12, 0)))


def test_linked_calls_and_nearby_lookup(db):
    _c1, inc = svc.log_call(db, "duty", _call(minutes_ago=50))
    lon, lat = load_kora().point_at(24.9)
    assert svc.nearby_open_incidents(db, lon, lat, utc_now()) == [inc]
    far_lon, far_lat = load_kora().point_at(8.0)
    assert svc.nearby_open_incidents(db, far_lon, far_lat, utc_now()) == []
    svc.log_call(db, "duty", _call(minutes_ago=10, text="second caller, same group", severity=4), incident_id=inc)
    row = svc.get_incident(db, inc)
    assert row.n_calls == 2 and row.severity == 4
    with db.read() as s:
        assert s.scalar(select(func.count(Call.id))) == 2


def test_an_incident_with_a_team_out_cannot_be_closed(roster):
    db = roster
    _c, inc = svc.log_call(db, "duty", _call())
    trip = svc.dispatch_trip(db, "duty", inc, [1], vehicle_id=1)
    now = utc_now()
    svc.close_incident(db, "duty", svc.log_call(db, "duty", _call())[1], "false_alarm")  # no team: fine
    svc.log_trip_time(db, "duty", trip, "departed_at", now - timedelta(minutes=30))
    with pytest.raises(svc.ValidationError) as refused:
        svc.close_incident(db, "duty", inc, "resolved_by_phone", at=now)
    assert refused.value.code == "team_still_out" and refused.value.params == {"incident": inc, "trip": trip}
    assert svc.get_incident(db, inc).status != "closed"
    svc.log_trip_time(db, "duty", trip, "returned_at", now)
    svc.close_incident(db, "duty", inc, "resolved_by_phone", at=now)
    assert svc.get_incident(db, inc).status == "closed"


def test_concurrent_edit_is_detected(any_db):
    _c, inc = svc.log_call(any_db, "duty", _call())
    version = svc.get_incident(any_db, inc).version
    svc.set_status(any_db, "desk-1", inc, "dispatched", expected_version=version)
    with pytest.raises(ConcurrentChange):
        svc.set_status(any_db, "desk-2", inc, "on_scene", expected_version=version)
    assert svc.get_incident(any_db, inc).status == "dispatched"


def test_list_incidents_open_only(db):
    _c, a = svc.log_call(db, "duty", _call(minutes_ago=40))
    _c, b = svc.log_call(db, "duty", _call(minutes_ago=20))
    svc.close_incident(db, "duty", a, "false_alarm")
    assert [r.id for r in svc.list_incidents(db, open_only=True)] == [b]
    assert [r.id for r in svc.list_incidents(db)] == [b, a]
    assert svc.list_incidents(db)[0].to_json()["received_at"].endswith("+00:00")


def test_times_are_stored_as_instants(db):
    t = datetime(2025, 1, 1, 0, 10, tzinfo=BEIJING)  # 2024-12-31 16:10 UTC
    _c, inc = svc.log_call(db, "duty", _call(received_at=t))
    row = svc.get_incident(db, inc)
    assert row.received_at == t and row.received_at.astimezone(timezone.utc).year == 2024
