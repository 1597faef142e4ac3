"""The parser is built from cli/parsers/ alone, and every command's handler resolves."""

import argparse
import subprocess
import sys

from rescue_desk.cli import Handler, build_parser


def _handlers(parser: argparse.ArgumentParser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _handlers(child, (*path, name))
    handler = parser.get_default("handler")
    if handler is not None:
        yield path, handler


def test_every_command_names_a_handler_that_exists():
    found = dict(_handlers(build_parser()))
    assert {"locate", "incidents", "report", "replay", "eta", "demo", "import"} <= {p[0] for p in found}
    assert ("db", "upgrade") in found and ("db", "restore") in found and ("user", "add") in found
    for path, handler in found.items():
        assert isinstance(handler, Handler), path
        assert callable(handler.resolve()), path


def test_constants_copied_into_the_parsers_match_their_source():
    from rescue_desk.cli.parsers import db, locate
    from rescue_desk.domain.locator import DATUMS
    from rescue_desk.services import backups

    assert locate.DATUMS == tuple(DATUMS)
    assert (db.BACKUP_DIR_ENV, db.DEFAULT_KEEP) == (backups.BACKUP_DIR_ENV, backups.DEFAULT_KEEP)


def _modules_after(code: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", code + "; import sys; print(' '.join(sorted(sys.modules)))"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split())


def test_building_the_parser_imports_no_command_module_database_or_numpy():
    loaded = _modules_after("from rescue_desk.cli import build_parser; build_parser().parse_args(['incidents'])")
    heavy = {m for m in loaded if m.split(".")[0] in {"sqlalchemy", "alembic", "numpy", "shapely", "pyproj",
                                                       "PySide6"}}
    ours = {m for m in loaded if m.startswith("rescue_desk.") and not m.startswith("rescue_desk.cli.parsers")}
    assert not heavy, sorted(heavy)
    assert ours <= {"rescue_desk.cli", "rescue_desk.domain", "rescue_desk.domain.roles"}, sorted(ours)


def test_help_and_version_run_without_importing_the_commands():
    for argv in (["--version"], ["--help"], ["locate", "--help"]):
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rescue_desk", *argv],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
        assert not {"sqlalchemy", "numpy", "rescue_desk.services", "rescue_desk.storage"} & imported, argv
    assert "90 %%" not in proc.stdout and "90 % credible" in proc.stdout


def test_locate_without_a_station_database_does_not_load_sqlalchemy(tmp_path):
    env = dict(__import__("os").environ, RESCUE_DESK_HOME=str(tmp_path / "home"))
    env.pop("RESCUE_DESK_DB", None)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rescue_desk", "locate", "2 km past Dirapuk"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "sqlalchemy" not in imported and "rescue_desk.storage" not in imported


def test_plain_sqlite_file_agrees_with_sqlalchemy():
    from rescue_desk.paths import plain_sqlite_file
    from rescue_desk.storage.engine import sqlite_path

    for url in ("sqlite:////tmp/a/station.sqlite3", "sqlite:///relative.db", "sqlite+pysqlite:////x/y.db",
                "sqlite://", "sqlite:///:memory:", "postgresql+psycopg://u@h/db"):
        assert plain_sqlite_file(url) == sqlite_path(url), url
    for url in ("sqlite:////tmp/a%20b.db", "sqlite:////tmp/x.db?mode=ro"):
        assert plain_sqlite_file(url) is None  # left to SQLAlchemy


def test_locate_on_a_station_database_with_no_sand_table_entries_does_not_load_sqlalchemy(tmp_path):
    from rescue_desk.storage import open_database

    url = f"sqlite:///{tmp_path / 'st.sqlite3'}"
    open_database(url).dispose()  # a real, migrated station database with an empty station layer
    foreign = tmp_path / "other.sqlite3"
    import sqlite3

    sqlite3.connect(foreign).execute("CREATE TABLE notes (x)").connection.commit()
    env = dict(__import__("os").environ, RESCUE_DESK_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rescue_desk", "locate", "--db", url,
                           "2 km past Dirapuk"], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0 and "PLACED" in proc.stdout, proc.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "sqlalchemy" not in imported
    proc = subprocess.run([sys.executable, "-m", "rescue_desk", "locate", "--db", f"sqlite:///{foreign}",
                           "2 km past Dirapuk"], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr  # not ours: still refused by the full open
