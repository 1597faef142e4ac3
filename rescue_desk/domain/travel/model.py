"""The walking-time model: time between chainages as a distribution, and where a walker may be now."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from statistics import NormalDist

import numpy as np

from ..clock import BEIJING
from .hiking import HikingFunction, cell_edges, cell_terrain
from .overnight import LODGE_IDS, overnight_stays, overnight_waits
from .peers import PeerTracks

Z10 = NormalDist().inv_cdf(0.9)
MIN_WALKED_REF_S = 600.0          # below this the pace so far says nothing
WALKED_FROM_KM = 0.5              # pace so far is measured from here (past the Darchen gate)
DEFAULT_START_CLOCK_S = 8 * 3600.0
WALKERS = ("pilgrim", "officer")
DIRECTIONS = ("cw", "ccw")


def normal_cdf(x: np.ndarray) -> np.ndarray:
    """Standard normal CDF, vectorized (Abramowitz & Stegun 7.1.26, error < 2e-7)."""
    z = np.abs(np.asarray(x, dtype=float)) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    half = 0.5 * poly * np.exp(-z * z)
    return np.where(np.asarray(x) >= 0, 1.0 - half, half)


@dataclass(frozen=True)
class TimeEstimate:
    """Walking time as P10/P50/P90 in seconds, with the distance walked (km) and the nights at a
    lodging included in the P50 (pilgrims only, see ``overnight.py``)."""

    p10_s: float
    p50_s: float
    p90_s: float
    distance_km: float
    nights_p50: int = 0

    def as_dict(self) -> dict:
        return {"p10_s": round(self.p10_s, 1), "p50_s": round(self.p50_s, 1), "p90_s": round(self.p90_s, 1)}


@dataclass(frozen=True)
class _Profile:
    log_offset: float
    var_walker: float
    var_drift: float
    noise_scale: float
    overnight: bool


class _Direction:
    """Cumulative reference times and noise along one walking direction, over two laps."""

    def __init__(self, length_km: float, edges_walk: np.ndarray, cell_s: np.ndarray, cell_q: np.ndarray):
        self.length_km = length_km
        cum_t = np.r_[0.0, np.cumsum(cell_s)]
        cum_q = np.r_[0.0, np.cumsum(cell_q)]
        self.pos = np.r_[edges_walk, edges_walk[1:] + length_km]
        self.cum_t = np.r_[cum_t, cum_t[1:] + cum_t[-1]]
        self.cum_q = np.r_[cum_q, cum_q[1:] + cum_q[-1]]

    def ref_s(self, s):
        return np.interp(s, self.pos, self.cum_t)

    def noise_s2(self, s):
        return np.interp(s, self.pos, self.cum_q)


def _rho_within(length_km, scale_km):
    x = np.maximum(np.asarray(length_km, dtype=float), 1e-6) / scale_km
    return 2.0 * (x - 1.0 + np.exp(-x)) / x**2


def _rho_between(a_km, b_km, scale_km):
    a = np.maximum(np.asarray(a_km, dtype=float), 1e-6) / scale_km
    b = np.maximum(np.asarray(b_km, dtype=float), 1e-6) / scale_km
    return (1.0 - np.exp(-a)) * (1.0 - np.exp(-b)) / (a * b)


class WalkingModel:
    """Walking times around the kora, calibrated on the west-valley tracks (see the package docstring)."""

    def __init__(self, params: dict, kora):
        self.params = params
        self.kora = kora
        self.length_km = kora.length_km
        hk = params["hiking"]
        self.hiking = HikingFunction(hk["a"], hk["k_alt"], hk["c"], hk["s0"])
        edges = cell_edges(self.length_km)
        width = np.diff(edges)
        z, slope = cell_terrain(kora, edges)
        data_s = np.asarray(params["data_cells_s"], dtype=float)
        data_q = np.asarray(params["data_cells_noise_s2"], dtype=float)
        nd = min(len(data_s), len(width))
        up = self.hiking.pace_s_per_km(z, slope)
        down = self.hiking.pace_s_per_km(z, -slope)
        cw_s = up * width * hk["dwell_factor"]
        cw_s[:nd] = data_s[:nd]
        rate = params["pace"]["noise_rate_east_s"]
        cw_q = cw_s * rate
        cw_q[:nd] = data_q[:nd]
        ccw_s, ccw_q = cw_s * down / up, cw_q * down / up
        self._dirs = {
            "cw": _Direction(self.length_km, edges, cw_s, cw_q),
            "ccw": _Direction(self.length_km, self.length_km - edges[::-1], ccw_s[::-1], ccw_q[::-1]),
        }
        self._lodges_cw = sorted([kora.gazetteer.get(i).chainage_km for i in LODGE_IDS if i in kora.gazetteer])
        pace = params["pace"]
        self._profiles = {
            "pilgrim": _Profile(0.0, pace["sd_walker"] ** 2, pace["sd_drift"] ** 2, 1.0, True),
            "officer": _Profile(-Z10 * pace["sd_log_pace_tracks"], (pace["sd_walker"] / 2) ** 2,
                                (pace["sd_drift"] / 2) ** 2, 0.5, False),
        }
        self._months = {int(k): v for k, v in params.get("month_log_pace", {}).items()}
        passages = params.get("track_passages")
        self.peers = PeerTracks(passages) if passages else None

    # --- helpers ---------------------------------------------------------------------------
    def _walk_pos(self, km: float, direction: str) -> float:
        return km % self.length_km if direction == "cw" else self.kora.to_ccw(km)

    def _check(self, direction: str, walker: str, *values: float | None) -> None:
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
        if walker not in WALKERS:
            raise ValueError(f"walker must be one of {WALKERS}, not {walker!r}")
        for v in values:
            if v is not None and not math.isfinite(v):
                raise ValueError("chainages and times must be finite numbers")

    def _clock(self, depart: datetime | None, walked_s: float | None) -> tuple[float, int | None]:
        """(seconds since local midnight at the start of the query's walk, month or None)."""
        if depart is None:
            return DEFAULT_START_CLOCK_S + (walked_s or 0.0), None
        local = depart.astimezone(BEIJING) if depart.tzinfo else depart
        return local.hour * 3600.0 + local.minute * 60.0 + local.second + (walked_s or 0.0), local.month

    def _log_ratio(self, d: _Direction, a: float, dist, walked_s, prof: _Profile, month: int | None):
        """Mean and sd of log(actual / reference time) for walking ``dist`` km on from ``a``."""
        p = self.params["pace"]
        ref = d.ref_s(a + dist) - d.ref_s(a)
        n_a = prof.noise_scale * (d.noise_s2(a + dist) - d.noise_s2(a)) / np.maximum(ref, 1.0) ** 2
        shift = prof.log_offset + self._months.get(month, 0.0)
        mean = -0.5 * n_a + shift
        var = prof.var_walker + prof.var_drift * _rho_within(dist, p["drift_length_km"]) + n_a
        ref_w = d.ref_s(a) - d.ref_s(WALKED_FROM_KM)
        if walked_s is not None and ref_w >= MIN_WALKED_REF_S and a < self.length_km - 1.0:
            head, head_sd = p["walked_head_s"], p["walked_head_sd_s"]
            own = max(walked_s - head, 0.2 * ref_w)
            n_w = (prof.noise_scale * (d.noise_s2(a) - d.noise_s2(WALKED_FROM_KM)) + head_sd**2) / ref_w**2
            span = a - WALKED_FROM_KM
            var_w = prof.var_walker + prof.var_drift * _rho_within(span, p["drift_length_km"]) + n_w
            cov = prof.var_walker + prof.var_drift * _rho_between(span, dist, p["drift_length_km"])
            clip = p.get("walked_log_clip", 1.0)
            x_w = min(max(math.log(own / ref_w) - (-0.5 * n_w + shift), -clip), clip)
            mean = mean + cov / var_w * x_w
            var = var - cov**2 / var_w
        return ref, mean, np.sqrt(np.maximum(var, 1e-6)) * p["spread_scale"]

    def _lodges_ahead(self, d: _Direction, a: float, direction: str):
        """Reference times from ``a`` to each lodging ahead (two laps) and on to the next one."""
        stops = [self._walk_pos(km, direction) for km in self._lodges_cw] + [0.0]
        stops = np.sort(np.r_[stops, np.add(stops, self.length_km)])
        stops = np.r_[stops[stops > a + 1e-9], 2 * self.length_km]
        t = d.ref_s(stops) - d.ref_s(a)
        return t[:-1], np.diff(t)

    # --- public API ------------------------------------------------------------------------
    def time_between(self, from_km: float, to_km: float, *, direction: str = "cw", walker: str = "pilgrim",
                     depart: datetime | None = None, walked_s: float | None = None,
                     peers: bool = True) -> TimeEstimate:
        """P10/P50/P90 seconds to walk from ``from_km`` to ``to_km`` in ``direction`` (chainages wrap).

        ``depart``: when the walker left ``from_km``; with ``walked_s`` (their seconds from the route
        start to ``from_km``, counted from their first recorded position near the start), when they left
        the route start. ``walked_s`` shifts their pace. With ``walked_s``, pilgrims walking clockwise
        inside the timed west valley are answered by the calibration walkers themselves (``peers.py``)
        unless ``peers`` is False; everything else, and ``passed_probability``, by the curve model."""
        self._check(direction, walker, from_km, to_km, walked_s)
        if walked_s is not None and walked_s < 0:
            raise ValueError("walked_s must not be negative")
        d, prof = self._dirs[direction], self._profiles[walker]
        a = self._walk_pos(from_km, direction)
        dist = self.kora.ahead_km(from_km % self.length_km, to_km % self.length_km, direction)
        if dist < 0.005 and abs(to_km - from_km) > self.length_km - 0.01:
            dist = self.length_km  # 0 -> length_km: the whole loop
        if dist <= 1e-9:
            return TimeEstimate(0.0, 0.0, 0.0, 0.0)
        clock, month = self._clock(depart, walked_s)
        if (peers and walked_s is not None and walker == "pilgrim" and direction == "cw" and self.peers
                and self.peers.covers(from_km, to_km)):
            peer = self.peers.estimate(from_km, to_km, walked_s, clock / 3600.0 if depart else None)
            if peer is not None:
                return TimeEstimate(peer.p10_s, peer.p50_s, peer.p90_s, float(dist))
        ref, mean, sd = self._log_ratio(d, a, dist, walked_s, prof, month)
        k = np.exp(mean + np.array([-Z10, 0.0, Z10]) * sd)
        t, nights = k * ref, np.zeros(3, dtype=int)
        if prof.overnight:
            lodge, onward = self._lodges_ahead(d, a, direction)
            waits, nights = overnight_stays(clock, k, lodge, onward, ref - 60.0)
            t = t + waits
        return TimeEstimate(float(t[0]), float(t[1]), float(t[2]), float(dist), int(nights[1]))

    def moving_time_s(self, from_km: float, to_km: float, *, direction: str = "cw", walker: str = "pilgrim") -> float:
        """Median seconds to walk from ``from_km`` to ``to_km`` with the usual rests but no overnight stop."""
        self._check(direction, walker, from_km, to_km)
        d, prof = self._dirs[direction], self._profiles[walker]
        a = self._walk_pos(from_km, direction)
        dist = self.kora.ahead_km(from_km % self.length_km, to_km % self.length_km, direction)
        if dist <= 1e-9:
            return 0.0
        ref, mean, _ = self._log_ratio(d, a, dist, None, prof, None)
        return float(ref * np.exp(mean))

    def passed_probability(self, from_km: float, elapsed_s: float, dist_km: np.ndarray, *, direction: str = "cw",
                           walker: str = "pilgrim", depart: datetime | None = None,
                           walked_s: float | None = None) -> np.ndarray:
        """P(the walker has walked at least ``dist_km`` within ``elapsed_s``); 0 beyond the route end."""
        self._check(direction, walker, from_km, elapsed_s, walked_s)
        d, prof = self._dirs[direction], self._profiles[walker]
        a = self._walk_pos(from_km, direction)
        dist = np.asarray(dist_km, dtype=float)
        end = self.length_km - a if a > 1e-9 else self.length_km
        if elapsed_s < 1.0:  # not yet moved
            return (dist <= 0).astype(float)
        clock, month = self._clock(depart, walked_s)
        ref, mean, sd = self._log_ratio(d, a, np.maximum(dist, 1e-6), walked_s, prof, month)
        ref = np.maximum(ref, 1e-6)
        log_k = np.log(elapsed_s / ref)
        if prof.overnight:
            lodge, onward = self._lodges_ahead(d, a, direction)
            k0 = np.exp(log_k)
            late = overnight_waits(clock, k0, lodge, onward, ref - 60.0) > 0
            if late.any():
                log_k[late] = self._pace_with_nights(clock, elapsed_s, ref[late], log_k[late], lodge, onward)
        prob = normal_cdf((log_k - mean) / sd)
        prob = np.where(dist <= 0, 1.0, prob)
        return np.where(dist > end + 1e-9, 0.0, prob)

    @staticmethod
    def _pace_with_nights(clock, elapsed_s, ref, log_k_hi, lodge, onward) -> np.ndarray:
        """Largest log pace factor whose walk over ``ref`` plus nights fits in ``elapsed_s`` (bisection)."""
        keep = lodge < ref.max()
        lodge, onward = lodge[keep], onward[keep]
        lo, hi = log_k_hi - 4.0, log_k_hi.copy()
        for _ in range(18):
            mid = 0.5 * (lo + hi)
            k = np.exp(mid)
            fits = k * ref + overnight_waits(clock, k, lodge, onward, ref - 60.0) <= elapsed_s
            lo, hi = np.where(fits, mid, lo), np.where(fits, hi, mid)
        return lo

    def reach_pdf(self, from_km: float, elapsed_s: float, grid_km: np.ndarray, *, direction: str = "cw",
                  walker: str = "pilgrim", depart: datetime | None = None,
                  walked_s: float | None = None) -> np.ndarray:
        """Probability mass over the cells of ``grid_km`` (clockwise chainages; each point owns the
        stretch halfway to its neighbours, cyclically) of where the walker who left ``from_km``
        ``elapsed_s`` ago is now. Walkers stop at the route end (Darchen); sums to 1."""
        g = np.asarray(grid_km, dtype=float) % self.length_km
        order = np.argsort(g)
        gs = g[order]
        nxt = np.r_[gs[1:], gs[0] + self.length_km]
        hi = 0.5 * (gs + nxt)
        lo = np.r_[hi[-1] - self.length_km, hi[:-1]]
        if direction == "cw":
            enter, leave = (lo - from_km) % self.length_km, (hi - from_km) % self.length_km
        else:
            enter, leave = (from_km - hi) % self.length_km, (from_km - lo) % self.length_km
        s = self.passed_probability(from_km, elapsed_s, np.r_[enter, leave], direction=direction,
                                    walker=walker, depart=depart, walked_s=walked_s)
        s_in, s_out = s[: len(gs)], s[len(gs):]
        mass = np.where(enter > leave, 1.0 - s_out + s_in, s_in - s_out)
        mass = np.clip(mass, 0.0, None)
        out = np.empty_like(mass)
        out[order] = mass
        total = out.sum()
        return out / total if total > 0 else out

    def distance_quantiles(self, from_km: float, elapsed_s: float, *, direction: str = "cw",
                           walker: str = "pilgrim", depart: datetime | None = None,
                           walked_s: float | None = None, qs=(0.1, 0.5, 0.9)) -> tuple[float, ...]:
        """Km walked from ``from_km`` after ``elapsed_s`` at the quantiles ``qs`` (capped at the route end)."""
        a = self._walk_pos(from_km, direction)
        end = self.length_km - a if a > 1e-9 else self.length_km
        dist = np.linspace(0.0, end, max(int(end / 0.05), 2) + 1)
        passed = self.passed_probability(from_km, elapsed_s, dist, direction=direction, walker=walker,
                                         depart=depart, walked_s=walked_s)
        below = 1.0 - passed
        below = np.maximum.accumulate(below)
        return tuple(float(np.interp(q, below, dist)) if q < below[-1] else float(end) for q in qs)
