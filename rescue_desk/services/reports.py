"""Yearly (or any period's) report: compact rows fetched with SQL filtered by the period's UTC
bounds, aggregated by ``rescue_desk.domain.stats``. Runs on the calling thread (the UI calls it
from its database worker). Works the same on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Iterable

from sqlalchemy import DateTime, String, and_, case, func, or_, select, type_coerce

from rescue_desk.domain.clock import format_beijing, utc_now
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.stats import (CallRecord, IncidentRecord, Period, Report, Totals, TripRecord, build_report,
                                      in_period)
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, Incident, Person, Trip

CALL_LINK_MARGIN = timedelta(days=7)
CHAINAGE = case((Incident.pos_lon.is_not(None), Incident.pos_chainage_km), else_=Incident.est_chainage_km)


@dataclass
class ReportData:
    """The rows a report is built from; ``origins`` counts the incidents' people by origin."""

    incidents: list[IncidentRecord]
    calls: list[CallRecord]
    origins: dict[str, int]


def _instant_reader(conn) -> tuple:
    """(column wrapper, value converter) reading timestamps fast: SQLite's stored UTC text parsed
    by ``datetime.fromisoformat`` in one step; PostgreSQL's timestamptz as the driver gives it.
    (``UTCDateTime``'s per-row Python hook costs more than the whole query on big reports.)"""
    if conn.dialect.name == "sqlite":
        return (lambda col: type_coerce(col, String)), _from_sqlite
    return (lambda col: type_coerce(col, DateTime(timezone=True))), _aware


def _from_sqlite(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text + "+00:00")


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)


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
        ts, instant = _instant_reader(conn)
        # one row per incident with its people summed (LEFT JOIN: incidents without people too)
        one = lambda cond: func.coalesce(func.sum(case((cond, 1), else_=0)), 0)  # noqa: E731
        inc_rows = conn.execute(
            select(Incident.id, ts(Incident.created_at), Incident.category, Incident.outcome, CHAINAGE,
                   one(Person.rescued.is_(True)), one(Person.outcome == "hospital"), one(Person.outcome == "deceased"))
            .outerjoin(Person, Person.incident_id == Incident.id).where(scope)
            .group_by(Incident.id)).all()  # the other columns depend on the key (both databases accept it)
        origins = dict(conn.execute(select(Person.origin, func.count()).join(Incident, Incident.id == Person.incident_id)
                                    .where(scope).group_by(Person.origin)).all())
        trips: dict[int, list[TripRecord]] = defaultdict(list)
        q = (select(Trip.incident_id, ts(Trip.departed_at), ts(Trip.on_scene_at), ts(Trip.returned_at))
             .join(Incident, Incident.id == Trip.incident_id).where(scope))
        for inc_id, dep, scene, back in conn.execute(q):
            trips[inc_id].append(TripRecord(instant(dep), instant(scene), instant(back)))
        # calls through their incidents (the station index), allowing for calls linked to an incident
        # opened up to CALL_LINK_MARGIN earlier; calls with no incident only count for all stations
        linked = (select(ts(Call.received_at)).join(Incident, Incident.id == Call.incident_id)
                  .where(_scope(lo - CALL_LINK_MARGIN, hi, station), Call.drill.is_(False),
                         Call.received_at >= lo, Call.received_at < hi))
        calls = [CallRecord(instant(t)) for (t,) in conn.execute(linked)]
        if station is None:
            loose = select(ts(Call.received_at)).where(Call.incident_id.is_(None), Call.drill.is_(False),
                                                   Call.received_at >= lo, Call.received_at < hi)
            calls += [CallRecord(instant(t)) for (t,) in conn.execute(loose)]
    records = [IncidentRecord(id=inc_id, received_at=instant(created), category=category, outcome=outcome,
                              chainage_km=km, persons_rescued=rescued, hospital=hospital, deaths=deaths,
                              trips=tuple(trips.get(inc_id, ())))
               for inc_id, created, category, outcome, km, rescued, hospital, deaths in inc_rows]
    return ReportData(records, calls, origins)


def count_totals(db: Database, period: Period, station: str | None = None) -> Totals:
    """The period's headline figures with SQL aggregates only (the same rules as
    ``stats.totals``): used for the year-before column, where no breakdown is needed."""
    lo, hi = period.utc_bounds()
    scope = _scope(lo, hi, station)
    with db.read() as s:
        conn = s.connection()
        n, false = conn.execute(select(func.count(), func.sum(case(
            (or_(Incident.outcome == "false_alarm", Incident.category == "false_alarm"), 1), else_=0)))
            .where(scope)).one()
        rescued, hospital, deaths = conn.execute(
            select(func.sum(case((Person.rescued.is_(True), 1), else_=0)),
                   func.sum(case((Person.outcome == "hospital", 1), else_=0)),
                   func.sum(case((Person.outcome == "deceased", 1), else_=0)))
            .join(Incident, Incident.id == Person.incident_id).where(scope)).one()
        trips = conn.execute(select(func.count()).select_from(Trip).join(Incident, Incident.id == Trip.incident_id)
                             .where(scope, Trip.departed_at.is_not(None))).scalar()
        calls = conn.execute(select(func.count()).select_from(Call).join(Incident, Incident.id == Call.incident_id)
                             .where(_scope(lo - CALL_LINK_MARGIN, hi, station), Call.drill.is_(False),
                                    Call.received_at >= lo, Call.received_at < hi)).scalar()
        if station is None:
            calls += conn.execute(select(func.count()).select_from(Call).where(
                Call.incident_id.is_(None), Call.drill.is_(False), Call.received_at >= lo,
                Call.received_at < hi)).scalar()
    return Totals(calls=calls or 0, incidents=n or 0, trips=trips or 0, persons_rescued=rescued or 0,
                  hospital=hospital or 0, deaths=deaths or 0, false_alarms=false or 0)


def period_report(db: Database, period: Period, station: str | None = None, kora: Kora | None = None,
                  compare: bool = True) -> Report:
    """The report for ``period`` (Beijing days), with the same days a year earlier when ``compare``."""
    kora = kora or load_kora()
    lo, hi = period.utc_bounds()
    data = fetch_records(db, lo, hi, station)
    previous = count_totals(db, period.previous(), station) if compare else None
    report = build_report(data.incidents, data.calls, period, kora, previous, origins=data.origins)
    from .crew_report import crew_for_period

    by_officer, by_vehicle = crew_for_period(db, period, utc_now(), station, kora)
    return replace(report, by_officer=by_officer, by_vehicle=by_vehicle)


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


def check_export(db: Database, actor: str) -> None:
    """PermissionDenied unless ``actor``'s role may export records (station chief, administrator;
    everyone while the station has no accounts; see docs/roles.md). Every export (CSV, PDF, app or
    command line) passes here first."""
    from .access import EXPORT_RECORDS, check

    check(db, actor, EXPORT_RECORDS)


def export_period_csv(db: Database, actor: str, period: Period, station: str | None = None, lang: str = "zh") -> str:
    """``period_csv`` for ``actor``, after ``check_export``."""
    check_export(db, actor)
    return period_csv(db, period, station=station, lang=lang)
