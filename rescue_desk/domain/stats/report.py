"""The report's shape: totals, breakdowns, response times, busiest days, year-over-year change."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from .crew import OfficerYear, VehicleYear
from .periods import Period
from .quantiles import Spread

RESPONSE_KINDS = ("call_to_departure", "departure_to_scene", "call_to_scene")


@dataclass(frozen=True)
class Totals:
    """Headline figures of a period (drills never count)."""

    calls: int = 0
    incidents: int = 0
    trips: int = 0
    persons_rescued: int = 0
    hospital: int = 0
    deaths: int = 0
    false_alarms: int = 0

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def to_json(self) -> dict[str, int]:
        return {n: getattr(self, n) for n in self.names()}


@dataclass(frozen=True)
class SectionCount:
    """Incidents on one anchor-to-anchor stretch of the kora."""

    key: str
    label_zh: str
    label_en: str
    from_km: float
    to_km: float
    count: int

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label_zh": self.label_zh, "label_en": self.label_en,
                "from_km": round(self.from_km, 2), "to_km": round(self.to_km, 2), "count": self.count}


def change(current: int, previous: int) -> dict[str, Any]:
    """Absolute and relative change; the percentage is None when there was nothing before."""
    pct = None if previous == 0 else round(100.0 * (current - previous) / previous, 1)
    return {"current": current, "previous": previous, "change": current - previous, "change_pct": pct}


@dataclass(frozen=True)
class Report:
    """Everything the dashboard, the PDF and ``rescue-desk report`` show for one period."""

    period: Period
    totals: Totals
    by_month: dict[tuple[int, int], int]
    persons_by_month: dict[tuple[int, int], int]
    calls_by_month: dict[tuple[int, int], int]
    by_week: dict[date, int]
    by_category: dict[str, int]
    by_outcome: dict[str, int]
    by_origin: dict[str, int]
    by_section: list[SectionCount]
    unplaced: int
    heat_per_km: list[int]
    response: dict[str, Spread]
    busiest_days: list[tuple[date, int]]
    days_by_trips: dict[int, int]
    previous: Totals | None = None
    by_officer: list[OfficerYear] = field(default_factory=list)
    by_vehicle: list[VehicleYear] = field(default_factory=list)

    def year_over_year(self) -> dict[str, dict[str, Any]] | None:
        """Each total against the same period a year earlier (None when not computed)."""
        if self.previous is None:
            return None
        return {n: change(getattr(self.totals, n), getattr(self.previous, n)) for n in Totals.names()}

    def month_key(self, ym: tuple[int, int]) -> str:
        """"1".."12" within one calendar year, else "YYYY-MM"."""
        return str(ym[1]) if self.period.calendar_year is not None else f"{ym[0]:04d}-{ym[1]:02d}"

    def to_json(self) -> dict[str, Any]:
        """The machine-readable report (documented in docs/report.md)."""
        months = lambda d: {self.month_key(k): v for k, v in d.items()}  # noqa: E731
        out: dict[str, Any] = {
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat(),
                       "label": self.period.label, "timezone": "Asia/Shanghai"},
            **self.totals.to_json(),
            "by_month": months(self.by_month),
            "persons_by_month": months(self.persons_by_month),
            "calls_by_month": months(self.calls_by_month),
            "by_week": {d.isoformat(): n for d, n in self.by_week.items()},
            "by_category": dict(self.by_category),
            "by_outcome": dict(self.by_outcome),
            "by_origin": dict(self.by_origin),
            "by_section": [s.to_json() for s in self.by_section],
            "unplaced": self.unplaced,
            "heat_per_km": list(self.heat_per_km),
            "response_minutes": {
                "median": self.response["call_to_scene"].to_json()["median"],
                "p90": self.response["call_to_scene"].to_json()["p90"],
                **{k: self.response[k].to_json() for k in RESPONSE_KINDS},
            },
            "busiest_days": [{"date": d.isoformat(), "trips": n} for d, n in self.busiest_days],
            "days_by_trips": {str(k): v for k, v in sorted(self.days_by_trips.items())},
            "year_over_year": self.year_over_year(),
            "by_officer": [o.to_json() for o in self.by_officer],
            "by_vehicle": [v.to_json() for v in self.by_vehicle],
        }
        return out
