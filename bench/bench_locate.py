"""Placement benchmark for the locator: accuracy on every call set, by kind, and speed.

    .venv/bin/python bench/bench_locate.py [--calls FILE ...] [--n 1000]

1. For every call set (default: ``../shared/data/calls/dev.jsonl`` and ``colloquial.jsonl`` when the
   shared folder is there, and the sets shipped in ``tests/domain/locator/data/``: the held-out
   template calls ``unseen_calls.jsonl`` and the blind colloquial calls ``blind_tune.jsonl`` and
   ``blind_holdout.jsonl``, and the later ``blind3_*.jsonl`` and ``blind4.jsonl``, written by colleagues who had not read the locator), runs
   ``rescue-desk locate --batch`` on it (as the checks do) and scores it with the scorer
   ``../shared/tools/score_calls.py --by-kind`` (skipped, with a note, where the shared folder is absent):
   placed share, median / p90 error along the route, share of truths inside the 90 % intervals,
   mean interval length, unplaceable calls, each by kind.
2. Speed: a batch of ``--n`` descriptions (the sets repeated, each with a fresh id and a clock time
   shifted by a few minutes so nothing is repeated exactly) through the same batch CLI, in-process;
   wall time and this process's CPU time (the CPU time is the fair figure on a shared machine).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESCUE_DESK_SHARED", ROOT.parent / "shared"))  # a worktree elsewhere sets it
DATA = ROOT / "tests" / "domain" / "locator" / "data"
SETS = [SHARED / "data" / "calls" / "dev.jsonl", SHARED / "data" / "calls" / "colloquial.jsonl",
        DATA / "unseen_calls.jsonl", DATA / "blind_tune.jsonl", DATA / "blind_holdout.jsonl",
        DATA / "blind3_tune.jsonl", DATA / "blind3_holdout.jsonl", DATA / "blind4.jsonl"]


def _batch_lines(calls: list[dict], n: int) -> list[str]:
    out = []
    for i in range(n):
        c = dict(calls[i % len(calls)])
        c.pop("truth", None)
        c["id"] = f"s{i:05d}"
        if c.get("time"):
            t = datetime.fromisoformat(c["time"]) + timedelta(minutes=(i // len(calls)) % 7)
            c["time"] = t.isoformat()
        out.append(json.dumps(c, ensure_ascii=False))
    return out


SCORER = SHARED / "tools" / "score_calls.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", nargs="*", default=None, help="call sets (default: every set that exists)")
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    paths = [Path(p) for p in args.calls] if args.calls else [p for p in SETS if p.exists()]
    calls: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            answers = Path(tmp) / f"answers_{path.stem}.jsonl"
            rows = [json.loads(x) for x in open(path, encoding="utf-8") if x.strip()]
            calls += rows
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "rescue_desk", "locate", "--batch", str(path), "--out", str(answers)],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
            print(f"\n== {path.name} ({len(rows)} calls; CLI wall time {wall:.2f} s incl. start-up), by kind:")
            if not SCORER.exists():
                print(f"scorer {SCORER} not found: accuracy not scored")
                continue
            subprocess.run([sys.executable, str(SCORER), str(path), str(answers), "--by-kind"], check=True,
                           cwd=SCORER.parent)

        src = Path(tmp) / "speed.jsonl"
        src.write_text("\n".join(_batch_lines(calls, args.n)) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        from rescue_desk.cli import run
        from rescue_desk.domain.kora import load_kora
        from rescue_desk.domain.locator import locate
        locate("warm-up at Sershong")  # loads kora, grids, scanner and walking model once
        load_kora()
        startup = time.perf_counter() - t0
        out = Path(tmp) / "speed_out.jsonl"
        t0, c0 = time.perf_counter(), time.process_time()
        with redirect_stdout(io.StringIO()):
            run(["locate", "--batch", str(src), "--out", str(out)])
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        statuses = [json.loads(x)["status"] for x in out.read_text(encoding="utf-8").splitlines()]
        print(f"\nspeed: {args.n} descriptions in {dt:.2f} s wall = {1000 * dt / args.n:.2f} ms per description, "
              f"CPU {1000 * cpu / args.n:.2f} ms per description (target <= 5 ms); one-off loading {startup:.2f} s; "
              f"{statuses.count('placed')} placed, {statuses.count('unplaceable')} unplaceable, "
              f"{statuses.count('error')} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
