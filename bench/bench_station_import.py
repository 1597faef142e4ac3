"""Station-layer import of many landmarks while a desk logs calls: import time (and how it grows with
the number of landmarks) and the longest time a desk's write waited for the lock.

Run on demand: .venv/bin/python bench/bench_station_import.py [N ...]   (default 300 1000; SQLite,
plus PostgreSQL when $RESCUE_DESK_BENCH_PG names a server database to use, e.g.
postgresql+psycopg://postgres@127.0.0.1:54329/postgres — its tables are created fresh in a new db)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents, station_exchange
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database


def layer_doc(n: int) -> bytes:
    kora = load_kora()
    feats = []
    for i in range(n):
        lon, lat = kora.point_at((i + 0.5) * kora.length_km / n)
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                      "properties": {"feature_type": "landmark", "name_en": f"Bench cairn {i}",
                                     "name_zh": f"测试玛尼堆{i}号", "aliases": [{"text": f"cairn no {i}", "lang": "en"}]}})
    return json.dumps({"type": "FeatureCollection", "features": feats}).encode()


def run(url: str, n: int) -> tuple[float, float, int]:
    """(import seconds, longest desk wait in seconds, calls the desk logged meanwhile)."""
    db = open_database(url)
    desk = open_database(url)
    diff = station_exchange.preview_import(db, layer_doc(n))
    waits: list[float] = []
    done = threading.Event()

    def desk_loop():
        while not done.is_set():
            t = time.perf_counter()
            incidents.log_call(desk, "desk", CallInput(received_at=datetime.now(timezone.utc), text="bench call"))
            waits.append(time.perf_counter() - t)
            time.sleep(0.05)

    thread = threading.Thread(target=desk_loop)
    thread.start()
    t = time.perf_counter()
    station_exchange.apply_import(db, "bench", diff)
    took = time.perf_counter() - t
    done.set()
    thread.join()
    db.dispose()
    desk.dispose()
    return took, max(waits), len(waits)


def _pg_url(server: str):
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"rd_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    return admin, name, make_url(server).set(database=name).render_as_string(hide_password=False)


def main(sizes: list[int]) -> None:
    results = {}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            took, wait, calls = run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", n)
        results[n] = took
        print(f"SQLite: {n} landmarks imported in {took:.1f} s ({took / n * 1000:.1f} ms each); "
              f"the desk logged {calls} calls meanwhile, longest wait {wait * 1000:.0f} ms")
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        print(f"time ratio {b}/{a} landmarks: {results[b] / results[a]:.2f} (linear = {b / a:.2f})")
    server = os.environ.get("RESCUE_DESK_BENCH_PG")
    if server:
        admin, name, url = _pg_url(server)
        try:
            took, wait, calls = run(url, sizes[-1])
            print(f"PostgreSQL: {sizes[-1]} landmarks imported in {took:.1f} s; the desk logged {calls} calls "
                  f"meanwhile, longest wait {wait * 1000:.0f} ms")
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [300, 1000])
