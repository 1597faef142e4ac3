"""``rescue-desk demo``: fill a database with the synthetic demo station."""

from __future__ import annotations

import sys

from rescue_desk.services.demo import create_demo_file, demo_state, generate_demo
from rescue_desk.storage.engine import sqlite_path

from . import CliError
from .common import open_db


def _demo(args) -> int:
    if not 1 <= args.years <= 30:
        raise CliError("--years must be between 1 and 30")
    if not getattr(args, "db", None):
        args.demo = True  # never into the station's own database: the demo station has its own file
    db = open_db(args, create=True)
    path = sqlite_path(str(db.engine.url))
    options = dict(years=args.years, seed=args.seed, end_year=args.end_year,
                   progress=lambda m: print(m, file=sys.stderr))
    try:
        state = demo_state(db)
        if state == "ready":
            raise CliError(f"{db.url} already holds incidents or officers; the demo only fills "
                           "an empty database")
        if state == "unfinished" and path is None:
            raise CliError(f"{db.url} holds an interrupted demo generation; empty it or choose another database")
        if state == "empty":
            summary = generate_demo(db, **options)
    finally:
        db.dispose()
    if state == "unfinished":  # a killed run: the file is generated again whole, never filled twice
        print(f"{path} holds an interrupted demo generation; generating it again", file=sys.stderr)
        summary = create_demo_file(path, **options)
    print(f"demo station written to {db.url}: {summary.incidents} incidents, people rescued by year: "
          + ", ".join(f"{y} {n}" for y, n in summary.persons_by_year.items()))
    return 0
