"""The two shapes every part of the desk reads an incident in: ``IncidentSummary`` (one line of any
list: the board, the map's markers, the history, the replay picker, ``rescue-desk incidents``) and
``IncidentDetail`` (everything the trip panel shows). Plain values; services fill them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

from .incident import Assessment, Status, TripRecord


@dataclass
class IncidentSummary:
    """One incident in a list. ``next_step``/``overdue`` are codes the UI labels (see ``incident.assess``)."""

    id: int
    received_at: datetime
    status: str
    category: str
    severity: int
    party_size: int
    lon: Optional[float]
    lat: Optional[float]
    chainage_km: Optional[float]
    text: str
    version: int
    drill: bool = False
    synthetic: bool = False
    outcome: Optional[str] = None
    closed_at: Optional[datetime] = None
    n_calls: int = 1
    status_since: Optional[datetime] = None
    next_step: str = "dispatch"
    overdue: Optional[str] = None
    overdue_since: Optional[datetime] = None
    trip_id: Optional[int] = None
    last_contact: Optional[datetime] = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED.value

    def with_assessment(self, a: Assessment) -> "IncidentSummary":
        self.next_step, self.overdue, self.overdue_since = a.next_step, a.overdue, a.overdue_since
        return self

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``rescue-desk incidents --json``."""
        return {
            "id": self.id, "received_at": self.received_at.isoformat(), "status": self.status,
            "category": self.category, "severity": self.severity, "lon": self.lon, "lat": self.lat,
            "chainage_km": None if self.chainage_km is None else round(self.chainage_km, 3),
            "text": self.text, "party_size": self.party_size, "outcome": self.outcome, "drill": self.drill,
            "n_calls": self.n_calls,
        }


@dataclass
class PersonRecord:
    id: int
    age: Optional[int]
    sex: str
    origin: str
    condition: str
    outcome: str
    name: str = ""


@dataclass
class IncidentDetail:
    """One incident with its calls' words, trips (oldest first) and persons found."""

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
    trips: list[TripRecord]
    persons: list[PersonRecord]

    @property
    def trip(self) -> Optional[TripRecord]:
        """The latest trip, the one the panel acts on."""
        return self.trips[-1] if self.trips else None

    @property
    def closed(self) -> bool:
        return self.status == Status.CLOSED.value
