"""Rescue-trip reads and the GPX track: the roster (who is out, hours in the field today), one
incident's trips with check-ins and persons, and storing a team's track on its trip."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.domain.gpx import GpxTrack, check_near_kora, check_times
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models import Incident, Officer, Trip, Vehicle

from .errors import NotFound, ValidationError


@dataclass
class RosterEntry:
    id: int
    name: str
    name_en: str
    rank: str
    out: bool
    hours_today: float


@dataclass
class VehicleEntry:
    id: int
    name: str
    kind: str
    plate: str
    out: bool


@dataclass
class TripView:
    id: int
    vehicle_id: Optional[int]
    vehicle_name: str
    member_ids: list[int]
    member_names: list[str]
    created_at: datetime
    departed_at: Optional[datetime]
    on_scene_at: Optional[datetime]
    evacuating_at: Optional[datetime]
    returned_at: Optional[datetime]
    checkin_interval_min: int
    checkins: list[tuple[datetime, str]]
    approach: Optional[dict[str, Any]]
    track_points: int
    track: list[tuple[float, float]] = field(default_factory=list)
    member_names_en: list[str] = field(default_factory=list)

    @property
    def last_contact(self) -> Optional[datetime]:
        times = [t for t in (self.departed_at, self.on_scene_at, self.evacuating_at) if t is not None]
        times += [t for t, _n in self.checkins]
        return max(times) if times else None

    def checkin_due(self) -> Optional[datetime]:
        """When the team must next be heard from (None when not out)."""
        if self.departed_at is None or self.returned_at is not None or self.last_contact is None:
            return None
        return self.last_contact + timedelta(minutes=self.checkin_interval_min)


@dataclass
class PersonView:
    id: int
    age: Optional[int]
    sex: str
    origin: str
    condition: str
    outcome: str
    name: str


@dataclass
class IncidentDetail:
    id: int
    status: str
    outcome: Optional[str]
    created_at: datetime
    category: str
    severity: int
    party_size: int
    lon: Optional[float]
    lat: Optional[float]
    chainage_km: Optional[float]
    pos_source: Optional[str]
    version: int
    texts: list[str]
    trips: list[TripView]
    persons: list[PersonView]


def _hours_in_field(trip: Trip, day_start: datetime, day_end: datetime, now: datetime) -> float:
    if trip.departed_at is None:
        return 0.0
    start = max(trip.departed_at, day_start)
    end = min(trip.returned_at or now, day_end)
    return max((end - start).total_seconds(), 0.0) / 3600.0


def roster(db: Database, now: datetime | None = None) -> tuple[list[RosterEntry], list[VehicleEntry]]:
    """Active officers and vehicles; who is out (on a trip not yet returned, incident open) and each
    officer's hours in the field during today's Beijing-time day."""
    now = now or utc_now()
    local = now.astimezone(BEIJING)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    day_end = day_start + timedelta(days=1)
    with db.read() as s:
        officers = s.scalars(select(Officer).where(Officer.active.is_(True)).order_by(Officer.id)).all()
        vehicles = s.scalars(select(Vehicle).where(Vehicle.active.is_(True)).order_by(Vehicle.id)).all()
        trips = s.scalars(select(Trip).options(selectinload(Trip.members), selectinload(Trip.incident))
                          .where((Trip.returned_at.is_(None)) | (Trip.returned_at >= day_start))
                          .where(Trip.created_at >= day_start - timedelta(days=3))).all()
        out_officers: set[int] = set()
        out_vehicles: set[int] = set()
        hours: dict[int, float] = {}
        for t in trips:
            active = t.returned_at is None and t.incident.status != "closed"
            for m in t.members:
                if active:
                    out_officers.add(m.id)
                hours[m.id] = hours.get(m.id, 0.0) + _hours_in_field(t, day_start, day_end, now)
            if active and t.vehicle_id is not None:
                out_vehicles.add(t.vehicle_id)
        return ([RosterEntry(o.id, o.name, o.name_en, o.rank, o.id in out_officers, round(hours.get(o.id, 0.0), 2))
                 for o in officers],
                [VehicleEntry(v.id, v.name, v.kind, v.plate, v.id in out_vehicles) for v in vehicles])


def incident_detail(db: Database, incident_id: int) -> IncidentDetail:
    """Everything the trip panel shows for one incident."""
    with db.read() as s:
        inc = s.scalar(select(Incident).where(Incident.id == incident_id).options(
            selectinload(Incident.calls), selectinload(Incident.persons),
            selectinload(Incident.trips).selectinload(Trip.members),
            selectinload(Incident.trips).selectinload(Trip.checkins),
            selectinload(Incident.trips).selectinload(Trip.vehicle)))
        if inc is None:
            raise NotFound(f"Incident {incident_id} does not exist.")
        trips = [TripView(
            t.id, t.vehicle_id, t.vehicle.name if t.vehicle else "", [m.id for m in t.members],
            [m.name for m in t.members], t.created_at, t.departed_at, t.on_scene_at, t.evacuating_at, t.returned_at,
            t.checkin_interval_min, [(c.at, c.note) for c in t.checkins], t.approach, len(t.track or []),
            [(p[1], p[2]) for p in (t.track or [])], [m.name_en or m.name for m in t.members]) for t in inc.trips]
        persons = [PersonView(p.id, p.age, p.sex, p.origin, p.condition, p.outcome, p.name) for p in inc.persons]
        return IncidentDetail(inc.id, inc.status, inc.outcome, inc.created_at, inc.category, inc.severity,
                              inc.party_size, inc.lon, inc.lat, inc.chainage_km, inc.pos_source, inc.version,
                              [c.text for c in inc.calls], trips, persons)


def attach_track(db: Database, actor: str, trip_id: int, track: GpxTrack) -> int:
    """Store a team's GPX track on its trip (``Trip.track``) after checking it lies on the kora and its
    times fit the trip. Returns the number of points stored."""
    check_near_kora(track, load_kora())
    with db.write(actor, "attach_track") as s:
        trip = s.get(Trip, trip_id)
        if trip is None:
            raise NotFound(f"Trip {trip_id} does not exist.")
        check_times(track, not_before=trip.incident.created_at - timedelta(hours=1),
                    not_after=(trip.returned_at or utc_now()) + timedelta(hours=1))
        trip.track = track.rows()
        return len(track.points)


__all__ = ["roster", "incident_detail", "attach_track", "RosterEntry", "VehicleEntry", "TripView",
           "PersonView", "IncidentDetail", "ValidationError"]
