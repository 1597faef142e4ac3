"""Walking times on the kora: calibrated on real GPS tracks, with honest P10/P50/P90.

Model (fitted by ``tools/calibrate_walking.py`` on ``../shared/data/kora/timing``, shipped as
``assets/travel/walking_model.json``):

* **Pilgrims walking clockwise inside the timed west valley (0-17.5 km) with their pace so far**
  (``walked_s``) are answered by the calibration walkers themselves (``peers.py``: a median
  regression, over every walker who passed both points, of their time ahead on their time so far
  and the clock hour). Held out by party (5-fold
  cross-validation, ``bench/bench_eta.py``) this is more accurate than the curve model below and than
  the median of the walkers with the nearest pace so far. Everything else uses the curve model:

* **Reference walker, per 100 m cell.** For every track the first-passage time of each 100 m chainage
  step is read off its (monotone) progress. A track's pace factor is its time over 2.0-17.5 km
  relative to the geometric mean. Cell time = mean over tracks of (cell time / pace factor), so the
  rests at Sershong, Tarboche, Chuku, Hayagriva station etc. are in, at their average length.
* **East of the data (17.5 km on) and counter-clockwise:** an altitude-aware Tobler-type function
  ``pace = exp(a + k_alt·(z-4700)/1000 + c·(|s+s0|-s0))`` fitted on the per-cell median (moving)
  paces of the west valley, with elevation/slope from ``kora.elevation_at``, times the west valley's
  dwell allowance (mean/moving time). Counter-clockwise cell times are the clockwise ones times the
  function's downhill/uphill ratio.
* **Walker variation.** log(actual/reference time) over a stretch = walker constant (sd_walker)
  + slow drift along the route (Ornstein-Uhlenbeck, sd_drift, drift_length_km) + rest noise whose
  variance accrues with the stretch's time (per-cell rates from 0.5 km blocks). These are fitted on
  the covariance of 0.5 km block paces. P10/P90 are log-normal quantiles.
* **Pace so far.** ``walked_s`` (the walker's seconds from chainage 0 to ``from_km``) gives the log
  ratio over the walked stretch 0.5 km -> ``from_km`` (past the Darchen gate, where town wandering
  ends): ``walked_s`` minus a head allowance (walked_head_s ± walked_head_sd_s) against the
  reference time, clipped to ±walked_log_clip; the estimate ahead is the Gaussian conditional on it.
  Walkers start anywhere in town, at the gate or later, so ``walked_s`` is read loosely: the head
  allowance is tuned to do well whether it counts from chainage 0 or from the first GPS point.
* **Month** effects are shrunk towards 0 (fitted: July ~2 % slower, October ~1 % faster). Time of
  day, start hour, year and weekday moved held-out residuals by 3 % at most, so they are left out.
* **Spread** is scaled once (spread_scale) so that 80 % of in-sample truths fall in P10-P90.
* **Officer** (rescue team: acclimatized, fast, carrying kit): the data's P10 walker (log pace
  offset -1.28·sd) with half the walker spread and half the rest noise, and no overnight stops.
* **Overnight** (pilgrims): see ``overnight.py``; without ``depart`` the walk is taken to start at 08:00.

Data limits (see the data README): May-October 2bulu trekkers, departures 06-14 h, 5-10 h to Drira
Phuk, no stop over 2 h; real pilgrims spread wider than this model says.
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..assets import asset_text
from ..kora import load_kora
from .model import TimeEstimate, WalkingModel

__all__ = ["TimeEstimate", "WalkingModel", "load_walking_model", "walking_model_from_file"]


@lru_cache(maxsize=1)
def load_walking_model() -> WalkingModel:
    """The shipped walking model on the shipped kora (loaded once per process)."""
    return WalkingModel(json.loads(asset_text("travel", "walking_model.json")), load_kora())


def walking_model_from_file(path: str) -> WalkingModel:
    """A walking model from another fitted parameter file (for evaluation)."""
    with open(path, encoding="utf-8") as fh:
        return WalkingModel(json.load(fh), load_kora())
