"""locate(): fused estimates against positions worked out from the landmark table."""

from datetime import datetime

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.domain.datums import wgs84_to_bd09, wgs84_to_gcj02

KORA = load_kora()
CALL = datetime.fromisoformat("2024-07-10T14:00:00+08:00")


def km(landmark_id):
    return KORA.gazetteer.get(landmark_id).chainage_km


def inside(ch, intervals):
    for a, b in intervals:
        if (a <= b and a <= ch <= b) or (a > b and (ch >= a or ch <= b)):
            return True
    return False


def check(text, expected_km, tol_km, **kw):
    r = locate(text, call_time=kw.pop("call_time", CALL), **kw)
    assert r.status == "placed", r.message
    assert KORA.along_distance_km(r.chainage_km, expected_km) < tol_km, (r.chainage_km, expected_km)
    assert inside(expected_km % KORA.length_km, r.intervals_km), (expected_km, r.intervals_km)
    return r


@pytest.mark.parametrize("text,landmark", [
    ("We are at Sershong, my friend is vomiting", "sershong"),
    ("我们在马头明王驿站，有人高反", "tamdrin_drongkhang"),
    ("at the Gangjia guesthouses", "gangjia"),
    ("we're at Drolma-La", "dolma_la"),
    ("在尊珠寺", "zutul_phuk"),
])
def test_at_a_landmark(text, landmark):
    r = check(text, km(landmark), 0.05)
    assert r.interval_length_km() < 2.0


@pytest.mark.parametrize("text,landmark,sign,said", [
    ("About 2 km past Chuku bridge, someone fell", "chuku_bridge_supply", 1, 2.0),
    ("过了卓玛拉山口大概两公里，同伴走不动了", "dolma_la", 1, 2.0),
    ("we are roughly 1 km before Dolma La", "dolma_la", -1, 1.0),
    ("离宗堆补给点还有三公里", "zongdui_supply", -1, 3.0),
    ("one kilometre and a half after Gangjia", "gangjia", 1, 1.5),
    ("Zongdui is 1.2 km ahead", "zongdui_supply", -1, 1.2),
])
def test_distance_from_a_landmark_uses_guide_km(text, landmark, sign, said):
    check(text, km(landmark) + sign * 0.95 * said, 0.1)


@pytest.mark.parametrize("text,landmark,sign,said", [
    ("We walk the kora counter-clockwise. We are about 2 km after Zutul Phuk.", "zutul_phuk", -1, 2.0),
    ("我们逆时针转山，刚过宗堆补给点一公里", "zongdui_supply", -1, 1.0),
    ("Bon pilgrims here, 3 km before Phakna Rigzin", "phakna_rigzin_supply", 1, 3.0),
])
def test_counter_clockwise_reverses_past_and_before(text, landmark, sign, said):
    r = check(text, km(landmark) + sign * 0.95 * said, 0.1)
    assert r.direction == "ccw"


def test_between_covers_the_stretch():
    a, b = km("sershong"), km("chuku_bridge_supply")
    r = check("somewhere between Sershong and Chuku bridge", (a + b) / 2, 0.3)
    for x in np.linspace(a + 0.1, b - 0.1, 9):
        assert inside(x, r.intervals_km)


def test_relayed_direction_toward_another_landmark():
    check("牧民来报：尊珠寺往塔钦方向三公里左右，有人倒在路边", km("zutul_phuk") + 0.95 * 3, 0.1)


def test_interval_wraps_past_the_start():
    r = check("about 300 m before Darchen", KORA.length_km + km("darchen") - 0.285, 0.1)
    assert any(a > b for a, b in r.intervals_km) or r.intervals_km[0][0] > 40


def test_elevation_on_the_stated_side_of_the_pass():
    r = locate("My phone says 5450 m and we are still climbing towards the pass", call_time=CALL)
    assert r.chainage_km < km("dolma_la")
    assert abs(KORA.elevation_at(r.chainage_km) - 5450) < 60
    r = locate("手机显示海拔5300米，刚翻过垭口往下走", call_time=CALL)
    assert r.chainage_km > km("dolma_la")
    assert abs(KORA.elevation_at(r.chainage_km) - 5300) < 60


def test_time_clue_moves_forward_with_time():
    got = []
    for hhmm in ("12:30", "11:00", "09:30"):
        r = locate(f"we left Darchen at {hhmm}", call_time=CALL)
        assert r.status == "placed"
        got.append(r.chainage_km)
    assert got[0] < got[1] < got[2]


def test_time_clue_interval_contains_the_walking_models_median():
    from rescue_desk.domain.travel import load_walking_model
    r = locate("We passed Sershong at 11:00 am, still walking", call_time=CALL)
    q = load_walking_model().distance_quantiles(km("sershong"), 3 * 3600, depart=CALL.replace(hour=11, minute=0))
    assert inside(km("sershong") + q[1], r.intervals_km)


@pytest.mark.parametrize("fmt,datum", [("微信位置 {lat:.6f},{lon:.6f}", "gcj"), ("百度地图 {lon:.6f},{lat:.6f}", "bd"),
                                       ("{lat:.6f}, {lon:.6f}", None)])
def test_coordinates_on_the_trail(fmt, datum):
    lon, lat = KORA.point_at(27.5)
    shown = wgs84_to_gcj02(lon, lat) if datum == "gcj" else wgs84_to_bd09(lon, lat) if datum == "bd" else (lon, lat)
    r = locate(fmt.format(lon=shown[0], lat=shown[1]), call_time=CALL)
    assert geodesic_distance_m(r.lon, r.lat, lon, lat) < 2
    assert abs(r.chainage_km - 27.5) < 0.01 and r.radius_m


