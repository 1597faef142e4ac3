"""The duty board: open incidents with their next step and what is overdue.

``board_rows`` is one read; the UI calls it on the database worker and re-reads on every change.
Overdue rules (``OverdueRules``; minutes):

* a new incident with no team dispatched after ``dispatch_min``;
* a team out (departed, not returned) with no contact — departure, a check-in, on-scene or
  evacuation time — within its trip's check-in interval;
* a status unchanged longer than the limit for it (on scene ``on_scene_min``, evacuating
  ``evacuating_min``; dispatched but not departed ``departure_min``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import utc_now
from rescue_desk.storage import Database
from rescue_desk.storage.models import Event, Incident, Trip


@dataclass(frozen=True)
class OverdueRules:
    dispatch_min: int = 15
    departure_min: int = 30
    on_scene_min: int = 180
    evacuating_min: int = 240


@dataclass
class BoardRow:
    """One open incident as the board shows it. ``next_step`` and ``overdue`` are codes the UI labels."""

    id: int
    received_at: datetime
    status: str
    status_since: datetime
    category: str
    severity: int
    party_size: int
    lon: Optional[float]
    lat: Optional[float]
    chainage_km: Optional[float]
    text: str
    n_calls: int
    version: int
    drill: bool
    next_step: str
    overdue: Optional[str] = None
    overdue_since: Optional[datetime] = None
    trip_id: Optional[int] = None
    last_contact: Optional[datetime] = None
    extra: dict[str, Any] = field(default_factory=dict)


NEXT_STEPS = ("dispatch", "log_departure", "reach_scene", "treat_or_evacuate", "return_and_close", "close")
OVERDUE_KINDS = ("no_dispatch", "no_departure", "checkin", "on_scene_long", "evacuating_long")


def _last_contact(trip: Trip) -> Optional[datetime]:
    times = [t for t in (trip.departed_at, trip.on_scene_at, trip.evacuating_at) if t is not None]
    times += [c.at for c in trip.checkins]
    return max(times) if times else None


def _status_since(inc: Incident, events: list[Event]) -> datetime:
    since = inc.created_at
    for ev in events:
        if ev.entity == "incidents" and ev.after and "status" in ev.after and ev.at > since:
            since = ev.at
    return since


def _assess(inc: Incident, since: datetime, now: datetime, rules: OverdueRules) -> tuple[str, Optional[str], Optional[datetime], Optional[Trip], Optional[datetime]]:
    trip = inc.trips[-1] if inc.trips else None
    contact = _last_contact(trip) if trip else None
    if trip is None:
        due = inc.created_at + timedelta(minutes=rules.dispatch_min)
        return "dispatch", ("no_dispatch" if now > due else None), due, None, None
    if trip.returned_at is not None:
        return "close", None, None, trip, contact
    if trip.departed_at is None:
        due = trip.created_at + timedelta(minutes=rules.departure_min)
        return "log_departure", ("no_departure" if now > due else None), due, trip, contact
    step = {"dispatched": "reach_scene", "on_scene": "treat_or_evacuate",
            "evacuating": "return_and_close"}.get(inc.status, "reach_scene")
    due_contact = contact + timedelta(minutes=trip.checkin_interval_min)
    if now > due_contact:
        return step, "checkin", due_contact, trip, contact
    limit = {"on_scene": rules.on_scene_min, "evacuating": rules.evacuating_min}.get(inc.status)
    if limit is not None and now > since + timedelta(minutes=limit):
        return step, f"{inc.status}_long", since + timedelta(minutes=limit), trip, contact
    return step, None, None, trip, contact


def board_rows(db: Database, now: datetime | None = None, rules: OverdueRules | None = None,
               include_closed_since: datetime | None = None) -> list[BoardRow]:
    """Open incidents (and those closed after ``include_closed_since``), newest first, each with its
    next step and overdue state at ``now``. Runs on the calling thread (the UI's database worker)."""
    now = now or utc_now()
    rules = rules or OverdueRules()
    q = (select(Incident)
         .options(selectinload(Incident.calls), selectinload(Incident.trips).selectinload(Trip.checkins))
         .order_by(Incident.created_at.desc()))
    if include_closed_since is None:
        q = q.where(Incident.status != "closed")
    else:
        q = q.where((Incident.status != "closed") | (Incident.closed_at >= include_closed_since))
    out = []
    with db.read() as s:
        incidents = s.scalars(q).all()
        ids = [i.id for i in incidents]
        events: dict[int, list[Event]] = {}
        if ids:
            for ev in s.scalars(select(Event).where(Event.incident_id.in_(ids), Event.entity == "incidents")):
                events.setdefault(ev.incident_id, []).append(ev)
        for inc in incidents:
            since = _status_since(inc, events.get(inc.id, []))
            if inc.status == "closed":
                step, overdue, due, trip, contact = "closed", None, None, (inc.trips[-1] if inc.trips else None), None
            else:
                step, overdue, due, trip, contact = _assess(inc, since, now, rules)
            first = inc.calls[0] if inc.calls else None
            out.append(BoardRow(
                id=inc.id, received_at=first.received_at if first else inc.created_at, status=inc.status,
                status_since=since, category=inc.category, severity=inc.severity, party_size=inc.party_size,
                lon=inc.lon, lat=inc.lat, chainage_km=inc.chainage_km, text=first.text if first else "",
                n_calls=len(inc.calls), version=inc.version, drill=inc.drill, next_step=step, overdue=overdue,
                overdue_since=due if overdue else None, trip_id=trip.id if trip else None, last_contact=contact))
    return out
