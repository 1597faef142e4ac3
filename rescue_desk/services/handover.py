"""Shift handover: what the next duty officer must know — open incidents, teams out with their last
check-in and position, overdue teams, the calls since the last handover, and notes for the next shift.
``handover_report`` is one read; ``record_handover`` one write. Both run on the calling thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.incident_views import IncidentSummary
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, Event, Incident, Trip
from rescue_desk.storage.models_handover import Handover

from .board import board_rows
from .errors import ValidationError
from .incident_records import trip_record

DEFAULT_SHIFT = timedelta(hours=12)
NOTES_MAX = 20_000


@dataclass(frozen=True)
class TeamOut:
    """A team in the field: departed, not back, its incident still open."""

    trip_id: int
    incident_id: int
    officers: list[str]
    vehicle: str
    departed_at: datetime
    last_contact: datetime
    last_checkin_at: Optional[datetime]
    last_checkin_note: str
    lon: Optional[float]  # the last known position: the latest check-in with one, else the incident's
    lat: Optional[float]
    chainage_km: Optional[float]
    position_from: str  # "checkin" | "incident" | ""
    due_at: datetime
    overdue: bool


@dataclass(frozen=True)
class CallLine:
    received_at: datetime
    incident_id: Optional[int]
    channel: str
    category: str
    text: str
    drill: bool


@dataclass(frozen=True)
class PreviousHandover:
    at: datetime
    handed_by: str
    notes: str


@dataclass(frozen=True)
class HandoverReport:
    now: datetime
    since: datetime
    open_incidents: list[IncidentSummary]
    teams_out: list[TeamOut]
    calls: list[CallLine]
    previous: Optional[PreviousHandover]
    notes: str = ""
    log_anchor: Optional[tuple[int, str]] = None
    """(id, hash) of the newest event-log entry: printed on the paper handover, it anchors the log
    outside the database (``rescue-desk audit verify --anchor ID:HASH`` catches a cut or rewritten log)."""

    @property
    def anchor_text(self) -> str:
        return f"{self.log_anchor[0]}:{self.log_anchor[1]}" if self.log_anchor else ""

    @property
    def overdue_teams(self) -> list[TeamOut]:
        return [t for t in self.teams_out if t.overdue]


def last_handover(db: Database) -> Optional[PreviousHandover]:
    with db.read() as s:
        h = s.scalars(select(Handover).order_by(Handover.at.desc(), Handover.id.desc()).limit(1)).first()
        return PreviousHandover(h.at, h.handed_by, h.notes) if h else None


def _team(t: Trip, now: datetime, kora) -> TeamOut:
    record = trip_record(t)
    contact, due = record.last_contact, record.checkin_due()
    last = t.checkins[-1] if t.checkins else None
    placed = next((c for c in reversed(t.checkins) if c.lon is not None and c.lat is not None), None)
    if placed is not None:
        lon, lat, source = placed.lon, placed.lat, "checkin"
    elif t.incident.lon is not None:
        lon, lat, source = t.incident.lon, t.incident.lat, "incident"
    else:
        lon = lat = None
        source = ""
    km = kora.chainage_of(lon, lat)[0] if lon is not None else None
    vehicle = f"{t.vehicle.name} {t.vehicle.plate}".strip() if t.vehicle else ""
    return TeamOut(t.id, t.incident_id, [m.name for m in t.members], vehicle, t.departed_at, contact,
                   last.at if last else None, last.note if last else "", lon, lat, km, source, due, now > due)


def handover_report(db: Database, since: datetime | None = None, now: datetime | None = None,
                    notes: str = "") -> HandoverReport:
    """The handover at ``now``: calls since ``since`` (default: the last recorded handover, else
    twelve hours ago). Drill incidents are listed like real ones (the board shows them too)."""
    now = now or utc_now()
    previous = last_handover(db)
    if since is None:
        since = previous.at if previous is not None else now - DEFAULT_SHIFT
    if since.tzinfo is None:
        raise ValidationError("The start of the shift needs a timezone.", "since")
    kora = load_kora()
    rows = board_rows(db, now=now)
    with db.read() as s:
        trips = s.scalars(select(Trip).join(Incident, Incident.id == Trip.incident_id).options(
            selectinload(Trip.members), selectinload(Trip.checkins), selectinload(Trip.vehicle),
            selectinload(Trip.incident))
            .where(Trip.departed_at.is_not(None), Trip.returned_at.is_(None), Incident.status != "closed")
            .order_by(Trip.departed_at)).all()
        teams = [_team(t, now, kora) for t in trips]
        calls = [CallLine(c.received_at, c.incident_id, c.channel, c.category, c.text, c.drill)
                 for c in s.scalars(select(Call).where(Call.received_at >= since, Call.received_at <= now)
                                    .order_by(Call.received_at))]
        newest = s.execute(select(Event.id, Event.hash).order_by(Event.id.desc()).limit(1)).first()
    anchor = (int(newest[0]), str(newest[1])) if newest else None
    return HandoverReport(now, since, rows, teams, calls, previous, notes, anchor)


def record_handover(db: Database, actor: str, notes: str, since: datetime, at: datetime | None = None) -> int:
    """Record that ``actor`` handed the desk over at ``at`` (default now) with ``notes`` for the next
    shift; the next handover's calls start here. Returns the handover's id."""
    at = at or utc_now()
    notes = notes.replace("\x00", "").strip()
    if len(notes) > NOTES_MAX:
        raise ValidationError(f"The notes are longer than {NOTES_MAX:,} characters.", "notes")
    if since.tzinfo is None or at.tzinfo is None:
        raise ValidationError("The handover times need a timezone.", "since")
    with db.write(actor, "record_handover") as s:
        h = Handover(at=at, since=since, handed_by=actor, notes=notes)
        s.add(h)
        s.flush()
        return h.id
