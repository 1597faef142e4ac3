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

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.incident import NEXT_STEPS, OVERDUE_KINDS, OverdueRules, assess
from rescue_desk.domain.incident_views import IncidentSummary
from rescue_desk.storage import Database
from rescue_desk.storage.models import Event, Incident, Trip

from .incident_records import summary, trip_record

__all__ = ["board_rows", "OverdueRules", "NEXT_STEPS", "OVERDUE_KINDS", "IncidentSummary"]


def _status_since(inc: Incident, events: list[Event]) -> datetime:
    since = inc.created_at
    for ev in events:
        if ev.entity == "incidents" and ev.after and "status" in ev.after and ev.at > since:
            since = ev.at
    return since


def board_rows(db: Database, now: datetime | None = None, rules: OverdueRules | None = None,
               include_closed_since: datetime | None = None) -> list[IncidentSummary]:
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
            trip = trip_record(inc.trips[-1]) if inc.trips else None
            row = summary(inc, since).with_assessment(assess(inc.status, inc.created_at, since, trip, now, rules))
            row.trip_id = trip.id if trip else None
            row.last_contact = trip.last_contact if trip and inc.status != "closed" else None
            out.append(row)
    return out
