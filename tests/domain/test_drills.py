"""Drill scoring: distance along the trail, truth inside the chosen stretch, approach ETA error."""

import pytest
from hypothesis import given, strategies as st

from rescue_desk.domain.drills import (FULL_MISS_KM, area_around, in_intervals, intervals_width_km,
                                       score_attempt)
from rescue_desk.domain.kora import load_kora

KORA = load_kora()
ETAS = {"a:cw": 100.0, "b:ccw": 130.0, "c:cw": 200.0}


def _score(pin_km, truth_km=24.0, area=((23.0, 25.0),), approach="a:cw"):
    return score_attempt(KORA, truth_lonlat=KORA.point_at(truth_km), pin_lonlat=KORA.point_at(pin_km),
                         area_km=area, chosen_approach=approach, eta_min_by_approach=ETAS)


def test_perfect_attempt_scores_100():
    s = _score(24.0)
    assert s.distance_error_km == pytest.approx(0.0, abs=1e-6)
    assert s.truth_inside_area and s.eta_error_min == 0 and s.best_approach_id == "a:cw"
    assert s.score == 100.0


def test_errors_cost_points():
    s = _score(25.5, approach="b:ccw")
    assert s.distance_error_km == pytest.approx(1.5, abs=1e-6)
    assert s.eta_error_min == pytest.approx(30.0)
    assert s.score == pytest.approx(50 * (1 - 1.5 / FULL_MISS_KM) + 20 + 30 * 0.5, abs=0.1)
    outside = _score(24.0, area=((30.0, 31.0),))
    assert not outside.truth_inside_area and outside.score == pytest.approx(80.0)


def test_wide_area_earns_less_and_whole_kora_is_refused():
    assert _score(24.0, area=((16.0, 32.0),)).score == pytest.approx(50 + 20 * 4 / 16 + 30, abs=0.1)
    with pytest.raises(ValueError, match="whole kora"):
        _score(24.0, area=((0.1, 0.0),))
    with pytest.raises(ValueError, match="stretch"):
        _score(24.0, area=())
    with pytest.raises(ValueError, match="Unknown approach"):
        _score(24.0, approach="nowhere:cw")


def test_distance_is_along_the_loop_through_the_start():
    assert _score(45.9, truth_km=0.3, area=((45.0, 1.0),)).distance_error_km == pytest.approx(
        KORA.length_km - 45.9 + 0.3, abs=1e-6)


def test_wrapping_interval():
    assert in_intervals(KORA, 0.2, [(45.5, 1.0)]) and in_intervals(KORA, 46.0, [(45.5, 1.0)])
    assert not in_intervals(KORA, 2.0, [(45.5, 1.0)])
    assert intervals_width_km(KORA, [(45.5, 1.0)]) == pytest.approx(KORA.length_km - 45.5 + 1.0)


@given(km=st.floats(0, 46.2), half=st.floats(0.05, 10))
def test_area_around_contains_its_centre_and_has_its_width(km, half):
    area = area_around(KORA, km, half)
    assert in_intervals(KORA, km, area)
    assert intervals_width_km(KORA, area) == pytest.approx(2 * half, abs=1e-6)


@given(pin=st.floats(0, 46.2), truth=st.floats(0, 46.2))
def test_score_is_bounded_and_distance_symmetric(pin, truth):
    s = _score(pin, truth_km=truth, area=area_around(KORA, pin, 1.0))
    assert 0 <= s.score <= 100
    assert s.distance_error_km <= KORA.length_km / 2 + 1e-6
