"""Placement benchmark for the locator (issue 3): accuracy on the sample calls and speed.

    .venv/bin/python bench/bench_locate.py [--calls ../shared/data/calls/dev.jsonl] [--unseen FILE] [--n 1000]

1. Runs ``rescue-desk locate --batch`` on the call set (as the checks do) and scores it with
   ``../shared/tools/score_calls.py --by-kind``: placed share, median / p90 error along the route,
   share of truths inside the intervals, mean interval length, unplaceable calls.
   Then the same on the held-out set ``tests/domain/locator/data/unseen_calls.jsonl`` (phrasings,
   typos, formats and tracks written apart from the dev set; rebuilt by ``make_unseen_calls.py`` there).
2. Speed: a batch of ``--n`` descriptions (the call set repeated, each with a fresh id and a
   clock time shifted by a few minutes so nothing is repeated exactly) through the same batch CLI,
   in-process (process start-up and data loading are measured separately).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
UNSEEN = ROOT / "tests" / "domain" / "locator" / "data" / "unseen_calls.jsonl"


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", default=str(SHARED / "data" / "calls" / "dev.jsonl"))
    ap.add_argument("--unseen", default=str(UNSEEN), help="held-out call set ('' to skip)")
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    calls = [json.loads(x) for x in open(args.calls, encoding="utf-8") if x.strip()]

    with tempfile.TemporaryDirectory() as tmp:
        for name, path in (("sample", args.calls), ("held-out", args.unseen)):
            if not path:
                continue
            answers = Path(tmp) / f"answers_{name}.jsonl"
            n_calls = sum(1 for x in open(path, encoding="utf-8") if x.strip())
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "rescue_desk", "locate", "--batch", path, "--out", str(answers)],
                           check=True, cwd=ROOT)
            wall = time.perf_counter() - t0
            print(f"accuracy on the {name} set {path} ({n_calls} calls; CLI wall time {wall:.2f} s incl. start-up):")
            subprocess.run([sys.executable, str(SHARED / "tools" / "score_calls.py"), path, str(answers),
                            "--by-kind"], check=True)
        if args.unseen:
            calls += [json.loads(x) for x in open(args.unseen, encoding="utf-8") if x.strip()]

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
        t0 = time.perf_counter()
        with redirect_stdout(io.StringIO()):
            run(["locate", "--batch", str(src), "--out", str(out)])
        dt = time.perf_counter() - t0
        statuses = [json.loads(x)["status"] for x in out.read_text(encoding="utf-8").splitlines()]
        print(f"speed: {args.n} descriptions in {dt:.2f} s = {1000 * dt / args.n:.2f} ms per description "
              f"(target <= 5 ms); one-off loading {startup:.2f} s; "
              f"{statuses.count('placed')} placed, {statuses.count('unplaceable')} unplaceable, "
              f"{statuses.count('error')} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
