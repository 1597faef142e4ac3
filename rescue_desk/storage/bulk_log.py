"""Many audited rows written at once, with the event log the unit of work would have written.

The ORM flushes and logs one object at a time, which costs milliseconds per row: fine for a desk,
far too slow for a generated history of thousands of incidents (the demo station). ``LoggedHistory``
keeps the rows in memory while the caller tells their story step by step (create, then updates,
each at its own time), then inserts every row in its final state with one executemany per table and
appends the same log entries — same values, same order of steps, same hash chain — in the caller's
transaction. ``db check`` and ``audit verify`` cannot tell the difference."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from sqlalchemy import JSON, Table, func, insert, inspect, select, text
from sqlalchemy.orm import Session

from . import events
from .models import Base, Trip, TripMember


def _column_defaults(model: type) -> list[tuple[str, Callable[[], Any]]]:
    """(attribute, what it holds when not given) for every column of ``model``, in mapper order (the
    order the ORM's snapshot uses)."""
    out: list[tuple[str, Callable[[], Any]]] = []
    for attr in inspect(model).column_attrs:
        default = attr.columns[0].default
        if default is None:
            out.append((attr.key, lambda: None))
        elif default.is_scalar:
            out.append((attr.key, lambda value=default.arg: value))
        else:  # SQLAlchemy wraps a callable default to take an execution context; it ignores it
            out.append((attr.key, lambda call=default.arg: call(None)))
    return out


def _by_sql_nulls(table: Table, rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``rows`` grouped by which JSON columns they leave empty, those columns left out of the rows.

    A JSON column bound to None stores the JSON text 'null'; the ORM leaves an unset column out of
    its INSERT (SQL NULL), so the same is done here, one executemany per group."""
    json_keys = [c.key for c in table.columns if isinstance(c.type, JSON)]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        empty = tuple(k for k in json_keys if row[k] is None)
        groups.setdefault(empty, []).append({k: v for k, v in row.items() if k not in empty} if empty else row)
    return list(groups.values())


class LoggedHistory:
    """Rows of audited models created and changed in memory, written by ``write()``.

    Ids are given here (one after the highest in each table, the tables locked on PostgreSQL), so a
    row can be referred to before anything is inserted. Meant for one transaction of one writer."""

    def __init__(self, session: Session):
        self.session = session
        self._rows: dict[type, list[dict[str, Any]]] = {}
        self._members: list[dict[str, int]] = []
        self._entries: list[dict[str, Any]] = []
        self._next_id: dict[type, int] = {}
        self._columns: dict[type, list[tuple[str, Callable[[], Any]]]] = {}

    def _new_id(self, model: type) -> int:
        if model not in self._next_id:
            conn = self.session.connection()
            table = model.__table__
            if conn.dialect.name == "postgresql":  # no other writer takes an id until we commit
                conn.execute(text(f'LOCK TABLE "{table.name}" IN SHARE ROW EXCLUSIVE MODE'))
            self._next_id[model] = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        self._next_id[model] += 1
        return self._next_id[model] - 1

    def create(self, model: type, at: datetime, values: dict[str, Any],
               incident_id: int | None = None) -> dict[str, Any]:
        """A new row of ``model`` (columns not given take their defaults), logged as created at ``at``.

        Returns the row's values, ``id`` included; pass them to ``update``. A trip's ``members`` are
        officer ids. ``incident_id`` names the incident of a row that has no such column (a check-in)."""
        columns = self._columns.get(model) or self._columns.setdefault(model, _column_defaults(model))
        given = dict(values)
        members = given.pop("members", None) if model is Trip else None
        given["id"] = self._new_id(model)
        row = {key: given.pop(key) if key in given else default() for key, default in columns}
        if given:
            raise TypeError(f"{model.__name__} has no column {', '.join(sorted(given))}")
        version = inspect(model).version_id_col
        if version is not None:
            row[version.key] = 1
        after = {key: events.jsonable(value) for key, value in row.items()}
        if model is Trip:
            after["members"] = list(members or [])
            self._members.extend({"trip_id": row["id"], "officer_id": m} for m in members or [])
        self._rows.setdefault(model, []).append(row)
        self._log(model, row, at, "create", None, after, incident_id)
        return row

    def update(self, model: type, row: dict[str, Any], at: datetime, **changes: Any) -> None:
        """Change ``row`` (from ``create``) at ``at``: logged with the before and after of the
        columns whose value really changes, like a flush of the same change."""
        before, after = {}, {}
        for key, _default in self._columns[model]:
            if key in changes and row[key] != changes[key]:
                before[key] = events.jsonable(row[key])
                after[key] = events.jsonable(changes[key])
                row[key] = changes[key]
        unknown = set(changes) - {key for key, _ in self._columns[model]}
        if unknown:
            raise TypeError(f"{model.__name__} has no column {', '.join(sorted(unknown))}")
        if not after:
            return
        version = inspect(model).version_id_col
        if version is not None:
            row[version.key] += 1
            before.pop(version.key, None)
            after.pop(version.key, None)
        self._log(model, row, at, "update", before, after, None)

    def _log(self, model: type, row: dict[str, Any], at: datetime, action: str, before, after,
             incident_id: int | None) -> None:
        if "incident_id" in row:
            incident_id = row["incident_id"]
        elif model.__tablename__ == "incidents":
            incident_id = row["id"]
        self._entries.append(dict(at=at, entity=model.__tablename__, entity_id=row["id"], action=action,
                                  incident_id=incident_id, before=before, after=after))

    def write(self) -> int:
        """Insert every row in its final state (tables in foreign-key order), then append the log
        entries to the hash chain. Returns the number of entries; the history is empty afterwards."""
        conn = self.session.connection()
        by_table = {model.__table__: rows for model, rows in self._rows.items()}
        for table in Base.metadata.sorted_tables:
            if table in by_table:
                for rows in _by_sql_nulls(table, by_table[table]):
                    conn.execute(insert(table), rows)
                if conn.dialect.name == "postgresql":  # the ids were given here, not drawn from the sequence
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                      f'(SELECT max(id) FROM "{table.name}"))'))
            if table is Trip.__table__ and self._members:
                conn.execute(insert(TripMember.__table__), self._members)
        written = len(self._entries)
        if self._entries:
            events.append_entries(self.session, self._entries)
        self._rows, self._members, self._entries = {}, [], []
        return written
