"""Bad databases: one clear sentence, a non-zero exit code, and the file never modified."""

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest

from rescue_desk.cli import run
from rescue_desk.storage import make_engine, open_database
from rescue_desk.storage.errors import DatabaseUnreachable, NotADatabase, ReadOnlyLocation, SchemaTooNew
from rescue_desk.storage.migrate import upgrade


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_sentence(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_text_file_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    before = _digest(path)
    with pytest.raises(NotADatabase):
        open_database(f"sqlite:///{path}")
    assert run(["db", "check", "--db", str(path)]) == 2
    line = _one_sentence(capsys.readouterr().err)
    assert "not" in line and str(path) in line
    assert _digest(path) == before
    assert not (tmp_path / "notes.db-wal").exists()


def test_corrupt_sqlite_file_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "station.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"station.sqlite3{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # header kept, schema page destroyed
    path.write_bytes(bytes(data))
    before = _digest(path)
    code = run(["db", "upgrade", "--db", str(path)])
    assert code != 0
    _one_sentence(capsys.readouterr().err)
    assert _digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "future.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(SchemaTooNew):
        upgrade(make_engine(f"sqlite:///{path}"))
    assert run(["db", "upgrade", "--db", str(path)]) == 2
    line = _one_sentence(capsys.readouterr().err)
    assert "newer" in line
    assert _digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReadOnlyLocation):
            open_database(f"sqlite:///{folder / 'x.sqlite3'}")
    finally:
        folder.chmod(0o700)


def test_read_only_folder_is_refused_even_for_root(tmp_path, monkeypatch, capsys):
    """Root bypasses permission bits, so simulate what the OS says to an ordinary user."""
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).startswith(str(folder)) else real_access(p, mode))
    with pytest.raises(ReadOnlyLocation):
        open_database(f"sqlite:///{folder / 'x.sqlite3'}")
    assert run(["db", "upgrade", "--db", str(folder / "x.sqlite3")]) == 2
    assert "read-only" in _one_sentence(capsys.readouterr().err)
    assert not (folder / "x.sqlite3").exists()


def test_unreachable_postgres_is_one_sentence(capsys):
    url = "postgresql+psycopg://nobody@127.0.0.1:9/none"  # port 9 (discard) never runs PostgreSQL here
    with pytest.raises(DatabaseUnreachable):
        open_database(url)
    assert run(["db", "check", "--db", url]) == 2
    line = _one_sentence(capsys.readouterr().err)
    assert "does not answer" in line


def test_garbage_url_is_one_sentence(capsys):
    assert run(["db", "check", "--db", "mysql+nothing://x/y"]) == 2
    _one_sentence(capsys.readouterr().err)


def test_cli_process_exit_code_and_no_traceback(tmp_path):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"\x00" * 2048)
    proc = subprocess.run([sys.executable, "-m", "rescue_desk", "db", "check", "--db", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    _one_sentence(proc.stderr)
    assert path.read_bytes() == b"\x00" * 2048


def test_older_schema_is_backed_up_before_upgrade(tmp_path):
    from alembic import command

    from rescue_desk.storage.migrate import alembic_config, head_revision

    if head_revision() == "0001":
        pytest.skip("only one schema revision exists so far: nothing is older")
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('note', 'old data')")
    backup = upgrade(engine)
    assert backup is not None and backup.exists() and backup != path
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT value FROM meta WHERE key='note'").fetchone() == ("old data",)
    con.close()
    engine.dispose()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = _digest(path)
    assert run(["db", "upgrade", "--db", str(path)]) == 2
    assert "another program" in _one_sentence(capsys.readouterr().err)
    assert _digest(path) == before
