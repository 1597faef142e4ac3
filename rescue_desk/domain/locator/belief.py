"""Clues -> likelihoods on a 1-D chainage grid around the loop, fused into a posterior.

The grid has cells of ``CELL_KM`` along the route (clockwise chainage, wrapping). Each clue gives a
likelihood scaled to a maximum of 1; a small floor keeps one wrong clue from zeroing the others
(conflicts are then detected and reported, see ``estimate.py``). Uncertainties used:

* landmark position: ``Landmark.along_uncertainty_m`` read as a 90 % range (sigma = 0.6 of it);
* "at": +80 m, "near": +350 m; distances: guide km are ~5 % long on this line, so the centre is
  0.95 x the said km and sigma = 0.1 km + 15 % of it; no distance: exponential fall-off (past 3 km,
  left/from 6 km, just past 1.2 km and almost there 0.6 km, half-normal);
* elevation: GPS heights sigma 45 m (55 m east of 17.5 km, where the profile is interpolated); as in
  the timed tracks, 57 % of phones read sea-level heights and 43 % read ~28 m low (ellipsoid-like),
  so the likelihood is that two-part mixture;
* time: the walking-time model's ``reach_pdf``.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ..kora import Kora
from .clues import Clue
from .scenes import SCENES

CELL_KM = 0.02
FLOOR = 1e-6
GUIDE_FACTOR = 0.95
_COARSE_KM = 0.1
ELLIPSOID_LOW_M = 28.0
TIME_SMOOTH_KM = 0.3
TIME_TEMPER = 0.6
TIMED_UNTIL_KM = 17.5
TIME_SMOOTH_EAST_KM = 0.8
"""No timed tracks exist east of 17.5 km: the model extrapolates there, so its density is smoothed more."""
TIME_STOPPED = 0.1
"""The walking model describes 2bulu trekkers; callers vary more, so its position density is
smoothed (300 m) and tempered (power 0.6) before use, and 10 % of the mass says the walker may have
stopped anywhere between the landmark and the model's median (a rest, or the emergency itself)."""
_SCENES = {s.key: s for s in SCENES}


class Grid:
    """Cell centres along the loop, with helpers for wrapped arithmetic."""

    def __init__(self, kora: Kora, cell_km: float = CELL_KM):
        self.kora = kora
        self.length = kora.length_km
        self.n = int(math.ceil(self.length / cell_km))
        self.step = self.length / self.n
        self.km = (np.arange(self.n) + 0.5) * self.step
        self.elev = np.asarray(kora.elevation_at(self.km), dtype=float)
        grad = np.gradient(np.asarray(kora.elevation_at(np.r_[self.km, self.km[:1] + self.length]), float),
                           self.step)[:-1]
        self.grad_cw = np.convolve(np.r_[grad[-10:], grad, grad[:10]], np.ones(21) / 21, mode="same")[10:-10]
        self.coarse = np.arange(0.0, self.length, _COARSE_KM)

    def signed(self, origin_km: float, direction: str = "cw") -> np.ndarray:
        """Distance walked from ``origin_km`` to each cell in ``direction``, in [-L/2, L/2)."""
        d = (self.km - origin_km) if direction == "cw" else (origin_km - self.km)
        return (d + self.length / 2) % self.length - self.length / 2


@lru_cache(maxsize=8)
def _grid_for(kora_id: int, kora: Kora) -> Grid:
    return Grid(kora)


def grid_for(kora: Kora) -> Grid:
    """The (cached) grid for this kora object."""
    return _grid_for(id(kora), kora)


def _phi(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(x * 0.7978845608 * (1 + 0.044715 * x * x)))


def _sigma_lm(kora: Kora, lid: str) -> float:
    lm = kora.gazetteer.get(lid)
    return 0.6 * lm.along_uncertainty_m / 1000.0


def _one_sided(s: np.ndarray, scale: float, back_sigma: float, shape: str = "exp") -> np.ndarray:
    """1 at s=0, falling off ahead (s > 0) with ``scale``, sharply behind (s < 0)."""
    ahead = np.exp(-s / scale) if shape == "exp" else np.exp(-0.5 * (s / scale) ** 2)
    return np.where(s >= 0, ahead, np.exp(-0.5 * (s / back_sigma) ** 2))


