"""Fit the walking-time model on the timed west-valley tracks and write assets/travel/walking_model.json.

Usage:
    python tools/calibrate_walking.py [DATA_DIR] [--out PATH] [--split all|train]
                                      [--eval-dir DIR] [--seed N]

DATA_DIR defaults to ``../shared/data/kora/timing`` relative to the repository. ``--split train`` fits on
~70 % of the track groups (hash of ``group_id``), ``--holdout-fold I/K`` on all parties outside fold I of K;
with ``--eval-dir`` it writes ETA queries and truth for the held-out groups (``truth.jsonl``;
``queries.jsonl`` with ``walked_s`` counted from the walker's first recorded point, as ``eta --batch``
reads it, and two other readings, ``queries_ownpace.jsonl`` and ``queries_refhead.jsonl``, see
``make_queries``). The shipped model
uses ``--split all`` (all 300 calibration tracks).
What is fitted, and why, is described in ``rescue_desk/domain/travel/__init__.py``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from datetime import date, datetime
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rescue_desk.domain.kora import load_kora  # noqa: E402
from rescue_desk.domain.travel.hiking import CELL_KM, HikingFunction, cell_edges, cell_terrain  # noqa: E402
from rescue_desk.domain.travel.peers import PeerTracks  # noqa: E402

DATA_END_KM = 17.5
PACE_FROM_KM = 2.0          # every track covers 2.0-17.5 km: the pace factor is measured there
BLOCK_KM = 0.5
SPLIT_SALT = "rescue-desk-eta-split:"
CREDIT = ("Fitted on the 300 calibration tracks of ../shared/data/kora/timing (2bulu.com uploads as "
          "published in the GitHub repository Breez4e1/Karo, cleaned and chainaged for this project).")


# --- reading -------------------------------------------------------------------------------
def read_data(data_dir: Path) -> tuple[list[dict], dict[str, np.ndarray]]:
    """(summary rows, track id -> array of (t_s, chainage_km)) from the timing folder."""
    with open(data_dir / "summary.csv", newline="") as fh:
        summary = list(csv.DictReader(fh))
    rows: dict[str, list[tuple[float, float]]] = {}
    with gzip.open(data_dir / "calibration.csv.gz", "rt", newline="") as fh:
        for r in csv.DictReader(fh):
            rows.setdefault(r["track_id"], []).append((float(r["t_s"]), float(r["chainage_km"])))
    return summary, {k: np.array(v) for k, v in rows.items()}


def in_train(group_id: str, share: float = 0.7) -> bool:
    """Stable ~70/30 split by party, so companions never straddle it."""
    h = int(hashlib.sha256((SPLIT_SALT + group_id).encode()).hexdigest(), 16)
    return h % 1000 < share * 1000


def party_fold(group_id: str, folds: int) -> int:
    """Stable fold of a party for cross-validation (companions always share a fold)."""
    return int(hashlib.sha256((SPLIT_SALT + "fold:" + group_id).encode()).hexdigest(), 16) % folds


def parse_fold(text: str) -> tuple[int, int]:
    """``I/K`` -> (I, K) with 0 <= I < K."""
    try:
        i, k = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError("--holdout-fold takes I/K, e.g. 0/5") from None
    if not 0 <= i < k:
        raise argparse.ArgumentTypeError("--holdout-fold I/K needs 0 <= I < K")
    return i, k


def passage_times(track: np.ndarray, km: np.ndarray) -> np.ndarray:
    """Seconds from the track's first point until it first reaches each chainage (NaN if never/before)."""
    t, c = track[:, 0], track[:, 1]
    reach = np.maximum.accumulate(c)
    keep = np.r_[True, np.diff(reach) > 0]
    out = np.interp(km, reach[keep], t[keep])
    out[(km < c[0]) | (km > reach[-1])] = np.nan
    return out


