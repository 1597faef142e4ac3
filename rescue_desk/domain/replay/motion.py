"""Where a rescue team was at time t: from its GPS track (linear between fixes) or, without a
track, along the route between the logged times — at the road end (or Darchen) on departure, at the
incident's chainage on scene until evacuation starts, back at the road end on return. Check-ins that
carry a position are used as extra fixes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

import numpy as np

from .story import ReplayError, TripFact, parse_time

TRACK_SLACK = timedelta(minutes=30)


@dataclass(frozen=True)
class TeamPosition:
    trip_id: int
    lon: float
    lat: float
    chainage_km: Optional[float]
    phase: str  # "out", "on_scene", "back", "returned"
    source: str  # "track" | "route"


def _ts(t: datetime) -> float:
    return t.timestamp()


def track_rows_checked(trip: TripFact, slack: timedelta = TRACK_SLACK) -> tuple[list, list[str]]:
    """The track's fixes that carry a time inside the trip (± ``slack``), sorted by time, and one
    warning sentence per problem found (fixes outside the trip, fixes without time)."""
    rows = trip.track or []
    if not rows:
        return [], []
    start = trip.departed_at or trip.created_at
    end = trip.returned_at
    keep, outside, untimed = [], 0, 0
    for row in rows:
        if not row or row[0] is None:
            untimed += 1
            continue
        t = parse_time(row[0])
        if (start and t < start - slack) or (end and t > end + slack):
            outside += 1
            continue
        keep.append((t, float(row[1]), float(row[2])))
    warnings = []
    if outside:
        warnings.append(f"Trip {trip.id}: {outside} of {len(rows)} GPS fixes lie outside the trip's times "
                        "and are not shown.")
    if untimed:
        warnings.append(f"Trip {trip.id}: {untimed} GPS fixes have no time and are not shown.")
    keep.sort(key=lambda r: r[0])
    return keep, warnings


def track_inside_trip(trip: TripFact, slack: timedelta = TRACK_SLACK) -> list:
    """The track's rows (as stored) whose time lies inside the trip ± ``slack``, in file order."""
    start = trip.departed_at or trip.created_at
    end = trip.returned_at
    out = []
    for row in trip.track or []:
        if not row or row[0] is None:
            continue
        t = parse_time(row[0])
        if (start and t < start - slack) or (end and t > end + slack):
            continue
        out.append(row)
    return out


def check_track_inside_trip(trip: TripFact, slack: timedelta = TRACK_SLACK) -> None:
    """Raise ReplayError when any timed fix of the trip's track lies outside the trip's times."""
    _rows, warnings = track_rows_checked(trip, slack)
    bad = [w for w in warnings if "outside" in w]
    if bad:
        raise ReplayError(bad[0].replace("are not shown", "so the track belongs to another trip or day"))


