"""The kora: route geometry and the one chainage definition every module uses.

Chainage is the distance along ``assets/kora/route.geojson``, clockwise from its first vertex
(the north edge of Darchen), in km, measured in UTM 44N (EPSG:32644). It runs 0 .. ``length_km``
and wraps: ``length_km`` is the start again. Counter-clockwise walkers see ``length_km - chainage``.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from shapely.geometry import LineString, Point

from .assets import asset_text
from .geo import GEOD, lonlat_to_utm, to_utm, utm_to_lonlat
from .landmarks import Gazetteer, Landmark, parse_landmarks_csv

SEGMENT_ANCHORS = (
    "darchen", "first_prostration", "sershong", "tarboche", "chuku_bridge_supply",
    "second_prostration", "tamdrin_drongkhang", "drira_bridge_fork", "gangjia",
    "sky_burial_w_supply", "shiva_tsal", "dolma_la", "gauri_kund", "phakna_rigzin_supply",
    "third_prostration", "medicine_buddha_supply", "gaize_teahouse", "zutul_phuk",
    "gendun_lachu_bridge", "fourth_prostration", "zongdui_supply",
)


@dataclass(frozen=True)
class Segment:
    """The stretch of trail between two consecutive anchor landmarks."""

    start: Landmark
    end: Landmark
    from_km: float
    to_km: float

    @property
    def label_en(self) -> str:
        return f"{self.start.short_en} → {self.end.short_en}"

    @property
    def label_zh(self) -> str:
        return f"{self.start.short_zh} → {self.end.short_zh}"


@dataclass(frozen=True)
class AccessPoint:
    id: str
    name_en: str
    name_zh: str
    kind: str
    lon: float
    lat: float
    chainage_km: float
    landmark_id: str
    confidence: str


@dataclass(frozen=True)
class AccessLine:
    id: str
    kind: str
    name_en: str
    name_zh: str
    coords: tuple[tuple[float, float], ...]
    confidence: str


class Kora:
    """Route, elevation profile, landmarks and access roads, with chainage arithmetic."""

    def __init__(self, route_lonlat: np.ndarray, profile: np.ndarray, landmarks: list[Landmark],
                 access_points: list[AccessPoint], access_lines: list[AccessLine]):
        self.route_lonlat = route_lonlat[:, :2].copy()
        x, y = to_utm().transform(self.route_lonlat[:, 0], self.route_lonlat[:, 1])
        self.route_utm = np.column_stack([x, y])
        self.line = LineString(self.route_utm)
        self.length_km = self.line.length / 1000.0
        self.geodesic_length_km = GEOD.line_length(self.route_lonlat[:, 0], self.route_lonlat[:, 1]) / 1000.0
        self.profile_km = profile[:, 0]
        self.profile_m = profile[:, 1]
        self.access_points = access_points
        self.access_lines = access_lines
        self._set_landmarks(landmarks)

    def _set_landmarks(self, landmarks: list[Landmark]) -> None:
        self.gazetteer = Gazetteer(landmarks)
        anchors = [self.gazetteer.get(a) for a in SEGMENT_ANCHORS if a in self.gazetteer]
        self._anchors = sorted(anchors, key=lambda lm: lm.chainage_km)
        self._anchor_km = [lm.chainage_km for lm in self._anchors]

    # --- chainage <-> position ---------------------------------------------------------
    def wrap(self, km: float) -> float:
        """Chainage folded into [0, length)."""
        return km % self.length_km

    def chainage_of(self, lon: float, lat: float) -> tuple[float, float]:
        """(chainage km of the nearest route point, distance from the route in m), for any lon/lat.

        Far from UTM zone 44 the projection gives no finite answer; there the nearest route vertex
        by geodesic distance stands in (such points are thousands of km away: callers refuse them)."""
        if not (-90 <= lat <= 90 and math.isfinite(lon)):
            raise ValueError(f"not a position on Earth: latitude {lat}, longitude {lon}")
        x, y = lonlat_to_utm(lon, lat)
        if not (math.isfinite(x) and math.isfinite(y)):
            n = len(self.route_lonlat)
            _az, _baz, dist = GEOD.inv(np.full(n, lon), np.full(n, lat), self.route_lonlat[:, 0], self.route_lonlat[:, 1])
            i = int(np.argmin(dist))
            return self.line.project(Point(self.route_utm[i])) / 1000.0, float(dist[i])
        p = Point(x, y)
        return self.line.project(p) / 1000.0, self.line.distance(p)

    def chainage_of_utm(self, x: float, y: float) -> tuple[float, float]:
        p = Point(x, y)
        return self.line.project(p) / 1000.0, self.line.distance(p)

    def utm_at(self, km: float) -> tuple[float, float]:
        p = self.line.interpolate(self.wrap(km) * 1000.0)
        return p.x, p.y

    def point_at(self, km: float) -> tuple[float, float]:
        """(lon, lat) of the route at chainage ``km`` (wrapping)."""
        return utm_to_lonlat(*self.utm_at(km))

    def distance_from_route_m(self, lon: float, lat: float) -> float:
        return self.chainage_of(lon, lat)[1]

    # --- directions and arithmetic ------------------------------------------------------
    def to_ccw(self, cw_km: float) -> float:
        """Chainage a counter-clockwise walker has covered from the start; its own inverse."""
        return (self.length_km - cw_km) % self.length_km

    to_cw = to_ccw

    def ahead_km(self, from_km: float, to_km: float, direction: str = "cw") -> float:
        """Distance walked from ``from_km`` to ``to_km`` going in ``direction`` ("cw"|"ccw")."""
        d = (to_km - from_km) % self.length_km
        return d if direction == "cw" else (self.length_km - d) % self.length_km

    def along_distance_km(self, a: float, b: float) -> float:
        """Shortest distance along the loop between two chainages."""
        d = abs(a - b) % self.length_km
        return min(d, self.length_km - d)

    def move(self, km: float, delta_km: float, direction: str = "cw") -> float:
        """Chainage reached from ``km`` after walking ``delta_km`` in ``direction``."""
        return self.wrap(km + delta_km if direction == "cw" else km - delta_km)

    # --- profile and segments -----------------------------------------------------------
    def elevation_at(self, km: float | np.ndarray) -> float | np.ndarray:
        """Elevation (m) at chainage(s), linear between the 100 m profile rows."""
        k = np.mod(km, self.length_km)
        z = np.interp(k, self.profile_km, self.profile_m)
        return float(z) if np.ndim(z) == 0 else z

    def segment_at(self, km: float) -> Segment:
        """The anchor-to-anchor stretch containing ``km``, e.g. Sershong → Tarboche flagpole."""
        k = self.wrap(km)
        i = bisect.bisect_right(self._anchor_km, k) - 1
        start = self._anchors[i] if i >= 0 else self._anchors[-1]
        end = self._anchors[(i + 1) % len(self._anchors)]
        return Segment(start, end, start.chainage_km, end.chainage_km)

    def segments(self) -> list[Segment]:
        out = []
        for i, start in enumerate(self._anchors):
            end = self._anchors[(i + 1) % len(self._anchors)]
            out.append(Segment(start, end, start.chainage_km, end.chainage_km))
        return out

    def nearest_landmark(self, km: float, on_trail_only: bool = True) -> Landmark:
        cands = [lm for lm in self.gazetteer if lm.on_trail or not on_trail_only]
        return min(cands, key=lambda lm: self.along_distance_km(lm.chainage_km, km))

    def landmark(self, name: str) -> Landmark | None:
        return self.gazetteer.lookup(name)

    def with_landmarks(self, landmarks: list[Landmark]) -> "Kora":
        """The same route with another landmark set (e.g. shipped plus the station's own layer)."""
        k = object.__new__(Kora)
        k.__dict__.update(self.__dict__)
        k._set_landmarks(landmarks)
        return k


def _read_route() -> np.ndarray:
    g = json.loads(asset_text("kora", "route.geojson"))
    feat = g["features"][0] if "features" in g else g
    return np.array([c[:2] for c in feat["geometry"]["coordinates"]], dtype=float)


def _read_profile() -> np.ndarray:
    rows = csv.DictReader(io.StringIO(asset_text("kora", "profile.csv")))
    return np.array([(float(r["chainage_km"]), float(r["elevation_m"])) for r in rows])


def _read_access() -> tuple[list[AccessPoint], list[AccessLine]]:
    g = json.loads(asset_text("kora", "access.geojson"))
    points, lines = [], []
    for f in g["features"]:
        p, geom = f["properties"], f["geometry"]
        if geom["type"] == "Point":
            points.append(AccessPoint(p["id"], p["name_en"], p["name_zh"], p["kind"], geom["coordinates"][0],
                                      geom["coordinates"][1], float(p["chainage_km"]), p.get("landmark_id", ""),
                                      p.get("confidence", "")))
        elif geom["type"] == "LineString":
            lines.append(AccessLine(p["id"], p["kind"], p["name_en"], p["name_zh"],
                                    tuple((c[0], c[1]) for c in geom["coordinates"]), p.get("confidence", "")))
    return points, lines


@lru_cache(maxsize=1)
def load_kora() -> Kora:
    """The shipped kora model (loaded once per process)."""
    points, lines = _read_access()
    return Kora(_read_route(), _read_profile(), parse_landmarks_csv(asset_text("kora", "landmarks.csv")),
                points, lines)
