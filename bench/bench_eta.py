"""ETA accuracy on held-back calibration tracks (split by party) and speed; run on demand.

    .venv/bin/python bench/bench_eta.py [DATA_DIR]

Fits the model on ~70 % of the track groups (tools/calibrate_walking.py --split train), writes ETA
queries for the other groups, answers them with ``rescue-desk eta --batch`` and scores them with
``../shared/tools/score_eta.py`` under each reading of ``walked_s``. Then times 1,000 queries
in-process and through the CLI (process start included). ``queries`` reads ``walked_s`` as time on
the route plus the missing start at the track's own speed; ``refhead`` adds the reference walker's
time instead; ``firstpoint`` is the bare time since the first GPS point; ``no_walked`` drops it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
CLI = [sys.executable, "-m", "rescue_desk"]


def sh(args: list[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=REPO).stdout


def main() -> int:
    data_dir = sys.argv[1] if len(sys.argv) > 1 else str(SHARED / "data" / "kora" / "timing")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        model = tmp / "model.json"
        print(sh([sys.executable, "tools/calibrate_walking.py", data_dir, "--split", "train",
                  "--out", str(model), "--eval-dir", str(tmp)]).strip().splitlines()[-1])
        plain = [{k: v for k, v in json.loads(x).items() if k != "walked_s"}
                 for x in (tmp / "queries.jsonl").read_text().splitlines()]
        (tmp / "queries_no_walked.jsonl").write_text("".join(json.dumps(q) + "\n" for q in plain))
        for name in ("queries", "queries_refhead", "queries_firstpoint", "queries_no_walked"):
            answers = tmp / f"answers_{name}.jsonl"
            sh(CLI + ["eta", "--batch", str(tmp / f"{name}.jsonl"), "--out", str(answers), "--model", str(model)])
            score = sh([sys.executable, str(SHARED / "tools" / "score_eta.py"), str(tmp / "truth.jsonl"), str(answers)])
            print(f"[{name}] " + score.strip().splitlines()[0])
        queries = [json.loads(x) for x in (tmp / "queries.jsonl").read_text().splitlines()]
        batch = [dict(q, id=f"{q['id']}/{i}") for i, q in enumerate((queries * 2)[:1000])]
        (tmp / "bench.jsonl").write_text("".join(json.dumps(q) + "\n" for q in batch))

        sys.path.insert(0, str(REPO))
        from rescue_desk.domain.travel import walking_model_from_file

        m = walking_model_from_file(str(model))
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for q in batch:
                m.time_between(q["from_km"], q["to_km"], walked_s=q["walked_s"] or None,
                               depart=datetime.fromisoformat(q["depart"]))
            best = min(best, time.perf_counter() - t0)
        print(f"time_between in-process: {best:.3f} s per 1000 queries ({best:.2f} ms per query)")
        t0 = time.perf_counter()
        sh(CLI + ["eta", "--batch", str(tmp / "bench.jsonl"), "--out", str(tmp / "bench_out.jsonl"),
                  "--model", str(model)])
        wall = time.perf_counter() - t0
        (tmp / "one.jsonl").write_text(json.dumps(batch[0]) + "\n")
        t0 = time.perf_counter()
        sh(CLI + ["eta", "--batch", str(tmp / "one.jsonl"), "--out", str(tmp / "one_out.jsonl"), "--model", str(model)])
        start = time.perf_counter() - t0
        print(f"eta --batch CLI, 1000 queries: {wall:.2f} s incl. process start ({wall:.2f} ms per query); "
              f"start-up alone {start:.2f} s, so {(wall - start):.2f} ms per query after it")
        import numpy as np

        grid = np.arange(0.0, m.length_km, 0.05)
        t0 = time.perf_counter()
        for h in range(1, 101):
            m.reach_pdf(0.4, h * 360.0, grid)
        print(f"reach_pdf on a 50 m grid ({grid.size} cells): {(time.perf_counter() - t0) * 10:.2f} ms per call")
    return 0


if __name__ == "__main__":
    sys.exit(main())
