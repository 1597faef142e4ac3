"""Pure aggregation: records in, a ``Report`` out. No database, no Qt."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date
from typing import Iterable

from rescue_desk.domain.kora import Kora

from .periods import Period, beijing_date, week_start
from .quantiles import Spread
from .records import CallRecord, IncidentRecord
from .report import Report, SectionCount, Totals

BUSIEST_DAYS = 10


def in_period(incidents: Iterable[IncidentRecord], period: Period) -> list[IncidentRecord]:
    """Incidents whose first call falls in the period; drills never count."""
    lo, hi = period.utc_bounds()
    return [i for i in incidents if not i.drill and lo <= i.received_at < hi]


def totals(incidents: list[IncidentRecord], calls: Iterable[CallRecord], period: Period) -> Totals:
    """Headline figures. ``incidents`` must already be the period's (see ``in_period``); calls are
    filtered here. A trip counts once it has left (has a departure time)."""
    lo, hi = period.utc_bounds()
    return Totals(
        calls=sum(1 for c in calls if not c.drill and lo <= c.received_at < hi),
        incidents=len(incidents),
        trips=sum(1 for i in incidents for t in i.trips if t.departed_at is not None),
        persons_rescued=sum(i.persons_rescued for i in incidents),
        hospital=sum(i.hospital for i in incidents),
        deaths=sum(i.deaths for i in incidents),
        false_alarms=sum(1 for i in incidents if i.false_alarm),
    )


def by_month(incidents: list[IncidentRecord], period: Period, weight=lambda i: 1,
             days: list[date] | None = None) -> dict[tuple[int, int], int]:
    """(year, month) → sum of ``weight`` over incidents, every month of the period present.
    ``days`` may give each incident's Beijing day (saves converting again)."""
    out = {ym: 0 for ym in period.months()}
    for i, d in zip(incidents, days or [beijing_date(i.received_at) for i in incidents]):
        out[(d.year, d.month)] += weight(i)
    return out


def by_week(incidents: list[IncidentRecord], period: Period, days: list[date] | None = None) -> dict[date, int]:
    """Monday of the week → incidents, every week of the period present."""
    out = {w: 0 for w in period.weeks()}
    for d in days or [beijing_date(i.received_at) for i in incidents]:
        out[week_start(d)] += 1
    return out


def by_section(incidents: list[IncidentRecord], kora: Kora) -> tuple[list[SectionCount], int]:
    """Incidents per anchor-to-anchor section in route order (``kora.segment_at``'s sections), and
    how many had no position."""
    segments = kora.segments()
    starts = [s.from_km for s in segments]
    counts = [0] * len(segments)
    unplaced = 0
    for i in incidents:
        if i.chainage_km is None:
            unplaced += 1
        else:
            counts[bisect_right(starts, i.chainage_km % kora.length_km) - 1] += 1  # -1: before the first = the last
    sections = [SectionCount(s.start.id, s.label_zh, s.label_en, s.from_km, s.to_km, n)
                for s, n in zip(segments, counts)]
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
    to_dep: list[float] = []
    to_scene: list[float] = []
    total: list[float] = []
    for i in incidents:
        t = i.trips[0] if len(i.trips) == 1 else i.first_trip()
        if t is None or t.departed_at is None:
            continue
        a = (t.departed_at - i.received_at).total_seconds() / 60.0
        if a >= 0:
            to_dep.append(a)
        if t.on_scene_at is not None:
            b = (t.on_scene_at - t.departed_at).total_seconds() / 60.0
            if b >= 0:
                to_scene.append(b)
            c = (t.on_scene_at - i.received_at).total_seconds() / 60.0
            if c >= 0:
                total.append(c)
    return {"call_to_departure": Spread.of(to_dep), "departure_to_scene": Spread.of(to_scene),
            "call_to_scene": Spread.of(total)}


def trips_per_day(incidents: list[IncidentRecord], period: Period) -> Counter[date]:
    """Beijing day → trips that left that day (within the period)."""
    lo, hi = period.utc_bounds()
    return Counter(beijing_date(t.departed_at) for i in incidents for t in i.trips
                   if t.departed_at is not None and lo <= t.departed_at < hi)


def build_report(incidents: Iterable[IncidentRecord], calls: Iterable[CallRecord], period: Period, kora: Kora,
                 previous: Totals | None = None, origins: dict[str, int] | None = None) -> Report:
    """The full report for ``period``. Records outside the period and drills are ignored.
    ``origins`` (people by origin, already counted for exactly these incidents) replaces summing
    each record's ``origins``."""
    lo, hi = period.utc_bounds()
    calls = [c for c in calls if not c.drill and lo <= c.received_at < hi]
    chosen = in_period(incidents, period)
    days = [beijing_date(i.received_at) for i in chosen]
    sections, unplaced = by_section(chosen, kora)
    trip_days = trips_per_day(chosen, period)
    call_months = {ym: 0 for ym in period.months()}
    for c in calls:
        d = beijing_date(c.received_at)
        call_months[(d.year, d.month)] += 1
    outcomes = Counter(i.outcome or "open" for i in chosen)
    if origins is None:
        counted: Counter[str] = Counter()
        for i in chosen:
            counted.update(i.origins)
    else:
        counted = Counter({k: v for k, v in origins.items() if v})
    return Report(
        period=period,
        totals=totals(chosen, calls, period),
        by_month=by_month(chosen, period, days=days),
        persons_by_month=by_month(chosen, period, weight=lambda i: i.persons_rescued, days=days),
        calls_by_month=call_months,
        by_week=by_week(chosen, period, days=days),
        by_category=dict(Counter(i.category for i in chosen).most_common()),
        by_outcome=dict(outcomes.most_common()),
        by_origin=dict(counted.most_common()),
        by_section=sections,
        unplaced=unplaced,
        heat_per_km=heat_per_km(chosen, kora.length_km),
        response=response_times(chosen),
        busiest_days=sorted(trip_days.items(), key=lambda kv: (-kv[1], kv[0]))[:BUSIEST_DAYS],
        days_by_trips=dict(sorted(Counter(trip_days.values()).items())),
        previous=previous,
    )