def _gauss(s: np.ndarray, mu: float, sigma: float) -> np.ndarray:
    return np.exp(-0.5 * ((s - mu) / sigma) ** 2)


def _distance_sigma(d_km: float, u: float) -> float:
    """Spread of a spoken distance: measured on the colloquial and blind call sets, the truths of
    distance calls all lie inside the central 40 % of the old 0.1 + 0.15 d spread."""
    return math.hypot(u, 0.07 + 0.1 * d_km)


def _walk_km(d_km: float, qualifier: str) -> float:
    """"X多" / "a bit over X" is about X + 0.3 km on short distances; "不到X" about X - 0.2."""
    base = GUIDE_FACTOR * d_km
    if qualifier == "more":
        return base + min(0.3, 0.3 * d_km) if d_km <= 3 else base * 1.1
    if qualifier == "less":
        return base - min(0.2, 0.25 * d_km) if d_km <= 3 else base * 0.9
    return base


def landmark_likelihood(g: Grid, clue: Clue, direction: str) -> np.ndarray:
    kora = g.kora
    lm_km = kora.gazetteer.get(clue.landmark_id).chainage_km
    u = _sigma_lm(kora, clue.landmark_id)
    s = g.signed(lm_km, direction)
    rel, d = clue.relation, clue.distance_km
    if rel == "toward":
        other = kora.gazetteer.get(clue.other_id).chainage_km
        way = "cw" if (other - lm_km) % g.length <= g.length / 2 else "ccw"
        return _gauss(g.signed(lm_km, way), _walk_km(d, clue.distance_qualifier), _distance_sigma(d, u))
    if d is not None:
        mu, sig = _walk_km(d, clue.distance_qualifier), _distance_sigma(d, u)
        if rel in ("past", "just_past", "left"):
            return _gauss(s, mu, sig)
        if rel == "before":
            return _gauss(s, -mu, sig)
        return np.maximum(_gauss(s, mu, sig), 0.45 * _gauss(s, -mu, sig))  # "from": mostly ahead
    back = u + 0.1
    if rel == "at":
        return _gauss(s, 0.0, math.hypot(u, 0.08))
    if rel == "near":
        return _gauss(s, 0.0, math.hypot(u, 0.35))
    if rel == "almost":
        return _one_sided(-s, 0.6 + u, back, "gauss")
    if rel == "just_past":
        return _one_sided(s, 1.2 + u, back, "gauss")
    if rel == "past":
        return _one_sided(s, 3.0, back)
    if rel in ("left", "from"):
        return _one_sided(s, 6.0, back)
    if rel == "before":
        return _one_sided(-s, 3.0, back)
    return _gauss(s, 0.0, math.hypot(u, 0.35))


def between_likelihood(g: Grid, clue: Clue, direction: str = "cw") -> np.ndarray:
    """Between A and B: the shorter stretch of loop joining them; when both stretches are long
    (> 40 % of the loop), the one a walker starting in Darchen meets first."""
    kora = g.kora
    a = kora.gazetteer.get(clue.landmark_id).chainage_km
    b = kora.gazetteer.get(clue.other_id).chainage_km
    way = "cw" if (b - a) % g.length <= g.length / 2 else "ccw"
    if min((b - a) % g.length, (a - b) % g.length) > 0.4 * g.length:
        def walked(k: float) -> float:  # from the start in Darchen (within 0.5 km of it counts as the start)
            return ((k if direction == "cw" else g.length - k) + 0.5) % g.length
        first, second = (a, b) if walked(a) <= walked(b) else (b, a)
        a, b, way = first, second, direction
    arc = kora.ahead_km(a, b, way)
    ua, ub = _sigma_lm(kora, clue.landmark_id) + 0.15, _sigma_lm(kora, clue.other_id) + 0.15
    t = g.signed(a, way)
    t = np.where(t < -(g.length - arc) / 2, t + g.length, t)
    if clue.relation == "halfway":
        f = 0.5 if clue.fraction is None else clue.fraction
        return _gauss(t, arc * f, max(0.2, arc / 6))
    return _phi(t / ua) * _phi((arc - t) / ub)


