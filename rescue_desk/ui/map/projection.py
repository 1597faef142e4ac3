"""Scene coordinates of the map: UTM 44N metres with y flipped (scene y = -northing), so north is up."""

from __future__ import annotations

from typing import Iterable

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from rescue_desk.domain.geo import to_utm, to_wgs


def lonlat_to_scene(lon: float, lat: float) -> QPointF:
    x, y = to_utm().transform(lon, lat)
    return QPointF(x, -y)


def scene_to_lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = to_wgs().transform(x, -y)
    return float(lon), float(lat)


def lonlats_to_scene_xy(lons, lats) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised: arrays of scene x and y."""
    x, y = to_utm().transform(np.asarray(lons, float), np.asarray(lats, float))
    return np.asarray(x, float), -np.asarray(y, float)


def utm_to_scene_xy(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return xy[:, 0].astype(float), -xy[:, 1].astype(float)


def polygon(lonlats: Iterable[tuple[float, float]]) -> QPolygonF:
    pts = list(lonlats)
    if not pts:
        return QPolygonF()
    xs, ys = lonlats_to_scene_xy([p[0] for p in pts], [p[1] for p in pts])
    return QPolygonF([QPointF(x, y) for x, y in zip(xs, ys)])


def path_of(lonlats: Iterable[tuple[float, float]], closed: bool = False) -> QPainterPath:
    poly = polygon(lonlats)
    path = QPainterPath()
    if poly.isEmpty():
        return path
    if closed:
        path.addPolygon(poly)
        path.closeSubpath()
    else:
        path.addPolygon(poly)
    return path
