"""Reporting periods in Beijing time: a calendar year or a range of whole days.

Every boundary is local midnight in Beijing (UTC+8, no daylight saving): a call at
2024-12-31T23:30+08:00 belongs to 2024, one at 2025-01-01T00:10+08:00 to 2025."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from rescue_desk.domain.clock import BEIJING

UTC8 = timezone(timedelta(hours=8))
FIXED_SINCE = datetime(1992, 1, 1, tzinfo=timezone.utc)  # China has kept UTC+8 without summer time since 1991


def beijing_date(value: datetime) -> date:
    """The calendar day of an aware instant in Beijing."""
    if value >= FIXED_SINCE:
        return value.astimezone(UTC8).date()  # same answer, much faster than the tz database
    return value.astimezone(BEIJING).date()


def week_start(day: date) -> date:
    """The Monday of the week holding ``day`` (weeks run Monday–Sunday)."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    """Whole Beijing days from ``start`` to ``end`` inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def years(cls, first: int, last: int) -> "Period":
        return cls(date(first, 1, 1), date(last, 12, 31))

    @property
    def calendar_year(self) -> int | None:
        """The year when the period is exactly one calendar year, else None."""
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            return self.start.year
        return None

    @property
    def label(self) -> str:
        y = self.calendar_year
        if y is not None:
            return str(y)
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.end.year, 12, 31):
            return f"{self.start.year}–{self.end.year}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[first instant, first instant after) of the period, in UTC, for database filters."""
        lo = datetime(self.start.year, self.start.month, self.start.day, tzinfo=BEIJING)
        hi = datetime(self.end.year, self.end.month, self.end.day, tzinfo=BEIJING) + timedelta(days=1)
        return lo.astimezone(timezone.utc), hi.astimezone(timezone.utc)

    def contains(self, value: datetime | None) -> bool:
        """True when the aware instant falls on a Beijing day inside the period."""
        return value is not None and self.start <= beijing_date(value) <= self.end

    def previous(self) -> "Period":
        """The same days one year earlier (29 February falls back to the 28th)."""
        def back(d: date) -> date:
            try:
                return d.replace(year=d.year - 1)
            except ValueError:
                return d.replace(year=d.year - 1, day=28)
        return Period(back(self.start), back(self.end))

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        out, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def weeks(self) -> list[date]:
        """The Monday of every week the period touches, in order."""
        first, out = week_start(self.start), []
        while first <= self.end:
            out.append(first)
            first += timedelta(days=7)
        return out
