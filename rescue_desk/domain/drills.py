"""Placement drills: how a trainee's attempt is scored against where the person really was.

Score (0-100), so progress can be charted:
* placement, 50 points: full at 0 km error along the trail, none at ``FULL_MISS_KM`` or more;
* area, 20 points: the truth lies inside the trainee's chosen stretch; a stretch wider than
  ``FAIR_AREA_KM`` earns proportionally less (claiming the whole kora teaches nothing);
* approach, 30 points: the chosen approach reaches the truth as fast as the best one; none when it
  is ``FULL_LATE_MIN`` or more minutes slower.
The ETAs per approach are given by the caller (the desk's approach suggestion: drive to a road end,
then the walking model's officer P50), so the drill never has a second travel-time model."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Mapping, Sequence

FULL_MISS_KM = 3.0
FAIR_AREA_KM = 4.0
FULL_LATE_MIN = 60.0
MAX_AREA_KM = 46.0


def approach_id(access_id: str, direction: str) -> str:
    """The id of "drive to ``access_id``, walk ``direction``" (e.g. "access_gangjia:cw")."""
    return f"{access_id}:{direction}"


def in_intervals(kora, km: float, intervals: Iterable[Sequence[float]]) -> bool:
    """True when chainage ``km`` lies in one of the (from, to) stretches; a stretch with from > to
    wraps through the start of the route."""
    k = kora.wrap(km)
    for lo, hi in intervals:
        lo, hi = kora.wrap(lo), kora.wrap(hi)
        if (lo <= k <= hi) if lo <= hi else (k >= lo or k <= hi):
            return True
    return False


def intervals_width_km(kora, intervals: Iterable[Sequence[float]]) -> float:
    """Total length of the stretches (each measured clockwise from its start to its end)."""
    return sum((kora.wrap(hi) - kora.wrap(lo)) % kora.length_km for lo, hi in intervals)


def area_around(kora, km: float, half_width_km: float) -> list[tuple[float, float]]:
    """The stretch ``km`` ± ``half_width_km`` (wrapping), as one interval."""
    return [(kora.wrap(km - half_width_km), kora.wrap(km + half_width_km))]


@dataclass(frozen=True)
class DrillScore:
    distance_error_km: float
    truth_inside_area: bool
    area_width_km: float
    approach_id: str
    eta_chosen_min: float
    best_approach_id: str
    eta_best_min: float
    eta_error_min: float
    score: float
    pin_km: float
    truth_km: float

    def as_dict(self) -> dict:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def score_attempt(kora, *, truth_lonlat: tuple[float, float], pin_lonlat: tuple[float, float],
                  area_km: Sequence[Sequence[float]], chosen_approach: str,
                  eta_min_by_approach: Mapping[str, float]) -> DrillScore:
    """Score a placement: distance along the trail between pin and truth, whether the truth lies in
    the chosen stretches, and how many minutes later the chosen approach reaches the truth than the
    best approach (``eta_min_by_approach``: minutes to the truth per approach id).
    Raises ValueError for an empty or whole-kora area or an approach without an ETA."""
    if not area_km:
        raise ValueError("Choose the stretch of trail where you would search.")
    width = intervals_width_km(kora, area_km)
    if width > MAX_AREA_KM:
        raise ValueError("The search area covers the whole kora; choose a narrower stretch.")
    if chosen_approach not in eta_min_by_approach:
        raise ValueError(f"Unknown approach {chosen_approach!r}; choose one of the listed approaches.")
    truth_km = kora.chainage_of(*truth_lonlat)[0]
    pin_km = kora.chainage_of(*pin_lonlat)[0]
    dist = kora.along_distance_km(pin_km, truth_km)
    inside = in_intervals(kora, truth_km, area_km)
    best_id = min(eta_min_by_approach, key=eta_min_by_approach.get)
    chosen = float(eta_min_by_approach[chosen_approach])
    best = float(eta_min_by_approach[best_id])
    late = max(0.0, chosen - best)
    score = (50.0 * max(0.0, 1.0 - dist / FULL_MISS_KM)
             + (20.0 * min(1.0, FAIR_AREA_KM / max(width, 1e-6)) if inside else 0.0)
             + 30.0 * max(0.0, 1.0 - late / FULL_LATE_MIN))
    return DrillScore(distance_error_km=dist, truth_inside_area=inside, area_width_km=width,
                      approach_id=chosen_approach, eta_chosen_min=chosen, best_approach_id=best_id,
                      eta_best_min=best, eta_error_min=late, score=round(score, 1), pin_km=pin_km,
                      truth_km=truth_km)


def stretch_polygons(kora, intervals: Iterable[Sequence[float]], half_width_m: float = 150.0) -> list[list[tuple[float, float]]]:
    """Outline rings (lon, lat) of the trail stretches, ``half_width_m`` either side of the route,
    for drawing a search area or an estimate's intervals on the map."""
    from shapely.ops import substring

    from .geo import utm_to_lonlat

    rings = []
    for lo, hi in intervals:
        lo, hi = kora.wrap(lo), kora.wrap(hi)
        parts = [(lo, hi)] if lo <= hi else [(lo, kora.length_km), (0.0, hi)]
        for a, b in parts:
            if b - a < 1e-4:
                continue
            shape = substring(kora.line, a * 1000.0, b * 1000.0).buffer(half_width_m, cap_style="flat")
            geoms = getattr(shape, "geoms", [shape])
            for g in geoms:
                rings.append([utm_to_lonlat(x, y) for x, y in g.exterior.coords])
    return rings
