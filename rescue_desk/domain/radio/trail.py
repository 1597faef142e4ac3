"""A team's trail from its check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TrailPoint:
    at: datetime
    lon: float
    lat: float
    chainage_km: float | None
    source: str | None
    note: str = ""


def trail_of(checkins) -> list[TrailPoint]:
    """The check-ins that carry a position, oldest first (objects with at, lon, lat, chainage_km,
    position_source, note)."""
    points = [TrailPoint(c.at, c.lon, c.lat, getattr(c, "chainage_km", None), getattr(c, "position_source", None),
                         c.note or "") for c in checkins if c.lon is not None and c.lat is not None]
    return sorted(points, key=lambda p: p.at)

