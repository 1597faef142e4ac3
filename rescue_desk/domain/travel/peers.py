"""Walking times read off the calibration walkers themselves, where their tracks reach.

Within the timed west valley (0-17.5 km clockwise) the model asks the calibration walkers directly:
for a query from ``a`` to ``b`` every calibration track that passed both gives its own time so far
(seconds from its first recorded point to ``a``, the same reading as the query's ``walked_s``), its
clock time at ``a`` and its time ``a -> b``. A median (L1) regression of log(time ahead) on
log(time so far + 10 min) and the clock hour, over all those peers, is evaluated at the query; its
residual quantiles give P10/P50/P90. Unlike "the median of the walkers with the nearest pace", every
peer counts, and the fit says by itself how much the pace so far predicts this particular stretch
(little for a walker 1 km out of town, much at Chuku), so rest habits along the stretch are in.

The tracks are shipped as first-passage times on a 100 m grid (``track_passages`` in the model file).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

WALKED_SOFTENING_S = 600.0     # a few minutes out of town say little about pace; keeps the log finite
MIN_PEERS = 40
MIN_DISTANCE_KM = 0.2
L1_ITERATIONS = 8


@dataclass(frozen=True)
class PeerEstimate:
    p10_s: float
    p50_s: float
    p90_s: float
    peers: int


class PeerTracks:
    """First-passage times of the calibration walkers and the per-query regression on them."""

    def __init__(self, table: dict):
        self.step_km = float(table["step_km"])
        seconds = np.array([[np.nan if v is None else v for v in row] for row in table["seconds"]], dtype=float)
        self.seconds = seconds
        self.end_km = self.step_km * (seconds.shape[1] - 1)
        self.start_clock_h = np.asarray(table["start_clock_h"], dtype=float)

    @staticmethod
    def table_from(passages: np.ndarray, start_clock_h: np.ndarray, step_km: float) -> dict:
        """The JSON-ready table for ``track_passages`` (seconds rounded, NaN -> null)."""
        rows = [[None if not np.isfinite(v) else int(round(v)) for v in row] for row in passages]
        return {"step_km": step_km, "start_clock_h": [round(float(h), 3) for h in start_clock_h], "seconds": rows}

    def covers(self, from_km: float, to_km: float) -> bool:
        return 0.0 <= from_km and from_km + MIN_DISTANCE_KM <= to_km <= self.end_km

    def _at(self, km: float) -> np.ndarray:
        x = km / self.step_km
        i = min(int(math.floor(x)), self.seconds.shape[1] - 2)
        w = x - i
        return self.seconds[:, i] * (1.0 - w) + self.seconds[:, i + 1] * w

    def estimate(self, from_km: float, to_km: float, walked_s: float | None,
                 clock_h: float | None) -> PeerEstimate | None:
        """P10/P50/P90 seconds from ``from_km`` to ``to_km`` (clockwise, both inside the data), or None
        when too few calibration walkers passed both points."""
        if not self.covers(from_km, to_km):
            return None
        so_far, arrive = self._at(from_km), self._at(to_km)
        ok = np.isfinite(so_far) & np.isfinite(arrive) & (arrive > so_far)
        if ok.sum() < MIN_PEERS:
            return None
        so_far, ahead = so_far[ok], arrive[ok] - so_far[ok]
        columns, query = [np.ones_like(so_far)], [1.0]
        if walked_s is not None:
            columns.append(np.log(so_far + WALKED_SOFTENING_S))
            query.append(math.log(walked_s + WALKED_SOFTENING_S))
        if clock_h is not None:
            columns.append(self.start_clock_h[ok] + so_far / 3600.0 - 12.0)
            query.append(clock_h - 12.0)
        design, y = np.column_stack(columns), np.log(ahead)
        coef = _median_regression(design, y)
        residual = y - design @ coef
        centre = float(np.asarray(query) @ coef)
        q10, q50, q90 = np.percentile(residual, [10, 50, 90])
        return PeerEstimate(math.exp(centre + q10), math.exp(centre + q50), math.exp(centre + q90), int(ok.sum()))


def _median_regression(design: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least absolute deviations by iteratively reweighted least squares (few columns, ~300 rows)."""
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    for _ in range(L1_ITERATIONS):
        weight = 1.0 / np.sqrt(np.maximum(np.abs(y - design @ coef), 1e-3))
        coef, *_ = np.linalg.lstsq(design * weight[:, None], y * weight, rcond=None)
    return coef
