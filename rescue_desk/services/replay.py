"""Replay use cases: read an incident's events and build its replay (timeline, team positions,
estimates over time). Read-only; runs on the calling thread (the UI calls it on its database worker).

Privacy: caller names and phone numbers, person names, phones and document numbers are left out
unless ``show_personal`` is True (for roles that may see them; training views keep the default)."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import func, select

from rescue_desk.domain.incident_views import IncidentSummary
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.replay import EventRecord, Replay, ReplayError, Story, story_from_events
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, Event, Incident

from .errors import NotFound

__all__ = ["ReplayError", "IncidentSummary", "load_events", "incident_story", "replay_incident",
           "replay_story", "replayable_incidents"]


def load_events(db: Database, incident_id: int) -> list[EventRecord]:
    """The incident's events in log order, as plain records. NotFound when the incident is unknown."""
    with db.read() as s:
        if s.get(Incident, incident_id) is None:
            raise NotFound(f"Incident {incident_id} does not exist.")
        rows = s.scalars(select(Event).where(Event.incident_id == incident_id).order_by(Event.id)).all()
        return [EventRecord(id=e.id, at=e.at, entity=e.entity, entity_id=e.entity_id, action=e.action,
                            incident_id=e.incident_id, before=e.before, after=e.after, actor=e.actor,
                            operation=e.operation) for e in rows]


def incident_story(db: Database, incident_id: int, show_personal: bool = False) -> Story:
    """What happened in the incident, folded from its events. Raises NotFound, or ReplayError when
    the log holds nothing usable for it."""
    events = load_events(db, incident_id)
    if not events:
        raise ReplayError(f"Incident {incident_id} has no events in the log, so there is nothing to replay.")
    story = story_from_events(events)
    return story if show_personal else story.without_personal_data()


def replay_story(story: Story, kora: Optional[Kora] = None, show_personal: bool = False) -> Replay:
    """The replay model of a story (from the log or a scenario)."""
    if not show_personal:
        story = story.without_personal_data()
    return Replay(story, kora or load_kora(), show_personal=show_personal)


def replay_incident(db: Database, incident_id: int, show_personal: bool = False,
                    kora: Optional[Kora] = None) -> Replay:
    """The replay of one incident (see ``domain.replay.Replay``)."""
    return replay_story(incident_story(db, incident_id, show_personal), kora, show_personal)


def replayable_incidents(db: Database, limit: int = 300, closed_only: bool = True) -> list[IncidentSummary]:
    """Real (not drill) incidents newest first, with the first caller's words (no names/phones)."""
    from rescue_desk.domain.replay import scrub_text

    first_call = (select(Call.incident_id, func.min(Call.id).label("call_id")).group_by(Call.incident_id)
                  .subquery())
    q = (select(Incident, Call.text).join(first_call, first_call.c.incident_id == Incident.id)
         .join(Call, Call.id == first_call.c.call_id).where(Incident.drill.is_(False))
         .order_by(Incident.created_at.desc()).limit(limit))
    if closed_only:
        q = q.where(Incident.status == "closed")
    with db.read() as s:
        return [IncidentSummary(id=inc.id, received_at=inc.created_at, status=inc.status, category=inc.category,
                                severity=inc.severity, party_size=inc.party_size, lon=inc.lon, lat=inc.lat,
                                chainage_km=inc.chainage_km, text=scrub_text(text or ""), version=inc.version,
                                drill=inc.drill, synthetic=inc.synthetic, outcome=inc.outcome, closed_at=inc.closed_at)
                for inc, text in s.execute(q)]
