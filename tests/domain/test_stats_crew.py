"""Per officer and vehicle: trips, hours in the field, nights out, hours above 5,000 m in 7 days."""

from datetime import datetime, timezone

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.stats import CrewTrip, Period, crew_year
from rescue_desk.domain.stats.crew import hours_above, nights

NOW = datetime(2025, 8, 10, 12, 0, tzinfo=BEIJING)


def bj(day, hour, minute=0):
    return datetime(2025, 8, day, hour, minute, tzinfo=BEIJING).astimezone(timezone.utc)


def test_nights_are_beijing_small_hours():
    assert nights(bj(9, 14), bj(9, 20)) == set()
    assert nights(bj(9, 20), bj(10, 1)) == {bj(10, 0).astimezone(BEIJING).date()}
    assert len(nights(bj(1, 23), bj(3, 6))) == 2  # out through two nights
    assert nights(bj(9, 5), bj(9, 9)) == set()  # 05:00 is morning


def test_hours_above_from_the_scene_or_the_track():
    scene = CrewTrip(1, bj(9, 8), bj(9, 18), on_scene_at=bj(9, 11), evacuating_at=bj(9, 14), scene_elevation_m=5400)
    assert hours_above(scene, bj(1, 0), bj(10, 0), NOW) == pytest.approx(3.0)
    assert hours_above(scene, bj(9, 12), bj(10, 0), NOW) == pytest.approx(2.0)  # clipped to the window
    low = CrewTrip(2, bj(9, 8), bj(9, 18), on_scene_at=bj(9, 11), evacuating_at=bj(9, 14), scene_elevation_m=4900)
    assert hours_above(low, bj(1, 0), bj(10, 0), NOW) == 0.0
    track = ((bj(9, 9), 4800.0), (bj(9, 10), 5100.0), (bj(9, 12), 5300.0), (bj(9, 13), 4700.0))
    tracked = CrewTrip(3, bj(9, 8), bj(9, 18), on_scene_at=bj(9, 11), scene_elevation_m=4900, track=track)
    # mean elevations: 4950 (no), 5200 (2 h), 5000 (not above)
    assert hours_above(tracked, bj(1, 0), bj(10, 0), NOW) == pytest.approx(2.0)


def test_crew_year_counts_per_officer_and_vehicle():
    officers = {1: "达瓦", 2: "王磊", 3: "休假"}
    vehicles = {7: ("皮卡一号", "藏F·J0101"), 8: ("救护车", "藏F·J0120")}
    trips = [
        CrewTrip(1, bj(9, 20), bj(10, 2), on_scene_at=bj(9, 23), evacuating_at=bj(10, 1),
                 officer_ids=(1, 2), vehicle_id=7, scene_elevation_m=5500),
        CrewTrip(2, bj(5, 9), bj(5, 13), officer_ids=(1,), vehicle_id=7, scene_elevation_m=4800),
        CrewTrip(3, datetime(2024, 12, 31, 23, tzinfo=BEIJING), datetime(2025, 1, 1, 3, tzinfo=BEIJING),
                 officer_ids=(2,), vehicle_id=8),  # left the year before: not this year's trip
        CrewTrip(4, bj(10, 11), None, officer_ids=(2,), vehicle_id=8),  # still out: counts until now
    ]
    by_officer, by_vehicle = crew_year(trips, Period.year(2025), NOW.astimezone(timezone.utc), officers, vehicles)
    rows = {r.id: r for r in by_officer}
    assert [r.id for r in by_officer] == [1, 2, 3]
    assert (rows[1].trips, rows[1].field_hours, rows[1].nights_out) == (2, pytest.approx(10.0), 1)
    assert rows[1].hours_above_5000m_7d == pytest.approx(2.0)  # 23:00-01:00 at 5,500 m
    assert (rows[2].trips, rows[2].field_hours) == (2, pytest.approx(7.0))
    assert rows[3].trips == 0 and rows[3].field_hours == 0
    v = {r.id: r for r in by_vehicle}
    assert (v[7].trips, v[7].hours_out, v[7].nights_out) == (2, pytest.approx(10.0), 1)
    assert (v[8].trips, v[8].hours_out) == (1, pytest.approx(1.0))


def test_a_forgotten_return_is_capped():
    t = CrewTrip(1, bj(1, 8), None, officer_ids=(1,))
    (row,), _v = crew_year([t], Period.year(2025), NOW.astimezone(timezone.utc), {1: "a"}, {})
    assert row.field_hours == pytest.approx(24.0)
