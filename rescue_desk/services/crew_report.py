"""Per-officer and per-vehicle figures of a report period (``domain.stats.crew``): the trips that
left in the period plus those of the last seven days (fatigue), with their teams, vehicles, the
scene's elevation and, for recent trips only, the GPX track's timed elevations. Runs on the calling
thread (the UI's database worker)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import and_, or_, select

from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.stats import CrewTrip, OfficerYear, Period, VehicleYear, crew_year
from rescue_desk.domain.stats.crew import FATIGUE_WINDOW, OPEN_TRIP_CAP
from rescue_desk.storage import Database
from rescue_desk.storage.models import Incident, Officer, Trip, TripMember, Vehicle

from .reports import CHAINAGE


def _track(rows) -> tuple[tuple[datetime, float], ...]:
    out = []
    for row in rows or ():
        try:
            when, ele = row[0], row[3]
            if when is not None and ele is not None:
                out.append((datetime.fromisoformat(when), float(ele)))
        except (TypeError, ValueError, IndexError):
            continue
    return tuple(p for p in out if p[0].tzinfo is not None)


def crew_for_period(db: Database, period: Period, now: datetime, station: str | None = None,
                    kora: Kora | None = None) -> tuple[list[OfficerYear], list[VehicleYear]]:
    """Every officer and vehicle on the roster (active or with a trip in the period), busiest first."""
    kora = kora or load_kora()
    lo, hi = period.utc_bounds()
    recent = now - FATIGUE_WINDOW - OPEN_TRIP_CAP
    when = or_(and_(Trip.departed_at >= lo, Trip.departed_at < hi), Trip.departed_at >= recent)
    scope = [Incident.drill.is_(False), Trip.departed_at.is_not(None), when]
    if station is not None:
        scope.append(Incident.station_code == station)
    with db.read() as s:
        conn = s.connection()
        rows = conn.execute(select(Trip.id, Trip.departed_at, Trip.returned_at, Trip.on_scene_at,
                                   Trip.evacuating_at, Trip.vehicle_id, CHAINAGE)
                            .join(Incident, Incident.id == Trip.incident_id).where(*scope)).all()
        ids = [r[0] for r in rows]
        members: dict[int, list[int]] = defaultdict(list)
        tracks: dict[int, list] = {}
        if ids:
            for trip_id, officer_id in conn.execute(select(TripMember.trip_id, TripMember.officer_id)
                                                    .join(Trip, Trip.id == TripMember.trip_id)
                                                    .join(Incident, Incident.id == Trip.incident_id).where(*scope)):
                members[trip_id].append(officer_id)
            tracks = dict(s.execute(select(Trip.id, Trip.track).where(Trip.departed_at >= recent,
                                                                     Trip.track.is_not(None))).all())
        used_o = {o for ms in members.values() for o in ms}
        used_v = {r[5] for r in rows if r[5] is not None}
        officers = {o.id: o.name for o in s.scalars(select(Officer).order_by(Officer.id))
                    if o.active or o.id in used_o}
        vehicles = {v.id: (v.name, v.plate) for v in s.scalars(select(Vehicle).order_by(Vehicle.id))
                    if v.active or v.id in used_v}
    trips = []
    for trip_id, dep, back, scene, evac, vehicle_id, km in rows:
        trips.append(CrewTrip(trip_id, _aware(dep), _aware(back), _aware(scene), _aware(evac),
                              tuple(members.get(trip_id, ())), vehicle_id,
                              None if km is None else float(kora.elevation_at(km)), _track(tracks.get(trip_id))))
    return crew_year(trips, period, now, officers, vehicles)


def _aware(value):
    from datetime import timezone

    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)
