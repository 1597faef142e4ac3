"""The station layer (landmarks, aliases, hazards) a command places calls against. Kept apart from the
``station`` commands so ``locate`` without a station database loads neither SQLAlchemy nor accounts."""

from __future__ import annotations

import argparse
import os
import sys

from . import CliError


def station_koras(args: argparse.Namespace):
    """For ``rescue-desk locate``: a function ``when -> Kora`` with the station layer of the database
    named by --db / $RESCUE_DESK_DB / the user's default, in use on that day. A database file that
    does not exist is not created: the shipped landmarks are used (with a note on stderr). A database
    that cannot be opened is an error when named explicitly, else a note and the shipped layer."""
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.paths import ENV_VAR, plain_sqlite_file

    from .common import database_url

    url = database_url(args)
    explicit = bool(getattr(args, "db", None) or os.environ.get(ENV_VAR))
    path = plain_sqlite_file(url)  # no station database yet: the shipped layer, without loading SQLAlchemy
    if path is None:
        from rescue_desk.storage.engine import sqlite_path

        path = sqlite_path(url)
    shipped = load_kora()
    if path is not None and not path.exists():
        if explicit:
            print(f"rescue-desk: note: no station database at {path}; using the shipped landmarks only",
                  file=sys.stderr)
        return lambda when=None: shipped
    if path is not None and _no_station_entries(path):
        return lambda when=None: shipped  # nothing to add: no need to load SQLAlchemy and the models
    from rescue_desk.services.station import StationKoras, load_layer
    from rescue_desk.storage import StorageError, open_database

    try:
        db = open_database(url)
    except StorageError as exc:
        if explicit:
            raise CliError(str(exc)) from None
        print(f"rescue-desk: note: {exc} Using the shipped landmarks only.", file=sys.stderr)
        return lambda when=None: shipped
    try:
        layer = load_layer(db)
    finally:
        db.dispose()
    return StationKoras(layer).at


def _no_station_entries(path) -> bool:
    """True when the SQLite file is readable, has the event log and the station tables, and those hold
    no landmark or alias (most stations, the demo one included). Anything unusual (another program's
    file, a damaged one, a missing table) is False: the full open then says what is wrong."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT 1 FROM events LIMIT 1").fetchall()
        n = conn.execute("SELECT (SELECT count(*) FROM station_landmarks) + (SELECT count(*) FROM station_aliases)")
        return n.fetchone()[0] == 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()
