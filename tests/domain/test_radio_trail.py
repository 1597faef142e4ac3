"""A team's trail in the replay from its check-in positions, before (or without) reaching a scene."""

from datetime import datetime, timedelta, timezone

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.radio import trail_of
from rescue_desk.domain.replay.motion import TeamMotion
from rescue_desk.domain.replay.story import CheckinFact, TripFact

KORA = load_kora()
T0 = datetime(2025, 7, 1, 2, 0, tzinfo=timezone.utc)


def _checkin(minutes, km, note=""):
    lon, lat = KORA.point_at(km)
    return CheckinFact(T0 + timedelta(minutes=minutes), note, lon, lat)


def test_team_without_scene_follows_its_checkins():
    trip = TripFact(id=1, departed_at=T0, approach={"road_end_km": 5.9},
                    checkins=(_checkin(40, 8.0), _checkin(20, 7.0), CheckinFact(T0 + timedelta(minutes=30), "radio")))
    m = TeamMotion(trip, KORA, scene_km=None)
    assert m.source == "route"
    at = lambda minutes: m.position_at((T0 + timedelta(minutes=minutes)).timestamp())  # noqa: E731
    assert at(0).chainage_km == pytest.approx(5.9, abs=0.01)
    assert at(20).chainage_km == pytest.approx(7.0, abs=0.01)
    assert at(30).chainage_km == pytest.approx(7.5, abs=0.01)
    assert at(90).chainage_km == pytest.approx(8.0, abs=0.01)   # stays at the last known place
    path = m.path_lonlat()
    assert len(path) >= 3


def test_trail_across_the_start_takes_the_short_way():
    trip = TripFact(id=2, departed_at=T0, approach={"road_end_km": 45.5}, checkins=(_checkin(30, 1.0),))
    m = TeamMotion(trip, KORA, scene_km=None)
    mid = m.position_at((T0 + timedelta(minutes=15)).timestamp()).chainage_km
    assert mid == pytest.approx((45.5 + (KORA.length_km - 45.5 + 1.0) / 2) % KORA.length_km, abs=0.05)


def test_no_positions_no_trail():
    trip = TripFact(id=3, departed_at=T0, checkins=(CheckinFact(T0 + timedelta(minutes=5), "ok"),))
    assert TeamMotion(trip, KORA, scene_km=None).source == "none"
    assert trail_of(trip.checkins) == []


def test_trail_points_sorted_with_positions_only():
    pts = trail_of([_checkin(40, 8.0, "b"), CheckinFact(T0, "none"), _checkin(10, 6.0, "a")])
    assert [p.note for p in pts] == ["a", "b"]
