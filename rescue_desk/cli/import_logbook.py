"""``rescue-desk import FILE.csv``: bring a logbook kept before the app into the database
(columns in docs/import.md). Progress lines go to stderr; bad rows are listed with line numbers."""

from __future__ import annotations

import sys
from pathlib import Path

from rescue_desk.domain import roles
from rescue_desk.services.importer import RowError, import_logbook, read_logbook

from . import CliError
from ._auth import cli_actor
from .common import open_db

PROGRESS_EVERY = 100


def _import(args) -> int:
    path = Path(args.file)
    try:
        text = read_logbook(path)
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None
    except RowError as exc:
        raise CliError(f"{path}: {exc}") from None

    def progress(done: int, total: int) -> None:
        if not args.quiet and (done % PROGRESS_EVERY == 0 or done == total):
            print(f"  {done}/{total} rows ({100 * done // max(total, 1)}%)", file=sys.stderr, flush=True)

    db = open_db(args, create=True)
    try:
        result = import_logbook(db, cli_actor(args, db, roles.MAINTAIN_DATABASE), text, source=path.name, progress=progress)
    except RowError as exc:
        raise CliError(f"{path}: {exc}") from None
    finally:
        db.dispose()
    for line, reason in result.bad:
        print(f"{path.name}:{line}: {reason}", file=sys.stderr)
    print(f"{result.imported} imported, {result.duplicates} already there, {len(result.bad)} bad "
          f"(of {result.rows} rows); placed from the description: {result.placed_by_locator}, "
          f"without a position: {result.unplaced}")
    return 1 if result.bad else 0
