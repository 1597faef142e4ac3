"""Opening the database: URL resolution, SQLite pragmas (WAL, foreign keys), clear failures."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from rescue_desk.paths import ENV_VAR, data_dir, default_url, resolve_url  # noqa: F401 - used from here too

from .errors import DatabaseUnreachable, NotADatabase, ReadOnlyLocation, explain_database_error


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database, before anything can write to it."""
    if not path.exists():
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReadOnlyLocation(f"Cannot create the data folder {folder}: {exc.strerror}.") from None
        if not os.access(folder, os.W_OK):
            raise ReadOnlyLocation(f"The data folder {folder} is read-only; choose another place with --db.")
        return
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not a database file.")
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head and head != b"SQLite format 3\x00":
        raise NotADatabase(f"{path} is not a Rescue Desk database (not an SQLite file); it was left untouched.")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyLocation(f"The database {path} or its folder is read-only; Rescue Desk needs to write there.")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by the 'begin' hook below
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a committed action
    cur.close()


def enable_wal(engine: Engine) -> None:
    """Switch an SQLite file to WAL (persistent). Called only once the file is known to be ours."""
    if engine.dialect.name != "sqlite" or sqlite_path(str(engine.url)) is None:
        return
    raw = engine.raw_connection()  # outside any transaction: the mode cannot change inside one
    try:
        raw.driver_connection.execute("PRAGMA journal_mode=WAL")
    finally:
        raw.close()


def _sqlite_begin(conn) -> None:
    # IMMEDIATE takes the write lock up front, so two desks never deadlock upgrading a read lock.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("rd_write") else "BEGIN")


def make_engine(url: str, check: bool = True) -> Engine:
    """An engine for ``url``; SQLite files are checked first and opened in WAL mode."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUnreachable(f"{url!r} is not a database URL (e.g. sqlite:///path or postgresql://host/db).") from None
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if check and path is not None:
            check_sqlite_file(path)
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    raise DatabaseUnreachable(f"Unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL.")


def ping(engine: Engine) -> None:
    """Open one connection and read the schema; turn driver errors into one clear sentence."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        orig = exc.orig
        if isinstance(orig, sqlite3.DatabaseError) and engine.dialect.name == "sqlite":
            if "file is not a database" in str(orig):
                raise NotADatabase(f"{engine.url.database} is not a usable SQLite database; it was left untouched.") from None
            raise explain_database_error(orig, f"the database {engine.url.database}") from None
        if engine.dialect.name == "postgresql":
            raise DatabaseUnreachable(
                f"The PostgreSQL server at {engine.url.host or 'localhost'}:{engine.url.port or 5432} "
                f"does not answer ({str(orig).strip().splitlines()[0] if orig else 'no reply'})."
            ) from None
        raise DatabaseUnreachable(f"Cannot open the database: {str(orig).strip().splitlines()[0]}.") from None
