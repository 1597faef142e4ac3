"""db check, audit verify and restore on damaged, weakened and edited databases: every check is
reported without a traceback, weakened schemas are refused, edits around the log are found."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from rescue_desk.cli import run
from rescue_desk.services import backups, incidents
from rescue_desk.services.backups import BackupRefused
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database



def damage_pages(path):
    """Scribble over pages in the second half of the file (table data that quick_check reads)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for start in range(len(data) // 4096 // 2 * 4096, len(data) - 4096, 4096 * 2):
        data[start:start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))

T0 = datetime.now(timezone.utc) - timedelta(hours=3)


def _filled(url, n=3):
    db = open_database(url)
    for i in range(n):
        incidents.log_call(db, "a", CallInput(received_at=T0, text=f"call {i} " + "字" * 300))
    return db


def _edit(path, *sql):
    conn = sqlite3.connect(path)
    for stmt in sql:
        conn.execute(stmt)
    conn.commit()
    conn.close()


def test_damaged_pages_every_check_reported(tmp_path, capsys):
    path = tmp_path / "station.sqlite3"
    _filled(f"sqlite:///{path}", 60).dispose()
    damage_pages(path)
    assert run(["--db", str(path), "db", "check"]) == 1
    captured = capsys.readouterr()
    assert "FAIL SQLite integrity check" in captured.out and "event log" in captured.out
    assert "rows" in captured.out and "Traceback" not in captured.err
    code = run(["--db", str(path), "audit", "verify"])
    err = capsys.readouterr().err
    assert code in (1, 2) and err.startswith("rescue-desk: ") and len(err.strip().splitlines()) == 1


def test_malformed_json_event(sqlite_url, tmp_path, capsys):
    path = sqlite_url.split(":///", 1)[1]
    good = tmp_path / "b" / "good.sqlite3"
    db = _filled(sqlite_url)
    db.dispose()
    _edit(path, "DROP TRIGGER events_no_update", "UPDATE events SET after = '{not json' WHERE id = 2")
    assert run(["--db", sqlite_url, "audit", "verify"]) == 1
    assert "entry 2" in capsys.readouterr().err
    assert run(["--db", sqlite_url, "db", "check"]) == 1
    out = capsys.readouterr().out
    assert "FAIL event log" in out and "not valid JSON" in out and "ok   SQLite integrity check" in out
    good.parent.mkdir()
    good.write_bytes(open(path, "rb").read())
    with pytest.raises(BackupRefused, match="entry 2"):
        backups.check_backup(good)


@pytest.mark.parametrize("sql, why", [
    (["DROP TRIGGER events_no_update", "DROP TRIGGER events_no_delete"], "trigger events_no_update is missing"),
    (["DROP TABLE calls"], "table calls is missing"),
    (["DROP INDEX ix_incidents_status"], "index ix_incidents_status is missing"),
    (["DROP TRIGGER events_no_delete",
      "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END"], "replaced"),
])
def test_weakened_schema_refused_by_restore_and_check(sqlite_url, tmp_path, sql, why, capsys):
    db = _filled(sqlite_url)
    weak = backups.make_backup(db.engine, tmp_path / "b")
    db.dispose()
    _edit(weak, "PRAGMA foreign_keys=OFF", *sql)
    with pytest.raises(BackupRefused, match=why):
        backups.check_backup(weak)
    assert run(["--db", str(weak), "db", "check"]) == 1
    assert why in capsys.readouterr().out


def test_another_programs_alembic_file_is_not_ours(tmp_path):
    other = tmp_path / "other.sqlite3"
    _edit(other, "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
          "INSERT INTO alembic_version VALUES ('ae1027a6acf')", "CREATE TABLE notes (x)")
    with pytest.raises(BackupRefused, match="not a Rescue Desk database"):
        backups.check_backup(other)
    with pytest.raises(Exception, match="another program"):
        open_database(f"sqlite:///{other}")


def test_noop_trigger_and_cut_tail_caught_by_the_backup_anchor(sqlite_url, tmp_path, capsys):
    path = sqlite_url.split(":///", 1)[1]
    db = _filled(sqlite_url)
    backups.make_backup(db.engine, tmp_path / "b")
    db.dispose()
    _edit(path, "DROP TRIGGER events_no_delete",
          "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END",
          "DELETE FROM events WHERE id >= 3")
    assert run(["--db", sqlite_url, "audit", "verify", "--backup-dir", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert "events_no_delete was replaced" in err and "entry 6 of the anchor is missing" in err
    assert run(["--db", sqlite_url, "db", "check", "--backup-dir", str(tmp_path / "b")]) == 1
    assert "anchor is missing" in capsys.readouterr().out


def test_restore_of_an_older_backup_is_not_a_cut_tail(sqlite_url, tmp_path, capsys):
    db = _filled(sqlite_url, 1)
    old = backups.make_backup(db.engine, tmp_path / "b", now=T0)
    incidents.log_call(db, "a", CallInput(received_at=T0))
    backups.make_backup(db.engine, tmp_path / "b", now=T0 + timedelta(hours=1))
    db.dispose()
    assert run(["--db", sqlite_url, "db", "restore", str(old), "--backup-dir", str(tmp_path / "b")]) == 0
    assert run(["--db", sqlite_url, "audit", "verify", "--backup-dir", str(tmp_path / "b")]) == 0
    assert any("superseded" in p.name for p in (tmp_path / "b").iterdir())


@pytest.mark.parametrize("table", ["incidents", "persons"])
def test_direct_row_edits_are_found(any_db_url, table, capsys):
    db = _filled(any_db_url, 2)
    inc, _call = incidents.log_call(db, "a", CallInput(received_at=T0))
    incidents.add_person(db, "a", inc, incidents.PersonInput(name="王小明", phone="13912345678"))
    assert run(["--db", any_db_url, "audit", "verify"]) == 0
    capsys.readouterr()
    column = "status = 'closed'" if table == "incidents" else "name = 'someone else'"
    with db.engine.begin() as conn:
        conn.execute(text(f"UPDATE {table} SET {column}"))
    db.dispose()
    assert run(["--db", any_db_url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"{table} " in err and "differ from the event log" in err


def test_unreachable_postgres_is_one_sentence(capsys):
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"
    for argv in (["audit", "verify"], ["db", "check"]):
        assert run(["--db", url, *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("rescue-desk: ") and "does not answer" in err and len(err.strip().splitlines()) == 1


@pytest.mark.postgres
def test_postgres_weakened_guard_found_by_check(pg_url, capsys):
    _filled(pg_url, 1).dispose()
    assert run(["--db", pg_url, "db", "check"]) == 0
    capsys.readouterr()
    db = open_database(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE OR REPLACE FUNCTION rd_events_append_only() RETURNS trigger AS $$ "
                          "BEGIN RETURN NEW; END $$ LANGUAGE plpgsql"))
    db.dispose()
    assert run(["--db", pg_url, "db", "check"]) == 1
    assert "refuses nothing" in capsys.readouterr().out
