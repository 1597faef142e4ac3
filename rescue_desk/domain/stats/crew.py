"""The chief's year per officer and per vehicle: trips, hours in the field, nights out, and each
officer's hours above 5,000 m in the last seven days (fatigue). Plain records in, rows out.

Rules (docs/report.md repeats them):

* A trip counts for the period when it left (``departed_at``) on one of its Beijing days; drills never.
* Hours in the field: departure to return. A trip never marked returned counts until ``now``, at most
  ``OPEN_TRIP_CAP`` (a forgotten return must not swamp the year).
* A night out: a Beijing calendar night (00:00-05:00) any part of which the trip was out; an officer
  out on two trips the same night has one night out.
* Hours above 5,000 m in the seven days before ``now``: from the trip's GPX track where one is
  attached (the time between consecutive points whose mean elevation is above 5,000 m); otherwise
  the time at the scene (on scene until evacuation or return) when the scene lies above 5,000 m. The
  walk in and out is not counted without a track, so this is a lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Iterable, Mapping

from .periods import Period, beijing_date
from ..clock import BEIJING

HIGH_M = 5000.0
FATIGUE_WINDOW = timedelta(days=7)
OPEN_TRIP_CAP = timedelta(hours=24)
NIGHT_END = time(5, 0)


@dataclass(slots=True)
class CrewTrip:
    """One trip as the crew statistics see it. ``track``: (time, elevation m) of timed GPX points."""

    trip_id: int
    departed_at: datetime
    returned_at: datetime | None = None
    on_scene_at: datetime | None = None
    evacuating_at: datetime | None = None
    officer_ids: tuple[int, ...] = ()
    vehicle_id: int | None = None
    scene_elevation_m: float | None = None
    track: tuple[tuple[datetime, float], ...] = ()

    def end(self, now: datetime) -> datetime:
        if self.returned_at is not None:
            return max(self.returned_at, self.departed_at)
        return max(self.departed_at, min(now, self.departed_at + OPEN_TRIP_CAP))


@dataclass(frozen=True)
class OfficerYear:
    id: int
    name: str
    trips: int
    field_hours: float
    nights_out: int
    hours_above_5000m_7d: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "trips": self.trips, "field_hours": round(self.field_hours, 1),
                "nights_out": self.nights_out, "hours_above_5000m_7d": round(self.hours_above_5000m_7d, 1)}


@dataclass(frozen=True)
class VehicleYear:
    id: int
    name: str
    plate: str
    trips: int
    hours_out: float
    nights_out: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "plate": self.plate, "trips": self.trips,
                "hours_out": round(self.hours_out, 1), "nights_out": self.nights_out}


def nights(start: datetime, end: datetime) -> set[date]:
    """Beijing dates whose 00:00-05:00 overlaps [start, end)."""
    out = set()
    day = beijing_date(start) - timedelta(days=1)
    while True:
        lo = datetime.combine(day, time(0), BEIJING)
        if lo >= end:
            return out
        if start < datetime.combine(day, NIGHT_END, BEIJING) and end > lo:
            out.add(day)
        day += timedelta(days=1)


def _overlap_h(a: datetime, b: datetime, lo: datetime, hi: datetime) -> float:
    return max(0.0, (min(b, hi) - max(a, lo)).total_seconds()) / 3600.0


def hours_above(trip: CrewTrip, lo: datetime, hi: datetime, now: datetime, threshold_m: float = HIGH_M) -> float:
    """Hours of ``trip`` within [lo, hi) spent above ``threshold_m`` (see the module's rules)."""
    if len(trip.track) >= 2:
        return sum(_overlap_h(t0, t1, lo, hi) for (t0, e0), (t1, e1) in zip(trip.track, trip.track[1:])
                   if t1 > t0 and (e0 + e1) / 2 > threshold_m)
    if trip.on_scene_at is None or trip.scene_elevation_m is None or trip.scene_elevation_m <= threshold_m:
        return 0.0
    leave = trip.evacuating_at or trip.returned_at or trip.end(now)
    return _overlap_h(trip.on_scene_at, leave, lo, hi)


def crew_year(trips: Iterable[CrewTrip], period: Period, now: datetime, officers: Mapping[int, str],
              vehicles: Mapping[int, tuple[str, str]]) -> tuple[list[OfficerYear], list[VehicleYear]]:
    """Per officer and per vehicle (every one named in ``officers``/``vehicles``, busiest first)."""
    lo, hi = period.utc_bounds()
    fatigue_lo = now - FATIGUE_WINDOW
    o_trips: dict[int, int] = {i: 0 for i in officers}
    o_hours: dict[int, float] = {i: 0.0 for i in officers}
    o_nights: dict[int, set[date]] = {i: set() for i in officers}
    o_high: dict[int, float] = {i: 0.0 for i in officers}
    v_trips: dict[int, int] = {i: 0 for i in vehicles}
    v_hours: dict[int, float] = {i: 0.0 for i in vehicles}
    v_nights: dict[int, set[date]] = {i: set() for i in vehicles}
    for t in trips:
        end = t.end(now)
        in_period = lo <= t.departed_at < hi
        high = hours_above(t, fatigue_lo, now, now) if end > fatigue_lo and t.departed_at < now else 0.0
        hours = (end - t.departed_at).total_seconds() / 3600.0
        out_nights = nights(t.departed_at, end) if in_period else set()
        for oid in t.officer_ids:
            if oid not in o_trips:
                continue
            o_high[oid] += high
            if in_period:
                o_trips[oid] += 1
                o_hours[oid] += hours
                o_nights[oid] |= out_nights
        if in_period and t.vehicle_id in v_trips:
            v_trips[t.vehicle_id] += 1
            v_hours[t.vehicle_id] += hours
            v_nights[t.vehicle_id] |= out_nights
    by_officer = [OfficerYear(i, officers[i], o_trips[i], o_hours[i], len(o_nights[i]), o_high[i]) for i in officers]
    by_vehicle = [VehicleYear(i, vehicles[i][0], vehicles[i][1], v_trips[i], v_hours[i], len(v_nights[i]))
                  for i in vehicles]
    by_officer.sort(key=lambda r: (-r.trips, -r.field_hours, r.id))
    by_vehicle.sort(key=lambda r: (-r.trips, -r.hours_out, r.id))
    return by_officer, by_vehicle
