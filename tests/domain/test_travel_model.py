"""Behaviour of the walking-time model (shipped parameters, shipped kora)."""

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.travel import TimeEstimate, load_walking_model

BJ = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def model():
    return load_walking_model()


def test_quantiles_are_ordered_and_positive(model):
    for a, b in [(0.5, 3.0), (5.0, 16.0), (18.4, 24.0), (30.0, 45.0)]:
        e = model.time_between(a, b)
        assert isinstance(e, TimeEstimate)
        assert 0 < e.p10_s < e.p50_s < e.p90_s


def test_time_grows_with_distance(model):
    p50 = [model.time_between(1.0, 1.0 + d).p50_s for d in np.arange(0.5, 16.0, 0.5)]
    assert np.all(np.diff(p50) > 0)


def test_west_valley_median_matches_the_data_scale(model):
    # The data README: median time to 17.5 km is about 7.1 h (P10-P90 5.5-8.8 h).
    e = model.time_between(0.0, 17.5)
    assert 6.3 * 3600 < e.p50_s < 7.9 * 3600
    assert e.p10_s > 4.5 * 3600 and e.p90_s < 10.5 * 3600


def test_uphill_is_slower_than_the_same_stretch_downhill(model):
    # Drira Phuk -> Dolma La climbs ~540 m; walking it the other way descends.
    up = model.time_between(18.45, 23.96, direction="cw").p50_s
    down = model.time_between(23.96, 18.45, direction="ccw").p50_s
    assert up > 1.15 * down


def test_ccw_distance_is_the_other_way_round(model):
    kora = load_kora()
    e = model.time_between(10.0, 8.0, direction="ccw")
    assert e.distance_km == pytest.approx(2.0)
    assert model.time_between(10.0, 8.0, direction="cw").distance_km == pytest.approx(kora.length_km - 2.0)


def test_wraps_past_the_start(model):
    kora = load_kora()
    across = model.time_between(45.0, 1.0)
    assert across.distance_km == pytest.approx(kora.length_km - 44.0)
    assert across.p50_s == pytest.approx(model.time_between(45.0 - kora.length_km, 1.0).p50_s)
    assert 0 < across.p50_s < 2.5 * 3600


def test_slow_walker_so_far_gets_a_later_estimate(model):
    ref = model.time_between(0.0, 8.0).p50_s
    base = model.time_between(8.0, 16.0)
    slow = model.time_between(8.0, 16.0, walked_s=1.5 * ref)
    fast = model.time_between(8.0, 16.0, walked_s=0.7 * ref)
    assert fast.p50_s < base.p50_s < slow.p50_s
    assert (slow.p90_s - slow.p10_s) < (base.p90_s - base.p10_s) * 1.5 * 1.01


def test_officer_is_faster_and_narrower(model):
    pil, off = model.time_between(0.0, 12.0), model.time_between(0.0, 12.0, walker="officer")
    assert off.p50_s < pil.p50_s
    assert (off.p90_s - off.p10_s) / off.p50_s < (pil.p90_s - pil.p10_s) / pil.p50_s


def test_late_arrival_sleeps_at_a_lodging(model):
    morning = model.time_between(10.0, 30.0, depart=datetime(2025, 7, 1, 6, 0, tzinfo=BJ))
    afternoon = model.time_between(10.0, 30.0, depart=datetime(2025, 7, 1, 13, 0, tzinfo=BJ))
    assert afternoon.p50_s > morning.p50_s + 6 * 3600
    assert morning.nights_p50 == 0 and afternoon.nights_p50 == 1
    assert model.time_between(10.0, 30.0, walker="officer", depart=datetime(2025, 7, 1, 13, 0, tzinfo=BJ)).nights_p50 == 0


def test_moving_time_is_the_median_walk_without_the_night(model):
    # a morning stretch ends in daylight: the same median; Darchen to Dolma La takes a pilgrim a night
    assert model.moving_time_s(0.0, 5.9) == pytest.approx(model.time_between(0.0, 5.9, peers=False).p50_s, rel=1e-6)
    to_pass = model.time_between(0.0, 23.96)
    assert to_pass.nights_p50 == 1
    assert 6 * 3600 < model.moving_time_s(0.0, 23.96) < to_pass.p50_s - 8 * 3600
    assert model.moving_time_s(0.0, 23.96, direction="ccw") != pytest.approx(model.moving_time_s(0.0, 23.96))


def test_reach_pdf_sums_to_one_and_moves_with_time(model):
    kora = load_kora()
    grid = np.arange(0.0, kora.length_km, 0.1)
    early = model.reach_pdf(0.4, 2 * 3600, grid)
    late = model.reach_pdf(0.4, 5 * 3600, grid)
    assert early.sum() == pytest.approx(1.0) and late.sum() == pytest.approx(1.0)
    assert np.all(early >= 0)
    assert grid[early.argmax()] < grid[late.argmax()] < 17.5


