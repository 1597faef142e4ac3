"""Schema versions: upgrade to head (backing up an older SQLite file first), refuse newer schemas."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from .backup import backup_sqlite
from .engine import sqlite_path
from .errors import NotADatabase, SchemaTooNew

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(engine: Engine) -> str:
    """"empty", "current", "older", "newer" (a revision this version does not know) or "foreign"
    (tables but no Rescue Desk schema version: another program's database)."""
    rev = current_revision(engine)
    if rev is None:
        return "empty" if set(inspect(engine).get_table_names()) <= {"alembic_version"} else "foreign"
    script = ScriptDirectory.from_config(alembic_config())
    if rev == script.get_current_head():
        return "current"
    try:
        script.get_revision(rev)
    except Exception:
        return "newer"
    return "older"


def upgrade(engine: Engine) -> Path | None:
    """Bring the schema to head. An older SQLite database is backed up first; returns the backup path."""
    state = schema_state(engine)
    if state == "newer":
        raise SchemaTooNew(
            f"This database was written by a newer Rescue Desk (schema {current_revision(engine)}); "
            "update the program — the database was left untouched."
        )
    if state == "foreign":
        raise NotADatabase(f"{engine.url.database} holds tables of another program, not a Rescue Desk "
                           "database; it was left untouched.")
    if state == "current":
        return None
    backup = None
    path = sqlite_path(str(engine.url))
    if state == "older" and path is not None and path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(engine, path.with_name(f"{path.stem}.before-upgrade-{stamp}{path.suffix}"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
