"""Taking back a trip step logged by a wrong click: the latest step goes, the status follows the
steps left, the event log keeps what was taken back; a closed incident stays as it is."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from rescue_desk.domain.clock import utc_now
from rescue_desk.services import incidents as svc
from rescue_desk.storage.models import Event, Officer


@pytest.fixture
def trip(any_db):
    with any_db.write("t", "seed") as s:
        s.add(Officer(name="扎西", name_en="Tashi"))
    _c, inc = svc.log_call(any_db, "duty", svc.CallInput(received_at=utc_now() - timedelta(hours=2), text="x"))
    return any_db, inc, svc.dispatch_trip(any_db, "duty", inc, [1])


def test_the_latest_step_is_taken_back_and_the_status_follows(trip):
    db, inc, t = trip
    now = utc_now()
    svc.log_trip_time(db, "duty", t, "departed_at", now - timedelta(minutes=90))
    svc.log_trip_time(db, "duty", t, "on_scene_at", now - timedelta(minutes=30))
    assert svc.get_incident(db, inc).status == "on_scene"
    assert svc.undo_last_trip_step(db, "duty", t) == "on_scene_at"
    assert svc.get_incident(db, inc).status == "dispatched"
    svc.log_trip_time(db, "duty", t, "returned_at", now - timedelta(minutes=10))  # the wrong click
    assert svc.undo_last_trip_step(db, "duty", t, svc.get_incident(db, inc).version) == "returned_at"
    svc.log_trip_time(db, "duty", t, "on_scene_at", now - timedelta(minutes=5))  # now it can be logged
    assert svc.get_incident(db, inc).status == "on_scene"
    with db.read() as s:
        ops = [e.operation for e in s.scalars(select(Event).where(Event.incident_id == inc).order_by(Event.id))]
    assert ops.count("undo_trip_step") == 3  # the trip and the status, then the trip alone (status unchanged)


def test_nothing_to_take_back_and_closed_incidents_are_refused(trip):
    db, inc, t = trip
    with pytest.raises(svc.ValidationError) as nothing:
        svc.undo_last_trip_step(db, "duty", t)
    assert nothing.value.code == "no_step_to_undo"
    now = utc_now()
    svc.log_trip_time(db, "duty", t, "departed_at", now - timedelta(minutes=60))
    svc.log_trip_time(db, "duty", t, "returned_at", now - timedelta(minutes=5))
    svc.close_incident(db, "duty", inc, "rescued", at=now)
    with pytest.raises(svc.ValidationError) as closed:
        svc.undo_last_trip_step(db, "duty", t)
    assert closed.value.code == "incident_closed" and svc.get_incident(db, inc).status == "closed"
