"""Backups survive damage to the live database: every new copy is checked before it counts, the newest
good copy is never rotated away, and two databases of the same file name keep their own copies."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from rescue_desk.cli import run
from rescue_desk.services import backups, incidents
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database

T0 = datetime.now(timezone.utc) - timedelta(hours=3)


def _station_with_calls(url, n=60):
    db = open_database(url)
    for i in range(n):
        incidents.log_call(db, "a", CallInput(received_at=T0, text=f"call {i} " + "字" * 300))
    return db


def damage_pages(path):
    """Scribble over pages in the second half of the file (table data that quick_check reads)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(len(data) // page // 2 * page, len(data) - page, page * 2):
        data[start:start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def test_damaged_live_database_never_rotates_the_good_copies_away(tmp_path, capsys):
    path = tmp_path / "station.sqlite3"
    url = f"sqlite:///{path}"
    folder = tmp_path / "b"
    db = _station_with_calls(url)
    t = datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc)
    good = [backups.make_backup(db.engine, folder, keep=3, now=t + timedelta(hours=i)) for i in range(3)]
    db.dispose()
    damage_pages(path)
    assert backups.live_problem(open_database(url, migrate=False).engine)
    for _ in range(3):
        assert run(["--db", url, "db", "backups", "--backup-dir", str(folder), "--keep", "3"]) == 1
        err = capsys.readouterr().err
        assert "WARNING" in err and "fails its integrity check" in err and str(good[-1]) in err
    assert all(p.exists() for p in good)
    assert run(["--db", url, "db", "backups", "--backup-dir", str(folder), "--list"]) == 1
    assert "fails its integrity check" in capsys.readouterr().err
    assert run(["--db", url, "db", "restore", str(good[-1]), "--backup-dir", str(folder)]) == 0
    assert run(["--db", url, "db", "backups", "--backup-dir", str(folder), "--keep", "3"]) == 0


def test_backup_if_due_reports_the_damage_and_keeps_the_copies(tmp_path):
    path = tmp_path / "station.sqlite3"
    db = _station_with_calls(f"sqlite:///{path}")
    t = datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc)
    first = backups.make_backup(db.engine, tmp_path / "b", keep=1, now=t)
    db.dispose()
    damage_pages(path)
    with pytest.raises(backups.LiveDatabaseDamaged, match="newest good backup is .*"):
        backups.backup_if_due(db.engine, tmp_path / "b", keep=1, now=t + timedelta(days=1))
    assert backups.list_backups(db.engine, tmp_path / "b") == [first]


def test_same_file_name_in_two_folders_keeps_its_own_backups(tmp_path):
    folder = tmp_path / "shared-backups"
    a = open_database(f"sqlite:///{tmp_path / 'a' / 'station.sqlite3'}")
    b = open_database(f"sqlite:///{tmp_path / 'b' / 'station.sqlite3'}")
    t = datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc)
    mine = [backups.make_backup(a.engine, folder, keep=2, now=t + timedelta(hours=i)) for i in range(2)]
    theirs = [backups.make_backup(b.engine, folder, keep=2, now=t + timedelta(hours=5 + i)) for i in range(3)]
    assert backups.list_backups(a.engine, folder) == mine[::-1] and all(p.exists() for p in mine)
    assert backups.list_backups(b.engine, folder) == theirs[:0:-1] and not theirs[0].exists()
    a.dispose()
    b.dispose()


def test_backup_into_a_folder_names_the_copy(db, tmp_path, capsys):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert run(["--db", str(db.engine.url.database), "db", "backup", str(folder)]) == 0
    copies = list(folder.iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("station-") and backups.check_backup(copies[0])
