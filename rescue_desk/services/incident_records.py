"""Stored incidents, trips and persons read into the domain's plain shapes (``IncidentSummary``,
``IncidentDetail``, ``TripRecord``): the one place that knows both sides. Call inside a session."""

from __future__ import annotations

from datetime import datetime

from rescue_desk.domain.incident import CheckInRecord, TripRecord
from rescue_desk.domain.incident_views import IncidentDetail, IncidentSummary, PersonRecord
from rescue_desk.storage.models import Incident, Trip


def trip_record(t: Trip, with_members: bool = False) -> TripRecord:
    """``t`` as plain values (members, vehicle and track only when ``with_members``: they need loads)."""
    rec = TripRecord(id=t.id, created_at=t.created_at, vehicle_id=t.vehicle_id, departed_at=t.departed_at,
                     on_scene_at=t.on_scene_at, evacuating_at=t.evacuating_at, returned_at=t.returned_at,
                     checkin_interval_min=t.checkin_interval_min,
                     checkins=[CheckInRecord(c.at, c.note) for c in t.checkins], approach=t.approach)
    if with_members:
        rec.vehicle_name = t.vehicle.name if t.vehicle else ""
        rec.member_ids = [m.id for m in t.members]
        rec.member_names = [m.name for m in t.members]
        rec.member_names_en = [m.name_en or m.name for m in t.members]
        rec.track = [(p[1], p[2]) for p in (t.track or [])]
    return rec


def summary(inc: Incident, status_since: datetime | None = None) -> IncidentSummary:
    """One line for any list (calls must be loaded; trips too when ``status_since`` is given)."""
    first = inc.calls[0] if inc.calls else None
    return IncidentSummary(
        id=inc.id, received_at=first.received_at if first else inc.created_at, status=inc.status,
        category=inc.category, severity=inc.severity, party_size=inc.party_size, lon=inc.lon, lat=inc.lat,
        chainage_km=inc.chainage_km, text=first.text if first else "", version=inc.version, drill=inc.drill,
        synthetic=inc.synthetic, outcome=inc.outcome, closed_at=inc.closed_at, n_calls=len(inc.calls),
        status_since=status_since or inc.created_at)


def detail(inc: Incident) -> IncidentDetail:
    """Everything the trip panel shows (calls, persons, trips with members, check-ins, vehicle loaded)."""
    persons = [PersonRecord(p.id, p.age, p.sex, p.origin, p.condition, p.outcome, p.name) for p in inc.persons]
    return IncidentDetail(inc.id, inc.status, inc.outcome, inc.created_at, inc.category, inc.severity,
                          inc.party_size, inc.lon, inc.lat, inc.chainage_km, inc.pos_source, inc.version,
                          [c.text for c in inc.calls], [trip_record(t, True) for t in inc.trips], persons)