def test_datum_forced_by_the_officer():
    lon, lat = KORA.point_at(10.0)
    g = wgs84_to_gcj02(lon, lat)
    r = locate(f"{g[1]:.6f}, {g[0]:.6f}", call_time=CALL, datum="gcj02")
    assert geodesic_distance_m(r.lon, r.lat, lon, lat) < 2
    with pytest.raises(ValueError):
        locate("x", datum="tokyo")


def test_off_route_fix_stays_a_point():
    r = locate("We left the trail to the east, coordinates 31.06470 N 81.28452 E", call_time=CALL)
    assert r.status == "placed" and r.chainage_km is None
    assert r.lon == pytest.approx(81.28452) and r.lat == pytest.approx(31.0647)
    ch, off = KORA.chainage_of(81.28452, 31.0647)
    assert r.offset_m == pytest.approx(off) and r.nearest_chainage_km == pytest.approx(ch)
    assert r.corridor() and "off the trail" in r.message


def test_far_away_and_impossible_coordinates():
    r = locate("31.2304, 121.4737", call_time=CALL)  # Shanghai
    assert "far outside" in r.message
    r = locate("lat 95, lon 81", call_time=CALL)
    assert r.status == "unplaceable" and "latitude 95" in r.message


def test_conflicting_clues_are_reported():
    r = locate("We are at Sershong. Now we are 1 km past Dolma La.", call_time=CALL)
    assert r.status == "placed" and r.conflicts and r.set_aside


@pytest.mark.parametrize("text", ["", "   ", "Please help us, hurry!", "快来救人！", "\x00\x07\x1b", "it is 3 pm"])
def test_no_clue_is_unplaceable(text):
    r = locate(text, call_time=CALL)
    assert r.status == "unplaceable" and r.chainage_km is None and r.lon is None


def test_huge_text_is_cut_not_crashed():
    r = locate("We are at Sershong. " + "blah " * 20000, call_time=CALL)
    assert r.status == "placed" and any("cut" in w for w in r.warnings)


def test_corridor_follows_the_intervals():
    r = locate("2 km past Chuku bridge", call_time=CALL)
    (ring,) = r.corridor()
    lon, lat = KORA.point_at(r.chainage_km)
    from shapely.geometry import Point, Polygon
    assert Polygon(ring).contains(Point(lon, lat))


def test_record_shape():
    rec = locate("2 km past Sershong", call_time=CALL).to_record("x1")
    assert set(rec) == {"id", "status", "lon", "lat", "chainage_km", "intervals_km", "radius_m", "clues", "message",
                        "message_zh", "readings", "question", "notes", "suggestions"}
    assert rec["id"] == "x1" and rec["radius_m"] is None and rec["clues"][0]["landmark_id"] == "sershong"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_locate_never_raises(text):
    r = locate(text, call_time=CALL)
    assert r.status in ("placed", "unplaceable")
    if r.status == "placed" and r.chainage_km is not None:
        assert 0 <= r.chainage_km < KORA.length_km


def test_future_call_time_is_flagged():
    r = locate("we left Darchen at 8:00", call_time=datetime.fromisoformat("2099-07-10T14:00:00+08:00"))
    assert r.status == "placed" and any("future" in w for w in r.warnings)


def test_said_time_after_the_call_is_explained_and_the_place_still_used():
    r = locate("we passed Sershong at 5 pm", call_time=CALL)
    assert any("after the call time" in w for w in r.warnings)
    assert r.status == "placed" and km("sershong") <= r.chainage_km < km("sershong") + 5


def test_station_layer_without_the_shipped_names():
    lms = [lm for lm in KORA.gazetteer if lm.id != "darchen"]
    kora = KORA.with_landmarks(lms)
    r = locate("we started at 8 am", call_time=CALL, kora=kora)
    assert r.status == "placed" and 0 < r.chainage_km < 20


def test_the_story_and_the_present():
    text = "我们是从上海来的，昨天住在岗加，今天早上六点出发，现在在卓玛拉山口下面，快到托吉错了"
    r = locate(text, call_time=CALL)
    assert km("dolma_la") - 0.8 < r.chainage_km < km("gauri_kund") + 0.3
    (t,) = [c for c in r.used if c.kind == "time"]
    assert t.landmark_id == "gangjia"


def test_a_duration_after_a_passed_landmark_counts_from_it():
    r = locate("刚过尊珠寺，大概走了20分钟", call_time=CALL)
    (t,) = [c for c in r.used if c.kind == "time"]
    assert t.landmark_id == "zutul_phuk" and t.elapsed_s == 1200
    assert km("zutul_phuk") < r.chainage_km < km("zutul_phuk") + 2.5


def test_height_and_heading_for_the_pass_agree():
    r = locate("We passed Shiva Tsal and are climbing to the pass. Altitude 5400m", call_time=CALL)
    assert not r.set_aside
    assert km("shiva_tsal") < r.chainage_km < km("dolma_la")
    assert abs(KORA.elevation_at(r.chainage_km) - 5400) < 60


@pytest.mark.parametrize("text,side", [("between Darchen and Dolma La", "west"), ("between Dolma La and Darchen", "west"),
                                       ("counter-clockwise, between Darchen and the pass", "east")])
def test_between_far_apart_follows_the_walk(text, side):
    r = locate(text, call_time=CALL)
    assert (r.chainage_km < km("dolma_la")) == (side == "west")
