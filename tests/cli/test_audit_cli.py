import io
import json
import sys
from datetime import datetime, timedelta, timezone

from sqlalchemy import text

from rescue_desk.cli import run
from rescue_desk.services import accounts, incidents
from rescue_desk.services.incidents import CallInput, PersonInput
from rescue_desk.storage import open_database

T0 = datetime.now(timezone.utc) - timedelta(hours=3)


def _fill(url):
    db = open_database(url)
    _c, inc = incidents.log_call(db, "pasang", CallInput(received_at=T0, text="转山路上高反"))
    incidents.add_person(db, "pasang", inc, PersonInput(name="王磊", age=40))
    incidents.close_incident(db, "pasang", inc, "rescued")
    db.dispose()
    return inc


def test_verify_intact_then_broken(any_db_url, capsys):
    _fill(any_db_url)
    assert run(["--db", any_db_url, "audit", "verify"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "event log intact, 4 entries" and lines[1].startswith("newest entry #4, anchor 4:")
    db = open_database(any_db_url)
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER events_no_update"))
        conn.execute(text("UPDATE events SET operation = 'x' WHERE id = 2"))
    db.dispose()
    assert run(["--db", any_db_url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "broken at entry 2" in err and "altered" in err and "1 entries before it" in err
    assert "append-only guard of the event log was removed or disabled" in err


def test_history(sqlite_url, capsys):
    inc = _fill(sqlite_url)
    assert run(["--db", sqlite_url, "audit", "history", "incident", str(inc)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4 and "pasang close_incident" in lines[-1] and '"closed"' in lines[-1]
    assert run(["--db", sqlite_url, "audit", "history", "incident", str(inc), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["entity"] for e in entries] == ["incidents", "calls", "persons", "incidents"]
    assert run(["--db", sqlite_url, "audit", "history", "incident", "999"]) == 1
    assert run(["--db", sqlite_url, "audit", "history", "rocket", "1"]) == 2
    assert "Unknown record type" in capsys.readouterr().err


def test_history_needs_audit_permission(sqlite_url, capsys):
    inc = _fill(sqlite_url)
    db = open_database(sqlite_url)
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    accounts.add_user(db, "admin", "dawa", "trainer", "trainer-pass")
    db.dispose()
    old = sys.stdin
    try:
        sys.stdin = io.StringIO("trainer-pass\n")
        assert run(["--db", sqlite_url, "audit", "history", "incident", str(inc), "--as", "dawa",
                    "--password-stdin"]) == 2
        assert "view_audit" in capsys.readouterr().err
        sys.stdin = io.StringIO("admin-pass-1\n")
        assert run(["--db", sqlite_url, "audit", "history", "incident", str(inc), "--as", "admin",
                    "--password-stdin"]) == 0
        assert "王磊" in capsys.readouterr().out
    finally:
        sys.stdin = old


def test_anchor_detects_a_log_cut_back(sqlite_url, tmp_path, capsys):
    from rescue_desk.services.backups import make_backup

    _fill(sqlite_url)
    db = open_database(sqlite_url)
    snap = make_backup(db.engine, tmp_path / "b")
    incidents.log_call(db, "pasang", CallInput(received_at=T0, text="later"))
    db.dispose()
    assert run(["--db", sqlite_url, "audit", "verify"]) == 0
    anchor = capsys.readouterr().out.strip().splitlines()[1].split("anchor ")[1]
    assert run(["--db", sqlite_url, "audit", "verify", "--against", str(snap)]) == 0
    assert "anchor entry #4 unchanged" in capsys.readouterr().out
    # someone with file access drops the guard and removes the newest entries: the chain alone looks fine
    db = open_database(sqlite_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER events_no_delete"))
        conn.execute(text("DELETE FROM events WHERE id >= 4"))
    db.dispose()
    assert run(["--db", sqlite_url, "audit", "verify"]) == 1  # chain fine, but the guard is gone
    assert "events_no_delete" in capsys.readouterr().err
    assert run(["--db", sqlite_url, "audit", "verify", "--against", str(snap)]) == 1
    assert "entry 4 of the anchor is missing" in capsys.readouterr().err
    assert run(["--db", sqlite_url, "audit", "verify", "--anchor", anchor]) == 1
    assert run(["--db", sqlite_url, "audit", "verify", "--anchor", "4:xyz"]) == 2
