"""Pure aggregation: records in, a ``Report`` out. No database, no Qt."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Iterable

from rescue_desk.domain.kora import Kora

from .periods import Period, beijing_date, week_start
from .quantiles import Spread
from .records import CallRecord, IncidentRecord
from .report import RESPONSE_KINDS, Report, SectionCount, Totals

BUSIEST_DAYS = 10


def in_period(incidents: Iterable[IncidentRecord], period: Period) -> list[IncidentRecord]:
    """Incidents whose first call falls in the period; drills never count."""
    return [i for i in incidents if not i.drill and period.contains(i.received_at)]


def totals(incidents: list[IncidentRecord], calls: Iterable[CallRecord], period: Period) -> Totals:
    """Headline figures. ``incidents`` must already be the period's (see ``in_period``); calls are
    filtered here. A trip counts once it has left (has a departure time)."""
    return Totals(
        calls=sum(1 for c in calls if not c.drill and period.contains(c.received_at)),
        incidents=len(incidents),
        trips=sum(1 for i in incidents for t in i.trips if t.departed_at is not None),
        persons_rescued=sum(i.persons_rescued for i in incidents),
        hospital=sum(i.hospital for i in incidents),
        deaths=sum(i.deaths for i in incidents),
        false_alarms=sum(1 for i in incidents if i.false_alarm),
    )


def by_month(incidents: list[IncidentRecord], period: Period, weight=lambda i: 1) -> dict[tuple[int, int], int]:
    """(year, month) → sum of ``weight`` over incidents, every month of the period present."""
    out = {ym: 0 for ym in period.months()}
    for i in incidents:
        d = beijing_date(i.received_at)
        out[(d.year, d.month)] += weight(i)
    return out


def by_week(incidents: list[IncidentRecord], period: Period) -> dict[date, int]:
    """Monday of the week → incidents, every week of the period present."""
    out = {w: 0 for w in period.weeks()}
    for i in incidents:
        out[week_start(beijing_date(i.received_at))] += 1
    return out


def by_section(incidents: list[IncidentRecord], kora: Kora) -> tuple[list[SectionCount], int]:
    """Incidents per anchor-to-anchor section in route order, and how many had no position."""
    counts: Counter[str] = Counter()
    unplaced = 0
    for i in incidents:
        if i.chainage_km is None:
            unplaced += 1
        else:
            counts[kora.segment_at(i.chainage_km).start.id] += 1
    sections = [SectionCount(s.start.id, s.label_zh, s.label_en, s.from_km, s.to_km, counts[s.start.id])
                for s in kora.segments()]
    return sections, unplaced


def heat_per_km(incidents: list[IncidentRecord], length_km: float) -> list[int]:
    """Incidents per 1-km bin of chainage: bin k holds [k, k+1) km; the last bin takes the short rest."""
    n = max(1, int(-(-length_km // 1)))
    bins = [0] * n
    for i in incidents:
        if i.chainage_km is not None:
            bins[min(n - 1, max(0, int((i.chainage_km % length_km) // 1)))] += 1
    return bins


def response_times(incidents: list[IncidentRecord]) -> dict[str, Spread]:
    """Minutes from first call to the first trip's departure, departure to on scene, and call to on
    scene; an incident contributes to each interval whose two times are known and in order."""
    values: dict[str, list[float]] = {k: [] for k in RESPONSE_KINDS}
    for i in incidents:
        t = i.first_trip()
        if t is None:
            continue
        spans = {"call_to_departure": (i.received_at, t.departed_at),
                 "departure_to_scene": (t.departed_at, t.on_scene_at),
                 "call_to_scene": (i.received_at, t.on_scene_at)}
        for kind, (a, b) in spans.items():
            if a is not None and b is not None and b >= a:
                values[kind].append((b - a).total_seconds() / 60.0)
    return {k: Spread.of(v) for k, v in values.items()}


def trips_per_day(incidents: list[IncidentRecord], period: Period) -> Counter[date]:
    """Beijing day → trips that left that day (within the period)."""
    days: Counter[date] = Counter()
    for i in incidents:
        for t in i.trips:
            if t.departed_at is not None and period.contains(t.departed_at):
                days[beijing_date(t.departed_at)] += 1
    return days


def build_report(incidents: Iterable[IncidentRecord], calls: Iterable[CallRecord], period: Period, kora: Kora,
                 previous: Totals | None = None) -> Report:
    """The full report for ``period``. Records outside the period and drills are ignored."""
    calls = list(calls)
    chosen = in_period(incidents, period)
    sections, unplaced = by_section(chosen, kora)
    days = trips_per_day(chosen, period)
    call_months = {ym: 0 for ym in period.months()}
    for c in calls:
        if not c.drill and period.contains(c.received_at):
            d = beijing_date(c.received_at)
            call_months[(d.year, d.month)] += 1
    outcomes = Counter(i.outcome or "open" for i in chosen)
    origins: Counter[str] = Counter()
    for i in chosen:
        origins.update(i.origins)
    return Report(
        period=period,
        totals=totals(chosen, calls, period),
        by_month=by_month(chosen, period),
        persons_by_month=by_month(chosen, period, weight=lambda i: i.persons_rescued),
        calls_by_month=call_months,
        by_week=by_week(chosen, period),
        by_category=dict(Counter(i.category for i in chosen).most_common()),
        by_outcome=dict(outcomes.most_common()),
        by_origin=dict(origins.most_common()),
        by_section=sections,
        unplaced=unplaced,
        heat_per_km=heat_per_km(chosen, kora.length_km),
        response=response_times(chosen),
        busiest_days=sorted(days.items(), key=lambda kv: (-kv[1], kv[0]))[:BUSIEST_DAYS],
        days_by_trips=dict(sorted(Counter(days.values()).items())),
        previous=previous,
    )
