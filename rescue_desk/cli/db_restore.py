"""``rescue-desk db restore PATH`` and ``rescue-desk db backups``: checked restore and rotating backups
(registered under ``db`` by cli/db.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from rescue_desk.domain import roles
from rescue_desk.services import backups
from rescue_desk.storage import StorageError, make_engine, open_database, ping

from . import CliError
from ._auth import cli_principal
from .common import database_url, require_database


def _restore(args) -> int:
    url = database_url(args)
    try:
        backups.check_backup(args.path)  # before touching (or even creating) the station database
    except StorageError as exc:
        raise CliError(f"{exc} Nothing was replaced.") from None
    path_exists = url.startswith("sqlite") and Path(url.split(":///", 1)[-1]).exists()
    if path_exists:
        db = open_database(url, migrate=False)
        try:
            cli_principal(args, db, roles.MAINTAIN_DATABASE)
        except StorageError as exc:
            raise CliError(str(exc)) from None
        finally:
            db.dispose()
    try:
        engine = make_engine(url)
        checked, saved = backups.restore(engine, args.path, args.backup_dir)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    if saved:
        print(f"the replaced database was saved as {saved}")
    print(f"restored {checked.path} (schema {checked.revision}, event log intact, {checked.events} entries)")
    if not backups.schema_is_current(checked):
        print("the restored database has an older schema; it is upgraded when next opened")
    return 0


def _backups(args) -> int:
    damaged = None
    try:
        engine = make_engine(require_database(args))
        ping(engine)
        if args.list:
            problem = backups.live_problem(engine)
            damaged = problem and f"the station database fails its integrity check ({problem})"
        else:
            try:
                print(f"backup written: {backups.make_backup(engine, args.backup_dir, args.keep)}")
            except backups.LiveDatabaseDamaged as exc:
                damaged = str(exc)
        for path in backups.list_backups(engine, args.backup_dir):
            print(path)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    if damaged:
        print(f"WARNING: {damaged}", file=sys.stderr)
        return 1
    return 0
