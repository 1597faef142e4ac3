"""Two desks edit the same incident: the second save is refused, nothing is silently overwritten."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from rescue_desk.services import incidents
from rescue_desk.services.incidents import CallInput, Position
from rescue_desk.storage import open_database
from rescue_desk.storage.errors import ConcurrentChange
from rescue_desk.storage.models import Event

T0 = datetime.now(timezone.utc) - timedelta(hours=1)


def test_two_desks_same_incident(any_db_url):
    desk_a, desk_b = open_database(any_db_url), open_database(any_db_url)
    try:
        _c, inc = incidents.log_call(desk_a, "a", CallInput(received_at=T0, text="曲古寺附近"))
        seen_a = incidents.get_incident(desk_a, inc).version
        seen_b = incidents.get_incident(desk_b, inc).version
        assert seen_a == seen_b
        incidents.set_status(desk_a, "a", inc, "dispatched", expected_version=seen_a)
        with pytest.raises(ConcurrentChange):
            incidents.set_position(desk_b, "b", inc, Position(81.31, 31.07), expected_version=seen_b)
        with pytest.raises(ConcurrentChange):
            incidents.close_incident(desk_b, "b", inc, "rescued", expected_version=seen_b)
        row = incidents.get_incident(desk_b, inc)
        assert row.status == "dispatched" and row.lon is None and row.version == seen_a + 1
        # after reloading, desk B's change goes through on top of A's
        incidents.set_position(desk_b, "b", inc, Position(81.31, 31.07), expected_version=row.version)
        with desk_a.read() as s:
            ev = s.scalars(select(Event).where(Event.incident_id == inc, Event.action == "update")
                           .order_by(Event.id)).all()
        assert [(e.actor, sorted(e.after)) for e in ev][0] == ("a", ["status"])
        assert ev[-1].actor == "b" and "pos_lon" in ev[-1].after
    finally:
        desk_a.dispose()
        desk_b.dispose()



@pytest.mark.postgres
def test_overlapping_transactions_on_postgres(pg_url):
    """Desk B has the incident loaded in an open transaction while desk A commits a change: B's save is
    refused by the version column even without expected_version (SQLite serialises writers instead)."""
    from rescue_desk.storage.models import Incident

    desk_a, desk_b = open_database(pg_url), open_database(pg_url)
    try:
        _c, inc = incidents.log_call(desk_a, "a", CallInput(received_at=T0))
        with pytest.raises(ConcurrentChange):
            with desk_b.write("b", "set_status") as s:
                stale = s.get(Incident, inc)
                incidents.set_status(desk_a, "a", inc, "dispatched")  # commits while B's transaction is open
                stale.status = "on_scene"
        assert incidents.get_incident(desk_a, inc).status == "dispatched"
    finally:
        desk_a.dispose()
        desk_b.dispose()