def elevation_likelihood(g: Grid, clue: Clue, direction: str) -> np.ndarray:
    sigma = np.where(g.km > 17.5, 55.0, 45.0)
    h = clue.elevation_m
    lik = (0.57 * np.exp(-0.5 * ((g.elev - h) / sigma) ** 2)
           + 0.43 * np.exp(-0.5 * ((g.elev - h - ELLIPSOID_LOW_M) / sigma) ** 2))
    if clue.slope:
        grad = g.grad_cw if direction == "cw" else -g.grad_cw
        if clue.slope == "descending":
            grad = -grad
        lik = lik * np.clip(0.5 + grad / 20.0, 0.03, 1.0)
    return lik


SCENE_FLOOR = 0.0005
"""Off a scene's stretch: low enough that one clear scene alone gives a short interval, high enough
that a scene word read wrongly is outvoted by a named place."""


def scene_likelihood(g: Grid, clue: Clue) -> np.ndarray:
    """1 on the scene's stretch (or on each of its pieces), soft edges, a floor elsewhere."""
    sc = _SCENES[clue.scene]
    gz = g.kora.gazetteer
    out = np.zeros(g.n)
    for first, last in sc.pieces:
        if first not in gz or last not in gz:
            continue
        a = (gz.get(first).chainage_km + sc.from_km) % g.length
        b = (gz.get(last).chainage_km + sc.to_km) % g.length
        arc = (b - a) % g.length
        t = g.signed(a, "cw")
        t = np.where(t < -(g.length - arc) / 2, t + g.length, t)
        out = np.maximum(out, _phi(t / 0.2) * _phi((arc - t) / 0.2))
    return SCENE_FLOOR + out


def time_likelihood(g: Grid, clue: Clue, direction: str, walker: str = "pilgrim") -> np.ndarray | None:
    """Where a walker who was at the clue's landmark ``elapsed_s`` ago is now (None if no model)."""
    try:
        from ..travel import load_walking_model
        model = load_walking_model()
    except Exception:  # the walking model is optional for the rest of the locator
        return None
    if clue.landmark_id == "darchen":
        start = 0.0  # walks start where the kora path leaves town
    else:
        start = g.kora.gazetteer.get(clue.landmark_id).chainage_km
    try:
        mass = model.reach_pdf(start, float(clue.elapsed_s), g.coarse, direction=direction, walker=walker,
                               depart=clue.event_time)
    except ValueError:
        return None
    smooth = TIME_SMOOTH_KM if start < TIMED_UNTIL_KM else TIME_SMOOTH_EAST_KM
    half = int(3 * smooth / _COARSE_KM)
    kernel = np.exp(-0.5 * (np.arange(-half, half + 1) * _COARSE_KM / smooth) ** 2)
    mass = np.convolve(np.r_[mass[-half:], mass, mass[:half]], kernel / kernel.sum(), mode="valid")
    dens = np.interp(g.km, np.r_[g.coarse, g.length], np.r_[mass, mass[0]])
    dens = np.clip(dens, 0.0, None) ** TIME_TEMPER
    dens /= dens.sum()
    walked = g.signed(start, direction) % g.length
    order = np.argsort(walked)
    median_km = walked[order][np.searchsorted(np.cumsum(dens[order]), 0.5)]
    stopped = (walked <= median_km).astype(float)
    dens = (1 - TIME_STOPPED) * dens + TIME_STOPPED * stopped / max(stopped.sum(), 1.0)
    top = dens.max()
    return dens / top if top > 0 else None


TO_GO_SAID_SD = 0.35
"""Log-sd of a caller's own "two more hours to X" (often a guide's or an app's guess) on top of the
walking model's spread."""
_TO_GO_BEHIND_KM = np.array([0.5, 1.5, 3.0, 5.0, 8.0, 12.0, 17.0])


