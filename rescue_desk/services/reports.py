"""Yearly (or any period's) report: compact rows fetched with SQL filtered by the period's UTC
bounds, aggregated by ``rescue_desk.domain.stats``. Runs on the calling thread (the UI calls it
from its database worker). Works the same on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import and_, case, func, or_, select

from rescue_desk.domain.clock import format_beijing
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.stats import (CallRecord, IncidentRecord, Period, Report, TripRecord, build_report,
                                      in_period, totals)
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, Incident, Person, Trip

CHAINAGE = case((Incident.pos_lon.is_not(None), Incident.pos_chainage_km), else_=Incident.est_chainage_km)


@dataclass
class ReportData:
    """The rows a report is built from (both the period and the same period a year earlier)."""

    incidents: list[IncidentRecord]
    calls: list[CallRecord]


def _scope(lo: datetime, hi: datetime, station: str | None):
    cond = [Incident.drill.is_(False), Incident.created_at >= lo, Incident.created_at < hi]
    if station is not None:
        cond.insert(0, Incident.station_code == station)
    return and_(*cond)


def fetch_records(db: Database, lo: datetime, hi: datetime, station: str | None = None) -> ReportData:
    """Non-drill incidents created in [lo, hi) (UTC) with their people and trips, and the calls
    received in [lo, hi). ``station`` None means every station in the database."""
    scope = _scope(lo, hi, station)
    with db.read() as s:
        conn = s.connection()
        inc_rows = conn.execute(select(Incident.id, Incident.created_at, Incident.category, Incident.outcome,
                                       CHAINAGE).where(scope)).all()
        people: dict[int, dict] = defaultdict(lambda: {"rescued": 0, "hospital": 0, "deaths": 0, "origins": {}})
        q = (select(Person.incident_id, Person.origin, Person.outcome, Person.rescued, func.count())
             .join(Incident, Incident.id == Person.incident_id).where(scope)
             .group_by(Person.incident_id, Person.origin, Person.outcome, Person.rescued))
        for inc_id, origin, outcome, rescued, n in conn.execute(q):
            p = people[inc_id]
            p["origins"][origin] = p["origins"].get(origin, 0) + n
            p["rescued"] += n if rescued else 0
            p["hospital"] += n if outcome == "hospital" else 0
            p["deaths"] += n if outcome == "deceased" else 0
        trips: dict[int, list[TripRecord]] = defaultdict(list)
        q = (select(Trip.incident_id, Trip.departed_at, Trip.on_scene_at, Trip.returned_at)
             .join(Incident, Incident.id == Trip.incident_id).where(scope))
        for inc_id, dep, scene, back in conn.execute(q):
            trips[inc_id].append(TripRecord(dep, scene, back))
        call_scope = [Call.received_at >= lo, Call.received_at < hi, Call.drill.is_(False)]
        q = select(Call.received_at).outerjoin(Incident, Incident.id == Call.incident_id).where(*call_scope)
        if station is None:
            q = q.where(or_(Incident.id.is_(None), Incident.drill.is_(False)))
        else:
            q = q.where(Incident.station_code == station, Incident.drill.is_(False))
        calls = [CallRecord(t) for (t,) in conn.execute(q)]
    records = []
    for inc_id, created, category, outcome, km in inc_rows:
        p = people.get(inc_id)
        records.append(IncidentRecord(
            id=inc_id, received_at=created, category=category, outcome=outcome, chainage_km=km,
            persons_rescued=p["rescued"] if p else 0, hospital=p["hospital"] if p else 0,
            deaths=p["deaths"] if p else 0, origins=p["origins"] if p else {},
            trips=tuple(trips.get(inc_id, ()))))
    return ReportData(records, calls)


def period_report(db: Database, period: Period, station: str | None = None, kora: Kora | None = None,
                  compare: bool = True) -> Report:
    """The report for ``period`` (Beijing days), with last year's totals when ``compare``."""
    kora = kora or load_kora()
    first = period.previous() if compare else period
    lo, _ = first.utc_bounds()
    _, hi = period.utc_bounds()
    data = fetch_records(db, lo, hi, station)
    previous = None
    if compare:
        prev = period.previous()
        previous = totals(in_period(data.incidents, prev), data.calls, prev)
    return build_report(data.incidents, data.calls, period, kora, previous)


def yearly_report(db: Database, year: int, station: str | None = None, kora: Kora | None = None) -> Report:
    """The report for one calendar year in Beijing time, compared with the year before."""
    return period_report(db, Period.year(year), station, kora)


def years_with_data(db: Database, station: str | None = None) -> list[int]:
    """Calendar years (Beijing) from the first to the last non-drill incident; empty when none."""
    from rescue_desk.domain.stats import beijing_date

    with db.read() as s:
        q = select(func.min(Incident.created_at), func.max(Incident.created_at)).where(Incident.drill.is_(False))
        if station is not None:
            q = q.where(Incident.station_code == station)
        lo, hi = s.execute(q).one()
    if lo is None:
        return []
    return list(range(beijing_date(lo).year, beijing_date(hi).year + 1))


CSV_COLUMNS = ("id", "received_at", "category", "outcome", "chainage_km", "section", "persons_rescued",
               "hospital", "deaths", "trips", "departed_at", "on_scene_at", "returned_at",
               "call_to_departure_min", "call_to_scene_min")


def _minutes(a: datetime | None, b: datetime | None) -> str:
    return "" if a is None or b is None or b < a else f"{(b - a).total_seconds() / 60:.0f}"


def records_csv(records: Iterable[IncidentRecord], period: Period, kora: Kora | None = None,
                lang: str = "zh") -> str:
    """The period's incidents (drills excluded) as CSV text, one row each, times in Beijing time."""
    kora = kora or load_kora()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in sorted(in_period(records, period), key=lambda r: r.received_at):
        t = r.first_trip()
        seg = kora.segment_at(r.chainage_km) if r.chainage_km is not None else None
        w.writerow([r.id, format_beijing(r.received_at), r.category, r.outcome or "",
                    "" if r.chainage_km is None else f"{r.chainage_km:.2f}",
                    "" if seg is None else (seg.label_zh if lang == "zh" else seg.label_en),
                    r.persons_rescued, r.hospital, r.deaths,
                    sum(1 for x in r.trips if x.departed_at is not None),
                    format_beijing(t.departed_at) if t else "", format_beijing(t.on_scene_at) if t else "",
                    format_beijing(t.returned_at) if t else "",
                    _minutes(r.received_at, t.departed_at) if t else "",
                    _minutes(r.received_at, t.on_scene_at) if t else ""])
    return out.getvalue()


def period_csv(db: Database, period: Period, station: str | None = None, lang: str = "zh") -> str:
    """``records_csv`` for the period straight from the database."""
    lo, hi = period.utc_bounds()
    return records_csv(fetch_records(db, lo, hi, station).incidents, period, lang=lang)


def export_period_csv(db: Database, actor: str, period: Period, station: str | None = None, lang: str = "zh") -> str:
    """``period_csv`` for ``actor``: PermissionDenied unless the role may export records (station
    chief, administrator; everyone while the station has no accounts; see docs/roles.md)."""
    from .access import EXPORT_RECORDS, check

    check(db, actor, EXPORT_RECORDS)
    return period_csv(db, period, station=station, lang=lang)
