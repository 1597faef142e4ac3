"""Every failure of the database, the disk or an input file is one sentence with its reason, exit 2."""

import json
import sqlite3

import pytest

from rescue_desk.cli import run
from rescue_desk.storage.errors import explain_database_error


@pytest.mark.parametrize("message, reason", [
    ("database or disk is full", "is full"),
    ("database is locked", "locked"),
    ("disk I/O error", "I/O error"),
    ("database disk image is malformed", "damaged"),
])
def test_driver_errors_worded_by_cause(message, reason):
    sentence = str(explain_database_error(sqlite3.OperationalError(message), "the database x"))
    assert reason in sentence and "\n" not in sentence


def test_report_on_a_damaged_database_is_one_sentence(tmp_path, capsys):
    from tests.services.test_checks_trust import _filled, damage_pages

    path = tmp_path / "station.sqlite3"
    _filled(f"sqlite:///{path}", 60).dispose()
    damage_pages(path)
    code = run(["--db", str(path), "incidents", "--json"])
    err = capsys.readouterr().err
    assert code == 2 and "damaged" in err and len(err.strip().splitlines()) == 1


def test_import_while_locked_is_one_sentence(tmp_path, capsys, monkeypatch):
    from rescue_desk.storage import engine as engine_module

    path = tmp_path / "station.sqlite3"
    assert run(["--db", str(path), "db", "upgrade"]) == 0
    csv = tmp_path / "log.csv"
    csv.write_text("date,time,place,category,persons,outcome\n2024-07-01,10:00,Dolma La,fall_injury,1,rescued\n")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(engine_module, "_sqlite_pragmas", _short_timeout(engine_module._sqlite_pragmas))
    try:
        code = run(["--db", str(path), "import", str(csv)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 2 and "locked" in err and "Traceback" not in err


def _short_timeout(pragmas):
    def quick(dbapi_conn, record):
        pragmas(dbapi_conn, record)
        dbapi_conn.execute("PRAGMA busy_timeout=200")
    return quick


def test_dev_zero_as_input_is_refused(tmp_path, capsys):
    code = run(["--db", str(tmp_path / "s.sqlite3"), "station", "import", "/dev/zero", "--yes"])
    err = capsys.readouterr().err
    assert code == 2 and "larger than" in err


def test_locate_batch_survives_a_deeply_nested_line(tmp_path, capsys):
    batch = tmp_path / "in.jsonl"
    batch.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": 2, "text": "Dolma La"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run(["locate", "--batch", str(batch), "--out", str(out)]) in (0, 1)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records[0]["status"] == "error" and records[1]["id"] == 2 and records[1]["status"] == "placed"
