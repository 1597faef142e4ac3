"""Colours and symbols shared by the map and the profile."""

from __future__ import annotations

from PySide6.QtGui import QColor

STATUS_COLOURS = {
    "new": QColor("#d32f2f"),
    "dispatched": QColor("#f57c00"),
    "on_scene": QColor("#fbc02d"),
    "evacuating": QColor("#7b1fa2"),
    "closed": QColor("#78909c"),
}
STATUS_ORDER = ("new", "dispatched", "on_scene", "evacuating", "closed")  # most urgent first

SECTION_COLOURS = [QColor(c) for c in ("#1565c0", "#00897b", "#6a1b9a", "#ef6c00", "#2e7d32", "#ad1457")]
TRACK_COLOURS = [QColor(c) for c in ("#0277bd", "#c2185b", "#558b2f", "#6d4c41", "#00838f", "#5e35b1")]

_ELEV_STOPS = ((4600.0, (46, 125, 50)), (5000.0, (249, 168, 37)), (5350.0, (230, 81, 0)), (5650.0, (183, 28, 28)))


def elevation_colour(z: float) -> QColor:
    """Green (4 600 m) through amber to deep red (5 650 m, Dolma La)."""
    stops = _ELEV_STOPS
    if z <= stops[0][0]:
        return QColor(*stops[0][1])
    for (z0, c0), (z1, c1) in zip(stops, stops[1:]):
        if z <= z1:
            t = (z - z0) / (z1 - z0)
            return QColor(*(round(a + (b - a) * t) for a, b in zip(c0, c1)))
    return QColor(*stops[-1][1])


def heat_colour(t: float) -> QColor:
    """0 → pale yellow, 1 → dark red, with alpha growing with ``t``."""
    t = min(1.0, max(0.0, t))
    c = QColor.fromRgbF(1.0, 0.9 - 0.75 * t, 0.3 - 0.3 * t)
    c.setAlphaF(0.25 + 0.6 * t)
    return c


HAZARD_COLOURS = {"snow": QColor("#0288d1"), "rockfall": QColor("#6d4c41"), "river": QColor("#00838f"),
                  "closed": QColor("#212121")}
HAZARD_DEFAULT = QColor("#ff6f00")
