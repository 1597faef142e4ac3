"""Plain records the statistics work on, filled by the reports service from the database
(or by tests by hand). Times are timezone-aware instants."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Mapping


@dataclass(slots=True)
class TripRecord:
    """One rescue trip's times (any may be missing)."""

    departed_at: datetime | None = None
    on_scene_at: datetime | None = None
    returned_at: datetime | None = None


@dataclass(slots=True)
class IncidentRecord:
    """One incident as statistics see it.

    ``received_at`` is when the first call came in; ``chainage_km`` is the confirmed position,
    else the estimate, else None (unplaced). Person counts: ``persons_rescued`` (people helped and
    alive), ``hospital`` (taken to hospital), ``deaths``; ``origins`` counts the people by origin."""

    id: int
    received_at: datetime
    category: str = "other"
    outcome: str | None = None
    chainage_km: float | None = None
    drill: bool = False
    persons_rescued: int = 0
    hospital: int = 0
    deaths: int = 0
    origins: Mapping[str, int] = field(default_factory=dict)
    trips: tuple[TripRecord, ...] = ()

    @property
    def false_alarm(self) -> bool:
        return self.outcome == "false_alarm" or self.category == "false_alarm"

    def first_trip(self) -> TripRecord | None:
        """The trip that left first (trips without a departure time come last)."""
        left = [t for t in self.trips if t.departed_at is not None]
        return min(left, key=lambda t: t.departed_at) if left else None


@dataclass(slots=True)
class CallRecord:
    """One call: when it came in and whether it was part of a drill."""

    received_at: datetime
    drill: bool = False
