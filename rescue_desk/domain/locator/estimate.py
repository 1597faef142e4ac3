"""The locator's answer: best estimate, credible intervals along the route, map corridor, explanation."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import LineString, Polygon
from shapely.ops import substring

from ..geo import utm_to_lonlat
from ..kora import Kora
from .clues import Clue

OFF_ROUTE_M = 100.0
"""A fix further than this from the trail is reported as a point, not a chainage."""
FAR_AWAY_KM = 60.0
"""Fixes further than this from the route are outside the station's area."""
CORRIDOR_M = 150.0


@dataclass
class LocateResult:
    """Where the caller is. ``status`` is "placed", "unplaceable" or "error".

    Placed on the route: ``chainage_km`` (best estimate), ``intervals_km`` (clockwise [from, to]
    pieces of the >= 90 % credible region; ``from > to`` means the piece wraps past chainage 0),
    ``lon``/``lat`` on the route. A coordinate fix off the route: ``lon``/``lat`` of the fix,
    ``radius_m``, ``offset_m`` from the trail, ``nearest_chainage_km``, and ``chainage_km`` None.
    """

    status: str
    message: str
    lon: float | None = None
    lat: float | None = None
    chainage_km: float | None = None
    intervals_km: list[tuple[float, float]] = field(default_factory=list)
    radius_m: float | None = None
    offset_m: float | None = None
    nearest_chainage_km: float | None = None
    direction: str = "cw"
    clues: list[Clue] = field(default_factory=list)
    used: list[Clue] = field(default_factory=list)
    set_aside: list[Clue] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    readings: list = field(default_factory=list)  # uncertainty.Reading, most likely first
    question: object = None  # uncertainty.Question: what to ask the caller to decide between readings
    notes: list[tuple[str, dict]] = field(default_factory=list)  # how the story was read: (code, params)
    suggestions: object = None  # suggestions.Suggestions for the rest of the form
    posterior: np.ndarray | None = field(default=None, repr=False)
    kora: Kora | None = field(default=None, repr=False)

    @property
    def placed(self) -> bool:
        return self.status == "placed"

    def interval_length_km(self) -> float:
        if self.kora is None:
            return 0.0
        return sum(self.kora.ahead_km(a, b, "cw") for a, b in self.intervals_km)

    def corridor(self, buffer_m: float = CORRIDOR_M) -> list[list[tuple[float, float]]]:
        """Map region: one lon/lat ring per credible-interval piece (the route buffered by
        ``buffer_m``), or a circle of ``radius_m`` round a point fix."""
        if self.kora is None or not self.placed:
            return []
        k = self.kora
        polys: list[Polygon] = []
        if self.chainage_km is None or not self.intervals_km:
            from ..geo import lonlat_to_utm
            from shapely.geometry import Point
            polys.append(Point(lonlat_to_utm(self.lon, self.lat)).buffer(max(self.radius_m or 0, 30.0)))
        for a, b in self.intervals_km:
            pieces = [(a, b)] if a <= b else [(a, k.length_km), (0.0, b)]
            for s, e in pieces:
                line = substring(k.line, s * 1000.0, max(e * 1000.0, s * 1000.0 + 1.0))
                if isinstance(line, LineString) and not line.is_empty:
                    polys.append(line.buffer(buffer_m))
        rings = []
        for poly in polys:
            xs, ys = poly.simplify(10.0).exterior.coords.xy
            rings.append([tuple(round(v, 6) for v in utm_to_lonlat(x, y)) for x, y in zip(xs, ys)])
        return rings

    def explanation(self, lang: str = "en") -> str:
        """A few lines an officer can read: clues used, set aside, readings, the question to ask, not
        understood, warnings; ``lang`` "zh" gives them in Chinese."""
        if lang == "zh":
            from .explain import explanation_zh
            return explanation_zh(self)
        lines = [self.message]
        if self.used:
            lines.append("used: " + "; ".join(describe(c, self.kora) for c in self.used))
        if self.set_aside:
            lines.append("set aside: " + "; ".join(describe(c, self.kora) for c in self.set_aside))
        lines += [f"conflict: {c}" for c in self.conflicts]
        if len(self.readings) > 1:
            lines.append("readings: " + "; ".join(f"near {r.landmark_en} km {r.from_km:.1f}-{r.to_km:.1f} "
                                                  f"({r.probability:.0%})" for r in self.readings))
        if self.question is not None:
            lines.append(self.question.en)
        lines += [f"read as: {code} " + ", ".join(f"{k}={v}" for k, v in params.items()) for code, params in self.notes]
        if self.not_understood:
            lines.append("not understood: " + ", ".join(f"'{w}'" for w in self.not_understood))
        lines += [f"note: {w}" for w in self.warnings]
        return "\n".join(lines)

    def to_record(self, record_id: object = None) -> dict:
        """The batch-output record (the stable CLI contract)."""
        r = lambda v, n: None if v is None or (isinstance(v, float) and not math.isfinite(v)) else round(v, n)
        return {
            "id": record_id,
            "status": self.status,
            "lon": r(self.lon, 6),
            "lat": r(self.lat, 6),
            "chainage_km": r(self.chainage_km, 3),
            "intervals_km": [[round(a, 3), round(b, 3)] for a, b in self.intervals_km],
            "radius_m": r(self.radius_m, 1),
            "clues": [c.to_json() for c in self.used] + [{**c.to_json(), "set_aside": True} for c in self.set_aside],
            "message": self.explanation(),
            "message_zh": self.explanation("zh"),
            "readings": [x.to_json() for x in self.readings],
            "question": self.question.to_json() if self.question is not None else None,
            "notes": [{"code": code, "params": params} for code, params in self.notes],
            "suggestions": self.suggestions.to_json() if self.suggestions is not None else {},
        }


_REL_WORDS = {"at": "at", "near": "near", "almost": "almost at", "just_past": "just past", "past": "past",
              "left": "left", "before": "before", "from": "from", "toward": "from", "between": "between",
              "halfway": "halfway between"}


def describe(c: Clue, kora: Kora | None = None) -> str:
    """One short phrase for a clue: "2 km past Chuku bridge supply point" (ids without ``kora``)."""
    def name(lid: str | None) -> str:
        if kora is not None and lid in kora.gazetteer:
            return kora.gazetteer.get(lid).short_en
        return str(lid)

    if c.kind == "coordinates":
        co = c.coordinate
        return f"fix {co.lat:.5f} N {co.lon:.5f} E ({co.format}, {co.datum})"
    if c.kind == "elevation":
        return f"height {c.elevation_m:.0f} m" + (f", {c.slope}" if c.slope else "")
    if c.kind == "scene":
        return f"scene '{c.text}'"
    if c.kind == "time":
        h = (c.elapsed_s or 0) / 3600
        if c.relation == "to_go":
            return f"{h:.1f} h of walking before {name(c.landmark_id)}"
        return f"at {name(c.landmark_id)} {h:.1f} h ago"
    rel = _REL_WORDS.get(c.relation, c.relation)
    dist = f"{c.distance_km:g} km " if c.distance_km is not None else ""
    other = f" and {name(c.other_id)}" if c.other_id and c.relation in ("between", "halfway") else \
        f" toward {name(c.other_id)}" if c.other_id else ""
    return f"{dist}{rel} {name(c.landmark_id)}{other}" + (" (spelling guessed)" if c.fuzzy else "")
