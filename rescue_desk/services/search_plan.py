"""Search plan for a missing pilgrim: sightings in, ranked sections out, in a form the CLI and the
desk share (plain dicts for JSON, landmark names resolved, errors as one sentence)."""

from __future__ import annotations

import math
from datetime import datetime

from rescue_desk.domain.clock import format_beijing
from rescue_desk.domain.search_plan import (SearchPlan, SearchPlanError, Sighting, check_sightings, kora_sections,
                                            make_search_plan, place_name)
from rescue_desk.domain.travel import load_walking_model

from .errors import ValidationError


def resolve_place(text: str | float) -> float:
    """A chainage in km (wrapped onto the loop) or a landmark name in any of its languages."""
    kora = load_walking_model().kora
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        km = float(text)
    else:
        value = str(text).strip()
        try:
            km = float(value)
        except ValueError:
            lm = kora.landmark(value) if value else None
            if lm is None:
                raise ValidationError(f"unknown place {value[:60]!r}: give a chainage in km or a landmark "
                                      "name such as Tarboche, Chuku or Dolma La") from None
            return lm.chainage_km
    if not math.isfinite(km) or not -kora.length_km <= km <= 2 * kora.length_km:
        raise ValidationError(f"{text!s:.20} is not a chainage on the loop (0 to {kora.length_km:.2f} km)")
    return km % kora.length_km


def plan_search(sightings: list[Sighting], now: datetime, *, direction: str = "cw", walker: str = "pilgrim",
                left_at: datetime | None = None) -> SearchPlan:
    """The ranked plan; ValidationError (one sentence) for inputs it cannot use."""
    model = load_walking_model()
    try:
        return make_search_plan(model, kora_sections(model.kora), sightings, now, direction=direction,
                                walker=walker, left_at=left_at)
    except SearchPlanError as exc:
        raise ValidationError(str(exc), code=exc.code, **exc.params) from None


def check_sightings_walkable(sightings: list[Sighting], direction: str = "cw") -> None:
    """ValidationError (code and parameters) when no walker could have been at these sightings in
    time order (one behind an earlier one, or too far apart for the hours between)."""
    try:
        check_sightings(load_walking_model().kora, sorted(sightings, key=lambda s: s.at), direction)
    except SearchPlanError as exc:
        raise ValidationError(str(exc), code=exc.code, **exc.params) from None


def pace_as_dict(plan: SearchPlan, kora) -> dict | None:
    """Where their pace so far was read from: the given Darchen departure or two sightings."""
    basis = plan.pace
    if basis is None:
        return None
    ends = {}
    for key, s in (("from", basis.since), ("to", basis.until)):
        ends[key] = {"km": round(s.km % kora.length_km, 3), "landmark": place_name(kora, s), "at": format_beijing(s.at)}
    km_h = basis.km_h
    return {"basis": "left_darchen" if basis.from_given_departure else "sightings", **ends,
            "km": round(basis.km, 3), "hours": round(basis.hours, 3),
            "km_h": round(km_h, 2) if km_h is not None else None}


def plan_as_dict(plan: SearchPlan) -> dict:
    """The JSON contract of ``rescue-desk search-plan --json``."""
    kora = load_walking_model().kora
    last = plan.last_seen
    return {
        "last_seen_km": round(last.km, 3),
        "last_seen_landmark": kora.nearest_landmark(last.km).name_en,
        "at": format_beijing(last.at),
        "now": format_beijing(plan.now),
        "elapsed_s": round(plan.elapsed_s, 1),
        "direction": plan.direction,
        "left_darchen_at": format_beijing(plan.left_at) if plan.left_at else None,
        "pace": pace_as_dict(plan, kora),
        "finished_p": round(plan.finished_p, 4),
        "top_share": 0.8,
        "sections": [{"rank": r.rank, "from_km": round(r.section.from_km % kora.length_km, 3),
                      "to_km": round(r.section.to_km % kora.length_km, 3),
                      "length_km": round(r.section.length_km, 3), "name_en": r.section.name_en,
                      "name_zh": r.section.name_zh, "probability": round(r.probability, 6), "top": r.in_top}
                     for r in plan.sections],
    }