def time_to_go_likelihood(g: Grid, clue: Clue, direction: str, walker: str = "pilgrim") -> np.ndarray | None:
    """Where a walker who still needs ``elapsed_s`` to reach the clue's landmark is: the walking
    model's time to the landmark, from a few places behind it (interpolated in log time)."""
    try:
        from ..travel import load_walking_model
        model = load_walking_model()
    except Exception:  # the walking model is optional for the rest of the locator
        return None
    b = g.kora.gazetteer.get(clue.landmark_id).chainage_km
    sign = 1.0 if direction == "cw" else -1.0
    mu, sd = [], []
    try:
        for d in _TO_GO_BEHIND_KM:
            est = model.time_between((b - sign * d) % g.length, b, direction=direction, walker=walker,
                                     depart=clue.event_time)
            mu.append(math.log(max(est.p50_s, 1.0)))
            sd.append((math.log(max(est.p90_s, 1.0)) - math.log(max(est.p10_s, 1.0))) / 2.563)
    except ValueError:
        return None
    behind = -g.signed(b, direction)
    d = np.clip(behind, 0.05, _TO_GO_BEHIND_KM[-1])
    m = np.interp(np.log(d), np.log(_TO_GO_BEHIND_KM), mu,
                  left=None) + np.where(d < _TO_GO_BEHIND_KM[0], np.log(d / _TO_GO_BEHIND_KM[0]), 0.0)
    s = np.hypot(np.interp(d, _TO_GO_BEHIND_KM, sd), TO_GO_SAID_SD)
    lik = np.exp(-0.5 * ((math.log(max(clue.elapsed_s, 60.0)) - m) / s) ** 2)
    return np.where((behind > 0) & (behind <= _TO_GO_BEHIND_KM[-1] + 3.0), lik, 0.0)


def clue_likelihood(g: Grid, clue: Clue, direction: str, walker: str = "pilgrim") -> np.ndarray | None:
    """The clue's likelihood over the grid, scaled to max 1 (None when it cannot be evaluated)."""
    if clue.kind == "landmark":
        lik = landmark_likelihood(g, clue, direction)
    elif clue.kind == "between":
        lik = between_likelihood(g, clue, direction)
    elif clue.kind == "elevation":
        lik = elevation_likelihood(g, clue, direction)
    elif clue.kind == "scene":
        lik = scene_likelihood(g, clue)
    elif clue.kind == "time" and clue.relation == "to_go":
        lik = time_to_go_likelihood(g, clue, direction, walker)
    elif clue.kind == "time":
        lik = time_likelihood(g, clue, direction, walker)
    elif clue.kind == "coordinates":
        ch, _off = g.kora.chainage_of(clue.coordinate.lon, clue.coordinate.lat)
        lik = _gauss(g.signed(ch), 0.0, max(0.03, clue.coordinate.radius_m / 2000.0))
    else:
        return None
    if lik is None:
        return None
    top = float(np.max(lik))
    return lik / top if top > 0 and np.isfinite(top) else None


def fuse(liks: list[np.ndarray]) -> np.ndarray:
    """Normalised product of the (floored) likelihoods."""
    logp = np.zeros_like(liks[0])
    for lik in liks:
        logp += np.log(lik + FLOOR)
    p = np.exp(logp - logp.max())
    return p / p.sum()


def hpd_runs(g: Grid, p: np.ndarray, mass: float = 0.9, min_gap_km: float = 0.1) -> list[tuple[int, int, float]]:
    """Highest-density region holding ``mass`` as runs of cells (start index, end index inclusive,
    run mass), wrapping past chainage 0; runs closer than ``min_gap_km`` are merged."""
    order = np.argsort(p)[::-1]
    cum = np.cumsum(p[order])
    k = int(np.searchsorted(cum, mass)) + 1
    inside = np.zeros(g.n, dtype=bool)
    inside[order[:k]] = True
    gap_cells = int(round(min_gap_km / g.step))
    if inside.all():
        return [(0, g.n - 1, 1.0)]
    # roll so the scan starts on an outside cell: runs then never straddle the scan start
    first_out = int(np.argmin(inside))
    rolled = np.roll(inside, -first_out).astype(np.int8)
    edges = np.diff(np.r_[rolled, 0])
    starts = np.flatnonzero(edges == 1) + 1
    ends = np.flatnonzero(edges == -1)
    runs: list[list[int]] = []
    for a, b in zip(starts.tolist(), ends.tolist()):
        if runs and a - runs[-1][1] <= gap_cells + 1:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    cum = np.r_[0.0, np.cumsum(np.roll(p, -first_out))]
    return [((a + first_out) % g.n, (b + first_out) % g.n, float(cum[b + 1] - cum[a])) for a, b in runs]
