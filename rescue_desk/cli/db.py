"""``rescue-desk db upgrade|backup|check``: schema and file maintenance."""

from __future__ import annotations

from rescue_desk.storage import StorageError, make_engine, ping
from rescue_desk.storage.engine import enable_wal
from rescue_desk.storage.backup import backup_sqlite
from rescue_desk.storage.migrate import current_revision, head_revision, upgrade

from . import CliError
from .common import database_url, require_database


def _engine(args, create: bool = False):
    url = database_url(args) if create else require_database(args)
    try:
        engine = make_engine(url)
        ping(engine)
        return engine
    except StorageError as exc:
        raise CliError(str(exc)) from None


def _upgrade(args) -> int:
    engine = _engine(args, create=True)
    try:
        before = current_revision(engine)
        backup = upgrade(engine)
        enable_wal(engine)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    if backup:
        print(f"backup of the old database: {backup}")
    after = head_revision()
    print(f"schema {before or 'empty'} -> {after}" if before != after else f"schema already current ({after})")
    return 0


def _backup(args) -> int:
    engine = _engine(args)
    try:
        target = backup_sqlite(engine, args.path, create_folder=False)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    print(f"backup written: {target}")
    return 0


def _check(args) -> int:
    from rescue_desk.services.db_check import check_database

    engine = _engine(args)
    try:
        report = check_database(engine, getattr(args, "backup_dir", None))
    except StorageError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    for line in report.lines:
        print(line)
    if not report.ok:
        raise CliError("the database check found problems (see above)", code=1)
    return 0