# --- fitting -------------------------------------------------------------------------------
def fit_base(tau: np.ndarray, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean reference cell times, median reference cell times, log pace factor per track)."""
    cell = np.diff(tau, axis=1)
    i0 = int(round(PACE_FROM_KM / CELL_KM))
    span = tau[:, -1] - tau[:, i0]
    log_f = np.log(span) - np.mean(np.log(span))
    scaled = cell / np.exp(log_f)[:, None]
    return np.nanmean(scaled, axis=0), np.nanmedian(scaled, axis=0), log_f


def fit_covariance(tau: np.ndarray, base: np.ndarray) -> dict:
    """Walker log-pace = constant + OU drift (sd, length) + block noise; fitted on 0.5 km blocks."""
    per = int(round(BLOCK_KM / CELL_KM))
    nb = len(base) // per
    ref = base[: nb * per].reshape(nb, per).sum(axis=1)
    btime = tau[:, per::per][:, :nb] - tau[:, : nb * per : per]
    x = np.log(btime / ref)
    cov = np.full((nb, nb), np.nan)
    for i in range(nb):
        for j in range(nb):
            ok = ~np.isnan(x[:, i]) & ~np.isnan(x[:, j])
            if ok.sum() > 20:
                cov[i, j] = np.cov(x[ok, i], x[ok, j])[0, 1]
    lags, covs = [], []
    for i in range(nb):
        for j in range(i + 1, nb):
            if not np.isnan(cov[i, j]):
                lags.append((j - i) * BLOCK_KM)
                covs.append(cov[i, j])
    lags, covs = np.array(lags), np.array(covs)
    best = None
    for length in (1, 2, 3, 5, 8, 12, 20, 30, 50):
        a = np.column_stack([np.ones_like(lags), np.exp(-lags / length)])
        coef, *_ = np.linalg.lstsq(a, covs, rcond=None)
        coef = np.clip(coef, 1e-4, None)
        err = np.sum((a @ coef - covs) ** 2)
        if best is None or err < best[0]:
            best = (err, coef, length)
    _, (var_u, var_v), length = best
    noise_var = np.clip(np.diag(cov) - var_u - var_v, 0.005, None)
    noise_rate = ref * noise_var                         # s: time-variance per second of walking
    cell_noise = np.repeat(noise_rate, per) * base[: nb * per]
    cell_noise = np.r_[cell_noise, np.full(len(base) - len(cell_noise), np.median(noise_rate))
                       * base[nb * per:]]
    return {"sd_walker": float(np.sqrt(var_u)), "sd_drift": float(np.sqrt(var_v)),
            "drift_length_km": float(length), "noise_rate_east_s": float(np.median(noise_rate)),
            "cell_noise_s2": cell_noise}


def fit_hiking(median_cells: np.ndarray, mean_cells: np.ndarray, z: np.ndarray,
               slope: np.ndarray) -> tuple[HikingFunction, float]:
    """Least squares on log moving pace (per-cell medians, town excluded); also the dwell allowance."""
    lo = int(round(0.5 / CELL_KM))
    pace = np.log(median_cells[lo:] / CELL_KM)
    best = None
    for s0 in (0.0, 0.025, 0.05, 0.075):
        a = np.column_stack([np.ones_like(pace), (z[lo:] - 4700) / 1000, np.abs(slope[lo:] + s0) - s0])
        coef, *_ = np.linalg.lstsq(a, pace, rcond=None)
        err = np.sum((a @ coef - pace) ** 2)
        if best is None or err < best[0]:
            best = (err, coef, s0)
    _, coef, s0 = best
    hike = HikingFunction(a=float(coef[0]), k_alt=float(coef[1]), c=float(max(coef[2], 1.0)), s0=s0)
    moving = hike.pace_s_per_km(z[lo:], slope[lo:]) * CELL_KM
    return hike, float(mean_cells[lo:].sum() / moving.sum())


def fit_months(summary: list[dict], log_f: np.ndarray) -> dict[str, float]:
    """Month effect on log pace, shrunk towards 0 by its own between-month variance."""
    months = np.array([int(r["start_month"]) for r in summary])
    total_var = np.var(log_f)
    means, ns = {}, {}
    for m in sorted(set(months)):
        sel = months == m
        means[m], ns[m] = float(np.mean(log_f[sel])), int(sel.sum())
    spread = np.var(list(means.values())) - np.mean([total_var / n for n in ns.values()])
    tau2 = max(spread, 0.0)
    return {str(m): round(means[m] * tau2 / (tau2 + total_var / ns[m]), 4) for m in means}


def fit(summary: list[dict], tracks: dict[str, np.ndarray]) -> dict:
    kora = load_kora()
    edges = cell_edges(kora.length_km)
    data_edges = edges[: int(round(DATA_END_KM / CELL_KM)) + 1]
    tau = np.array([passage_times(tracks[r["track_id"]], data_edges) for r in summary])
    mean_cells, median_cells, log_f = fit_base(tau, data_edges)
    z, slope = cell_terrain(kora, edges)
    nd = len(mean_cells)
    hike, dwell = fit_hiking(median_cells, mean_cells, z[:nd], slope[:nd])
    cov = fit_covariance(tau, mean_cells)
    return {
        "format": "rescue-desk walking model 1",
        "fitted_on": f"{len(summary)} tracks, {date.today().isoformat()}",
        "credit": CREDIT,
        "note": ("data_cells_s: reference-walker seconds per 100 m of clockwise chainage from 0 km, rests "
                 "included (0-17.5 km); beyond, pace s/km = exp(a + k_alt*(z-4700)/1000 + c*(|s+s0|-s0)) "
                 "* dwell_factor. pace: log-pace variance parts and the walked_s conditioning "
                 "(see rescue_desk/domain/travel/__init__.py)."),
        "cell_km": CELL_KM,
        "data_cells_s": [round(float(v), 2) for v in mean_cells],
        "data_cells_noise_s2": [round(float(v), 2) for v in cov["cell_noise_s2"]],
        "hiking": {"a": hike.a, "k_alt": hike.k_alt, "c": hike.c, "s0": hike.s0, "dwell_factor": dwell},
        "pace": {"sd_walker": cov["sd_walker"], "sd_drift": cov["sd_drift"],
                 "drift_length_km": cov["drift_length_km"], "noise_rate_east_s": cov["noise_rate_east_s"],
                 "sd_log_pace_tracks": float(np.std(log_f)), "walked_head_s": 900.0, "walked_head_sd_s": 600.0, "walked_log_clip": 0.35,
                 "spread_scale": 1.0},
        "month_log_pace": fit_months(summary, log_f),
        "track_passages": PeerTracks.table_from(tau, start_clock_hours(summary), CELL_KM),
    }


def start_clock_hours(summary: list[dict]) -> np.ndarray:
    """Local clock hour of each track's first point."""
    starts = [datetime.fromisoformat(r["start_time_local"]) for r in summary]
    return np.array([d.hour + d.minute / 60.0 + d.second / 3600.0 for d in starts])


