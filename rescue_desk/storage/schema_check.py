"""Is a database's schema exactly what the migrations build? Tables and their columns, indexes and the
event log's append-only triggers are compared with a reference: a fresh SQLite file migrated to the
same revision (built once per revision and process). A dropped table, index or trigger, a trigger
replaced by one that does nothing, or an extra trigger is reported, one sentence each."""

from __future__ import annotations

import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine

from .migrate import alembic_config

_REFERENCE: dict[str, "Schema"] = {}
PG_GUARDS = {"events_no_update_delete", "events_no_truncate"}


@dataclass
class Schema:
    tables: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> column names
    indexes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # name -> (table, columns)
    triggers: dict[str, str] = field(default_factory=dict)  # name -> normalised SQL ("" when unknown)


def _normalise(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip()).lower()


def sqlite_schema(conn: sqlite3.Connection) -> Schema:
    """The schema of an open SQLite connection (raises sqlite3.DatabaseError on a damaged file)."""
    schema = Schema()
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    for kind, name, table, sql in rows:
        if kind == "table":
            schema.tables[name] = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
        elif kind == "index":
            cols = tuple(str(r[2]) for r in conn.execute(f'PRAGMA index_info("{name}")'))
            schema.indexes[name] = (table, cols)
        elif kind == "trigger":
            schema.triggers[name] = _normalise(sql)
    return schema


def postgres_schema(engine: Engine) -> Schema:
    """Tables, columns, indexes and user triggers of the ``public`` schema of a PostgreSQL database."""
    from sqlalchemy import inspect

    schema = Schema()
    insp = inspect(engine)
    for table in insp.get_table_names():
        schema.tables[table] = tuple(c["name"] for c in insp.get_columns(table))
        for ix in insp.get_indexes(table):
            schema.indexes[ix["name"]] = (table, tuple(str(c) for c in ix["column_names"]))
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT t.tgname, p.prosrc, t.tgenabled FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND n.nspname = current_schema()").fetchall()
    for name, source, enabled in rows:
        schema.triggers[name] = "disabled" if enabled == "D" else _normalise(source)
    return schema


def reference_schema(revision: str) -> Schema:
    """The schema the migrations build at ``revision`` (a throwaway SQLite file; cached)."""
    if revision not in _REFERENCE:
        from alembic import command

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "reference.sqlite3"
            engine = create_engine(f"sqlite:///{path}")
            try:
                cfg = alembic_config()
                with engine.begin() as conn:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                engine.dispose()
            conn = sqlite3.connect(path)
            try:
                _REFERENCE[revision] = sqlite_schema(conn)
            finally:
                conn.close()
    return _REFERENCE[revision]


def compare(actual: Schema, expected: Schema, dialect: str = "sqlite") -> list[str]:
    """What differs, one phrase each ([] = the same)."""
    problems = []
    for table, cols in expected.tables.items():
        if table not in actual.tables:
            problems.append(f"table {table} is missing")
        elif set(cols) - set(actual.tables[table]):
            problems.append(f"table {table} lacks columns {', '.join(sorted(set(cols) - set(actual.tables[table])))}")
    for table in sorted(set(actual.tables) - set(expected.tables)):
        problems.append(f"table {table} is not part of the schema")
    for name, (table, cols) in expected.indexes.items():
        if table in actual.tables and actual.indexes.get(name, (table, cols))[1] != cols:
            problems.append(f"index {name} covers other columns")
        elif table in actual.tables and name not in actual.indexes:
            problems.append(f"index {name} is missing")
    if dialect == "sqlite":
        for name, sql in expected.triggers.items():
            if name not in actual.triggers:
                problems.append(f"trigger {name} is missing")
            elif actual.triggers[name] != sql:
                problems.append(f"trigger {name} was replaced by a different one")
        extra = sorted(set(actual.triggers) - set(expected.triggers))
    else:
        for name in sorted(PG_GUARDS):
            body = actual.triggers.get(name)
            if body is None:
                problems.append(f"trigger {name} is missing")
            elif body == "disabled":
                problems.append(f"trigger {name} is disabled")
            elif "raise exception" not in body:
                problems.append(f"trigger {name} was replaced by one that refuses nothing")
        extra = sorted(set(actual.triggers) - PG_GUARDS)
    problems.extend(f"trigger {name} is not part of the schema" for name in extra)
    return problems


def schema_problems(engine: Engine, revision: str) -> list[str]:
    """How the database of ``engine`` differs from the schema at ``revision`` ([] = identical)."""
    expected = reference_schema(revision)
    if engine.dialect.name == "postgresql":
        return compare(postgres_schema(engine), expected, "postgresql")
    raw = engine.raw_connection()
    try:
        return compare(sqlite_schema(raw.driver_connection), expected)
    finally:
        raw.close()
