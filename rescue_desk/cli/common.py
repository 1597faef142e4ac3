"""Helpers shared by the commands: open the database named by --db / $RESCUE_DESK_DB."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Callable

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


def run_jsonl_batch(in_path: str, out_path: str | None, record: Callable[[str, int], dict]) -> Counter:
    """Write ``record(line, lineno)`` as one JSON line for every non-blank input line.

    ``in_path`` "-" reads stdin; ``out_path`` None writes stdout. ``record`` must not raise for a bad
    line (it returns an error record instead). Returns the count of records by ``status`` ("ok" when
    a record has none). CliError when a file cannot be opened."""
    try:
        src = sys.stdin if in_path == "-" else open(in_path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CliError(f"cannot read {in_path}: {exc.strerror or exc}") from None
    try:
        dst = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout
    except OSError as exc:
        if src is not sys.stdin:
            src.close()
        raise CliError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    counts: Counter = Counter()
    try:
        for lineno, line in enumerate(src, 1):
            if not line.strip():
                continue
            rec = record(line, lineno)
            counts[rec.get("status", "ok")] += 1
            dst.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    return counts
