"""``rescue-desk demo``: fill a database with the synthetic demo station."""

from __future__ import annotations

import sys

from sqlalchemy import func, select

from rescue_desk.services.demo import generate_demo
from rescue_desk.storage.models import Incident

from . import CliError
from .common import open_db


def _demo(args) -> int:
    if not 1 <= args.years <= 30:
        raise CliError("--years must be between 1 and 30")
    db = open_db(args, create=True)
    try:
        with db.read() as s:
            if s.scalar(select(func.count(Incident.id))):
                raise CliError(f"{db.url} already holds incidents; the demo only fills an empty database")
        summary = generate_demo(db, years=args.years, seed=args.seed, end_year=args.end_year,
                                progress=lambda m: print(m, file=sys.stderr))
    finally:
        db.dispose()
    print(f"demo station written to {db.url}: {summary.incidents} incidents, people rescued by year: "
          + ", ".join(f"{y} {n}" for y, n in summary.persons_by_year.items()))
    return 0
