"""The foundation commands: --version, demo, db upgrade/backup/check."""

import sqlite3
import subprocess
import sys

from rescue_desk import __version__
from rescue_desk.cli import run


def test_version():
    proc = subprocess.run([sys.executable, "-m", "rescue_desk", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"rescue-desk {__version__}"


def test_demo_then_check_then_backup(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert run(["demo", "--years", "1", "--end-year", "2025", "--db", url]) == 0
    out = capsys.readouterr().out
    total = int(out.rsplit("2025", 1)[1].strip())
    assert 700 <= total <= 900
    assert run(["db", "check", "--db", url]) == 0
    assert "hash chain intact" in capsys.readouterr().out
    assert run(["--db", url, "db", "backup", str(tmp_path / "copy.db")]) == 0
    con = sqlite3.connect(tmp_path / "copy.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    n_src = sqlite3.connect(tmp_path / "x.db").execute("SELECT count(*) FROM events").fetchone()
    assert con.execute("SELECT count(*) FROM events").fetchone() == n_src
    assert run(["demo", "--years", "1", "--db", url]) == 2  # never on top of existing data
    assert "already holds incidents" in capsys.readouterr().err


def test_upgrade_creates_and_reports(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert run(["db", "upgrade", "--db", url]) == 0
    assert "schema empty ->" in capsys.readouterr().out
    assert run(["db", "upgrade", "--db", url]) == 0
    assert "already current" in capsys.readouterr().out
    con = sqlite3.connect(tmp_path / "new.db")
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_env_variable_selects_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RESCUE_DESK_DB", str(tmp_path / "env.db"))
    assert run(["db", "upgrade"]) == 0
    assert (tmp_path / "env.db").exists()


def test_default_database_lives_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("RESCUE_DESK_HOME", str(tmp_path / "home"))
    assert run(["db", "upgrade"]) == 0
    assert (tmp_path / "home" / "station.sqlite3").exists()


def test_backup_of_postgres_is_refused_clearly(pg_url, capsys):
    assert run(["db", "upgrade", "--db", pg_url]) == 0
    assert run(["db", "backup", str("/tmp/never.db"), "--db", pg_url]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_check_on_postgres(pg_url, capsys):
    assert run(["db", "upgrade", "--db", pg_url]) == 0
    assert run(["db", "check", "--db", pg_url]) == 0
