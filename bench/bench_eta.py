"""ETA accuracy by cross-validation held out by party, against the nearest-pace baseline; and speed.

    .venv/bin/python bench/bench_eta.py [DATA_DIR] [--folds K]

For each of K folds of the walking parties (companions always share a fold) the model is fitted on
the other parties (``tools/calibrate_walking.py --holdout-fold I/K``), ETA queries are written for
the held-out tracks and answered with ``rescue-desk eta --batch --model``; ``walked_s`` counts from
the walker's first recorded point. In the same run the same queries are answered by the baseline:
the median (and P10/P90) of time ahead of the fitted calibration walkers with the nearest time so far
(``--neighbours`` of them). Everything is scored with ``shared/tools/score_eta.py`` over all folds.
Also shown: the curve model alone (without the peer tracks) and the ``ownpace`` reading of
``walked_s``. Then times 1,000 queries in-process and through the CLI (process start included).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "rescue_desk"]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import calibrate_walking as cal  # noqa: E402


def find_shared() -> Path:
    """``shared/`` beside the checkout (CI), or beside the folder of worktrees."""
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "data").is_dir():
            return base / "shared"
    return REPO.parent / "shared"


def sh(args: list[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=REPO).stdout


def nearest_pace_answers(fit_rows, tracks, queries, neighbours: int) -> list[dict]:
    """The baseline: per query, the fitted walkers that passed both points, the ``neighbours`` with
    the nearest time so far (from their first point to ``from_km``), their median time ahead."""
    grid = np.round(np.arange(0, int(round(cal.DATA_END_KM / 0.1)) + 1) * 0.1, 1)
    tau = np.array([cal.passage_times(tracks[r["track_id"]], grid) for r in fit_rows])
    out = []
    for q in queries:
        a = np.array([np.interp(q["from_km"], grid, row) for row in tau])
        b = np.array([np.interp(q["to_km"], grid, row) for row in tau])
        ok = np.isfinite(a) & np.isfinite(b)
        dist = np.abs(np.log(np.maximum(a[ok], 60.0) / max(q["walked_s"], 60.0)))
        ahead = (b - a)[ok][np.argsort(dist)[:neighbours]]
        p10, p50, p90 = np.percentile(ahead, [10, 50, 90])
        out.append({"id": q["id"], "p10_s": float(p10), "p50_s": float(p50), "p90_s": float(p90)})
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def score(shared: Path, truth: Path, answers: Path) -> str:
    out = sh([sys.executable, str(shared / "tools" / "score_eta.py"), str(truth), str(answers)])
    return out.strip().splitlines()[0]


def cross_validate(data_dir: str, shared: Path, folds: int, neighbours: tuple[int, ...], tmp: Path) -> Path:
    summary, tracks = cal.read_data(Path(data_dir))
    pooled: dict[str, list[dict]] = {}
    for fold in range(folds):
        d = tmp / f"fold{fold}"
        model = d / "model.json"
        sh([sys.executable, "tools/calibrate_walking.py", data_dir, "--holdout-fold", f"{fold}/{folds}",
            "--out", str(model), "--eval-dir", str(d)])
        curve = d / "curve.json"
        curve.write_text(json.dumps({k: v for k, v in json.loads(model.read_text()).items()
                                     if k != "track_passages"}))
        pooled.setdefault("truth", []).extend(read_jsonl(d / "truth.jsonl"))
        for name, queries, params in (("model", "queries", model), ("curve model alone", "queries", curve),
                                      ("model, ownpace walked_s", "queries_ownpace", model)):
            ans = d / f"answers_{name.replace(' ', '_').replace(',', '')}.jsonl"
            sh(CLI + ["eta", "--batch", str(d / f"{queries}.jsonl"), "--out", str(ans), "--model", str(params)])
            pooled.setdefault(name, []).extend(read_jsonl(ans))
        fit_rows = [r for r in summary if cal.party_fold(r["group_id"], folds) != fold]
        queries = read_jsonl(d / "queries.jsonl")
        for k in neighbours:
            pooled.setdefault(f"baseline: median of {k} nearest-pace walkers", []).extend(
                nearest_pace_answers(fit_rows, tracks, queries, k))
        print(f"fold {fold + 1}/{folds}: {len(queries)} held-out queries", flush=True)
    truth = tmp / "truth.jsonl"
    write_jsonl(truth, pooled.pop("truth"))
    for name, rows in pooled.items():
        path = tmp / "pooled.jsonl"
        write_jsonl(path, rows)
        print(f"[{name}] {score(shared, truth, path)}")
    return tmp / "fold0" / "model.json"


def timings(model_path: Path, queries_path: Path, tmp: Path) -> None:
    from rescue_desk.domain.travel import walking_model_from_file

    queries = read_jsonl(queries_path)
    batch = [dict(q, id=f"{q['id']}/{i}") for i, q in enumerate((queries * 3)[:1000])]
    write_jsonl(tmp / "bench.jsonl", batch)
    m = walking_model_from_file(str(model_path))
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for q in batch:
            m.time_between(q["from_km"], q["to_km"], walked_s=q["walked_s"], depart=datetime.fromisoformat(q["depart"]))
        best = min(best, time.perf_counter() - t0)
    print(f"time_between in-process: {best:.3f} s per 1000 queries ({best:.2f} ms per query)")
    t0 = time.perf_counter()
    sh(CLI + ["eta", "--batch", str(tmp / "bench.jsonl"), "--out", str(tmp / "bench_out.jsonl"),
              "--model", str(model_path)])
    wall = time.perf_counter() - t0
    write_jsonl(tmp / "one.jsonl", batch[:1])
    t0 = time.perf_counter()
    sh(CLI + ["eta", "--batch", str(tmp / "one.jsonl"), "--out", str(tmp / "one_out.jsonl"), "--model", str(model_path)])
    start = time.perf_counter() - t0
    print(f"eta --batch CLI, 1000 queries: {wall:.2f} s incl. process start; start-up alone {start:.2f} s, "
          f"so {(wall - start):.2f} ms per query after it")
    grid = np.arange(0.0, m.length_km, 0.05)
    t0 = time.perf_counter()
    for h in range(1, 101):
        m.reach_pdf(0.4, h * 360.0, grid)
    print(f"reach_pdf on a 50 m grid ({grid.size} cells): {(time.perf_counter() - t0) * 10:.2f} ms per call")


def main() -> int:
    shared = find_shared()
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("data_dir", nargs="?", default=str(shared / "data" / "kora" / "timing"))
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--neighbours", type=int, nargs="+", default=[10, 20, 40])
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        model = cross_validate(args.data_dir, shared, args.folds, tuple(args.neighbours), tmp)
        timings(model, tmp / "fold0" / "queries.jsonl", tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
