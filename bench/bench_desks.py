"""Load: N desk processes each performing M mixed actions on one database (PostgreSQL and/or SQLite).

Checks afterwards: every record a desk was told was saved is there exactly once (no loss, no
duplicates), nothing unreported appeared, the event chain is intact. Prints the p50/p95 latency of
each action kind. Run on demand (not part of pytest):

    .venv/bin/python bench/bench_desks.py                  # PostgreSQL at $RESCUE_DESK_TEST_PG and SQLite
    .venv/bin/python bench/bench_desks.py --only sqlite --desks 4 --actions 1000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_SERVER = os.environ.get("RESCUE_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:54329/postgres")
WEIGHTS = {"log_call": 30, "link_call": 5, "set_status": 12, "add_person": 13, "dispatch_trip": 10,
           "add_checkin": 10, "close_incident": 5, "list_open": 15}


def desk(url: str, desk_no: int, n_actions: int, seed: int, out: mp.Queue) -> None:
    """One desk process: random actions through the services; reports ids after each commit returns."""
    from rescue_desk.domain.clock import utc_now
    from rescue_desk.services import incidents as svc
    from rescue_desk.services.errors import ConcurrentChange, ValidationError
    from rescue_desk.storage import open_database

    db = open_database(url, migrate=False)
    rng = random.Random(seed)
    actor = f"desk{desk_no}"
    t0 = utc_now() - timedelta(hours=6)
    latencies: dict[str, list[float]] = defaultdict(list)
    saved: dict[str, list] = defaultdict(list)
    conflicts = 0
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    for i in range(n_actions):
        kind = rng.choices(kinds, weights)[0]
        start = time.perf_counter()
        try:
            if kind in ("log_call", "link_call"):
                link = None
                if kind == "link_call":
                    rows = svc.list_incidents(db, open_only=True, limit=20)
                    link = rng.choice(rows).id if rows else None
                marker = f"{actor}-{i}"
                call_id, inc = svc.log_call(db, actor, svc.CallInput(received_at=t0, text=marker), incident_id=link)
                saved["calls"].append((call_id, marker))
                if link is None:
                    saved["incidents"].append(inc)
            elif kind == "list_open":
                svc.list_incidents(db, open_only=True, limit=50)
            else:
                rows = svc.list_incidents(db, open_only=True, limit=30)
                if not rows:
                    continue
                row = rng.choice(rows)
                if kind == "set_status":
                    svc.set_status(db, actor, row.id, rng.choice(["dispatched", "on_scene", "evacuating"]),
                                   expected_version=row.version)
                elif kind == "add_person":
                    saved["persons"].append(svc.add_person(db, actor, row.id, svc.PersonInput(age=30)))
                elif kind == "dispatch_trip":
                    saved["trips"].append(svc.dispatch_trip(db, actor, row.id, [1 + desk_no % 4],
                                                            departed_at=t0 + timedelta(minutes=1)))
                elif kind == "add_checkin":
                    trips = saved["trips"]
                    if not trips:
                        continue
                    saved["checkins"].append(svc.add_checkin(db, actor, rng.choice(trips), t0 + timedelta(minutes=2)))
                elif kind == "close_incident":
                    svc.close_incident(db, actor, row.id, "rescued", at=t0 + timedelta(minutes=3),
                                       expected_version=row.version)
        except ConcurrentChange:
            conflicts += 1
        except ValidationError:
            pass  # e.g. closed meanwhile by another desk: the service refused, nothing written
        latencies[kind].append(time.perf_counter() - start)
    db.dispose()
    out.put((desk_no, dict(latencies), dict(saved), conflicts))


def prepare(url: str) -> None:
    from rescue_desk.storage import open_database
    from rescue_desk.storage.models import Officer

    db = open_database(url)
    with db.write("bench", "roster_add") as s:
        s.add_all([Officer(name=f"officer {k}") for k in range(1, 6)])
    db.dispose()


def verify(url: str, results) -> list[str]:
    """Problems found (empty list = none lost, none duplicated, nothing extra, chain intact)."""
    from sqlalchemy import func, select

    from rescue_desk.services.audit import verify as verify_chain
    from rescue_desk.storage import open_database
    from rescue_desk.storage.models import Call, CheckIn, Incident, Person, Trip

    problems = []
    db = open_database(url, migrate=False)
    models = {"calls": Call, "incidents": Incident, "persons": Person, "trips": Trip, "checkins": CheckIn}
    with db.read() as s:
        for table, model in models.items():
            reported = []
            for _desk, _lat, saved, _c in results:
                reported += [x[0] if isinstance(x, tuple) else x for x in saved.get(table, [])]
            dup_reports = [k for k, n in Counter(reported).items() if n > 1]
            if dup_reports:
                problems.append(f"{table}: ids reported twice {dup_reports[:5]}")
            present = set(s.scalars(select(model.id)).all())
            missing = set(reported) - present
            extra = present - set(reported)
            if missing:
                problems.append(f"{table}: {len(missing)} reported saved but missing, e.g. {sorted(missing)[:5]}")
            if extra:
                problems.append(f"{table}: {len(extra)} present but never reported, e.g. {sorted(extra)[:5]}")
        markers = Counter(s.scalars(select(Call.text)).all())
        dups = [m for m, n in markers.items() if n > 1]
        if dups:
            problems.append(f"calls: {len(dups)} duplicated, e.g. {dups[:3]}")
        n_events = s.scalar(select(func.count()).select_from(__import__("rescue_desk.storage.models",
                                                                        fromlist=["Event"]).Event))
    report = verify_chain(db)
    if not report.intact:
        problems.append("event log " + report.sentence())
    db.dispose()
    print(f"  event log: {n_events} entries, {report.sentence()}")
    return problems


def run(url: str, label: str, n_desks: int, n_actions: int) -> bool:
    prepare(url)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=desk, args=(url, d, n_actions, 1000 + d, out)) for d in range(n_desks)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = [out.get(timeout=1800) for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - start
    lat: dict[str, list[float]] = defaultdict(list)
    for _d, latencies, _saved, _c in results:
        for kind, values in latencies.items():
            lat[kind] += values
    total = sum(len(v) for v in lat.values())
    conflicts = sum(r[3] for r in results)
    print(f"{label}: {n_desks} desks x {n_actions} actions ({n_desks * n_actions - total} skipped: nothing to act on), "
          f"{total} timed in {wall:.1f} s "
          f"({total / wall:.0f}/s), {conflicts} refused as concurrent changes (expected, nothing overwritten)")
    print(f"  {'action':<15} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    everything = []
    for kind in sorted(lat):
        v = sorted(lat[kind])
        everything += v
        print(f"  {kind:<15} {len(v):>5} {statistics.median(v) * 1e3:>8.1f} {v[int(0.95 * (len(v) - 1))] * 1e3:>8.1f} "
              f"{v[-1] * 1e3:>8.1f}")
    everything.sort()
    print(f"  {'all':<15} {len(everything):>5} {statistics.median(everything) * 1e3:>8.1f} "
          f"{everything[int(0.95 * (len(everything) - 1))] * 1e3:>8.1f} {everything[-1] * 1e3:>8.1f}")
    problems = verify(url, results)
    for p in problems:
        print("  PROBLEM:", p)
    print(f"  {'OK: zero lost, zero duplicated' if not problems else 'FAILED'}")
    return not problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--desks", type=int, default=4)
    ap.add_argument("--actions", type=int, default=1000)
    ap.add_argument("--only", choices=["postgres", "sqlite"])
    args = ap.parse_args(argv)
    ok = True
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            ok &= run(f"sqlite:///{tmp}/bench.sqlite3", "SQLite (one file, WAL)", args.desks, args.actions)
    if args.only in (None, "postgres"):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        name = f"rd_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            ok &= run(make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False),
                      "PostgreSQL", args.desks, args.actions)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            admin.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
