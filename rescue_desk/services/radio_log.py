"""Radio log per team: check-ins that carry a position (typed words through the locator, typed
coordinates, or a click on the map), each team's trail, and which teams are overdue for a check-in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.incident import RuleError, check_time
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.radio import (CheckinPosition, PositionError, TrailPoint, position_from_coordinates,
                                      position_from_map, position_from_words, trail_of)
from rescue_desk.storage import Database
from rescue_desk.storage.models import CheckIn, Incident, Trip

from .errors import NotFound, ValidationError
from .incident_records import trip_record


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: datetime
    note: str
    lon: Optional[float]
    lat: Optional[float]
    chainage_km: Optional[float]
    position_source: Optional[str]
    position_text: Optional[str]
    radius_m: Optional[float]


@dataclass
class TeamLog:
    trip_id: int
    incident_id: int
    members: list[str]
    vehicle: str
    departed_at: Optional[datetime]
    returned_at: Optional[datetime]
    interval_min: int
    due_at: Optional[datetime]
    overdue: bool
    entries: list[LogEntry] = field(default_factory=list)
    trail: list[TrailPoint] = field(default_factory=list)


def resolve_position(*, words: str | None = None, lon: float | None = None, lat: float | None = None,
                     clicked: bool = False, at: datetime | None = None, kora=None) -> CheckinPosition | None:
    """The check-in's position from exactly one of: ``words`` (through the locator), ``lon``/``lat``
    typed, or ``lon``/``lat`` clicked on the map (``clicked``); None when none is given."""
    kora = kora or load_kora()
    has_words, has_point = bool(words and words.strip()), lon is not None or lat is not None
    if has_words and has_point:
        raise ValidationError("Give the position either as words or as coordinates, not both.", "position")
    try:
        if has_words:
            return position_from_words(words, kora, at)
        if has_point:
            if lon is None or lat is None:
                raise PositionError("give both longitude and latitude")
            return (position_from_map if clicked else position_from_coordinates)(float(lon), float(lat), kora)
    except PositionError as exc:
        raise ValidationError(f"Position: {exc}.", "position", "position_unusable") from None
    return None


def log_checkin(db: Database, actor: str, trip_id: int, at: datetime, note: str = "",
                position: CheckinPosition | None = None) -> int:
    """Store a check-in of trip ``trip_id`` (with its position when given); returns its id."""
    with db.write(actor, "add_checkin") as s:
        trip = s.get(Trip, trip_id)
        if trip is None:
            raise NotFound(f"Trip {trip_id} does not exist.")
        try:
            check_time(at, utc_now(), "checkin", trip.departed_at or trip.created_at,
                       "departed" if trip.departed_at else "dispatch")
        except RuleError as exc:
            raise ValidationError.from_rule(exc) from None
        c = CheckIn(trip=trip, at=at, note=(note or "").replace("\x00", ""))
        if position is not None:
            c.lon, c.lat, c.chainage_km = position.lon, position.lat, position.chainage_km
            c.position_source, c.radius_m = position.source, position.radius_m
            c.position_text = position.text.replace("\x00", "")[:500] or None
        s.add(c)
        s.flush()
        return c.id


def _team_log(t: Trip, now: datetime) -> TeamLog:
    due = trip_record(t).checkin_due()
    entries = [LogEntry(c.id, c.at, c.note, c.lon, c.lat, c.chainage_km, c.position_source, c.position_text,
                        c.radius_m) for c in sorted(t.checkins, key=lambda c: c.at)]
    return TeamLog(t.id, t.incident_id, [m.name for m in t.members], t.vehicle.name if t.vehicle else "",
                   t.departed_at, t.returned_at, t.checkin_interval_min, due,
                   due is not None and now > due, entries, trail_of(t.checkins))


def _trips_query():
    return select(Trip).options(selectinload(Trip.checkins), selectinload(Trip.members),
                                selectinload(Trip.vehicle)).order_by(Trip.id)


def radio_log(db: Database, incident_id: int, now: datetime | None = None) -> list[TeamLog]:
    """Every team of incident ``incident_id`` with its check-ins, trail and check-in status."""
    now = now or utc_now()
    with db.read() as s:
        if s.get(Incident, incident_id) is None:
            raise NotFound(f"Incident {incident_id} does not exist.")
        return [_team_log(t, now) for t in s.scalars(_trips_query().where(Trip.incident_id == incident_id))]


def overdue_teams(db: Database, now: datetime | None = None) -> list[TeamLog]:
    """Teams out (departed, not returned, incident open) whose check-in is overdue, longest overdue first."""
    now = now or utc_now()
    with db.read() as s:
        trips = s.scalars(_trips_query().join(Incident).where(Trip.departed_at.is_not(None))
                          .where(Trip.returned_at.is_(None)).where(Incident.status != "closed")).all()
        late = [log for log in (_team_log(t, now) for t in trips) if log.overdue]
    return sorted(late, key=lambda log: log.due_at)


def team_log_as_dict(log: TeamLog) -> dict:
    """The JSON shape of ``radio-log --json`` (times ISO 8601 UTC)."""
    iso = (lambda v: v.isoformat() if v else None)
    return {"trip_id": log.trip_id, "incident_id": log.incident_id, "members": log.members, "vehicle": log.vehicle,
            "departed_at": iso(log.departed_at), "returned_at": iso(log.returned_at),
            "checkin_interval_min": log.interval_min, "checkin_due": iso(log.due_at), "overdue": log.overdue,
            "checkins": [{"id": e.id, "at": iso(e.at), "note": e.note, "lon": e.lon, "lat": e.lat,
                          "chainage_km": None if e.chainage_km is None else round(e.chainage_km, 3),
                          "position_source": e.position_source, "position_text": e.position_text,
                          "radius_m": e.radius_m} for e in log.entries],
            "trail": [[p.lon, p.lat] for p in log.trail]}
