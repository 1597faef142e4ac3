"""Median and percentiles of small samples (response times)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable


def quantile(values: Iterable[float], q: float) -> float | None:
    """The ``q`` quantile (0..1) by linear interpolation between closest ranks (numpy's default):
    position ``q·(n−1)`` in the sorted sample. None for an empty sample."""
    return _sorted_quantile(sorted(values), q)


def _sorted_quantile(data: list[float], q: float) -> float | None:
    if not data:
        return None
    if not 0.0 <= q <= 1.0:
        raise ValueError("q must be between 0 and 1")
    pos = q * (len(data) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


@dataclass(frozen=True)
class Spread:
    """How many values, their median and 90th percentile (minutes here)."""

    n: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, values: Iterable[float]) -> "Spread":
        data = sorted(values)
        return cls(len(data), _sorted_quantile(data, 0.5), _sorted_quantile(data, 0.9))

    def to_json(self) -> dict:
        r = lambda v: None if v is None else round(v, 1)  # noqa: E731
        return {"n": self.n, "median": r(self.median), "p90": r(self.p90)}