def test_reach_pdf_ccw_goes_down_in_chainage(model):
    kora = load_kora()
    grid = np.arange(0.0, kora.length_km, 0.1)
    pdf = model.reach_pdf(44.0, 3 * 3600, grid, direction="ccw")
    peak = grid[pdf.argmax()]
    assert 4.0 < kora.ahead_km(44.0, peak, "ccw") < 15.0
    finishing = model.reach_pdf(2.0, 3 * 3600, grid, direction="ccw")
    assert finishing[grid < 0.05].sum() > 0.95  # 2 km before the end: back in Darchen


def test_distance_quantiles_agree_with_time_quantiles(model):
    e = model.time_between(0.0, 10.0)
    q10, q50, q90 = model.distance_quantiles(0.0, e.p50_s)
    assert q10 < q50 < q90
    assert q50 == pytest.approx(10.0, abs=0.6)


def test_walkers_stop_at_the_route_end(model):
    kora = load_kora()
    q = model.distance_quantiles(40.0, 20 * 3600)
    assert max(q) == pytest.approx(kora.length_km - 40.0, abs=0.01)


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_rejects_non_finite_numbers(model, bad):
    with pytest.raises(ValueError):
        model.time_between(bad, 3.0)
    with pytest.raises(ValueError):
        model.time_between(1.0, 3.0, walked_s=bad)


def test_rejects_unknown_walker_and_direction(model):
    with pytest.raises(ValueError):
        model.time_between(1.0, 3.0, walker="yak")
    with pytest.raises(ValueError):
        model.time_between(1.0, 3.0, direction="up")


@pytest.mark.parametrize("a, b, walked", [(0.5, 9.0, None), (6.0, 17.0, 9000.0), (44.0, 40.0, None)])
def test_time_and_position_answers_agree(model, a, b, walked):
    direction = "ccw" if b < a else "cw"
    curve = model.time_between(a, b, direction=direction, walked_s=walked, peers=False)
    shipped = model.time_between(a, b, direction=direction, walked_s=walked)
    for e, tolerance in ((curve, 0.01), (shipped, 0.06)):  # the peer walkers' answer is close, not identical
        for t, expected in [(e.p10_s, 0.9), (e.p50_s, 0.5), (e.p90_s, 0.1)]:
            # by the P10 time only the fastest 10 % have arrived, etc.
            p = model.passed_probability(a, t, np.array([e.distance_km]), direction=direction, walked_s=walked)[0]
            assert p == pytest.approx(1.0 - expected, abs=tolerance)


def test_reach_pdf_median_matches_distance_quantiles(model):
    kora = load_kora()
    grid = np.arange(0.0, kora.length_km, 0.05)
    pdf = model.reach_pdf(1.0, 3 * 3600, grid)
    median_km = grid[np.searchsorted(np.cumsum(pdf), 0.5)]
    assert median_km - 1.0 == pytest.approx(model.distance_quantiles(1.0, 3 * 3600)[1], abs=0.1)


def test_ccw_handles_the_same_cells_the_other_way(model):
    kora = load_kora()
    # a flat-ish stretch (Chuku bridge area): similar both ways
    cw = model.time_between(8.0, 10.0).p50_s
    ccw = model.time_between(10.0, 8.0, direction="ccw").p50_s
    assert ccw == pytest.approx(cw, rel=0.2)
    # ccw across the start: 1.0 -> 45.0 is 1.0 + (length - 45.0) km
    e = model.time_between(1.0, 45.0, direction="ccw")
    assert e.distance_km == pytest.approx(1.0 + kora.length_km - 45.0)
    loop_cw = model.time_between(0.0, kora.length_km, walker="officer").p50_s
    loop_ccw = model.time_between(kora.length_km, 0.0, direction="ccw", walker="officer").p50_s
    assert loop_ccw == pytest.approx(loop_cw, rel=0.25)


@settings(max_examples=150, deadline=None)
@given(a=st.floats(-46.0, 92.0), b=st.floats(-46.0, 92.0), walked=st.none() | st.floats(0.0, 2e5),
       direction=st.sampled_from(["cw", "ccw"]), walker=st.sampled_from(["pilgrim", "officer"]),
       hour=st.integers(0, 23))
def test_any_valid_query_gives_ordered_finite_times(model, a, b, walked, direction, walker, hour):
    e = model.time_between(a, b, direction=direction, walker=walker, walked_s=walked,
                           depart=datetime(2025, 6, 1, hour, tzinfo=BJ))
    assert all(np.isfinite([e.p10_s, e.p50_s, e.p90_s]))
    assert 0.0 <= e.p10_s <= e.p50_s <= e.p90_s
    assert e.p50_s < 4 * 86400


@settings(max_examples=60, deadline=None)
@given(a=st.floats(0.0, 46.2), elapsed=st.floats(0.0, 3 * 86400), direction=st.sampled_from(["cw", "ccw"]))
def test_reach_pdf_is_a_distribution_for_any_walk(model, a, elapsed, direction):
    grid = np.arange(0.0, model.length_km, 0.25)
    pdf = model.reach_pdf(a, elapsed, grid, direction=direction)
    assert np.all(pdf >= 0) and pdf.sum() == pytest.approx(1.0)