class TeamMotion:
    """Position of one trip's team at any time, precomputed as arrays so that a lookup costs
    microseconds (replay steps the playhead thousands of times)."""

    def __init__(self, trip: TripFact, kora, scene_km: Optional[float]):
        self.trip = trip
        self.kora = kora
        self.warnings: list[str] = []
        rows, self.warnings = track_rows_checked(trip)
        self.source = "track" if len(rows) >= 2 else "route"
        self.t_start = _ts(trip.departed_at) if trip.departed_at else None
        self.t_end = _ts(trip.returned_at) if trip.returned_at else None
        self._phases = [(_ts(t), name) for t, name in ((trip.departed_at, "out"), (trip.on_scene_at, "on_scene"),
                                                      (trip.evacuating_at, "back"), (trip.returned_at, "returned"))
                        if t is not None]
        if self.source == "track":
            self._t = np.array([_ts(r[0]) for r in rows])
            self._lon = np.array([r[1] for r in rows])
            self._lat = np.array([r[2] for r in rows])
            self.t_start = self.t_start or float(self._t[0])
            self.t_end = self.t_end or float(self._t[-1])
            self._km = None
        else:
            self._t, self._km = self._route_anchors(scene_km)
            if self._t is None:
                self.source = "none"

    def _route_anchors(self, scene_km: Optional[float]):
        trip, kora = self.trip, self.kora
        if trip.departed_at is None:
            return None, None
        if trip.on_scene_at is None or scene_km is None:
            return self._checkin_anchors()
        approach = trip.approach or {}
        base = float(approach.get("road_end_km", 0.0) or 0.0)
        direction = approach.get("direction") or ("cw" if kora.ahead_km(base, scene_km, "cw")
                                                  <= kora.ahead_km(base, scene_km, "ccw") else "ccw")
        sign = 1.0 if direction == "cw" else -1.0
        scene_u = base + sign * kora.ahead_km(base, scene_km, direction)
        anchors = [(_ts(trip.departed_at), base)]
        for c in trip.checkins:
            if c.lon is not None and c.lat is not None and trip.departed_at <= c.at <= trip.on_scene_at:
                km = kora.chainage_of(c.lon, c.lat)[0]
                anchors.append((_ts(c.at), base + sign * kora.ahead_km(base, km, direction)))
        anchors.append((_ts(trip.on_scene_at), scene_u))
        if trip.evacuating_at is not None:
            anchors.append((_ts(trip.evacuating_at), scene_u))
        if trip.returned_at is not None:
            anchors.append((_ts(trip.returned_at), base))
        anchors.sort(key=lambda a: a[0])
        return np.array([a[0] for a in anchors]), np.array([a[1] for a in anchors])

    def _checkin_anchors(self):
        """Before the scene is reached (or without one): the team's trail along the route through the
        check-ins that carry a position, from the road end it set off from."""
        trip, kora = self.trip, self.kora
        placed = [c for c in trip.checkins if c.lon is not None and c.lat is not None and c.at >= trip.departed_at]
        if not placed:
            return None, None
        base = float((trip.approach or {}).get("road_end_km", 0.0) or 0.0)
        anchors, unwrapped = [(_ts(trip.departed_at), base)], base
        for c in sorted(placed, key=lambda c: c.at):
            km = kora.chainage_of(c.lon, c.lat)[0]
            step = (km - unwrapped + kora.length_km / 2) % kora.length_km - kora.length_km / 2
            unwrapped += step                    # the shorter way round from the last known place
            anchors.append((_ts(c.at), unwrapped))
        return np.array([a[0] for a in anchors]), np.array([a[1] for a in anchors])

    def phase_at(self, t: float) -> Optional[str]:
        current = None
        for ts, name in self._phases:
            if t >= ts:
                current = name
        return current

    def position_at(self, t: float) -> Optional[TeamPosition]:
        """The team at POSIX time ``t``; None before departure, after return or when unknown."""
        if self.source == "none" or self.t_start is None or t < self.t_start:
            return None
        if self.t_end is not None and t > self.t_end:
            return None
        phase = self.phase_at(t) or "out"
        if self.source == "track":
            if t > self._t[-1] or t < self._t[0]:
                return None
            lon = float(np.interp(t, self._t, self._lon))
            lat = float(np.interp(t, self._t, self._lat))
            return TeamPosition(self.trip.id, lon, lat, None, phase, "track")
        km = self.kora.wrap(float(np.interp(t, self._t, self._km)))
        lon, lat = self.kora.point_at(km)
        return TeamPosition(self.trip.id, lon, lat, km, phase, "route")

    def path_lonlat(self, step_s: float = 120.0) -> list[tuple[float, float]]:
        """The team's whole path as (lon, lat) pairs, for drawing."""
        if self.source == "track":
            return list(zip(self._lon.tolist(), self._lat.tolist()))
        if self.source == "none":
            return []
        ts = np.arange(self._t[0], self._t[-1] + step_s, step_s)
        out = []
        for t in np.clip(ts, self._t[0], self._t[-1]):
            out.append(self.kora.point_at(float(np.interp(t, self._t, self._km))))
        return out
