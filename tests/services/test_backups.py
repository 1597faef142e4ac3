import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from rescue_desk.cli import run
from rescue_desk.services import backups, incidents
from rescue_desk.services.backups import BackupRefused
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database
from rescue_desk.storage.errors import StorageError

T0 = datetime.now(timezone.utc) - timedelta(hours=3)


def _count(url_or_path):
    path = str(url_or_path).split(":///", 1)[-1]
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    finally:
        conn.close()


def test_rotation_keeps_newest(db, tmp_path):
    folder = tmp_path / "second-disk"
    t = datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc)
    made = [backups.make_backup(db.engine, folder, keep=3, now=t + timedelta(hours=4 * i)) for i in range(5)]
    kept = backups.list_backups(db.engine, folder)
    assert kept == made[:1:-1] and all(p.exists() for p in kept) and not made[0].exists()
    assert backups.check_backup(kept[0]).events == 0


def test_backup_if_due(db, tmp_path):
    t = datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc)
    first = backups.backup_if_due(db.engine, tmp_path, every=timedelta(hours=4), now=t)
    assert first is not None
    assert backups.backup_if_due(db.engine, tmp_path, every=timedelta(hours=4), now=t + timedelta(hours=3)) is None
    assert backups.backup_if_due(db.engine, tmp_path, every=timedelta(hours=4), now=t + timedelta(hours=5)) is not None
    same_second = backups.make_backup(db.engine, tmp_path, now=t)
    assert same_second != first and len(backups.list_backups(db.engine, tmp_path)) == 3


def test_folder_from_environment(db, tmp_path, monkeypatch):
    monkeypatch.setenv(backups.BACKUP_DIR_ENV, str(tmp_path / "env-dir"))
    assert backups.make_backup(db.engine).parent == tmp_path / "env-dir"


def test_postgres_refused(pg_url):
    database = open_database(pg_url)
    try:
        assert backups.backup_if_due(database.engine) is None
        with pytest.raises(StorageError, match="pg_dump"):
            backups.make_backup(database.engine)
    finally:
        database.dispose()


def test_restore_roundtrip_keeps_replaced_file(sqlite_url, tmp_path):
    db = open_database(sqlite_url)
    incidents.log_call(db, "a", CallInput(received_at=T0))
    snap = backups.make_backup(db.engine, tmp_path / "b")
    incidents.log_call(db, "a", CallInput(received_at=T0))
    assert _count(sqlite_url) == 2
    checked, saved = backups.restore(db.engine, snap, tmp_path / "b")
    assert checked.events == 2 and _count(sqlite_url) == 1 and _count(saved) == 2
    assert "before-restore" in saved.name
    # the app keeps working on the restored database, chain intact
    incidents.log_call(db, "a", CallInput(received_at=T0))
    assert _count(sqlite_url) == 2
    from rescue_desk.services.audit import verify
    assert verify(db).intact
    db.dispose()


def _bad_files(tmp_path, good):
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello")
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    corrupt = tmp_path / "corrupt.sqlite3"
    data = bytearray(good.read_bytes())
    for i in range(4096 + 200, len(data) - 4096, 4096):  # scribble over every page body
        data[i:i + 64] = b"\xff" * 64
    corrupt.write_bytes(bytes(data))
    tampered = tmp_path / "tampered.sqlite3"
    tampered.write_bytes(good.read_bytes())
    conn = sqlite3.connect(tampered)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET actor = 'mallory' WHERE id = 1")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    return {"not an SQLite": not_sqlite, "no schema": foreign, "integrity|cannot be read": corrupt,
            "event log is broken": tampered, "newer": newer, "does not exist": tmp_path / "missing.sqlite3"}


def test_restore_refuses_bad_files_and_touches_nothing(sqlite_url, tmp_path):
    db = open_database(sqlite_url)
    incidents.log_call(db, "a", CallInput(received_at=T0))
    good = backups.make_backup(db.engine, tmp_path / "b")
    incidents.log_call(db, "a", CallInput(received_at=T0))
    for why, path in _bad_files(tmp_path, good).items():
        with pytest.raises(BackupRefused, match=why):
            backups.restore(db.engine, path, tmp_path / "b")
    assert _count(sqlite_url) == 2 and len(backups.list_backups(db.engine, tmp_path / "b")) == 1
    from rescue_desk.services.audit import verify
    assert verify(db).checked == 4
    db.dispose()


def test_cli_restore(sqlite_url, tmp_path, capsys):
    db = open_database(sqlite_url)
    incidents.log_call(db, "a", CallInput(received_at=T0))
    good = backups.make_backup(db.engine, tmp_path / "b")
    incidents.log_call(db, "a", CallInput(received_at=T0))
    db.dispose()
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 100)
    assert run(["--db", sqlite_url, "db", "restore", str(junk), "--backup-dir", str(tmp_path / "b")]) == 2
    assert "Nothing was replaced" in capsys.readouterr().err
    assert run(["--db", sqlite_url, "db", "restore", str(good), "--backup-dir", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "saved as" in out and "event log intact, 2 entries" in out and _count(sqlite_url) == 1
    assert run(["--db", sqlite_url, "db", "check"]) == 0
    assert run(["--db", sqlite_url, "db", "backups", "--backup-dir", str(tmp_path / "b"), "--keep", "2"]) == 0


def test_demo_station_is_not_backed_up(db, tmp_path):
    from rescue_desk.storage.models import Meta

    with db.write("demo", "demo_station") as s:
        s.add(Meta(key="synthetic", value="true"))
    assert backups.backup_if_due(db.engine, tmp_path) is None
    assert backups.make_backup(db.engine, tmp_path).exists()  # on request it still works
