"""Schema: one migration head, upgrade from empty on both databases matches the models."""

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from rescue_desk.storage import make_engine
from rescue_desk.storage.migrate import alembic_config, current_revision, head_revision, schema_state, upgrade
from rescue_desk.storage.migrations import HEAD_REVISION
from rescue_desk.storage.models import Base


def test_single_head():
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"several migration heads: {heads}; point down_revision at the newest revision"


def test_head_revision_constant_is_alembics_head():
    """The constant that lets a launch skip importing Alembic must never drift from the scripts."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [HEAD_REVISION], (f"set HEAD_REVISION in rescue_desk/storage/migrations/__init__.py "
                                      f"to the newest migration: Alembic's heads are {heads}")


def test_opening_a_current_database_does_not_import_alembic(sqlite_url):
    engine = make_engine(sqlite_url)
    upgrade(engine)
    engine.dispose()
    code = ("import sys; from rescue_desk.storage import open_database; "
            f"open_database({sqlite_url!r}).dispose(); print('alembic' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_upgrade_from_empty_matches_models(any_db_url):
    engine = make_engine(any_db_url)
    assert schema_state(engine) == "empty"
    assert upgrade(engine) is None  # nothing to back up when the database was empty
    assert current_revision(engine) == head_revision()
    assert schema_state(engine) == "current"
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    assert upgrade(engine) is None  # idempotent
    engine.dispose()


def test_every_revision_downgrades_and_upgrades_again(sqlite_url):
    from alembic import command

    engine = make_engine(sqlite_url)
    upgrade(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
