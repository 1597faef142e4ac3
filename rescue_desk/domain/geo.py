"""Coordinate systems: WGS84 lon/lat for storage and display, UTM 44N (EPSG:32644) for metric work."""

from __future__ import annotations

import threading

from pyproj import Geod, Transformer

WGS84 = "EPSG:4326"
UTM44N = "EPSG:32644"
GEOD = Geod(ellps="WGS84")


_per_thread = threading.local()


def _transformer(name: str, src: str, dst: str) -> Transformer:
    # pyproj transformers must not be shared between threads (the UI runs the locator and the
    # database worker on their own threads): one per thread, created on first use.
    t = getattr(_per_thread, name, None)
    if t is None:
        t = Transformer.from_crs(src, dst, always_xy=True)
        setattr(_per_thread, name, t)
    return t


def to_utm() -> Transformer:
    """WGS84 lon/lat -> UTM 44N, for the calling thread."""
    return _transformer("to_utm", WGS84, UTM44N)


def to_wgs() -> Transformer:
    """UTM 44N -> WGS84 lon/lat, for the calling thread."""
    return _transformer("to_wgs", UTM44N, WGS84)


def lonlat_to_utm(lon: float, lat: float) -> tuple[float, float]:
    return to_utm().transform(lon, lat)


def utm_to_lonlat(x: float, y: float) -> tuple[float, float]:
    return to_wgs().transform(x, y)


def geodesic_distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]
