"""Coordinate systems: WGS84 lon/lat for storage and display, UTM 44N (EPSG:32644) for metric work."""

from __future__ import annotations

from functools import lru_cache

from pyproj import Geod, Transformer

WGS84 = "EPSG:4326"
UTM44N = "EPSG:32644"
GEOD = Geod(ellps="WGS84")


@lru_cache(maxsize=1)
def to_utm() -> Transformer:
    return Transformer.from_crs(WGS84, UTM44N, always_xy=True)


@lru_cache(maxsize=1)
def to_wgs() -> Transformer:
    return Transformer.from_crs(UTM44N, WGS84, always_xy=True)


def lonlat_to_utm(lon: float, lat: float) -> tuple[float, float]:
    return to_utm().transform(lon, lat)


def utm_to_lonlat(x: float, y: float) -> tuple[float, float]:
    return to_wgs().transform(x, y)


def geodesic_distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]
