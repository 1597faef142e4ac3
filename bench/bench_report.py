"""Benchmark the yearly report on a big database (see make_big_db.py):

    .venv/bin/python bench/bench_report.py --db /tmp/big.sqlite3 [--station station_07 --year 2020]

Measures, in the same run and on the same data:
  1. ``services.reports.yearly_report`` for one station-year (target <= 1 s on SQLite);
  2. a hand-written SQL aggregate computing the same figures (totals this year and last, by month,
     cause, outcome, origin, section, km, response-time median/p90, trips per day) — the report
     must stay within 1.5x of it;
  3. opening the Statistics dashboard until its first report is on screen (target <= 2 s).
Timings: median and best of --runs interleaved runs after one warm-up run."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta

from sqlalchemy import text

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.stats import Period, quantile
from rescue_desk.services.reports import yearly_report
from rescue_desk.storage import open_database, resolve_url


def interleaved(fns: dict, runs: int) -> dict[str, tuple[float, float, object]]:
    """Run each function once to warm up, then ``runs`` rounds alternating them (so machine load
    hits both alike); returns name -> (median s, best s, last result)."""
    results = {name: fn() for name, fn in fns.items()}
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t = time.perf_counter()
            results[name] = fn()
            times[name].append(time.perf_counter() - t)
    return {name: (statistics.median(ts), min(ts), results[name]) for name, ts in times.items()}


def _bounds(period: Period, dialect: str) -> tuple[str, str]:
    lo, hi = period.utc_bounds()
    if dialect == "sqlite":  # stored as naive UTC text
        return lo.strftime("%Y-%m-%d %H:%M:%S.%f"), hi.strftime("%Y-%m-%d %H:%M:%S.%f")
    return lo, hi


def hand_sql(db, station: str, year: int) -> dict:
    """The report's figures with plain SQL (SQLite or PostgreSQL dialect), Python only for the
    percentiles (SQLite has none)."""
    kora = load_kora()
    dialect = db.engine.dialect.name
    local = ("datetime({c}, '+8 hours')" if dialect == "sqlite" else "({c} AT TIME ZONE 'Asia/Shanghai')")
    month = ("CAST(strftime('%m', " + local + ") AS INTEGER)" if dialect == "sqlite"
             else "EXTRACT(MONTH FROM " + local + ")")
    day = ("date(" + local + ")" if dialect == "sqlite" else "CAST(" + local + " AS DATE)")
    minutes = ("(julianday({b}) - julianday({a})) * 1440" if dialect == "sqlite"
               else "EXTRACT(EPOCH FROM ({b} - {a})) / 60")
    km = "CASE WHEN i.pos_lon IS NOT NULL THEN i.pos_chainage_km ELSE i.est_chainage_km END"
    seg = "CASE " + " ".join(f"WHEN {km} >= {s.from_km} AND {km} < {s.to_km} THEN '{s.start.id}'"
                             for s in kora.segments() if s.from_km < s.to_km) + f" WHEN {km} IS NULL THEN NULL ELSE '{kora.segments()[-1].start.id}' END"
    scope = "i.station_code = :st AND i.drill = :f AND i.created_at >= :lo AND i.created_at < :hi"
    out = {}
    with db.engine.connect() as c:
        for label, period in (("current", Period.year(year)), ("previous", Period.year(year - 1))):
            lo, hi = _bounds(period, dialect)
            p = {"st": station, "f": False, "lo": lo, "hi": hi}
            wide = dict(p, lo2=_bounds(Period(period.start - timedelta(days=7), period.end), dialect)[0])
            t = {}
            t["incidents"], t["false_alarms"] = c.execute(text(
                f"SELECT count(*), sum(CASE WHEN i.outcome = 'false_alarm' OR i.category = 'false_alarm' THEN 1 ELSE 0 END) "
                f"FROM incidents i WHERE {scope}"), p).one()
            t["persons_rescued"], t["hospital"], t["deaths"] = c.execute(text(
                "SELECT sum(CASE WHEN p.rescued THEN 1 ELSE 0 END), sum(CASE WHEN p.outcome = 'hospital' THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN p.outcome = 'deceased' THEN 1 ELSE 0 END) FROM persons p JOIN incidents i ON i.id = p.incident_id WHERE {scope}"), p).one()
            t["trips"] = c.execute(text(f"SELECT count(*) FROM trips t JOIN incidents i ON i.id = t.incident_id "
                                        f"WHERE {scope} AND t.departed_at IS NOT NULL"), p).scalar()
            t["calls"] = c.execute(text(
                "SELECT count(*) FROM calls c JOIN incidents i ON i.id = c.incident_id WHERE i.station_code = :st "
                "AND i.drill = :f AND i.created_at >= :lo2 AND i.created_at < :hi AND c.drill = :f "
                "AND c.received_at >= :lo AND c.received_at < :hi"), wide).scalar()
            out[label] = t
            if label == "previous":
                continue
            q = lambda sql: dict(c.execute(text(sql), p).all())  # noqa: E731
            out["by_month"] = q(f"SELECT {month.format(c='i.created_at')}, count(*) FROM incidents i WHERE {scope} GROUP BY 1")
            out["calls_by_month"] = dict(c.execute(text(
                f"SELECT {month.format(c='c.received_at')}, count(*) FROM calls c JOIN incidents i ON i.id = c.incident_id "
                "WHERE i.station_code = :st AND i.drill = :f AND i.created_at >= :lo2 AND i.created_at < :hi AND c.drill = :f "
                "AND c.received_at >= :lo AND c.received_at < :hi GROUP BY 1"), wide).all())
            out["persons_by_month"] = q(f"SELECT {month.format(c='i.created_at')}, count(*) FROM persons p JOIN incidents i "
                                        f"ON i.id = p.incident_id WHERE {scope} AND p.rescued GROUP BY 1")
            out["by_week"] = q(f"SELECT {day.format(c='i.created_at')}, count(*) FROM incidents i WHERE {scope} GROUP BY 1")
            out["by_category"] = q(f"SELECT i.category, count(*) FROM incidents i WHERE {scope} GROUP BY 1")
            out["by_outcome"] = q(f"SELECT coalesce(i.outcome, 'open'), count(*) FROM incidents i WHERE {scope} GROUP BY 1")
            out["by_origin"] = q(f"SELECT p.origin, count(*) FROM persons p JOIN incidents i ON i.id = p.incident_id "
                                 f"WHERE {scope} GROUP BY 1")
            out["by_section"] = q(f"SELECT {seg}, count(*) FROM incidents i WHERE {scope} GROUP BY 1")
            out["heat"] = q(f"SELECT CAST({km} AS INTEGER), count(*) FROM incidents i WHERE {scope} AND {km} IS NOT NULL GROUP BY 1")
            out["busiest_days"] = q(f"SELECT {day.format(c='t.departed_at')}, count(*) FROM trips t JOIN incidents i "
                                    f"ON i.id = t.incident_id WHERE {scope} AND t.departed_at >= :lo AND t.departed_at < :hi GROUP BY 1")
            rows = c.execute(text(
                f"SELECT {minutes.format(a='i.created_at', b='min(t.departed_at)')}, "
                f"{minutes.format(a='min(t.departed_at)', b='min(t.on_scene_at)')} "
                f"FROM trips t JOIN incidents i ON i.id = t.incident_id WHERE {scope} AND t.departed_at IS NOT NULL "
                "GROUP BY i.id, i.created_at"), p).all()
            dep = [float(r[0]) for r in rows if r[0] is not None]  # PostgreSQL gives Decimal
            total = [float(r[0] + r[1]) for r in rows if r[0] is not None and r[1] is not None]
            out["response"] = {"call_to_departure": (quantile(dep, .5), quantile(dep, .9)),
                               "call_to_scene": (quantile(total, .5), quantile(total, .9))}
    return out


def dashboard_open_s(url: str, station: str | None, year: int) -> float:
    """Seconds from building the Statistics page to its first report on screen (offscreen Qt)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from rescue_desk.ui.bridge import EventBridge
    from rescue_desk.ui.context import AppContext
    from rescue_desk.ui.reports.dashboard import ReportsPage
    from rescue_desk.ui.settings import Settings
    from rescue_desk.ui.worker import DbWorker

    ctx = AppContext(db=open_database(url), kora=load_kora(), lang="zh", actor="bench", worker=DbWorker(),
                     bridge=EventBridge(), settings=Settings.default())
    t = time.perf_counter()
    page = ReportsPage(ctx, station=station)
    page.resize(1200, 900)
    page.show()
    loop = QEventLoop()
    page.reportShown.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    app.processEvents()
    elapsed = time.perf_counter() - t
    shown = page.report.period.label if page.report else "nothing"
    page.close()
    ctx.close()
    print(f"  dashboard showed {shown} for {station or 'all stations'}", file=sys.stderr)
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--station", default="station_07")
    ap.add_argument("--year", type=int, default=2020)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--no-ui", action="store_true")
    a = ap.parse_args()
    url = resolve_url(a.db)
    db = open_database(url)
    got = interleaved({"report": lambda: yearly_report(db, a.year, station=a.station),
                       "sql": lambda: hand_sql(db, a.station, a.year)}, a.runs)
    t_report, best_report, report = got["report"]
    t_sql, best_sql, sql = got["sql"]
    t = report.totals
    agree = (t.incidents == sql["current"]["incidents"] and t.calls == sql["current"]["calls"]
             and t.persons_rescued == sql["current"]["persons_rescued"] and t.trips == sql["current"]["trips"]
             and report.previous.incidents == sql["previous"]["incidents"]
             and report.previous.calls == sql["previous"]["calls"]
             and dict(report.by_category) == sql["by_category"])
    print(f"database {db.engine.url.database or url} ({db.engine.dialect.name}); station {a.station}, year {a.year}: "
          f"{t.incidents} incidents, {t.calls} calls, {t.trips} trips; figures agree with hand SQL: {agree}")
    print(f"{a.runs} interleaved runs               median    best")
    print(f"yearly report (service)      {t_report * 1000:7.0f} ms {best_report * 1000:5.0f} ms  (target <= 1000 ms)")
    print(f"hand-written SQL aggregate   {t_sql * 1000:7.0f} ms {best_sql * 1000:5.0f} ms")
    print(f"ratio report / hand SQL      {t_report / t_sql:7.2f}    {best_report / best_sql:5.2f}     (target <= 1.5)")
    if not a.no_ui:
        t_ui = dashboard_open_s(url, a.station, a.year)
        print(f"dashboard open (one station) {t_ui * 1000:7.0f} ms   (target <= 2000 ms)")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
