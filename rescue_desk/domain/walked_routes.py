"""Officers' walks of the kora: how far round a GPS track went, how many full loops, and how fast
against the walking model, pooled into an officer pace factor.

Progress is measured on the one chainage (kora.py): each point near the route is projected, the
steps are unwrapped across chainage 0, and their sum is the net distance walked round the loop
(positive = clockwise). A full loop is ``length_km`` of net progress (with ``LOOP_SLACK_KM`` slack,
so a walk that starts and ends a few hundred metres apart in Darchen counts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

ON_ROUTE_M = 300.0  # points farther from the route (side trips, town streets) are not used for progress
LOOP_SLACK_KM = 1.0
STOP_GAP_S = 20 * 60  # a gap this long with < STOP_MIN_KM progress is a rest or overnight: not walking time
STOP_MIN_KM = 0.2
MIN_WALKS = 3  # pooled officer tracks needed before the pace factor replaces the model's default
MIN_KM = 60.0


@dataclass(frozen=True)
class WalkSummary:
    """What a track shows: ``progress_km`` (net, signed: + clockwise), ``full_loops``, ``direction``,
    start chainage, walking seconds (rests and overnight stops removed) and the first/last time."""

    start_km: float
    progress_km: float
    full_loops: int
    direction: str
    walking_s: float | None
    started_at: datetime | None
    ended_at: datetime | None
    used_points: int


def summarise_walk(kora, points: list[tuple[float, float, datetime | None]]) -> WalkSummary:
    """Summary of a track given as (lon, lat, time|None) in walking order. Raises ValueError when fewer
    than two points lie within ``ON_ROUTE_M`` of the route."""
    near = []
    for lon, lat, t in points:
        km, off = kora.chainage_of(lon, lat)
        if off <= ON_ROUTE_M:
            near.append((km, t))
    if len(near) < 2:
        raise ValueError("fewer than two points of the track lie on the kora trail")
    half = kora.length_km / 2
    total, walking_s, timed = 0.0, 0.0, True
    for (a, ta), (b, tb) in zip(near, near[1:]):
        step = (b - a + half) % kora.length_km - half
        total += step
        if ta is None or tb is None:
            timed = False
            continue
        dt = (tb - ta).total_seconds()
        if dt > STOP_GAP_S and abs(step) < STOP_MIN_KM:
            continue
        walking_s += max(dt, 0.0)
    loops = int((abs(total) + LOOP_SLACK_KM) // kora.length_km)
    times = [t for _lon, _lat, t in points if t is not None]
    return WalkSummary(near[0][0], total, loops, "cw" if total >= 0 else "ccw",
                       walking_s if timed and times else None, times[0] if times else None,
                       times[-1] if times else None, len(near))


def model_officer_seconds(model, walk: WalkSummary) -> float:
    """The walking model's officer P50 for the same stretch (whole loops plus the remainder)."""
    length = model.length_km
    dist = abs(walk.progress_km)
    loops, rest = divmod(dist, length)
    t = 0.0
    if loops:
        t += loops * model.time_between(walk.start_km, walk.start_km + length - 1e-6, direction=walk.direction,
                                        walker="officer").p50_s
    if rest > 0.01:
        to = walk.start_km + rest if walk.direction == "cw" else walk.start_km - rest
        t += model.time_between(walk.start_km, to % length, direction=walk.direction, walker="officer").p50_s
    return t


@dataclass(frozen=True)
class OfficerPace:
    """Pooled officer pace: ``factor`` multiplies the model's officer times (1.1 = 10 % slower).
    ``enough`` is False (and ``factor`` 1.0) until ``MIN_WALKS`` timed walks over ``MIN_KM`` exist."""

    factor: float
    walks: int
    km: float
    enough: bool
    spread: float | None = None  # sd of log ratio between walks


def pooled_pace(ratios: list[tuple[float, float]], min_walks: int = MIN_WALKS, min_km: float = MIN_KM) -> OfficerPace:
    """Distance-weighted geometric mean of (actual / model) time ratios, given as (ratio, km) per walk."""
    usable = [(r, km) for r, km in ratios if r > 0 and km > 0 and math.isfinite(r)]
    km = sum(k for _r, k in usable)
    if len(usable) < min_walks or km < min_km:
        return OfficerPace(1.0, len(usable), km, False)
    mean = sum(math.log(r) * k for r, k in usable) / km
    var = sum(k * (math.log(r) - mean) ** 2 for r, k in usable) / km
    return OfficerPace(math.exp(mean), len(usable), km, True, math.sqrt(var))
