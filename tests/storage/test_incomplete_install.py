"""An installation without its migration scripts refuses to "upgrade" instead of reporting an empty
database current."""

import shutil

import pytest
from sqlalchemy import inspect

from rescue_desk.cli import run
from rescue_desk.storage import make_engine, migrate
from rescue_desk.storage.errors import IncompleteInstallation


@pytest.fixture
def no_versions(tmp_path, monkeypatch):
    broken = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, broken, ignore=shutil.ignore_patterns("versions", "__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", broken)
    return broken


@pytest.mark.parametrize("empty_versions_folder", [False, True])
def test_upgrade_without_migration_scripts_refuses_and_leaves_the_database_empty(
        tmp_path, no_versions, empty_versions_folder):
    if empty_versions_folder:
        (no_versions / "versions").mkdir()
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(IncompleteInstallation, match="migrations are missing"):
        migrate.upgrade(engine)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_db_upgrade_command_says_so_and_exits_2(tmp_path, no_versions, capsys):
    assert run(["db", "upgrade", "--db", str(tmp_path / "x.db")]) == 2
    err = capsys.readouterr().err
    assert "incomplete" in err and "reinstall" in err and "Traceback" not in err