# --- evaluation queries --------------------------------------------------------------------
WALKED_READINGS = ("ownpace", "refhead", "firstpoint")


def make_queries(summary: list[dict], tracks: dict[str, np.ndarray], ref_cum, seed: int = 7,
                 per_track: int = 8) -> tuple[dict[str, list[dict]], list[dict]]:
    """ETA queries from points on each track to a chainage 1..17.5 km ahead, with the track's truth.

    Truth = seconds from the query row to the track's first passage of ``to_km``. ``walked_s`` is
    given in three readings (a track may start in town, at the gate at 0.39 km, or up to 1.8 km on):
    ``firstpoint`` (how ``eta --batch`` reads ``walked_s``) = simply the time since the
    track's first point; ``ownpace`` = time since the track was first on the route (chainage >= 0) plus that
    first point's chainage at the track's own average speed; ``refhead`` = the same plus the reference
    walker's time instead."""
    rng = np.random.default_rng(seed)
    readings: dict[str, list[dict]] = {k: [] for k in WALKED_READINGS}
    truth = []
    for r in summary:
        tr = tracks[r["track_id"]]
        t, c = tr[:, 0], tr[:, 1]
        on = np.flatnonzero(c >= 0)[0]
        speed = (float(r["end_chainage_km"]) - float(r["start_chainage_km"])) / float(r["total_time_h"])
        heads = {"ownpace": max(c[on], 0.0) / speed * 3600.0,
                 "refhead": float(np.interp(max(c[on], 0.0), ref_cum[0], ref_cum[1]))}
        cand = np.flatnonzero((c >= 0) & (c <= DATA_END_KM - 1.0))
        for n, i in enumerate(rng.choice(cand, size=min(per_track, len(cand)), replace=False)):
            to_km = float(rng.uniform(c[i] + 1.0, DATA_END_KM))
            arrive = passage_times(tr, np.array([to_km]))[0]
            if not np.isfinite(arrive) or arrive - t[i] <= 0:
                continue
            qid = f"{r['track_id']}-{n}"
            base = {"id": qid, "from_km": round(float(c[i]), 3), "to_km": round(to_km, 3),
                    "depart": r["start_time_local"]}
            for k, head in heads.items():
                readings[k].append(base | {"walked_s": round(float(t[i] - t[on] + head), 1)})
            readings["firstpoint"].append(base | {"walked_s": round(float(t[i]), 1)})
            truth.append({"id": qid, "seconds": round(float(arrive - t[i]), 1), "track_speed_kmh": round(speed, 3)})
    return readings, truth


