"""Constructs found missing by the held-out call set (data/unseen_calls.jsonl): station numbers,
name variants, arrivals, decimal commas, pair labels, 'halfway to B', hours still to go, passing times."""

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.domain.locator.coordinates import decimal_commas, find_coordinates
from rescue_desk.domain.locator.parser import parse_description
from rescue_desk.domain.locator.text import clean_text, convert_english_numbers

KORA = load_kora()
CALL = datetime.fromisoformat("2024-07-10T14:00:00+08:00")
UNSEEN = Path(__file__).parent / "data" / "unseen_calls.jsonl"


def clues(text, **kw):
    return parse_description(text, KORA, kw.pop("call_time", CALL), **kw).clues


def only(text, **kw):
    cs = clues(text, **kw)
    assert len(cs) == 1, cs
    return cs[0]


def km(landmark_id):
    return KORA.gazetteer.get(landmark_id).chainage_km


def read(text):
    return find_coordinates(clean_text(text)[0])


@pytest.mark.parametrize("text,landmark", [
    ("我们现在在2号朝拜点", "second_prostration"), ("第2朝拜点这里有人摔伤了", "second_prostration"),
    ("在二号朝拜点", "second_prostration"), ("快到第二个朝拜点了", "second_prostration"),
    ("现在人在4号朝拜点旁边", "fourth_prostration"), ("在第三朝拜点休息", "third_prostration"),
])
def test_station_numbered_names(text, landmark):
    assert only(text).landmark_id == landmark


def test_a_date_with_hao_is_not_a_station_number():
    assert clues("10月2号出发，现在迷路了") == []


@pytest.mark.parametrize("text,landmark", [
    ("passed the medicine buddha supply about 2 km ago", "medicine_buddha_supply"),
    ("left the earth nail supply point", "phakna_rigzin_supply"),
    ("we are approaching the Hayagriva, slowly", "tamdrin_drongkhang"),
])
def test_names_without_generic_words(text, landmark):
    assert only(text).landmark_id == landmark


@pytest.mark.parametrize("text,relation", [
    ("刚到色雄补给点，有人抽搐", "at"), ("现在到岗加了，朋友不行了", "at"), ("快到岗加了", "almost"),
    ("离岗加不远了", "almost"), ("Started at Zutul Phuk this morning", "left"),
])
def test_arrival_and_departure_words(text, relation):
    assert only(text).relation == relation


@pytest.mark.parametrize("text,landmark,relation,dist", [
    ("we're 2 km from Gangjia still, getting dark", "gangjia", "before", 2.0),
    ("Hayagriva station should be 1 km further on", "tamdrin_drongkhang", "before", 1.0),
    ("We r 1 km bfore dolma la", "dolma_la", "before", 1.0),
    ("过了 second prostration point, about 1 km", "second_prostration", "past", 1.0),
    ("我们走过了曲古寺，大约1公里", "chuku_gompa", "past", 1.0),
    ("快到卓玛拉了，还有500米", "dolma_la", "before", 0.5),
])
def test_distance_words(text, landmark, relation, dist):
    c = only(text)
    assert (c.landmark_id, c.relation, c.distance_km) == (landmark, relation, dist)


@pytest.mark.parametrize("text,lat,lon", [
    ("31,0647 81,2845", 31.0647, 81.2845), ("31,0399; 81,3771", 31.0399, 81.3771),
    ("lat 31,06470 lon 81,28452", 31.0647, 81.28452), ("31,06 81,28", 31.06, 81.28),
    ("N 31º5'57.5\" E 81º20'5.7\"", 31 + 5 / 60 + 57.5 / 3600, 81 + 20 / 60 + 5.7 / 3600),
    ("31˚04.430' N 81˚16.942' E", 31 + 4.43 / 60, 81 + 16.942 / 60),
    ("lat/lon: 30.99864 / 81.35785", 30.99864, 81.35785), ("lon/lat: 81.35785, 30.99864", 30.99864, 81.35785),
    ("经纬度 81.35785,30.99864", 30.99864, 81.35785),
])
def test_more_coordinate_formats(text, lat, lon):
    rs = [r for r in read(text) if r.problem is None]
    assert len(rs) == 1, rs
    assert rs[0].lat == pytest.approx(lat, abs=2e-6) and rs[0].lon == pytest.approx(lon, abs=2e-6)


