"""The incident sheet a team takes into the field: what the callers said, who is hurt, the team and
its vehicle, the position in every form, the suggested approach with P50/P90, sunset and the contacts.
One read; runs on the calling thread (the UI's database worker or the CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain.clock import to_beijing, utc_now
from rescue_desk.domain.kora import Kora
from rescue_desk.domain.sharing import ShareError
from rescue_desk.domain.sun import DARCHEN_LAT, DARCHEN_LON, SunTimes, sun_times
from rescue_desk.storage import Database
from rescue_desk.storage.models import Incident, Trip

from .errors import NotFound
from .sharing import IncidentShare, share_incident
from .station import station_kora


@dataclass(frozen=True)
class SheetCall:
    received_at: datetime
    channel: str
    caller_name: str
    caller_phone: str
    text: str


@dataclass(frozen=True)
class SheetPerson:
    name: str
    age: Optional[int]
    sex: str
    origin: str
    condition: str
    outcome: str
    phone: str


@dataclass(frozen=True)
class SheetTeam:
    """The incident's latest trip: officers (name, rank, phone), vehicle and times."""

    trip_id: int
    officers: list[tuple[str, str, str]]
    vehicle: str
    departed_at: Optional[datetime]
    on_scene_at: Optional[datetime]
    returned_at: Optional[datetime]
    checkin_interval_min: int


@dataclass(frozen=True)
class IncidentSheet:
    id: int
    created_at: datetime
    status: str
    category: str
    severity: int
    party_size: int
    drill: bool
    outcome: Optional[str]
    calls: list[SheetCall]
    persons: list[SheetPerson]
    team: Optional[SheetTeam]
    share: Optional[IncidentShare]  # None while the incident has no position
    sun: SunTimes
    printed_at: datetime
    kora: Kora = field(repr=False, compare=False, default=None)

    @property
    def contacts(self) -> list[tuple[str, str, str]]:
        """(role, name, phone) of everyone to call: callers first, then the team."""
        seen, out = set(), []
        for c in self.calls:
            if c.caller_phone and c.caller_phone not in seen:
                seen.add(c.caller_phone)
                out.append(("caller", c.caller_name, c.caller_phone))
        for p in self.persons:
            if p.phone and p.phone not in seen:
                seen.add(p.phone)
                out.append(("person", p.name, p.phone))
        for name, _rank, phone in (self.team.officers if self.team else []):
            if phone and phone not in seen:
                seen.add(phone)
                out.append(("officer", name, phone))
        return out


def incident_sheet(db: Database, incident_id: int, lang: str = "zh", now: datetime | None = None) -> IncidentSheet:
    """Everything ``rescue-desk print`` and the desk's Print button put on the sheet. NotFound for an
    unknown incident; an incident without a position gets a sheet without map and approach."""
    now = now or utc_now()
    with db.read() as s:
        inc = s.scalar(select(Incident).where(Incident.id == incident_id).options(
            selectinload(Incident.calls), selectinload(Incident.persons),
            selectinload(Incident.trips).selectinload(Trip.members), selectinload(Incident.trips).selectinload(Trip.vehicle)))
        if inc is None:
            raise NotFound(f"Incident {incident_id} does not exist.")
        calls = [SheetCall(c.received_at, c.channel, c.caller_name, c.caller_phone, c.text) for c in inc.calls]
        persons = [SheetPerson(p.name, p.age, p.sex, p.origin, p.condition, p.outcome, p.phone) for p in inc.persons]
        team = None
        if inc.trips:
            t = inc.trips[-1]
            vehicle = f"{t.vehicle.name} {t.vehicle.plate}".strip() if t.vehicle else ""
            team = SheetTeam(t.id, [(m.name, m.rank, m.phone) for m in t.members], vehicle, t.departed_at,
                             t.on_scene_at, t.returned_at, t.checkin_interval_min)
        head = (inc.id, inc.created_at, inc.status, inc.category, inc.severity, inc.party_size, inc.drill, inc.outcome)
        lon, lat = inc.lon, inc.lat
    kora = station_kora(db, now)
    try:
        shared = share_incident(db, incident_id, lang=lang, now=now, kora=kora)
    except ShareError:
        shared = None
    sun = sun_times(to_beijing(now).date(), lon if lon is not None else DARCHEN_LON,
                    lat if lat is not None else DARCHEN_LAT)
    return IncidentSheet(*head, calls, persons, team, shared, sun, now, kora)
