"""Check search plans against walking tracks held out by party (used by a test and a benchmark).

A walker of a held-out track is "last seen" at a random point of their track and looked for some
hours later; the plan is made with a model fitted on the other parties. A hit is the walker's true
position at that time lying in the sections that hold the top 80 % of the plan's probability.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import calibrate_walking as cal  # noqa: E402
from rescue_desk.domain.kora import load_kora  # noqa: E402
from rescue_desk.domain.search_plan import Sighting, kora_sections, make_search_plan, section_of  # noqa: E402
from rescue_desk.domain.travel.model import WalkingModel  # noqa: E402


def fold_model(summary, tracks, fold: int, folds: int, tuned: bool) -> WalkingModel:
    rows = [r for r in summary if cal.party_fold(r["group_id"], folds) != fold]
    params = cal.fit(rows, tracks)
    if tuned:
        params = cal.tune(params, rows, tracks)
    return WalkingModel(params, load_kora())


def check_fold(model: WalkingModel, summary, tracks, fold: int, folds: int, per_track: int = 3,
               seed: int = 5) -> list[dict]:
    """One record per (held-out track, sighting, time now): hit or not, and the plan's top size."""
    rng = np.random.default_rng(seed + fold)
    sections = kora_sections(model.kora)
    out = []
    for r in summary:
        if cal.party_fold(r["group_id"], folds) != fold:
            continue
        tr = tracks[r["track_id"]]
        t, c = tr[:, 0], tr[:, 1]
        start = datetime.fromisoformat(r["start_time_local"])
        rows = np.flatnonzero((c >= 0) & (t < t[-1] - 900))
        for _ in range(per_track):
            i = int(rng.choice(rows))
            later = float(rng.uniform(900.0, min(6 * 3600.0, t[-1] - t[i])))
            true_km = float(np.interp(t[i] + later, t, c))
            if true_km < 0:
                continue
            seen = [Sighting(float(c[i]), start + timedelta(seconds=float(t[i])))]
            for pace_known in (False, True):
                plan = make_search_plan(model, sections, seen, seen[0].at + timedelta(seconds=later),
                                        left_at=start if pace_known else None)
                truth = section_of(sections, true_km, model.length_km).index
                top = {x.section.index for x in plan.top}
                out.append({"hit": truth in top, "pace_known": pace_known, "top_sections": len(top),
                            "top_km": sum(x.section.length_km for x in plan.top), "hours": later / 3600})
    return out


def summarise(records: list[dict]) -> str:
    lines = []
    for label, sel in (("all", records), ("pace unknown", [x for x in records if not x["pace_known"]]),
                       ("left Darchen known", [x for x in records if x["pace_known"]])):
        hit = np.mean([x["hit"] for x in sel])
        lines.append(f"{label}: truth in the top-80 % sections {hit:.3f} (n={len(sel)}), median top "
                     f"{np.median([x['top_sections'] for x in sel]):.0f} sections / "
                     f"{np.median([x['top_km'] for x in sel]):.1f} km")
    return "\n".join(lines)
