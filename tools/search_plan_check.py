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
from rescue_desk.domain.search_plan import (SearchPlanError, Sighting, kora_sections, make_search_plan,  # noqa: E402
                                            section_of)
from rescue_desk.domain.travel.model import WalkingModel  # noqa: E402


def fold_model(summary, tracks, fold: int, folds: int, tuned: bool) -> WalkingModel:
    rows = [r for r in summary if cal.party_fold(r["group_id"], folds) != fold]
    params = cal.fit(rows, tracks)
    if tuned:
        params = cal.tune(params, rows, tracks)
    return WalkingModel(params, load_kora())


def check_fold(model: WalkingModel, summary, tracks, fold: int, folds: int, per_track: int = 3,
               seed: int = 5, earlier_sighting: bool = False) -> list[dict]:
    """One record per (held-out track, sighting, time now): hit or not, and the plan's top size.

    With ``earlier_sighting``, also a plan from two sightings of the walk (the earlier one 30 min to 4 h
    before), the pace between them unknown to it otherwise; a refusal of a real walk is recorded."""
    rng = np.random.default_rng(seed + fold)
    rng_earlier = np.random.default_rng(seed + 100 + fold)   # the draws above stay those of the plain check
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
            if earlier_sighting:
                out.append(_from_two_sightings(model, sections, rng_earlier, t, c, i, start, later, true_km))
    return out


def _from_two_sightings(model, sections, rng, t, c, i, start, later, true_km) -> dict:
    before = np.flatnonzero((c >= 0) & (t <= t[i] - 1800) & (t >= t[i] - 4 * 3600))
    if not len(before):
        return {"basis": "sightings", "skipped": True}
    j = int(rng.choice(before))
    seen = [Sighting(float(c[j]), start + timedelta(seconds=float(t[j]))),
            Sighting(float(c[i]), start + timedelta(seconds=float(t[i])))]
    try:
        plan = make_search_plan(model, sections, seen, seen[1].at + timedelta(seconds=later))
    except SearchPlanError as exc:
        return {"basis": "sightings", "refused": str(exc)}
    top = {x.section.index for x in plan.top}
    return {"basis": "sightings", "hit": section_of(sections, true_km, model.length_km).index in top,
            "pace_known": "sightings", "top_sections": len(top),
            "top_km": sum(x.section.length_km for x in plan.top), "hours": later / 3600}


def summarise(records: list[dict]) -> str:
    lines = []
    two = [x for x in records if x.get("basis") == "sightings"]
    records = [x for x in records if x.get("basis") != "sightings"]
    groups = [("all", records), ("pace unknown", [x for x in records if not x["pace_known"]]),
              ("left Darchen known", [x for x in records if x["pace_known"]])]
    planned = [x for x in two if "hit" in x]
    if planned:
        groups.append(("pace from two sightings", planned))
    for label, sel in groups:
        hit = np.mean([x["hit"] for x in sel])
        lines.append(f"{label}: truth in the top-80 % sections {hit:.3f} (n={len(sel)}), median top "
                     f"{np.median([x['top_sections'] for x in sel]):.0f} sections / "
                     f"{np.median([x['top_km'] for x in sel]):.1f} km")
    refused = [x for x in two if "refused" in x]
    if two:
        lines.append(f"two sightings of real walks refused as contradictory: {len(refused)} of "
                     f"{len(planned) + len(refused)}" + (f" (first: {refused[0]['refused']})" if refused else ""))
    return "\n".join(lines)
