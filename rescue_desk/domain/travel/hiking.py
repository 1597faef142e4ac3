"""Altitude-aware hiking function: moving pace from gradient and elevation.

The shape is Tobler's (speed falls as ``exp(-c·|s + s0|)``, fastest on a gentle descent) times an
altitude term ``exp(k_alt · (z - 4700 m) / 1000)``. ``tools/calibrate_walking.py`` fits ``a``,
``k_alt`` and ``c`` on the west-valley tracks; the model uses the fitted function wherever the
tracks give no direct times (east of Drira Phuk, and the counter-clockwise correction).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CELL_KM = 0.1
SLOPE_HALF_WINDOW_KM = 0.15
REFERENCE_ELEVATION_M = 4700.0


@dataclass(frozen=True)
class HikingFunction:
    """``pace_s_per_km(z, s) = exp(a + k_alt·(z-4700)/1000 + c·(|s + s0| - s0))``."""

    a: float
    k_alt: float
    c: float
    s0: float = 0.05

    def pace_s_per_km(self, elevation_m: np.ndarray, slope: np.ndarray) -> np.ndarray:
        z = (np.asarray(elevation_m, dtype=float) - REFERENCE_ELEVATION_M) / 1000.0
        s = np.asarray(slope, dtype=float)
        return np.exp(self.a + self.k_alt * z + self.c * (np.abs(s + self.s0) - self.s0))


def cell_edges(length_km: float) -> np.ndarray:
    """Cell edges every 100 m of clockwise chainage, the last cell ending exactly at ``length_km``."""
    n = int(np.ceil(length_km / CELL_KM - 1e-9))
    edges = np.arange(n + 1) * CELL_KM
    edges[-1] = length_km
    return edges


def cell_terrain(kora, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(elevation m, clockwise slope m/m) at each cell's middle; slope over ±150 m of trail."""
    mid = 0.5 * (edges[:-1] + edges[1:])
    z = np.asarray(kora.elevation_at(mid), dtype=float)
    up = np.asarray(kora.elevation_at(mid + SLOPE_HALF_WINDOW_KM), dtype=float)
    down = np.asarray(kora.elevation_at(mid - SLOPE_HALF_WINDOW_KM), dtype=float)
    return z, (up - down) / (2000.0 * SLOPE_HALF_WINDOW_KM)