def tune(params: dict, summary: list[dict], tracks: dict[str, np.ndarray], seed: int = 11) -> dict:
    """Pick the walked_s head allowance and the spread scale on queries from the fitting tracks.

    ``walked_s`` may be counted from the route start or from a track's first point (in town, at the
    Darchen gate at 0.39 km, or up to 1.8 km on): the head allowance and its sd are chosen for the
    best mean MAE under the ``ownpace`` and ``firstpoint`` readings, then the spread is scaled so
    that 80 % of truths fall in P10-P90."""
    from rescue_desk.domain.travel.model import WalkingModel

    kora = load_kora()
    cells = np.array(params["data_cells_s"])
    ref_cum = (np.arange(len(cells) + 1) * CELL_KM, np.r_[0.0, np.cumsum(cells)])
    readings, truth_rows = make_queries(summary, tracks, ref_cum, seed=seed)
    sets = [readings["ownpace"], readings["firstpoint"]]
    truth = np.array([t["seconds"] for t in truth_rows])

    def run(p: dict, queries: list[dict]) -> tuple[np.ndarray, np.ndarray]:
        # the curve model alone: it answers wherever the peer tracks do not reach
        m = WalkingModel({k: v for k, v in p.items() if k != "track_passages"}, kora)
        est = [m.time_between(q["from_km"], q["to_km"], walked_s=q["walked_s"] or None,
                              depart=datetime.fromisoformat(q["depart"])) for q in queries]
        return np.array([e.p50_s for e in est]), np.array([(e.p10_s, e.p90_s) for e in est])

    best = None
    for head in (300.0, 450.0, 600.0, 750.0, 900.0, 1200.0):
        for head_sd in (300.0, 600.0, 900.0):
            p = json.loads(json.dumps(params))
            p["pace"].update(walked_head_s=head, walked_head_sd_s=head_sd)
            mae = np.mean([np.mean(np.abs(run(p, q)[0] - truth)) for q in sets])
            if best is None or mae < best[0]:
                best = (mae, p)
    params = best[1]
    lo, hi = 0.5, 2.0
    for _ in range(12):
        params["pace"]["spread_scale"] = mid = 0.5 * (lo + hi)
        cover = np.mean([np.mean((b[:, 0] <= truth) & (truth <= b[:, 1])) for b in (run(params, q)[1] for q in sets)])
        lo, hi = (mid, hi) if cover < 0.80 else (lo, mid)
    params["pace"]["spread_scale"] = round(0.5 * (lo + hi), 3)
    params["tuned_on"] = f"{len(truth)} queries x {len(sets)} walked_s readings, in-sample MAE {best[0]:.0f} s"
    return params


def dump_params(params: dict) -> str:
    """JSON with one top-level key per line (diff-friendly, small)."""
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_jsonl(path: Path, items: list[dict]) -> None:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("data_dir", nargs="?", default=str(REPO / ".." / "shared" / "data" / "kora" / "timing"))
    p.add_argument("--out", default=str(REPO / "assets" / "travel" / "walking_model.json"))
    p.add_argument("--split", choices=["all", "train"], default="all")
    p.add_argument("--holdout-fold", type=parse_fold, metavar="I/K",
                   help="fit on every party outside fold I of K (cross-validation); overrides --split")
    p.add_argument("--eval-dir", help="write held-out ETA queries and truth here (with --split train)")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    try:
        summary, tracks = read_data(Path(args.data_dir))
    except OSError as exc:
        print(f"calibrate_walking: cannot read the timing data in {args.data_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.holdout_fold:
        fold, folds = args.holdout_fold
        fit_rows = [r for r in summary if party_fold(r["group_id"], folds) != fold]
    else:
        fit_rows = [r for r in summary if args.split == "all" or in_train(r["group_id"])]
    held = [r for r in summary if r not in fit_rows]
    params = tune(fit(fit_rows, tracks), fit_rows, tracks)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(dump_params(params), encoding="utf-8")
    print(f"fitted on {len(fit_rows)} tracks -> {args.out}; hiking {params['hiking']}; pace {params['pace']}")
    if args.eval_dir and held:
        cells = np.array(params["data_cells_s"])
        ref_cum = (np.arange(len(cells) + 1) * CELL_KM, np.r_[0.0, np.cumsum(cells)])
        readings, truth = make_queries(held, tracks, ref_cum, seed=args.seed)
        out = Path(args.eval_dir)
        out.mkdir(parents=True, exist_ok=True)
        write_jsonl(out / "queries.jsonl", readings["firstpoint"])
        for name in WALKED_READINGS[:2]:
            write_jsonl(out / f"queries_{name}.jsonl", readings[name])
        write_jsonl(out / "truth.jsonl", truth)
        print(f"{len(held)} held-out tracks, {len(truth)} queries -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
