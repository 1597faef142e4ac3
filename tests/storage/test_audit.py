from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from rescue_desk.services import access, accounts, audit, incidents
from rescue_desk.services.changes import ChangeFeed
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.incidents import CallInput, PersonInput
from rescue_desk.storage import open_database

T0 = datetime.now(timezone.utc) - timedelta(hours=3)


def _history(db):
    _c, inc = incidents.log_call(db, "pasang", CallInput(received_at=T0, text="电话 13912345678 同伴高反",
                                                        caller_phone="13912345678"))
    incidents.set_status(db, "pasang", inc, "dispatched")
    incidents.add_person(db, "pasang", inc, PersonInput(name="王磊", phone="13912345678", age=40))
    incidents.close_incident(db, "chief", inc, "rescued")
    _c2, other = incidents.log_call(db, "pasang", CallInput(received_at=T0, text="另一件事"))
    return inc, other


def test_events_cannot_be_updated_or_deleted(any_db):
    _history(any_db)
    for statement in ("UPDATE events SET actor = 'mallory'", "DELETE FROM events"):
        with pytest.raises(DBAPIError, match="append-only"):
            with any_db.engine.begin() as conn:
                conn.execute(text(statement))
    assert audit.verify(any_db).intact


def _drop_guard(db):
    """What an attacker with the database owner's rights would do first."""
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER events_no_update"))
            conn.execute(text("DROP TRIGGER events_no_delete"))


def test_guards_reported_when_dropped(any_db):
    assert audit.missing_guards(any_db) == []
    _drop_guard(any_db)
    assert audit.missing_guards(any_db) != []


def test_verify_finds_first_altered_entry(any_db):
    _history(any_db)
    report = audit.verify(any_db)
    assert report.intact and report.checked == 7 and report.sentence() == "intact, 7 entries"
    _drop_guard(any_db)
    with any_db.engine.begin() as conn:
        conn.execute(text("UPDATE events SET actor = 'mallory' WHERE id IN (3, 5)"))
    report = audit.verify(any_db)
    assert (report.broken_id, report.checked) == (3, 2)
    assert "altered" in report.what and report.broken_at is not None
    assert "entry 3" in report.sentence()


def test_verify_finds_removed_entry(any_db):
    _history(any_db)
    _drop_guard(any_db)
    with any_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE id = 4"))
    report = audit.verify(any_db)
    assert report.broken_id == 5 and "removed" in report.what


def test_history_of_an_incident(any_db):
    inc, other = _history(any_db)
    entries = audit.history(any_db, "incident", inc)
    assert [(e.entity, e.action, e.operation) for e in entries] == [
        ("incidents", "create", "log_call"), ("calls", "create", "log_call"),
        ("incidents", "update", "set_status"), ("persons", "create", "add_person"),
        ("incidents", "update", "close_incident")]
    assert entries[2].before == {"status": "new"} and entries[2].after == {"status": "dispatched"}
    assert entries[-1].actor == "chief"
    assert all(e.entity_id != other or e.entity != "incidents" for e in entries)
    assert [e.action for e in audit.history(any_db, "calls", 1)] == ["create"]
    with pytest.raises(ValidationError):
        audit.history(any_db, "spaceship", 1)


def test_history_masked_for_trainers(any_db):
    inc, _ = _history(any_db)
    accounts.add_user(any_db, "setup", "admin", "administrator", "admin-pass-1")
    accounts.add_user(any_db, "admin", "dawa", "trainer", "trainer-pass")
    trainer = access.principal(any_db, "dawa")
    person = [e for e in audit.history(any_db, "incident", inc, trainer) if e.entity == "persons"][0]
    assert person.after["name"] == "***" and person.after["phone"] == "***" and person.after["age"] == 40
    call = [e for e in audit.history(any_db, "incident", inc, trainer) if e.entity == "calls"][0]
    assert "13912345678" not in repr(call.after)
    admin = access.principal(any_db, "admin")
    assert [e for e in audit.history(any_db, "incident", inc, admin) if e.entity == "persons"][0].after["name"] == "王磊"


def test_change_feed_sees_other_desk(any_db_url):
    desk_a, desk_b = open_database(any_db_url), open_database(any_db_url)
    try:
        _c, first = incidents.log_call(desk_a, "a", CallInput(received_at=T0))
        feed = ChangeFeed(desk_b)
        assert not feed.poll()
        _c, second = incidents.log_call(desk_a, "a", CallInput(received_at=T0))
        incidents.set_status(desk_a, "a", first, "dispatched")
        batch = feed.poll()
        assert batch.count == 3 and batch.incident_ids == {first, second} and batch.entities == {"incidents", "calls"}
        assert not feed.poll()
        small = ChangeFeed(desk_b, after_id=0, page=2)
        assert small.poll().count == 5 and small.last_id == feed.last_id
    finally:
        desk_a.dispose()
        desk_b.dispose()
