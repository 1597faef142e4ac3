"""Search plan for a missing pilgrim: sections, probabilities, pace, overnight, held-out accuracy."""

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from rescue_desk.domain.search_plan import (SearchPlanError, Sighting, kora_sections, make_search_plan,
                                            section_of)
from rescue_desk.domain.travel import load_walking_model

BJ = timezone(timedelta(hours=8))
AT = datetime(2025, 7, 1, 10, 0, tzinfo=BJ)


@pytest.fixture(scope="module")
def model():
    return load_walking_model()


@pytest.fixture(scope="module")
def sections(model):
    return kora_sections(model.kora)


def test_sections_tile_the_loop_without_gaps(model, sections):
    assert sum(s.length_km for s in sections) == pytest.approx(model.length_km, abs=1e-6)
    assert max(s.length_km for s in sections) <= 2.0 + 1e-9
    for a, b in zip(sections, sections[1:]):
        assert a.to_km == pytest.approx(b.from_km)
    for km in np.linspace(0, model.length_km, 97, endpoint=False):
        assert section_of(sections, km, model.length_km).contains(km, model.length_km)


@pytest.mark.parametrize("direction,km,hours", [("cw", 5.9, 3), ("ccw", 40.0, 3), ("cw", 30.0, 20), ("ccw", 2.0, 1)])
def test_probabilities_sum_to_one_and_rank_down(model, sections, direction, km, hours):
    plan = make_search_plan(model, sections, [Sighting(km, AT)], AT + timedelta(hours=hours), direction=direction)
    probs = [r.probability for r in plan.sections]
    assert sum(probs) == pytest.approx(1.0, abs=1e-9)
    assert probs == sorted(probs, reverse=True)
    assert [r.rank for r in plan.sections] == list(range(1, len(sections) + 1))
    top = plan.top
    assert sum(r.probability for r in top) >= 0.8 - 1e-9
    assert sum(r.probability for r in top[:-1]) < 0.8


def test_walker_moves_ahead_in_their_direction(model, sections):
    cw = make_search_plan(model, sections, [Sighting(5.9, AT)], AT + timedelta(hours=3), direction="cw")
    ccw = make_search_plan(model, sections, [Sighting(40.0, AT)], AT + timedelta(hours=3), direction="ccw")
    assert 8.0 < cw.sections[0].section.from_km < 17.5
    assert 33.0 < ccw.sections[0].section.from_km < 40.0


def test_just_seen_is_where_they_were_seen(model, sections):
    plan = make_search_plan(model, sections, [Sighting(12.0, AT)], AT)
    assert plan.sections[0].probability == 1.0
    assert plan.sections[0].section.contains(12.0, model.length_km)


def test_pilgrim_seen_late_sleeps_at_gangjia(model, sections):
    seen = [Sighting(0.2, AT - timedelta(hours=2)), Sighting(5.6, AT)]
    plan = make_search_plan(model, sections, seen, AT + timedelta(hours=13))
    assert plan.left_at == seen[0].at  # the first sighting just out of Darchen gives their pace
    assert plan.sections[0].probability > 0.9
    assert plan.sections[0].section.contains(model.kora.landmark("Gangjia").chainage_km, model.length_km)


def test_known_slow_pace_keeps_them_further_back(model, sections):
    now = AT + timedelta(hours=2)
    fast = make_search_plan(model, sections, [Sighting(5.9, AT)], now, left_at=AT - timedelta(hours=1, minutes=30))
    slow = make_search_plan(model, sections, [Sighting(5.9, AT)], now, left_at=AT - timedelta(hours=4))

    def mean_km(plan):
        return sum(r.probability * (r.section.from_km + r.section.to_km) / 2 for r in plan.sections)

    assert mean_km(slow) < mean_km(fast) - 0.5


def test_walkers_long_gone_wait_back_in_darchen(model, sections):
    plan = make_search_plan(model, sections, [Sighting(40.0, AT)], AT + timedelta(hours=8))
    assert plan.finished_p > 0.9
    assert plan.sections[0].section.to_km == pytest.approx(model.length_km + sections[0].from_km, abs=1e-6)


@pytest.mark.parametrize("sightings,now,message", [
    ([], AT, "at least one sighting"),
    ([Sighting(3.0, AT)], AT - timedelta(minutes=1), "before the last sighting"),
    ([Sighting(3.0, AT)], AT + timedelta(days=11), "10 days"),
])
def test_unusable_inputs_say_why(model, sections, sightings, now, message):
    with pytest.raises(SearchPlanError, match=message):
        make_search_plan(model, sections, sightings, now)


def test_left_darchen_after_the_sighting_is_refused(model, sections):
    with pytest.raises(SearchPlanError, match="after the last sighting"):
        make_search_plan(model, sections, [Sighting(3.0, AT)], AT + timedelta(hours=1), left_at=AT + timedelta(minutes=5))


def test_held_out_walkers_lie_in_the_top_80_percent_sections_at_least_80_percent_of_the_time():
    from tests.timing_data import ROOT, load_tracks

    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    cal, summary, tracks = load_tracks()
    import search_plan_check as check

    records = []
    for fold in (0, 3):  # two of five folds of parties, each model fitted without them
        model = check.fold_model(summary, tracks, fold, 5, tuned=False)
        records += check.check_fold(model, summary, tracks, fold, 5)
    assert len(records) > 500
    hit = np.mean([r["hit"] for r in records])
    assert hit >= 0.80, check.summarise(records)
    # and the plan is useful: the top sections are a small part of the 46 km loop
    assert np.median([r["top_km"] for r in records]) < 8.0
