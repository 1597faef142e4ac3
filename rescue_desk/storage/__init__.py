"""Station database: SQLAlchemy 2 typed ORM, Alembic migrations, unit of work, event log.

Use ``open_database(url)`` from the composition root; nothing here connects at import time."""

from __future__ import annotations

from .engine import enable_wal, make_engine, ping, resolve_url
from .errors import StorageError
from .migrate import upgrade
from .unit_of_work import Database


def open_database(url: str, migrate: bool = True) -> Database:
    """Open (and by default migrate) the database at ``url``. Raises StorageError with a clear sentence."""
    engine = make_engine(url)
    try:
        ping(engine)
        if migrate:
            upgrade(engine)
            enable_wal(engine)
    except StorageError:
        engine.dispose()
        raise
    return Database(engine)


__all__ = ["Database", "StorageError", "open_database", "resolve_url", "make_engine", "upgrade"]
