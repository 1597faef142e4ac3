"""Consistent copies of an SQLite database while it is in use (SQLite online backup API)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from .engine import sqlite_path
from .errors import StorageError


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """Copy the live database to ``target`` page by page; safe while other desks write."""
    source = sqlite_path(str(engine.url))
    if source is None:
        raise StorageError("Backups with this command work for SQLite files; use pg_dump for PostgreSQL.")
    target = Path(target).expanduser().resolve()
    if target == source.resolve():
        raise StorageError("The backup must go to another file than the database itself.")
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
        finally:
            dst.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"The backup failed: {exc}.") from None
    finally:
        src.close()
    tmp.replace(target)
    return target
