"""Schema versions: upgrade to head (backing up an older SQLite file first), refuse newer schemas.

Alembic is imported only when it is needed: a database already at ``HEAD_REVISION`` is recognised
with one plain query, so a normal launch does not pay for importing Alembic."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from .backup import backup_sqlite
from .engine import sqlite_path
from .errors import IncompleteInstallation, NotADatabase, SchemaTooNew
from .migrations import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
OUR_TABLES = {"incidents", "calls", "events", "meta"}  # in every schema version since the first


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """Alembic's head revision, read from the migration scripts (``HEAD_REVISION`` is kept equal to it)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(engine: Engine) -> str:
    """"empty", "current", "older", "newer" (a revision this version does not know) or "foreign"
    (tables but no Rescue Desk schema version: another program's database)."""
    if _stamped_at_head(engine):
        return "current"
    from alembic.script import ScriptDirectory

    rev = current_revision(engine)
    if rev is None:
        return "empty" if set(inspect(engine).get_table_names()) <= {"alembic_version"} else "foreign"
    script = ScriptDirectory.from_config(alembic_config())
    if rev == script.get_current_head():
        return "current"
    try:
        script.get_revision(rev)
    except Exception:
        # An unknown revision is a newer Rescue Desk only if the file has our tables; another
        # program's Alembic-managed database is foreign.
        return "newer" if OUR_TABLES <= set(inspect(engine).get_table_names()) else "foreign"
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
    _require_migration_scripts()
    backup = None
    path = sqlite_path(str(engine.url))
    if state == "older" and path is not None and path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(engine, path.with_name(f"{path.stem}.before-upgrade-{stamp}{path.suffix}"))
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def _require_migration_scripts() -> None:
    """Refuse to "upgrade" with no migration scripts: a broken install would leave an empty database
    and report it current."""
    found = head_revision() if (MIGRATIONS / "versions").is_dir() else None
    if found != HEAD_REVISION:
        raise IncompleteInstallation(
            f"This Rescue Desk installation is incomplete: the database migrations are missing from "
            f"{MIGRATIONS / 'versions'} (found {found or 'none'}, expected {HEAD_REVISION}); reinstall the "
            "program — the database was left untouched."
        )


def _stamped_at_head(engine: Engine) -> bool:
    """True when the database's version table holds exactly ``HEAD_REVISION`` (one plain query, no
    Alembic). Any doubt or error answers False, and the caller asks Alembic as before."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return False
            revisions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return False
    return revisions == [HEAD_REVISION]
