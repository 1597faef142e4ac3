"""Search plans checked on walking tracks held out by party; run on demand.

    .venv/bin/python bench/bench_search_plan.py [DATA_DIR] [--folds K] [--tuned]

For each fold of the parties the walking model is fitted on the others; each held-out walker is
"last seen" at random points of their track and looked for 15 min to 6 h later, with and without
knowing when they left Darchen, and from two of their sightings. Reported: how often their true
position lies in the sections holding the top 80 % of the plan's probability (the acceptance asks for
at least 0.80; the first line, without the two-sighting plans), how much of the kora those sections
cover, how many real two-sighting walks were refused as contradictory; then the time to make one plan.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "bench"))

import search_plan_check as check  # noqa: E402
from bench_eta import find_shared  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("data_dir", nargs="?", default=str(find_shared() / "data" / "kora" / "timing"))
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--tuned", action="store_true", help="tune each fold's model as the shipped one is (slow)")
    args = p.parse_args()
    summary, tracks = check.cal.read_data(Path(args.data_dir))
    records = []
    for fold in range(args.folds):
        model = check.fold_model(summary, tracks, fold, args.folds, args.tuned)
        records += check.check_fold(model, summary, tracks, fold, args.folds, earlier_sighting=True)
    print(check.summarise(records))
    from rescue_desk.domain.search_plan import Sighting, kora_sections, make_search_plan

    sections = kora_sections(model.kora)
    at = datetime(2025, 7, 1, 10, tzinfo=timezone(timedelta(hours=8)))
    t0 = time.perf_counter()
    for h in range(1, 101):
        make_search_plan(model, sections, [Sighting(5.9, at)], at + timedelta(minutes=6 * h))
    print(f"one search plan ({len(sections)} sections): {(time.perf_counter() - t0) * 10:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
