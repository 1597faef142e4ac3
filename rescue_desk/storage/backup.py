"""Consistent copies of an SQLite database while it is in use (SQLite online backup API)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from .engine import sqlite_path
from .errors import DatabaseDamaged, StorageError


def backup_sqlite(engine: Engine, target: Path, create_folder: bool = True) -> Path:
    """Copy the live database to ``target`` page by page; safe while other desks write.
    ``create_folder=False`` (a path the user typed) refuses a folder that does not exist instead of
    creating it. A device, pipe or other non-file at ``target`` is refused, never replaced."""
    source = sqlite_path(str(engine.url))
    if source is None:
        raise StorageError("Backups with this command work for SQLite files; use pg_dump for PostgreSQL.")
    target = Path(target).expanduser().resolve()
    if target.is_dir():  # a folder: the copy goes inside it, named after the database and the time
        target = target / f"{source.stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}{source.suffix or '.sqlite3'}"
    if target == source.resolve():
        raise StorageError("The backup must go to another file than the database itself.")
    if target.exists() and not target.is_file():
        raise StorageError(f"{target} is not a regular file (a device or a pipe?); the backup was not written.")
    if not create_folder and not target.parent.is_dir():
        raise StorageError(f"The folder {target.parent} does not exist; the backup was not written.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder {target.parent}: {exc.strerror}.") from None
    tmp = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst, pages=1024)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file: no -wal/-shm beside it
        finally:
            dst.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            raise DatabaseDamaged(f"The backup failed: the database {source} is damaged ({exc}).") from None
        raise StorageError(f"The backup failed: {exc}.") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"The backup failed: {exc.strerror or exc}.") from None
    finally:
        src.close()
    try:
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"The backup could not be written to {target}: {exc.strerror or exc}.") from None
    return target


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check of the file at ``path``: [] when sound, else up to five problems."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            result = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
        finally:
            conn.close()
    except (sqlite3.Error, MemoryError) as exc:  # SQLite reports some damage as out of memory
        return [str(exc) or "the file is damaged"]
    if result == ["ok"]:
        return []
    lines = [ln.strip() for r in result for ln in r.splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("***")][:5]
