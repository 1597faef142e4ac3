"""Do the current rows equal what the event log says happened to them?

The hash chain proves the log was not altered; this proves the tables were not edited around it
(an ``UPDATE incidents`` typed into a database tool leaves no log entry). The log is replayed in
order — create sets a row's values, update changes some, delete removes it — and the result is
compared with every audited row. Runs on the calling thread."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Text, select, type_coerce

from rescue_desk.storage import Database
from rescue_desk.storage.models import Audited, Base, Event, Trip, TripMember

IGNORED = {"version"}  # bumped by every write, not logged as a change
MAX_REPORTED = 10


def _audited_tables() -> dict[str, type]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if issubclass(m.class_, Audited) and hasattr(m.class_, "__tablename__")}


def _comparable(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            return _comparable(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _replayed(db: Database) -> dict[tuple[str, int], dict[str, Any]]:
    state: dict[tuple[str, int], dict[str, Any]] = {}
    t = Event.__table__
    cols = [t.c.id, t.c.entity, t.c.entity_id, t.c.action,
            type_coerce(t.c.after, Text).label("after") if db.engine.dialect.name == "sqlite" else t.c.after]
    last = 0
    with db.engine.connect() as conn:
        while True:
            rows = conn.execute(select(*cols).where(t.c.id > last).order_by(t.c.id).limit(5000)).all()
            if not rows:
                return state
            for ev_id, entity, entity_id, action, after in rows:
                last = ev_id
                if isinstance(after, str):
                    after = json.loads(after)
                key = (entity, entity_id)
                if action == "create":
                    state[key] = dict(after or {})
                elif action == "update":
                    state.setdefault(key, {}).update(after or {})
                elif action == "delete":
                    state.pop(key, None)


def _current(db: Database, table: str, cls: type) -> dict[int, dict[str, Any]]:
    t = cls.__table__
    with db.engine.connect() as conn:
        rows = {r["id"]: dict(r) for r in conn.execute(select(t)).mappings()}
        if cls is Trip:
            for trip_id, officer_id in conn.execute(select(TripMember.__table__.c.trip_id,
                                                           TripMember.__table__.c.officer_id)):
                if trip_id in rows:
                    rows[trip_id].setdefault("members", []).append(officer_id)
    return rows


def rows_differing_from_log(db: Database) -> list[str]:
    """Sentences naming rows whose values differ from the replayed log, rows with no history and
    logged rows that are gone ([] = the tables agree with the log). At most ``MAX_REPORTED`` + 1."""
    state = _replayed(db)
    problems: list[str] = []
    for table, cls in sorted(_audited_tables().items()):
        current = _current(db, table, cls)
        for row_id, row in current.items():
            logged = state.pop((table, row_id), None)
            if logged is None:
                problems.append(f"{table} {row_id} exists but the event log never created it")
                continue
            if cls is Trip:
                row.setdefault("members", [])
            changed = sorted(k for k, v in logged.items() if k not in IGNORED and k in row
                             and _members(k, _comparable(row[k])) != _members(k, _comparable(v)))
            if changed:
                problems.append(f"{table} {row_id}: {', '.join(changed)} differ from the event log "
                                "(edited outside Rescue Desk)")
        for (entity, entity_id) in [k for k in state if k[0] == table]:
            problems.append(f"{table} {entity_id} is in the event log but was removed from the table")
            state.pop((entity, entity_id))
    if len(problems) > MAX_REPORTED:
        problems = problems[:MAX_REPORTED] + [f"and {len(problems) - MAX_REPORTED} more"]
    return problems


def _members(key: str, value: Any) -> Any:
    return sorted(value) if key == "members" and isinstance(value, list) else value