def test_thousands_commas_stay_heights_not_coordinates():
    assert read("altitude 5,200 m, 3,4 people") == []
    assert [c.elevation_m for c in clues("altimeter 5,200 m, going up") if c.kind == "elevation"] == [5200.0]


@given(st.text(alphabet="0123456789,.; ab", max_size=40))
def test_decimal_commas_keep_every_position(text):
    out = decimal_commas(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c != text[i]] == [i for i, c in enumerate(text) if c != out[i]]
    assert all(text[i] == "," and out[i] == "." for i in range(len(text)) if text[i] != out[i])


@pytest.mark.parametrize("text,a,b", [
    ("We left Sershong an hour ago. Now about halfway to Chuku Gompa.", "sershong", "chuku_gompa"),
    ("从岗加出发的，现在差不多走到卓玛拉的一半了", "gangjia", "dolma_la"),
    ("Chuku bridge behind us. We are maybe half way to the 2nd prostration point", "chuku_bridge_supply",
     "second_prostration"),
])
def test_halfway_to_a_place_after_an_earlier_one(text, a, b):
    half = [c for c in clues(text) if c.relation == "halfway"]
    assert [(c.landmark_id, c.other_id) for c in half] == [(a, b)]
    r = locate(text, call_time=CALL)
    assert abs(r.chainage_km - (km(a) + km(b)) / 2) < 0.4


@pytest.mark.parametrize("text,landmark,hours", [
    ("还有两个小时到马头明王驿站", "tamdrin_drongkhang", 2.0),
    ("the guide says one more hour to the second prostration point", "second_prostration", 1.0),
    ("还要一个半小时才到第二朝拜处", "second_prostration", 1.5),
    ("about 2 hours still to walk to the iron bridge before Gangjia", "drira_bridge_fork", 2.0),
    ("Gangjia is 3 hours away", "gangjia", 3.0),
])
def test_hours_still_to_go(text, landmark, hours):
    t = [c for c in clues(text) if c.kind == "time"]
    assert [(c.relation, c.landmark_id, c.elapsed_s) for c in t] == [("to_go", landmark, hours * 3600)]
    r = locate(text, call_time=CALL)
    behind = (km(landmark) - r.chainage_km) % KORA.length_km
    assert 1.0 * hours < behind < 6.0 * hours  # 1-6 km per hour of walking, and before the place, not past it


def test_more_time_to_go_means_further_back():
    near = locate("one more hour to Gangjia", call_time=CALL).chainage_km
    far = locate("three more hours to Gangjia", call_time=CALL).chainage_km
    assert far < near < km("gangjia")


def test_hours_ago_stay_a_time_since():
    c = only("两个小时前经过色雄")
    assert (c.kind, c.relation, c.landmark_id, c.elapsed_s) == ("time", "since", "sershong", 7200.0)


def test_more_unit_word_order():
    assert convert_english_numbers("2 more hours to go") == "2 hours more to go"
    assert convert_english_numbers("1.5 more km") == "1.5 km more"


@pytest.mark.parametrize("text,landmark,clock", [
    ("10点20过的曲古桥", "chuku_bridge_supply", "10:20"), ("十二点十过的曲古桥，现在还在往前走", "chuku_bridge_supply", "12:10"),
    ("crossed the Chuku bridge at 10:44, walking slowly since", "chuku_bridge_supply", "10:44"),
    ("Tarboche at 9:54, since then walking up the valley", "tarboche", "09:54"),
    ("上午11点25分到的色雄，一直在往前走", "sershong", "11:25"),
    ("We began the kora in Darchen at 8.30, now we're tired", "darchen", "08:30"),
])
def test_passing_times(text, landmark, clock):
    t = [c for c in clues(text) if c.kind == "time"]
    assert [(c.landmark_id, c.event_time.strftime("%H:%M")) for c in t] == [(landmark, clock)]


@pytest.mark.parametrize("text", ["help", "我们迷路了", "手机快没电了，快来", "somewhere on the kora, please come fast",
                                  "在河边，朋友不行了", "Where are we?? please send someone", "在山上，下不去了"])
def test_no_clue_stays_unplaceable(text):
    assert locate(text, call_time=CALL).status == "unplaceable"


