"""The incident history: every incident, open and closed, found by words, dates, category, outcome,
place along the kora and state. One read; the UI runs it on the database worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.incident_views import IncidentSummary
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, Incident

from .incident_records import summary


@dataclass(frozen=True)
class HistoryQuery:
    """All fields optional. ``text``: every word must occur in a call's words (any call) or be the
    incident's number; dates are Beijing days, inclusive; ``state``: "open", "closed" or ""."""

    text: str = ""
    date_from: Optional[date] = None
    date_to: Optional[date] = None
    category: str = ""
    outcome: str = ""
    km_from: Optional[float] = None
    km_to: Optional[float] = None
    state: str = ""
    include_drills: bool = False
    limit: int = 500


def _day_start(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=BEIJING)


def search_incidents(db: Database, q: HistoryQuery = HistoryQuery()) -> list[IncidentSummary]:
    """Incidents matching ``q``, newest first (at most ``q.limit``)."""
    stmt = select(Incident).options(selectinload(Incident.calls)).order_by(Incident.created_at.desc())
    if q.date_from:
        stmt = stmt.where(Incident.created_at >= _day_start(q.date_from))
    if q.date_to:
        stmt = stmt.where(Incident.created_at < _day_start(q.date_to + timedelta(days=1)))
    if q.category:
        stmt = stmt.where(Incident.category == q.category)
    if q.outcome:
        stmt = stmt.where(Incident.outcome == q.outcome)
    if q.state == "open":
        stmt = stmt.where(Incident.status != "closed")
    elif q.state == "closed":
        stmt = stmt.where(Incident.status == "closed")
    if not q.include_drills:
        stmt = stmt.where(Incident.drill.is_(False))
    km = func.coalesce(Incident.pos_chainage_km, Incident.est_chainage_km)
    if q.km_from is not None:
        stmt = stmt.where(km >= q.km_from)
    if q.km_to is not None:
        stmt = stmt.where(km <= q.km_to)
    for word in q.text.lower().split():
        words_match = select(Call.id).where(Call.incident_id == Incident.id,
                                            func.lower(Call.text).contains(word, autoescape=True)).exists()
        stmt = stmt.where(words_match | (Incident.id == int(word.lstrip("#"))) if word.lstrip("#").isdigit()
                          else words_match)
    with db.read() as s:
        return [summary(inc) for inc in s.scalars(stmt.limit(q.limit))]
