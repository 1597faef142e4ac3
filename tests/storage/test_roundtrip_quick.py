from datetime import datetime, timezone

from sqlalchemy import select

from rescue_desk.storage.check import verify_chain
from rescue_desk.storage.models import Call, Event, Incident


def test_write_read_and_chain(any_db):
    t = datetime(2025, 6, 11, 9, 30, tzinfo=timezone.utc)
    with any_db.write("officer-a", "log_call") as s:
        inc = Incident(created_at=t, category="lost")
        s.add_all([inc, Call(incident=inc, received_at=t, text="在卓玛拉")])
    with any_db.write("officer-b", "set_status") as s:
        s.get(Incident, 1).status = "dispatched"
    with any_db.read() as s:
        got = s.get(Incident, 1)
        assert got.created_at == t and got.created_at.tzinfo is not None
        events = s.scalars(select(Event).order_by(Event.id)).all()
    assert [(e.actor, e.entity, e.action) for e in events] == [
        ("officer-a", "incidents", "create"), ("officer-a", "calls", "create"), ("officer-b", "incidents", "update")]
    assert events[2].before == {"status": "new"} and events[2].after == {"status": "dispatched"}
    assert verify_chain(any_db) == (3, None)