def test_held_out_set_is_well_formed():
    rows = [json.loads(x) for x in UNSEEN.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 150 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["expect"] in ("place", "unplaceable") and r["text"] and r["kind"]
        assert (r["truth"] == {}) == (r["expect"] == "unplaceable")
        if "time" in r:
            assert datetime.fromisoformat(r["time"]).utcoffset() is not None


@pytest.mark.parametrize("text,word", [("we passed Selung, my friend is sick", "selung"),
                                       ("过了拉曲以后走了一公里", "拉曲"), ("在玛尼堆附近", "玛尼堆"),
                                       ("we are near Kangri, past Sershong", "kangri")])
def test_unknown_words_where_a_place_would_stand_are_reported(text, word):
    assert word in parse_description(text, KORA, CALL).not_understood


@pytest.mark.parametrize("text", ["我们早上8点半经过色雄，现在还在往前走。", "色雄过了一公里半，有人摔了",
                                  "we are near the river, past the bridge at Chuku", "at least 2 km past Sershong"])
def test_everyday_words_are_not_reported_as_unknown_places(text):
    assert parse_description(text, KORA, CALL).not_understood == []


@pytest.mark.parametrize("text,lat,lon", [
    ("bd09: 31.017536, 81.386479", 31.017536, 81.386479), ("WGS84 30.973707,81.293193", 30.973707, 81.293193),
    ("31-05-44.0N 81-17-41.3E", 31 + 5 / 60 + 44 / 3600, 81 + 17 / 60 + 41.3 / 3600),
    ("北纬 N31°1′44″ 东经 E81°22′36″", 31 + 1 / 60 + 44 / 3600, 81 + 22 / 60 + 36 / 3600),
])
def test_datum_names_dashes_and_double_labels(text, lat, lon):
    rs = [r for r in read(text) if r.problem is None]
    assert len(rs) == 1, rs
    assert rs[0].raw_lat == pytest.approx(lat, abs=2e-6) and rs[0].raw_lon == pytest.approx(lon, abs=2e-6)


def test_utm_easting_with_a_leading_zero():
    a, b = read("UTM 44R 0526894 3436720"), read("UTM 44R 526894 3436720")
    assert len(a) == 1 and (a[0].lon, a[0].lat) == (b[0].lon, b[0].lat)


def test_ordinal_supply_points_count_from_darchen_in_the_walking_direction():
    supplies = [lm.id for lm in KORA.gazetteer.by_chainage() if "supply" in lm.kinds]
    pd = parse_description("我们在第一个补给点和第二个补给点之间", KORA, CALL)
    assert [(c.relation, c.landmark_id, c.other_id) for c in pd.clues] == [("between", supplies[0], supplies[1])]
    assert any("check with the caller" in w for w in pd.warnings)
    assert only("just past the second supply point").landmark_id == supplies[1]
    assert only("反方向转山，刚过第一个补给点").landmark_id == supplies[-1]
    assert clues("第十二个补给点") == []


def test_a_bare_hour_before_a_comma_is_a_clock_time():
    t = [c for c in clues("We spent the night at Dirapuk and left at 7, now in trouble",
                          call_time=datetime.fromisoformat("2024-07-10T10:30:00+08:00")) if c.kind == "time"]
    assert [(c.landmark_id, c.elapsed_s) for c in t] == [("gangjia", 3.5 * 3600)]


def test_on_the_side_of_a_place_means_between():
    c = only("we're below the pass on the Zutul Phuk side")
    assert (c.kind, c.landmark_id, c.other_id) == ("between", "dolma_la", "zutul_phuk")


def test_time_to_go_in_its_own_clause_refers_to_the_place_ahead():
    t = [c for c in clues("快到宗堆了，还有一个小时") if c.kind == "time"]
    assert [(c.relation, c.landmark_id, c.elapsed_s) for c in t] == [("to_go", "zongdui_supply", 3600.0)]


@pytest.mark.parametrize("text,a,b", [("在2号和3号朝拜点之间", "second_prostration", "third_prostration"),
                                      ("between the 2nd and 3rd prostration points", "second_prostration",
                                       "third_prostration"),
                                      ("在第一和第二补给点之间", "sershong", "chuku_bridge_supply")])
def test_a_noun_shared_by_two_numbered_places(text, a, b):
    c = only(text)
    assert (c.relation, c.landmark_id, c.other_id) == ("between", a, b)


@pytest.mark.parametrize("text,relation", [("two km before the lake", "before"), ("我们在湖边休息", "at")])
def test_the_lake_is_gauri_kund(text, relation):
    c = only(text)
    assert (c.landmark_id, c.relation) == ("gauri_kund", relation)


@pytest.mark.parametrize("text,landmark,hours", [
    ("we walked from Darchen since 7am", "darchen", 3.5), ("出发三个多小时了", "darchen", 3.3),
    ("we are 2 hrs from Tarboche", "tarboche", 2.0),
])
def test_more_ways_to_say_a_time_since(text, landmark, hours):
    t = [c for c in clues(text, call_time=datetime.fromisoformat("2024-07-10T10:30:00+08:00")) if c.kind == "time"]
    assert [(c.relation, c.landmark_id) for c in t] == [("since", landmark)]
    assert t[0].elapsed_s == pytest.approx(hours * 3600)


def test_a_time_since_leaving_replaces_the_vague_left_clue():
    cs = clues("第二天，早上从岗加出发，走了三个小时")
    assert [(c.kind, c.relation, c.landmark_id, c.elapsed_s) for c in cs] == [("time", "since", "gangjia", 3 * 3600.0)]


@pytest.mark.parametrize("text,dist", [("we're 8 km into the kora", 8.0), ("大约走了6公里", 6.0)])
def test_distance_walked_without_a_place_counts_from_darchen(text, dist):
    pd = parse_description(text, KORA, CALL)
    assert [(c.relation, c.landmark_id, c.distance_km) for c in pd.clues] == [("past", "darchen", dist)]
    assert any("Darchen" in w for w in pd.warnings)


def test_a_distance_alone_is_still_no_clue():
    assert locate("我们迷路了，大概8公里", call_time=CALL).status == "unplaceable"


def test_the_parsers_own_placeholder_brackets_in_a_callers_text_are_harmless():
    r = locate("⟦0⟧ ⟦1⟧ ⟨d0⟩ 2 km past Sershong ⟨t0⟩", call_time=CALL)
    assert r.placed and abs(r.chainage_km - (km("sershong") + 1.9)) < 0.3


@given(st.lists(st.sampled_from(["⟦0⟧", "⟨u1⟩", "2号", "第二和", "lat/lon", "31,0647", "81,2845", "still", "to go",
                                 "halfway to", "side of", "过了", "曲古", "Sershong", "2 more hours", "at 7,", " ",
                                 "三个多小时", "走了", "km", "wgs84", "31-05-44.0n", "的一半"]), max_size=30))
def test_new_constructs_never_raise(parts):
    r = locate(" ".join(parts), call_time=CALL)
    assert r.status in ("placed", "unplaceable")


@pytest.mark.parametrize("text,landmark,relation,dist", [
    ("我们刚从卓玛拉下来", "dolma_la", "just_past", None), ("下了垭口走了大概两公里", "dolma_la", "past", 2.0),
])
def test_coming_down_from_a_place(text, landmark, relation, dist):
    c = only(text)
    assert (c.landmark_id, c.relation, c.distance_km) == (landmark, relation, dist)


def test_between_said_to_be_in_the_middle_is_halfway():
    c = only("我们在卓玛拉和尊珠寺中间，大概一半的位置")
    assert (c.relation, c.landmark_id, c.other_id) == ("halfway", "dolma_la", "zutul_phuk")
    assert only("在卓玛拉和尊珠寺中间").relation == "between"


@pytest.mark.parametrize("text,landmark,relation,dist", [
    ("About 2 kms ahead of Sershong", "sershong", "past", 2.0),
    ("Gangjia is about 1.5 km ahead of us", "gangjia", "before", 1.5),
    ("We r near shiva tsal, 1 km before", "shiva_tsal", "before", 1.0),
    ("at Sershong, maybe 2 km after", "sershong", "past", 2.0),
])
def test_ahead_of_and_bare_before_after(text, landmark, relation, dist):
    c = only(text)
    assert (c.landmark_id, c.relation, c.distance_km) == (landmark, relation, dist)


def test_an_hour_back_is_an_hour_ago():
    c = only("We crossed the Drolma La an hour back")
    assert (c.kind, c.landmark_id, c.elapsed_s) == ("time", "dolma_la", 3600.0)
