"""Demo station benchmark (run on demand, not part of pytest): wall and CPU seconds, each in a fresh
process, median of --runs.

1. ``rescue-desk --db <new file> demo`` — the three-season history written by the command line
2. the desktop app's first start on the demo station (``rescue-desk --demo`` with an empty data
   folder): progress dialog, generation, until the main window's map has painted   (target ≤ 15 s)

    .venv/bin/python bench/bench_demo.py [--runs 3] [--source OTHER_CHECKOUT]

``--source`` runs another checkout's ``rescue_desk`` (e.g. a worktree of an older commit) with this
interpreter, so two versions can be compared in one session on the same machine load.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import PAINT_WATCH

APP_FIRST_START = PAINT_WATCH + r'''
from rescue_desk.__main__ import main
main(["--demo", "--lang", "zh"])
'''
TARGET_S = 15.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict, cwd: str, marker: str | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``argv`` to its end."""
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if proc.returncode != 0 or (marker and marker not in proc.stdout):
        raise RuntimeError(f"{argv[:5]} failed ({proc.returncode}):\n{proc.stdout[-800:]}\n{proc.stderr[-2000:]}")
    return wall, cpu


def measure(name: str, runs: int, one_run) -> float:
    results = [one_run(i) for i in range(runs)]
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    print(f"{name}: wall {wall:.1f} s, CPU {cpu:.1f} s (median of {runs}; walls "
          + ", ".join(f"{r[0]:.1f}" for r in results) + ")", flush=True)
    return wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, help="a checkout whose rescue_desk package is measured instead")
    parser.add_argument("--skip-app", action="store_true", help="only the command line")
    args = parser.parse_args(argv)
    py = sys.executable
    env = {k: v for k, v in os.environ.items() if k not in ("RESCUE_DESK_DB", "RESCUE_DESK_DEMO_YEARS")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if args.source:
        env["PYTHONPATH"] = str(args.source.resolve())
    ok = True
    with tempfile.TemporaryDirectory(prefix="rd-bench-demo-") as tmp:
        probe = subprocess.run([py, "-c", "import rescue_desk; print(rescue_desk.__file__)"], env=env, cwd=tmp,
                               capture_output=True, text=True, check=True)
        print(f"measuring {probe.stdout.strip()}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
              flush=True)

        def command_line(i: int) -> tuple[float, float]:
            db = Path(tmp) / f"cli-{i}.sqlite3"
            return timed([py, "-m", "rescue_desk", "--db", str(db), "demo", "--years", "3"], env, tmp)

        def app(i: int) -> tuple[float, float]:
            run_env = dict(env, RESCUE_DESK_HOME=str(Path(tmp) / f"home-{i}"))
            return timed([py, "-c", APP_FIRST_START], run_env, tmp, marker="PAINTED")

        measure("rescue-desk demo (3 seasons)", args.runs, command_line)
        if not args.skip_app:
            wall = measure("app first start on the demo station, to the first painted map", args.runs, app)
            ok = wall <= TARGET_S
            print(f"target ≤ {TARGET_S:g} s: {'OK' if ok else 'MISSED'}")
    print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
