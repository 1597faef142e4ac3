"""A check-in's position from what the team said (through the locator), typed coordinates, or a
click on the map; each with its chainage on the kora and how sure it is (metres)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

SOURCES = ("words", "coordinates", "map")
FAR_FROM_ROUTE_M = 25_000.0     # further than this from the kora is not the station's area


class PositionError(ValueError):
    """The position cannot be used; the message says why in one sentence."""


@dataclass(frozen=True)
class CheckinPosition:
    lon: float
    lat: float
    chainage_km: float | None        # None when off the trail (more than 300 m away)
    source: str                       # one of SOURCES
    text: str = ""                    # the words typed, for "words" and "coordinates"
    radius_m: float | None = None     # how far the truth may be (90 % interval half-length for words)


def _checked_point(lon: float, lat: float, kora, source: str, text: str = "",
                   radius_m: float | None = None) -> CheckinPosition:
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise PositionError("the coordinates are not a place on Earth (longitude -180..180, latitude -90..90)")
    off_m = kora.distance_from_route_m(lon, lat)
    if off_m > FAR_FROM_ROUTE_M:
        raise PositionError(f"the point is {off_m / 1000:.0f} km from the kora: check the coordinates "
                            "(longitude about 81.3 E, latitude about 31.0 N)")
    km, offset = kora.chainage_of(lon, lat)
    return CheckinPosition(float(lon), float(lat), float(km) if offset <= 300.0 else None, source, text, radius_m)


def position_from_map(lon: float, lat: float, kora) -> CheckinPosition:
    """A click on the map (WGS84)."""
    return _checked_point(lon, lat, kora, "map", radius_m=50.0)


def position_from_coordinates(lon: float, lat: float, kora) -> CheckinPosition:
    """Coordinates typed in two fields (WGS84 decimal degrees)."""
    return _checked_point(lon, lat, kora, "coordinates", f"{lat:.6f}, {lon:.6f}", radius_m=30.0)


def position_from_words(text: str, kora, at: datetime | None = None) -> CheckinPosition:
    """What the team said ("just past Chuku bridge", "卓玛拉山口下面两公里", "31.08, 81.31") through the
    locator; coordinates read out count as "coordinates"."""
    from ..locator import locate

    words = (text or "").strip()
    if not words:
        raise PositionError("type where the team is, or click the map")
    result = locate(words, call_time=at, kora=kora)
    if not result.placed or result.lon is None or result.lat is None:
        raise PositionError(f"cannot place {words[:40]!r}: {result.message}")
    fix = any(c.kind == "coordinates" for c in result.used)
    if fix:
        return _checked_point(result.lon, result.lat, kora, "coordinates", words, result.radius_m or 50.0)
    span_km = sum((b - a) % kora.length_km for a, b in result.intervals_km)
    radius = max(50.0, 500.0 * span_km) if result.intervals_km else result.radius_m
    km = result.chainage_km % kora.length_km if result.chainage_km is not None else None
    return CheckinPosition(float(result.lon), float(result.lat), km, "words", words, radius)
