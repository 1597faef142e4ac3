"""Rescue-trip reads and the GPX track: the roster (who is out, hours in the field today), one
incident's trips with check-ins and persons, and storing a team's track on its trip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.domain.gpx import GpxTrack, check_near_kora, check_times
from rescue_desk.domain.incident import TripRecord
from rescue_desk.domain.incident_views import IncidentDetail, PersonRecord
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models import Incident, Officer, Trip, Vehicle

from .errors import NotFound, ValidationError
from .incident_records import detail


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
            raise NotFound(f"Incident {incident_id} does not exist.", "incident_missing", incident=incident_id)
        return detail(inc)


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


__all__ = ["roster", "incident_detail", "attach_track", "RosterEntry", "VehicleEntry", "TripRecord",
           "PersonRecord", "IncidentDetail", "ValidationError"]
