"""Rotating backups of the SQLite station database, and a checked restore.

Backups are consistent copies made with SQLite's online backup API (safe while desks write), named
``<db stem>-<path tag>-YYYYmmdd-HHMMSS.sqlite3`` (UTC; the tag is a short hash of the database's full
path, so two ``station.sqlite3`` in different folders never rotate each other's copies) in a folder of
their own. Each new copy must pass SQLite's quick_check before it counts: a copy that fails means the
live database is damaged, the copy is deleted, nothing is rotated and ``LiveDatabaseDamaged`` says so
(the app shows a banner, ``db backups`` a warning). So the newest good copy is never rotated away; of
the checked copies the newest ``keep`` are kept.
Restore checks the candidate (SQLite header, integrity, schema version, event chain) before anything is
replaced, keeps the replaced database as a backup too, and copies with the backup API (so other
connections see one atomic switch, never a half-written file). PostgreSQL: use pg_dump; these refuse."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, select

from rescue_desk.storage import Database
from rescue_desk.storage.backup import backup_sqlite, quick_check
from rescue_desk.storage.engine import data_dir, sqlite_path
from rescue_desk.storage.errors import DatabaseDamaged, StorageError
from rescue_desk.storage.models import Meta
from rescue_desk.storage.migrate import alembic_config, current_revision, head_revision, schema_state
from rescue_desk.storage.schema_check import schema_problems

from .audit import verify

BACKUP_DIR_ENV = "RESCUE_DESK_BACKUP_DIR"
DEFAULT_KEEP = 14
DEFAULT_EVERY = timedelta(hours=4)
SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%d-%H%M%S"


class BackupRefused(StorageError):
    """The candidate file cannot be restored; ``str(exc)`` says why in one sentence."""


class LiveDatabaseDamaged(DatabaseDamaged):
    """The live database failed its check while being backed up; ``str(exc)`` says what to do."""


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


def _prefix(engine: Engine) -> str:
    """``<stem>-<tag>``: the tag is a short hash of the database's full path."""
    path = _database_file(engine)
    tag = hashlib.sha256(str(path.expanduser().resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{path.stem}-{tag}"


def _pattern(prefix: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(prefix)}-(\d{{8}}-\d{{6}})(?:\.(\d+))?(-[a-z-]+)?\.sqlite3$")


def list_backups(engine: Engine, folder: Path | str | None = None, labelled: bool = True) -> list[Path]:
    """This database's backups in ``folder``, newest first (``labelled=False``: only the rotating ones,
    not e.g. ``before-restore`` copies, which are never deleted automatically). With ``labelled``,
    copies named by older versions (``<stem>-<time>.sqlite3``, no path tag) are listed too; they are
    never rotated, since they may belong to another database of the same file name."""
    folder = backup_folder(folder)
    if not folder.is_dir():
        return []
    pat, legacy = _pattern(_prefix(engine)), _pattern(_database_file(engine).stem)
    found = []
    for p in folder.iterdir():
        m = pat.match(p.name)
        if m is None and labelled:
            m = legacy.match(p.name)
        if m and (labelled or m.group(3) is None):
            found.append((m.group(1), int(m.group(2) or 0), p))
    return [p for _stamp, _n, p in sorted(found, reverse=True)]


def make_backup(engine: Engine, folder: Path | str | None = None, keep: int = DEFAULT_KEEP,
                label: str = "", now: datetime | None = None, check: bool = True) -> Path:
    """Write a new backup, check it, then delete the oldest beyond ``keep``. Returns the new file.

    LiveDatabaseDamaged when the copy fails SQLite's quick_check (the live database is damaged): the
    copy is deleted and no older copy is touched. ``check=False`` keeps the copy whatever its state
    (the database a restore replaces is saved as it is)."""
    if keep < 1:
        raise StorageError("Keep at least one backup.")
    folder, prefix = backup_folder(folder), _prefix(engine)
    stamp = (now or datetime.now(timezone.utc)).strftime(_STAMP)
    suffix = f"-{label}" if label else ""
    target = folder / f"{prefix}-{stamp}{suffix}.sqlite3"
    n = 1
    while target.exists():
        target = folder / f"{prefix}-{stamp}.{n}{suffix}.sqlite3"
        n += 1
    try:
        made = backup_sqlite(engine, target)
    except DatabaseDamaged as exc:
        if check:
            raise _damaged(engine, folder, str(exc)) from None
        raise
    problems = quick_check(made) if check else []
    if problems:
        made.unlink(missing_ok=True)
        raise _damaged(engine, folder, "; ".join(problems[:3]))
    for old in list_backups(engine, folder, labelled=False)[keep:]:
        old.unlink(missing_ok=True)
    return made


def _damaged(engine: Engine, folder: Path, detail: str) -> LiveDatabaseDamaged:
    good = list_backups(engine, folder, labelled=False)
    keep_note = (f"the newest good backup is {good[0]}" if good else "there is no earlier backup in " + str(folder))
    return LiveDatabaseDamaged(
        f"The station database {_database_file(engine)} fails its integrity check ({detail}); no backup was "
        f"replaced and {keep_note}. Run 'rescue-desk db check', then restore a good backup.")


def live_problem(engine: Engine) -> str | None:
    """None when the live SQLite file passes quick_check (or is not an SQLite file); else what is wrong."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    problems = quick_check(path)
    return "; ".join(problems[:3]) if problems else None


def _synthetic(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(Meta.value).where(Meta.key == "synthetic")).scalar() == "true"


def _newest_time(engine: Engine, folder: Path | str | None) -> datetime | None:
    backups = list_backups(engine, folder, labelled=False)
    if not backups:
        return None
    stamp = _pattern(_prefix(engine)).match(backups[0].name).group(1)
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
    except (sqlite3.DatabaseError, MemoryError) as exc:  # SQLite reports some damage as out of memory
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
            if schema_state(engine) == "foreign":
                raise BackupRefused(f"{path} is not a Rescue Desk database (another program's schema "
                                    f"{revision}).") from None
            raise BackupRefused(f"{path} was written by a newer Rescue Desk (schema {revision}).") from None
        try:
            report = verify(Database(engine))
        except StorageError as exc:
            raise BackupRefused(f"{path}: the event log cannot be read ({exc}).") from None
        if not report.intact:
            raise BackupRefused(f"{path}: the event log is {report.sentence()}.")
        problems = schema_problems(engine, revision)
        if problems:
            raise BackupRefused(f"{path} has a schema that differs from what Rescue Desk expects "
                                f"({'; '.join(problems[:5])}).")
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
        saved = _save_replaced(engine, target, folder, keep)
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
    _set_aside_superseded(engine, folder)
    return checked, saved


def _set_aside_superseded(engine: Engine, folder: Path | str | None) -> None:
    """After a restore, rotating backups whose newest log entry the restored database lacks are
    relabelled ``-superseded``: kept, never rotated, and no longer taken as the log's anchor."""
    from .audit import anchor_of, check_anchor

    db = Database(engine)
    try:
        for path in list_backups(engine, folder, labelled=False):
            try:
                anchor = anchor_of(path)
            except Exception:  # an unreadable copy is left as it is
                continue
            if anchor is not None and check_anchor(db, anchor) is not None:
                path.rename(path.with_name(path.name[:-len(".sqlite3")] + "-superseded.sqlite3"))
    finally:
        engine.dispose()


def _save_replaced(engine: Engine, target: Path, folder: Path | str | None, keep: int) -> Path:
    """Keep the database a restore replaces, damaged or not (a page-level copy cannot read a damaged
    file, so then the file itself is copied)."""
    try:
        return make_backup(engine, folder, keep, label="before-restore", check=False)
    except DatabaseDamaged:
        import shutil

        stamp = datetime.now(timezone.utc).strftime(_STAMP)
        copy = backup_folder(folder) / f"{_prefix(engine)}-{stamp}-before-restore-damaged.sqlite3"
        try:
            shutil.copyfile(target, copy)
        except OSError as exc:
            raise StorageError(f"The damaged database could not be saved before the restore "
                               f"({exc.strerror or exc}); nothing was replaced.") from None
        return copy


def schema_is_current(check: BackupCheck) -> bool:
    return check.revision == head_revision()
