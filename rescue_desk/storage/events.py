"""The event log: every insert, update and delete of an audited row becomes an ``Event`` in the
same transaction, with who did it (``session.info["actor"]``), the named operation
(``session.info["operation"]``) and the values before/after. Entries are hash-chained."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session

from rescue_desk.domain.clock import utc_now

from .models import Audited, Event, Trip

CHAIN_LOCK_KEY = 7_264_001  # advisory-lock key that serialises chain appends on PostgreSQL


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def snapshot(obj: Audited, only: set[str] | None = None) -> dict[str, Any]:
    """Column values of ``obj`` (and a trip's members) as JSON-ready data."""
    state = inspect(obj)
    out = {}
    for attr in state.mapper.column_attrs:
        if only is None or attr.key in only:
            out[attr.key] = jsonable(getattr(obj, attr.key))
    if isinstance(obj, Trip) and (only is None or "members" in only):
        out["members"] = [m.id for m in obj.members]
    return out


def _changes(obj: Audited) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before, after = {}, {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            before[attr.key] = jsonable(hist.deleted[0]) if hist.deleted else None
            after[attr.key] = jsonable(hist.added[0]) if hist.added else None
    if isinstance(obj, Trip):
        hist = state.attrs["members"].history
        if hist.has_changes():
            now = [m.id for m in obj.members]
            removed = {m.id for m in hist.deleted}
            added = {m.id for m in hist.added}
            before["members"] = sorted((set(now) - added) | removed)
            after["members"] = now
    before.pop("version", None)
    after.pop("version", None)
    return before, after


def entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    """sha256 over the previous hash and the entry's canonical JSON (see audit verification)."""
    body = {k: row.get(k) for k in ("at", "actor", "operation", "entity", "entity_id", "action",
                                    "incident_id", "before", "after")}
    body["at"] = jsonable(body["at"])
    payload = prev_hash + json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _collect(session: Session) -> list[dict[str, Any]]:
    rows = []
    at = (session.info.get("at") or utc_now()).astimezone(timezone.utc)  # importers log history at its own time
    actor = session.info.get("actor", "")
    operation = session.info.get("operation", "")
    for obj in session.new:
        if isinstance(obj, Audited):
            rows.append(dict(entity=type(obj).__tablename__, entity_id=obj.id, action="create",
                             incident_id=obj.incident_key(), before=None, after=snapshot(obj)))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj):
            before, after = _changes(obj)
            if after or before:
                rows.append(dict(entity=type(obj).__tablename__, entity_id=obj.id, action="update",
                                 incident_id=obj.incident_key(), before=before, after=after))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            rows.append(dict(entity=type(obj).__tablename__, entity_id=obj.id, action="delete",
                             incident_id=obj.incident_key(), before=snapshot(obj), after=None))
    for row in rows:
        row.update(at=at, actor=actor, operation=operation)
    return rows


_CHAIN_HEAD = "event_chain_head"


def _append(session: Session, rows: list[dict[str, Any]]) -> None:
    conn = session.connection()
    prev = session.info.get(_CHAIN_HEAD)
    if prev is None:
        # The first append of a transaction takes the chain (SQLite: the write lock of BEGIN IMMEDIATE;
        # PostgreSQL: the advisory lock), so until the transaction ends no one else appends and later
        # flushes of the same transaction continue from the head remembered here.
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHAIN_LOCK_KEY})
        prev = conn.execute(select(Event.hash).order_by(Event.id.desc()).limit(1)).scalar() or ""
    for row in rows:
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, row)
    conn.execute(insert(Event.__table__), rows)
    session.info[_CHAIN_HEAD] = prev


def append_entries(session: Session, rows: list[dict[str, Any]]) -> None:
    """Append entries written without the ORM (see bulk_log.py): each row gives ``at``, ``entity``,
    ``entity_id``, ``action``, ``incident_id``, ``before`` and ``after``; who and what come from the
    session like a flush's. Chained to the head in this transaction, in the order given."""
    actor = session.info.get("actor", "")
    operation = session.info.get("operation", "")
    for row in rows:
        row.update(at=row["at"].astimezone(timezone.utc), actor=actor, operation=operation)
    _append(session, rows)


def _forget_chain_head(session: Session, *_args) -> None:
    """A transaction (or savepoint) ended: what it appended may be gone, so read the head again."""
    session.info.pop(_CHAIN_HEAD, None)


def install(session_class: type[Session]) -> None:
    """Attach the event-log listeners to a session class (idempotent)."""
    if event.contains(session_class, "after_flush", _after_flush):
        return
    event.listen(session_class, "after_flush", _after_flush)
    for name in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(session_class, name, _forget_chain_head)


def _after_flush(session: Session, flush_context) -> None:
    rows = _collect(session)
    if rows:
        _append(session, rows)
