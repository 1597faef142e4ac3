"""Replay: folding events into a story, the timeline order, team positions from tracks and from
the route between logged times, estimates over time, privacy."""

from datetime import timedelta

import pytest
from hypothesis import given, settings, strategies as st
from replay_story_data import KORA, T0, _events, _iso

from rescue_desk.domain.replay import Replay, ReplayError, story_from_events


def test_timeline_is_ordered_and_complete():
    replay = Replay(story_from_events(reversed(_events())), KORA)
    kinds = [e.kind for e in replay.entries]
    assert kinds == ["call", "estimate", "correction", "dispatch", "departed", "position", "on_scene", "person",
                     "evacuating", "returned", "closed"]
    assert [e.at for e in replay.entries] == sorted(e.at for e in replay.entries)
    assert replay.duration_s == 160 * 60


def test_route_interpolation_ccw_between_logged_times():
    replay = Replay(story_from_events(_events(scene_km=24.0, base_km=26.65, direction="ccw")), KORA)
    assert replay.frame_at(T0 + timedelta(minutes=19)).teams == ()
    # halfway between departure (20 min, road end 26.65) and on scene (80 min, 24.0): 25.325 km
    team = replay.frame_at(T0 + timedelta(minutes=50)).teams[0]
    assert team.chainage_km == pytest.approx((26.65 + 24.0) / 2, abs=1e-6)
    assert (team.lon, team.lat) == pytest.approx(KORA.point_at((26.65 + 24.0) / 2))
    assert team.phase == "out" and team.source == "route"
    assert replay.frame_at(T0 + timedelta(minutes=90)).teams[0].chainage_km == pytest.approx(24.0, abs=1e-6)
    back = replay.frame_at(T0 + timedelta(minutes=130)).teams[0]  # halfway back (100 -> 160 min)
    assert back.chainage_km == pytest.approx((24.0 + 26.65) / 2, abs=1e-6) and back.phase == "back"
    assert replay.frame_at(T0 + timedelta(minutes=161)).teams == ()


def test_route_wraps_through_the_start_clockwise():
    replay = Replay(story_from_events(_events(scene_km=1.0, base_km=45.0, direction="cw")), KORA)
    km = replay.frame_at(T0 + timedelta(minutes=50)).teams[0].chainage_km
    expected = (45.0 + (KORA.length_km - 45.0 + 1.0) / 2) % KORA.length_km
    assert km == pytest.approx(expected, abs=1e-6)


def test_checkin_with_position_is_a_fix():
    lon, lat = KORA.point_at(26.0)
    replay = Replay(story_from_events(_events(checkins=[(30, lon, lat)])), KORA)
    assert replay.frame_at(T0 + timedelta(minutes=30)).teams[0].chainage_km == pytest.approx(26.0, abs=0.01)
    assert replay.frame_at(T0 + timedelta(minutes=25)).teams[0].chainage_km == pytest.approx(26.325, abs=0.01)


def test_track_interpolation_and_fixes_outside_the_trip():
    a, b, c = KORA.point_at(26.5), KORA.point_at(25.0), KORA.point_at(24.0)
    track = [[_iso(20), *a, 5200], [_iso(50), *b, 5300], [_iso(80), *c, 5500], [_iso(60 * 24 * 3), 0.0, 0.0, None]]
    replay = Replay(story_from_events(_events(track=track)), KORA)
    team = replay.frame_at(T0 + timedelta(minutes=35)).teams[0]
    assert team.source == "track"
    assert (team.lon, team.lat) == pytest.approx(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    assert len(replay.warnings) == 1 and "outside the trip" in replay.warnings[0]


def test_estimate_held_at_each_time():
    replay = Replay(story_from_events(_events()), KORA)
    assert replay.frame_at(T0 + timedelta(minutes=5)).estimate.kind == "estimate"
    assert replay.frame_at(T0 + timedelta(minutes=15)).estimate.chainage_km == pytest.approx(24.2)
    assert replay.frame_at(T0 + timedelta(minutes=85)).estimate.confirmed


def test_no_events_and_missing_creation_are_refused():
    with pytest.raises(ReplayError, match="no events"):
        story_from_events([])
    with pytest.raises(ReplayError, match="creation"):
        story_from_events(_events()[1:])


def test_personal_data_hidden_unless_asked():
    story = story_from_events(_events())
    hidden = str(Replay(story.without_personal_data(), KORA).to_json())
    for secret in ("张三", "13912345678", "李四", "13800001111", "510101199001011234"):
        assert secret not in hidden
    shown = str(Replay(story, KORA, show_personal=True).to_json())
    assert "张三" in shown and "510101199001011234" in shown


@settings(max_examples=60, deadline=None)
@given(scene=st.floats(0.5, 45.5), base=st.floats(0.0, 46.0), direction=st.sampled_from(["cw", "ccw"]),
       minute=st.floats(20, 80))
def test_team_walks_monotonically_towards_the_scene(scene, base, direction, minute):
    replay = Replay(story_from_events(_events(scene_km=scene, base_km=base, direction=direction)), KORA)
    km = replay.frame_at(T0 + timedelta(minutes=minute)).teams[0].chainage_km
    walked = KORA.ahead_km(base, km, direction)
    total = KORA.ahead_km(base, scene, direction)
    assert walked <= total + 1e-6 or total < 1e-6
    assert walked == pytest.approx(total * (minute - 20) / 60, abs=1e-6) or total < 1e-6
