"""Clues read from a caller's description: what each one says about where the caller is.

``Clue`` is a plain record; ``parse_description`` (in ``parser.py``) produces them and ``belief.py``
turns each into a likelihood over chainage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .coordinates import CoordinateReading

RELATIONS = ("at", "near", "almost", "just_past", "past", "before", "from", "between", "halfway", "toward")


@dataclass(frozen=True)
class Clue:
    """One piece of evidence. ``kind`` is "landmark", "between", "time", "elevation", "scene" or
    "coordinates"; the other fields are filled as the kind needs them."""

    kind: str
    text: str
    relation: str = ""
    landmark_id: str | None = None
    other_id: str | None = None
    distance_km: float | None = None
    distance_qualifier: str = ""
    elapsed_s: float | None = None
    event_time: datetime | None = None
    elevation_m: float | None = None
    slope: str | None = None
    scene: str | None = None
    coordinate: CoordinateReading | None = None
    fuzzy: bool = False
    fraction: float | None = None  # "a third of the way from A to B": 1/3 (between clues)
    now: bool = False  # said about the present moment ("now we are…", "现在在…")
    hedged: bool = False  # a guess ("好像是…", "I think…", "the guide says…"): weaker than what is seen

    def to_json(self) -> dict:
        """A JSON-ready summary (only the fields that mean something for this kind)."""
        out: dict = {"kind": self.kind, "text": self.text}
        if self.relation:
            out["relation"] = self.relation
        for key in ("landmark_id", "other_id", "distance_km", "fraction", "elapsed_s", "elevation_m", "slope", "scene"):
            v = getattr(self, key)
            if v is not None:
                out[key] = round(v, 3) if isinstance(v, float) else v
        if self.event_time is not None:
            out["event_time"] = self.event_time.isoformat()
        if self.coordinate is not None:
            c = self.coordinate
            out.update(lon=round(c.lon, 6), lat=round(c.lat, 6), datum=c.datum, format=c.format)
        if self.fuzzy:
            out["fuzzy"] = True
        return out


@dataclass
class ParsedDescription:
    """Everything read from one description."""

    text: str
    clues: list[Clue] = field(default_factory=list)
    direction: str = "cw"
    direction_said: str = ""
    datum: str = "wgs84"
    walker: str = "pilgrim"
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    notes: list[tuple[str, dict]] = field(default_factory=list)
    """How the story was read, as (code, parameters): "corrected", "relayed", "history"."""
