from datetime import datetime

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.services.approach import DriveAssumptions, drive_km_to, suggest_approach
from rescue_desk.services.errors import ValidationError

KORA = load_kora()
MODEL = load_walking_model()
MORNING = datetime(2025, 7, 1, 9, 0, tzinfo=BEIJING)


def _access(id_):
    return next(a for a in KORA.access_points if a.id == id_)


def test_mapped_roads_are_used_and_unmapped_ones_wind():
    a = DriveAssumptions()
    sershong = _access("access_sershong")
    line = next(ln for ln in KORA.access_lines if ln.id == "road_darchen_sershong")
    length = sum(geodesic_distance_m(*p, *q) for p, q in zip(line.coords, line.coords[1:])) / 1000
    assert length <= drive_km_to(sershong, KORA, a) <= length + 1.0
    gangjia = _access("access_gangjia")
    straight = geodesic_distance_m(a.station_lon, a.station_lat, gangjia.lon, gangjia.lat) / 1000
    assert drive_km_to(gangjia, KORA, a) == pytest.approx(straight * a.detour_factor)


@pytest.mark.parametrize("km", [3.0, 10.0, 16.0, 19.0, 23.96, 30.0, 40.0, 45.9])
def test_the_best_option_is_the_fastest_of_every_road_end_and_direction(km):
    plan = suggest_approach(KORA, MODEL, MORNING, chainage_km=km)
    assert len(plan.options) == 2 * len(KORA.access_points)
    assert {o.direction for o in plan.options} == {"cw", "ccw"}
    assert all(plan.best.eta_p50_s <= o.eta_p50_s for o in plan.options)
    b = plan.best
    assert b.eta_p90_s >= b.eta_p50_s > b.walk_p50_s
    # the walk covers the distance from the road end to the incident in the chosen direction
    assert b.walk_km == pytest.approx(KORA.ahead_km(b.access_km, km, b.direction), abs=0.01)
    # the same road end walked the other way is no faster
    other = next(o for o in plan.options if o.access_id == b.access_id and o.direction != b.direction)
    assert other.eta_p50_s >= b.eta_p50_s


def test_walking_the_other_way_wins_when_the_incident_is_just_behind_a_road_end():
    gangjia = _access("access_gangjia").chainage_km
    plan = suggest_approach(KORA, MODEL, MORNING, chainage_km=gangjia - 0.8)
    assert plan.best.access_id == "access_gangjia" and plan.best.direction == "ccw"


def test_a_near_town_incident_is_walked_from_darchen():
    plan = suggest_approach(KORA, MODEL, MORNING, chainage_km=1.5)
    assert plan.best.drive_km < 2 and plan.best.eta_p50_s < 3600


def test_sunset_warning():
    dolma = KORA.landmark("Dolma La").chainage_km
    early = suggest_approach(KORA, MODEL, MORNING, chainage_km=dolma)
    assert not early.after_sunset_p50 and early.sunset.hour == 21
    late = suggest_approach(KORA, MODEL, datetime(2025, 7, 1, 19, 30, tzinfo=BEIJING), chainage_km=dolma)
    assert late.after_sunset_p50 and late.after_sunset_p90
    assert late.best.arrival_p50 > late.sunset


def test_a_night_departure_arrives_in_the_dark_even_before_that_days_sunset():
    night = suggest_approach(KORA, MODEL, datetime(2025, 7, 1, 1, 0, tzinfo=BEIJING), chainage_km=12.0)
    assert night.best.arrival_p50 < night.sunset  # same day, hours before sunset...
    assert night.after_sunset_p50  # ...but before sunrise (~07:30): dark


def test_off_trail_positions_add_cross_country_time():
    km = 10.0
    lon, lat = KORA.point_at(km)
    on = suggest_approach(KORA, MODEL, MORNING, lon=lon, lat=lat)
    off = suggest_approach(KORA, MODEL, MORNING, lon=lon + 0.01, lat=lat)
    assert off.target_offset_m > 500
    assert off.best.off_trail_s == pytest.approx(off.target_offset_m / 1000 / 2.0 * 3600)
    assert off.best.eta_p50_s > on.best.eta_p50_s


def test_json_form_and_bad_input():
    plan = suggest_approach(KORA, MODEL, MORNING, chainage_km=12.0)
    js = plan.to_json()
    assert js["best"]["access_id"] == plan.best.access_id and "turnout" in js["assumptions"]
    assert js["best"]["arrival_p50"].startswith("2025-07-01")
    with pytest.raises(ValidationError, match="no position"):
        suggest_approach(KORA, MODEL, MORNING)
    with pytest.raises(ValidationError, match="timezone"):
        suggest_approach(KORA, MODEL, datetime(2025, 7, 1, 9), chainage_km=3)
