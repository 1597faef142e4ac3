"""Rotating backups of the SQLite station database, and a checked restore.

Backups are consistent copies made with SQLite's online backup API (safe while desks write), named
``<db stem>-YYYYmmdd-HHMMSS.sqlite3`` (UTC) in a folder of their own; the newest ``keep`` are kept.
Restore checks the candidate (SQLite header, integrity, schema version, event chain) before anything is
replaced, keeps the replaced database as a backup too, and copies with the backup API (so other
connections see one atomic switch, never a half-written file). PostgreSQL: use pg_dump; these refuse."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, select

from rescue_desk.storage import Database
from rescue_desk.storage.backup import backup_sqlite
from rescue_desk.storage.engine import data_dir, sqlite_path
from rescue_desk.storage.errors import StorageError
from rescue_desk.storage.models import Meta
from rescue_desk.storage.migrate import alembic_config, current_revision, head_revision

from .audit import verify

BACKUP_DIR_ENV = "RESCUE_DESK_BACKUP_DIR"
DEFAULT_KEEP = 14
DEFAULT_EVERY = timedelta(hours=4)
SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%d-%H%M%S"


class BackupRefused(StorageError):
    """The candidate file cannot be restored; ``str(exc)`` says why in one sentence."""


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    revision: str
    events: int


def backup_folder(folder: Path | str | None = None) -> Path:
    """The folder given, else $RESCUE_DESK_BACKUP_DIR, else ``backups`` in the data folder."""
    if folder:
        return Path(folder).expanduser()
    env = os.environ.get(BACKUP_DIR_ENV)
    return Path(env).expanduser() if env else data_dir() / "backups"


def _database_file(engine: Engine) -> Path:
    path = sqlite_path(str(engine.url))
    if path is None:
        raise StorageError("Automatic backups work for SQLite files; back up PostgreSQL with pg_dump.")
    return path


def _pattern(stem: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:\.(\d+))?(-[a-z-]+)?\.sqlite3$")


def list_backups(engine: Engine, folder: Path | str | None = None, labelled: bool = True) -> list[Path]:
    """This database's backups in ``folder``, newest first (``labelled=False``: only the rotating ones,
    not e.g. ``before-restore`` copies, which are never deleted automatically)."""
    folder, stem = backup_folder(folder), _database_file(engine).stem
    if not folder.is_dir():
        return []
    pat = _pattern(stem)
    found = [(m.group(1), int(m.group(2) or 0), p) for p in folder.iterdir()
             if (m := pat.match(p.name)) and (labelled or m.group(3) is None)]
    return [p for _stamp, _n, p in sorted(found, reverse=True)]


def make_backup(engine: Engine, folder: Path | str | None = None, keep: int = DEFAULT_KEEP,
                label: str = "", now: datetime | None = None) -> Path:
    """Write a new backup and delete the oldest beyond ``keep``. Returns the new file."""
    if keep < 1:
        raise StorageError("Keep at least one backup.")
    folder, stem = backup_folder(folder), _database_file(engine).stem
    stamp = (now or datetime.now(timezone.utc)).strftime(_STAMP)
    suffix = f"-{label}" if label else ""
    target = folder / f"{stem}-{stamp}{suffix}.sqlite3"
    n = 1
    while target.exists():
        target = folder / f"{stem}-{stamp}.{n}{suffix}.sqlite3"
        n += 1
    made = backup_sqlite(engine, target)
    for old in list_backups(engine, folder, labelled=False)[keep:]:
        old.unlink(missing_ok=True)
    return made


def _synthetic(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(Meta.value).where(Meta.key == "synthetic")).scalar() == "true"


def _newest_time(engine: Engine, folder: Path | str | None) -> datetime | None:
    backups = list_backups(engine, folder, labelled=False)
    if not backups:
        return None
    stamp = _pattern(_database_file(engine).stem).match(backups[0].name).group(1)
    return datetime.strptime(stamp, _STAMP).replace(tzinfo=timezone.utc)


def backup_if_due(engine: Engine, folder: Path | str | None = None, keep: int = DEFAULT_KEEP,
                  every: timedelta = DEFAULT_EVERY, now: datetime | None = None) -> Path | None:
    """A new backup when the newest is older than ``every`` (or there is none); else None.
    Does nothing (None) for PostgreSQL, in-memory databases and the synthetic demo station.
    Runs on the calling thread."""
    if sqlite_path(str(engine.url)) is None or _synthetic(engine):
        return None
    now = now or datetime.now(timezone.utc)
    newest = _newest_time(engine, folder)
    if newest is not None and now - newest < every:
        return None
    return make_backup(engine, folder, keep, now=now)


def check_backup(path: Path | str) -> BackupCheck:
    """Check a file before it may replace the station database; BackupRefused says what is wrong."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise BackupRefused(f"{path} does not exist or is not a file.")
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise BackupRefused(f"{path} is not an SQLite database.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(f"{path} cannot be read as a database ({exc}).") from None
    if result != ["ok"]:
        raise BackupRefused(f"{path} fails the SQLite integrity check ({'; '.join(result[:3])}).")
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        try:
            revision = current_revision(engine)
        except Exception:
            revision = None
        if revision is None:
            raise BackupRefused(f"{path} is not a Rescue Desk database (no schema version).")
        from alembic.script import ScriptDirectory  # here, not at the top: the desk imports this module at launch

        script = ScriptDirectory.from_config(alembic_config())
        try:
            script.get_revision(revision)
        except Exception:
            raise BackupRefused(f"{path} was written by a newer Rescue Desk (schema {revision}).") from None
        report = verify(Database(engine))
        if not report.intact:
            raise BackupRefused(f"{path}: the event log is {report.sentence()}.")
    finally:
        engine.dispose()
    return BackupCheck(path, revision, report.checked)


def restore(engine: Engine, source: Path | str, folder: Path | str | None = None,
            keep: int = DEFAULT_KEEP) -> tuple[BackupCheck, Path | None]:
    """Replace the database of ``engine`` by the checked ``source``. The current database is first
    saved as a backup (label ``before-restore``, returned). An older schema is upgraded on next open."""
    target = _database_file(engine)
    checked = check_backup(source)
    if Path(source).expanduser().resolve() == target.resolve():
        raise BackupRefused("The file to restore is the station database itself.")
    saved = None
    if target.exists() and target.stat().st_size > 0:
        saved = make_backup(engine, folder, keep, label="before-restore")
    src = sqlite3.connect(f"file:{checked.path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, timeout=10)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise StorageError(f"The restore failed ({exc}); the database was left as it was.") from None
    finally:
        src.close()
    engine.dispose()
    return checked, saved


def schema_is_current(check: BackupCheck) -> bool:
    return check.revision == head_revision()
