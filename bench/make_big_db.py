"""Build a large station database for the report benchmark: 1,000,000 incidents over many
stations × many years, with their calls, people and trips (synthetic; no event log).

    .venv/bin/python bench/make_big_db.py --db /tmp/big.sqlite3 [--incidents 1000000]

Rows go in with SQLAlchemy Core executemany in chunks (not the ORM), one transaction per chunk."""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, insert, select

from rescue_desk.domain.clock import BEIJING
from rescue_desk.storage import open_database, resolve_url
from rescue_desk.storage.models import Call, Incident, Person, Trip

MONTH_WEIGHT = [0.3, 0.3, 0.6, 3, 13, 19, 17, 17, 15, 10, 2, 0.6]
CAUSES = ["altitude_sickness"] * 34 + ["exhaustion"] * 25 + ["fall_injury"] * 12 + ["pulmonary_edema"] * 6 + \
    ["lost"] * 6 + ["hypothermia"] * 5 + ["false_alarm"] * 4 + ["cardiac"] * 3 + ["snow_trapped", "cerebral_edema"] * 2
ORIGINS = ["domestic"] * 56 + ["tibetan_pilgrim"] * 14 + ["indian_yatri"] * 22 + ["other_foreign"] * 8
P_OUT = ["evacuated_darchen"] * 56 + ["hospital"] * 21 + ["treated_on_site"] * 14 + ["walked_out"] * 8 + ["deceased"]
CHUNK = 50_000


def stations(n: int) -> list[str]:
    return ["tarchen"] + [f"station_{i:02d}" for i in range(1, n)]


def generate(db_url: str, n_incidents: int, n_stations: int, first_year: int, last_year: int, seed: int) -> None:
    rng = random.Random(seed)
    db = open_database(db_url)
    years = list(range(first_year, last_year + 1))
    codes = stations(n_stations)
    slots = [(s, y) for s in codes for y in years]
    per_slot = n_incidents // len(slots)
    day_weights = [MONTH_WEIGHT[(datetime(2001, 1, 1) + timedelta(days=d)).month - 1] for d in range(365)]
    with db.read() as s:
        next_id = (s.scalar(select(func.max(Incident.id))) or 0) + 1
    t0 = time.perf_counter()
    inc, calls, persons, trips = [], [], [], []
    trip_id = 1
    done = 0

    def flush() -> None:
        with db.engine.begin() as conn:
            for table, rows in ((Incident.__table__, inc), (Call.__table__, calls), (Trip.__table__, trips),
                                (Person.__table__, persons)):
                if rows:
                    conn.execute(insert(table), rows)
                    rows.clear()

    for station, year in slots:
        days = rng.choices(range(365), weights=day_weights, k=per_slot)
        for day in days:
            at = (datetime(year, 1, 1, tzinfo=BEIJING) + timedelta(days=day, minutes=rng.randint(360, 1350)))
            at = at.astimezone(timezone.utc)
            cause = rng.choice(CAUSES)
            km = rng.uniform(0, 46.2)
            drill = rng.random() < 0.01
            false = cause == "false_alarm"
            has_trip = not false and rng.random() < 0.82
            party = rng.choice([1, 1, 2, 2, 3, 4])
            outs = [rng.choice(P_OUT) for _ in range(party)] if has_trip else []
            outcome = "false_alarm" if false else ("fatal" if "deceased" in outs else "hospital" if "hospital" in outs
                                                   else "rescued" if has_trip else "resolved_by_phone")
            iid = next_id
            next_id += 1
            inc.append(dict(id=iid, created_at=at, category=cause, severity=2, status="closed", outcome=outcome,
                            closed_at=at + timedelta(hours=5), party_size=party, est_chainage_km=km,
                            pos_chainage_km=km if has_trip else None, pos_lon=81.3 if has_trip else None,
                            pos_lat=31.0 if has_trip else None, pos_confirmed=has_trip, notes="", drill=drill,
                            synthetic=True, version=1, station_code=station))
            calls.append(dict(incident_id=iid, received_at=at, category=cause, text="", drill=drill))
            if rng.random() < 0.2:
                calls.append(dict(incident_id=iid, received_at=at + timedelta(minutes=rng.randint(3, 40)),
                                  category=cause, text="", drill=drill))
            if has_trip:
                dep = at + timedelta(minutes=rng.randint(8, 40))
                scene = dep + timedelta(minutes=rng.randint(30, 240))
                trips.append(dict(id=trip_id, incident_id=iid, created_at=dep, departed_at=dep, on_scene_at=scene,
                                  returned_at=scene + timedelta(minutes=rng.randint(60, 300)), notes=""))
                for o in outs:
                    persons.append(dict(incident_id=iid, trip_id=trip_id, origin=rng.choice(ORIGINS), outcome=o,
                                        rescued=o != "deceased", sex="unknown", condition=""))
                trip_id += 1
            if len(inc) >= CHUNK:
                done += len(inc)
                flush()
                print(f"{done:,} incidents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    done += len(inc)
    flush()
    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    db.dispose()
    print(f"{done:,} incidents, {len(codes)} stations × {len(years)} years in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="database URL or SQLite file (should be new/empty)")
    ap.add_argument("--incidents", type=int, default=1_000_000)
    ap.add_argument("--stations", type=int, default=20)
    ap.add_argument("--first-year", type=int, default=2006)
    ap.add_argument("--last-year", type=int, default=2025)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    generate(resolve_url(a.db), a.incidents, a.stations, a.first_year, a.last_year, a.seed)


if __name__ == "__main__":
    main()
