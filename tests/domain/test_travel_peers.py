"""Walking times from the calibration walkers themselves (peers.py), and their held-out accuracy."""

from datetime import datetime

import numpy as np
import pytest

from rescue_desk.domain.travel import load_walking_model
from rescue_desk.domain.travel.peers import PeerTracks


@pytest.fixture(scope="module")
def model():
    return load_walking_model()


def test_shipped_model_carries_the_peer_tracks(model):
    assert model.peers is not None
    assert model.peers.seconds.shape[0] == 300
    assert model.peers.end_km == pytest.approx(17.5)


def test_answers_only_inside_the_timed_valley(model):
    p = model.peers
    assert p.estimate(2.0, 12.0, 3600.0, 10.0) is not None
    assert p.estimate(10.0, 20.0, 3600.0, 10.0) is None      # beyond the tracks
    assert p.estimate(-0.3, 5.0, None, None) is None         # in town
    assert p.estimate(5.0, 5.1, None, None) is None          # too short to say
    # and the model falls back to its curves there, still ordered
    e = model.time_between(10.0, 20.0, walked_s=3.0 * 3600)
    assert 0 < e.p10_s < e.p50_s < e.p90_s


def test_quantiles_ordered_and_growing_with_distance(model):
    last = 0.0
    for to_km in (4.0, 8.0, 12.0, 17.0):
        e = model.time_between(2.0, to_km, walked_s=2400.0, depart=datetime.fromisoformat("2024-07-01T08:00+08:00"))
        assert 0 < e.p10_s < e.p50_s < e.p90_s
        assert e.p50_s > last
        last = e.p50_s


def test_slow_so_far_means_slow_ahead(model):
    fast = model.peers.estimate(8.0, 17.0, 2.0 * 3600, None)
    slow = model.peers.estimate(8.0, 17.0, 4.0 * 3600, None)
    assert slow.p50_s > 1.15 * fast.p50_s


def test_too_few_walkers_passing_both_points_gives_no_answer():
    step = 0.1
    seconds = np.tile(np.arange(11) * 60.0, (10, 1))   # ten walkers, 1 km
    peers = PeerTracks(PeerTracks.table_from(seconds, np.full(10, 8.0), step))
    assert peers.estimate(0.1, 0.9, 60.0, None) is None


def test_median_regression_recovers_a_known_pace_law():
    rng = np.random.default_rng(3)
    n, step = 200, 0.1
    pace = np.exp(rng.normal(0.0, 0.2, n))            # each walker's s/m factor
    km = np.arange(0, 51) * step
    seconds = np.outer(pace, km * 720.0) + rng.normal(0, 5.0, (n, km.size)).cumsum(axis=1).clip(0)
    seconds = np.maximum.accumulate(seconds, axis=1)
    peers = PeerTracks(PeerTracks.table_from(seconds, np.full(n, 8.0), step))
    # a walker who took 1.3x the typical time to 2 km is expected at about 1.3x the typical time ahead
    typical = peers.estimate(2.0, 5.0, 2.0 * 720.0, None).p50_s
    slow = peers.estimate(2.0, 5.0, 1.3 * 2.0 * 720.0, None).p50_s
    assert typical == pytest.approx(3.0 * 720.0, rel=0.05)
    assert slow / typical == pytest.approx(1.3, rel=0.08)


def test_held_out_parties_beat_the_nearest_pace_median():
    """One fold of five, fitted without those parties (the benchmark does all five)."""
    from tests.timing_data import load_tracks
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.domain.travel.model import WalkingModel

    cal, summary, tracks = load_tracks()
    fit_rows = [r for r in summary if cal.party_fold(r["group_id"], 5) != 0]
    held = [r for r in summary if cal.party_fold(r["group_id"], 5) == 0]
    model = WalkingModel(cal.fit(fit_rows, tracks), load_kora())
    cells = np.array(model.params["data_cells_s"])
    ref = (np.arange(len(cells) + 1) * 0.1, np.r_[0.0, np.cumsum(cells)])
    readings, truth = cal.make_queries(held, tracks, ref)
    queries = readings["firstpoint"]
    t = np.array([x["seconds"] for x in truth])
    est = [model.time_between(q["from_km"], q["to_km"], walked_s=q["walked_s"],
                              depart=datetime.fromisoformat(q["depart"])) for q in queries]
    p50 = np.array([e.p50_s for e in est])
    inside = np.mean([(e.p10_s <= x <= e.p90_s) for e, x in zip(est, t)])

    grid = model.peers.step_km * np.arange(model.peers.seconds.shape[1])
    base = []
    for q in queries:  # median time ahead of the 20 fitted walkers with the nearest time so far
        a = np.array([np.interp(q["from_km"], grid, row) for row in model.peers.seconds])
        b = np.array([np.interp(q["to_km"], grid, row) for row in model.peers.seconds])
        ok = np.isfinite(a) & np.isfinite(b)
        near = np.argsort(np.abs(np.log(np.maximum(a[ok], 60) / max(q["walked_s"], 60))))[:20]
        base.append(np.median((b - a)[ok][near]))
    mae, mae_base = np.mean(np.abs(p50 - t)), np.mean(np.abs(np.array(base) - t))
    assert mae < 0.97 * mae_base, (mae, mae_base)
    assert 0.72 <= inside <= 0.88, inside
