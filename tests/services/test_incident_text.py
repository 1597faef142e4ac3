"""Free text from the desk is saved on both databases even when it holds a NUL character (pasted
from a broken source): PostgreSQL text cannot store NUL, so the services drop it."""

from datetime import timedelta

from rescue_desk.domain.clock import utc_now
from rescue_desk.services import incidents as svc
from rescue_desk.services.trips import incident_detail
from rescue_desk.storage.models import Officer


def test_nul_characters_are_dropped_not_a_database_error(any_db):
    with any_db.write("admin", "roster") as s:
        s.add(Officer(name="扎西"))
    data = svc.CallInput(received_at=utc_now() - timedelta(minutes=30), text="卓玛\x00拉", caller_name="Ta\x00shi")
    _call, inc = svc.log_call(any_db, "duty", data)
    trip = svc.dispatch_trip(any_db, "duty", inc, [1], departed_at=utc_now() - timedelta(minutes=20))
    svc.add_checkin(any_db, "duty", trip, utc_now() - timedelta(minutes=10), "all\x00 well")
    svc.add_person(any_db, "duty", inc, svc.PersonInput(condition="cold\x00", name="Pa\x00sang"))
    detail = incident_detail(any_db, inc)
    assert detail.texts == ["卓玛拉"] and detail.trips[0].checkins[0].note == "all well"
    assert detail.persons[0].condition == "cold" and detail.persons[0].name == "Pasang"
    assert data.text == "卓玛\x00拉"  # the caller's input object is left as it was
