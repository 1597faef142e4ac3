"""Helpers shared by the commands: open the database named by --db / $RESCUE_DESK_DB."""

from __future__ import annotations

import argparse
import json
import sys

from rescue_desk.storage import Database, StorageError, open_database, resolve_url

from . import CliError


def database_url(args: argparse.Namespace) -> str:
    return resolve_url(getattr(args, "db", None), demo=getattr(args, "demo", False))


def open_db(args: argparse.Namespace, migrate: bool = True) -> Database:
    """The database for this command, migrated to the current schema; CliError on any failure."""
    try:
        return open_database(database_url(args), migrate=migrate)
    except StorageError as exc:
        raise CliError(str(exc)) from None


def open_app_database(args: argparse.Namespace) -> str | None:
    """Prepare the database the desktop app will open (creating the demo station on first start).

    Returns its URL, or None after printing why it cannot be opened."""
    from rescue_desk.services.demo import ensure_demo_station

    try:
        db = open_database(database_url(args))
        if getattr(args, "demo", False):
            ensure_demo_station(db, progress=lambda msg: print(msg, file=sys.stderr))
        url = db.engine.url.render_as_string(hide_password=False)
        db.dispose()
        return url
    except StorageError as exc:
        print(f"rescue-desk: {exc}", file=sys.stderr)
        return None


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))
