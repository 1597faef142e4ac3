"""Audit: verify the hash-chained event log and read the history of one record.

The log is append-only (database triggers refuse UPDATE/DELETE on ``events``) and each entry holds
``sha256(prev_hash + canonical JSON)``; an edited entry breaks its own hash, a removed or reordered one
breaks the next entry's ``prev_hash``. Runs on the calling thread (the UI uses its database worker)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import json
import sqlite3

from sqlalchemy import Text, or_, select, type_coerce
from sqlalchemy.exc import DBAPIError

from rescue_desk.storage import Database
from rescue_desk.storage.errors import explain_database_error
from rescue_desk.storage.events import entry_hash
from rescue_desk.storage.models import Event

from .access import Principal, mask_event_values
from .errors import ValidationError

# Accepted names for ``history``: singular/plural/Chinese → table name in the log.
ENTITIES = {"incident": "incidents", "call": "calls", "person": "persons", "trip": "trips",
            "checkin": "checkins", "officer": "officers", "vehicle": "vehicles", "user": "users",
            "事件": "incidents", "警情": "incidents"}


@dataclass(frozen=True)
class ChainReport:
    """``broken_id`` None means intact; otherwise the first entry whose link fails and why."""

    checked: int
    broken_id: int | None = None
    broken_at: datetime | None = None
    what: str = ""
    head_id: int | None = None
    head_hash: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_id is None

    def sentence(self) -> str:
        if self.intact:
            return f"intact, {self.checked} entries"
        when = self.broken_at.isoformat(timespec="seconds") if self.broken_at else "unknown time"
        return f"broken at entry {self.broken_id} ({when}): {self.what}; {self.checked} entries before it are intact"


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    actor: str
    operation: str
    entity: str
    entity_id: int | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "actor": self.actor, "operation": self.operation,
                "entity": self.entity, "entity_id": self.entity_id, "action": self.action,
                "before": self.before, "after": self.after}


def _event_rows(conn, last_id: int, batch: int):
    """Events after ``last_id`` with before/after as stored text on SQLite (parsed here, so one
    malformed entry is reported instead of failing the whole read)."""
    t = Event.__table__
    if conn.dialect.name == "sqlite":
        values = [type_coerce(t.c.before, Text).label("before"), type_coerce(t.c.after, Text).label("after")]
    else:
        values = [t.c.before, t.c.after]
    cols = [t.c.id, t.c.at, t.c.actor, t.c.operation, t.c.entity, t.c.entity_id, t.c.action, t.c.incident_id,
            t.c.prev_hash, t.c.hash, *values]
    return conn.execute(select(*cols).where(t.c.id > last_id).order_by(t.c.id).limit(batch)).mappings().all()


def _json_value(value):
    if value is None or not isinstance(value, str):
        return value
    return json.loads(value)


def verify(db: Database, batch: int = 5000) -> ChainReport:
    """Walk the whole log in id order and report the first broken link. A damaged or unreadable
    entry is reported as the broken link (never raised); a database that cannot be read at all raises
    StorageError with one sentence."""
    prev, checked, last_id = "", 0, 0
    try:
        with db.engine.connect() as conn:
            while True:
                rows = _event_rows(conn, last_id, batch)
                if not rows:
                    return ChainReport(checked, head_id=last_id or None, head_hash=prev)
                for ev in rows:
                    try:
                        row = dict(at=ev["at"], actor=ev["actor"], operation=ev["operation"], entity=ev["entity"],
                                   entity_id=ev["entity_id"], action=ev["action"], incident_id=ev["incident_id"],
                                   before=_json_value(ev["before"]), after=_json_value(ev["after"]))
                    except ValueError:
                        return ChainReport(checked, ev["id"], None, "its stored values are not valid JSON "
                                           "(the entry was damaged or edited outside Rescue Desk)")
                    if ev["prev_hash"] != prev:
                        return ChainReport(checked, ev["id"], ev["at"], "its link to the previous entry does not "
                                           "match (an entry before it was removed, inserted or reordered)")
                    if ev["hash"] != entry_hash(prev, row):
                        return ChainReport(checked, ev["id"], ev["at"], f"its content was altered after it was "
                                           f"written ({ev['entity']} {ev['entity_id']}, {ev['operation']} by {ev['actor']})")
                    prev, last_id, checked = ev["hash"], ev["id"], checked + 1
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise explain_database_error(exc, "the event log") from None


GUARDS = {"sqlite": {"events_no_update", "events_no_delete"},
          "postgresql": {"events_no_update_delete", "events_no_truncate"}}


def missing_guards(db: Database) -> list[str]:
    """Names of the append-only triggers on ``events`` that are missing or disabled ([] = all there)."""
    dialect = db.engine.dialect.name
    with db.engine.connect() as conn:
        if dialect == "sqlite":
            present = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").scalars())
        elif dialect == "postgresql":
            present = set(conn.exec_driver_sql(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass AND tgenabled <> 'D'").scalars())
        else:
            return []
    return sorted(GUARDS[dialect] - present)


def guard_problems(db: Database) -> list[str]:
    """What is wrong with the event log's append-only triggers: missing, disabled, replaced by a
    trigger that refuses nothing, or extra triggers ([] = exactly the migrations' guards)."""
    from rescue_desk.storage.migrate import current_revision
    from rescue_desk.storage.schema_check import schema_problems

    revision = current_revision(db.engine)
    if revision is None:
        return []
    return [p for p in schema_problems(db.engine, revision) if p.startswith("trigger")]


def anchor_of(path) -> tuple[int, str] | None:
    """(id, hash) of the newest entry in a backup file (None when its log is empty): an anchor that
    the live log must still contain unchanged."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ValidationError(f"{path} cannot be read as a Rescue Desk database ({exc}).") from None
    finally:
        conn.close()
    return (int(row[0]), str(row[1])) if row else None


def check_anchor(db: Database, anchor: tuple[int, str]) -> str | None:
    """None when entry ``anchor[0]`` still carries hash ``anchor[1]`` (so, the chain being intact, every
    entry up to it is unchanged); otherwise a sentence saying what happened since."""
    anchor_id, anchor_hash = anchor
    with db.read() as s:
        got = s.scalar(select(Event.hash).where(Event.id == anchor_id))
    if got is None:
        return f"entry {anchor_id} of the anchor is missing: the log was cut back or replaced"
    if got != anchor_hash:
        return f"entry {anchor_id} no longer has the anchor's hash: the log up to it was rewritten"
    return None


def entity_name(name: str) -> str:
    """The log's table name for a user-typed entity name; ValidationError when unknown."""
    key = name.strip().lower()
    if key in ENTITIES:
        return ENTITIES[key]
    if key in ENTITIES.values():
        return key
    raise ValidationError(f"Unknown record type {name!r}; use one of {', '.join(sorted(set(ENTITIES.values())))}.")


def history(db: Database, entity: str, entity_id: int, who: Principal | None = None) -> list[HistoryEntry]:
    """Every log entry of one record, oldest first. For an incident this includes its calls, persons,
    trips and check-ins. Values are masked for principals without ``view_personal``."""
    table = entity_name(entity)
    q = select(Event).order_by(Event.id)
    if table == "incidents":
        q = q.where(or_(Event.incident_id == entity_id, (Event.entity == table) & (Event.entity_id == entity_id)))
    else:
        q = q.where(Event.entity == table, Event.entity_id == entity_id)
    with db.read() as s:
        events = s.scalars(q).all()
    out = []
    for ev in events:
        before, after = ev.before, ev.after
        if who is not None:
            before, after = mask_event_values(who, before), mask_event_values(who, after)
        out.append(HistoryEntry(ev.id, ev.at, ev.actor, ev.operation, ev.entity, ev.entity_id, ev.action,
                                before, after))
    return out

