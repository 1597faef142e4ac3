"""Reading clues from free text: landmarks, relations, distances, times, heights, direction."""

from datetime import datetime

import pytest
from hypothesis import given, settings, strategies as st

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator.parser import parse_description

KORA = load_kora()
CALL = datetime.fromisoformat("2024-07-10T14:00:00+08:00")


def clues(text, **kw):
    return parse_description(text, KORA, kw.pop("call_time", CALL), **kw).clues


def only(text, **kw):
    cs = clues(text, **kw)
    assert len(cs) == 1, cs
    return cs[0]


@pytest.mark.parametrize("text,landmark,relation,km", [
    ("About 2 km past Chuku bridge", "chuku_bridge_supply", "past", 2.0),
    ("we're 1.5km after Sershong", "sershong", "past", 1.5),
    ("500 m before the second prostration point", "second_prostration", "before", 0.5),
    ("still three km to go to Zutul Phuk", "zutul_phuk", "before", 3.0),
    ("过了卓玛拉山口大概两公里", "dolma_la", "past", 2.0),
    ("离宗堆补给点还有一公里左右", "zongdui_supply", "before", 1.0),
    ("还差五百米到卓玛拉", "dolma_la", "before", 0.5),
    ("色雄之后三点五公里", "sershong", "past", 3.5),
    ("刚过岗加一公里", "gangjia", "past", 1.0),
    ("about 1,5 km past Sershong", "sershong", "past", 1.5),
    ("1-2 km past Sershong", "sershong", "past", 1.5),
    ("过了色雄两三公里", "sershong", "past", 2.5),
])
def test_distance_relations(text, landmark, relation, km):
    c = only(text)
    assert (c.landmark_id, c.relation, c.distance_km) == (landmark, relation, pytest.approx(km))


@pytest.mark.parametrize("text,landmark,relation", [
    ("We are at Sershong", "sershong", "at"),
    ("somewhere near Tarboche", "tarboche", "near"),
    ("我们在第二朝拜处附近", "second_prostration", "near"),
    ("almost at Dolma La", "dolma_la", "almost"),
    ("快到卓玛拉山口了", "dolma_la", "almost"),
    ("just passed Shiva-tsal", "shiva_tsal", "just_past"),
    ("刚过小天葬台", "shiva_tsal", "just_past"),
    ("we haven't reached Gangjia yet", "gangjia", "before"),
    ("还没到岗加", "gangjia", "before"),
])
def test_plain_relations(text, landmark, relation):
    c = only(text)
    assert (c.landmark_id, c.relation) == (landmark, relation)


@pytest.mark.parametrize("text,a,b,relation", [
    ("somewhere between Sershong and Chuku bridge", "sershong", "chuku_bridge_supply", "between"),
    ("在第二朝拜处和马头明王驿站之间", "second_prostration", "tamdrin_drongkhang", "between"),
    ("halfway between Shiva-tsal and Dolma La", "shiva_tsal", "dolma_la", "halfway"),
    ("on the way from Gangjia to the pass", "gangjia", "dolma_la", "between"),
    ("从尊珠寺到宗堆的路上", "zutul_phuk", "zongdui_supply", "between"),
    ("3 km from Zutul Phuk on the way to Darchen", "zutul_phuk", "darchen", "toward"),
    ("尊珠寺去塔钦的路上三公里", "zutul_phuk", "darchen", "toward"),
    ("牧民来报：尊珠寺往塔钦方向三公里左右", "zutul_phuk", "darchen", "toward"),
])
def test_pairs(text, a, b, relation):
    c = only(text)
    assert (c.landmark_id, c.other_id, c.relation) == (a, b, relation)


@pytest.mark.parametrize("text", ["Drira Phuk", "dirapuk", "we are at Diraphuk", "直热"])
def test_drira_phuk_means_the_gangjia_lodgings(text):
    assert only(text).landmark_id == "gangjia"


def test_drira_phuk_monastery_stays_the_monastery():
    assert only("at Drira Phuk monastery").landmark_id == "drira_phuk_gompa"


@pytest.mark.parametrize("text,landmark", [("near Shershong", "sershong"), ("at Zuthul Puk", "zutul_phuk"),
                                           ("at Hayagriva staton", "tamdrin_drongkhang"),
                                           ("near Gowri Kund", "gauri_kund"), ("at the 4th prostration point", "fourth_prostration"),
                                           ("at Phakna Rigzin", "phakna_rigzin_supply"),
                                           ("we are at first prostration", "first_prostration"),
                                           ("我们在改则茶馆", "gaize_teahouse")])
def test_misspellings_and_name_parts(text, landmark):
    assert only(text).landmark_id == landmark


@pytest.mark.parametrize("text,direction", [
    ("we walk counter-clockwise", "ccw"), ("anticlockwise", "ccw"), ("我们逆时针转山", "ccw"),
    ("我们反着转", "ccw"), ("we are Bon pilgrims", "ccw"), ("clockwise as usual", "cw"), ("hello", "cw"),
])
def test_direction(text, direction):
    assert parse_description(text, KORA, CALL).direction == direction


@pytest.mark.parametrize("text,landmark,hours", [
    ("left Darchen at 7:40", "darchen", 6 + 20 / 60),
    ("早上七点从塔钦出发", "darchen", 7),
    ("walked 3.5 hours since Drira Phuk", "gangjia", 3.5),
    ("passed Chuku bridge at 10:20 am", "chuku_bridge_supply", 3 + 40 / 60),
    ("下午1点32分经过马头明王驿站", "tamdrin_drongkhang", 28 / 60),
    ("走了一个半小时，从岗加出发的", "gangjia", 1.5),
    ("we passed Sershong 2 hours ago", "sershong", 2),
    ("We set off from Tarchen at 7.40 this morning", "darchen", 6 + 20 / 60),
    ("we reached Hayagriva station at noon and walked on", "tamdrin_drongkhang", 2),
    ("今天上午十点离开岗加", "gangjia", 4),
    ("两个小时前经过曲古桥", "chuku_bridge_supply", 2),
    ("we started the kora at 8 this morning", "darchen", 6),
    ("We are 30 minutes past Sershong", "sershong", 0.5),
    ("从岗加出发走了三四个小时", "gangjia", 3.5),
])
def test_time_clues(text, landmark, hours):
    (c,) = [c for c in clues(text) if c.kind == "time"]
    assert c.landmark_id == landmark
    assert c.elapsed_s == pytest.approx(hours * 3600, abs=60)


def test_time_in_the_future_is_refused():
    pd = parse_description("we passed Sershong at 4:30 pm", KORA, CALL)
    assert not [c for c in pd.clues if c.kind == "time"]
    assert any("after the call time" in p for p in pd.problems)


def test_ambiguous_clock_takes_the_latest_past_moment():
    (c,) = [c for c in clues("left Darchen at 1:30") if c.kind == "time"]
    assert c.event_time.hour == 13


@pytest.mark.parametrize("text,metres,slope", [
    ("My phone says 5450 m and we are still climbing", 5450, "climbing"),
    ("手机显示海拔5300米，刚翻过垭口往下走", 5300, "descending"),
    ("altitude 17,000 ft", 17000 * 0.3048, None),
    ("elevation 5,100m, going down", 5100, "descending"),
    ("GPS: 5120 m a.s.l.", 5120, None),
])
def test_elevation(text, metres, slope):
    (e,) = [c for c in clues(text) if c.kind == "elevation"]
    assert e.elevation_m == pytest.approx(metres) and e.slope == slope


def test_out_of_range_elevation_is_a_problem():
    pd = parse_description("altimeter 8848 m", KORA, CALL)
    assert not pd.clues and pd.problems


@pytest.mark.parametrize("text,scene", [("over the pass, green lake below", "lake_below"),
                                        ("the north face is right in front of us", "north_face"),
                                        ("we walk along a cliff path", "cliff"), ("到处都是衣服堆", "clothes")])
def test_scenes(text, scene):
    assert scene in [c.scene for c in clues(text) if c.kind == "scene"]


def test_station_landmark_layer_is_scanned_at_once():
    base = KORA.gazetteer.get("sershong")
    extra = base.with_changes(id="yak_camp", name_en="Yak herders camp", name_zh="牦牛营地", aliases_en=(),
                              aliases_zh=(), chainage_km=9.0, origin="station")
    kora = KORA.with_landmarks(list(KORA.gazetteer) + [extra])
    (c,) = parse_description("we are at the yak herders camp", kora, CALL).clues
    assert c.landmark_id == "yak_camp"


def test_unknown_place_names_are_reported():
    pd = parse_description("we are near Tsering monastery", KORA, CALL)
    assert any("tsering" in w for w in pd.not_understood)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_whole_text_never_raises(text):
    parse_description(text, KORA, CALL)


_PIECES = st.sampled_from(["we are", "about", "2 km", "past", "before", "Sershong", "色雄", "过了", "两公里",
                           "between", "and", "Dolma La", "at 7:40", "早上8点", "海拔5300米", "31.05, 81.28",
                           "逆时针", ",", "。", "\x00", "🙂", "lat 95", "UTM 44R 528117 3440231", "1.5小时"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=14))
def test_clue_soup_never_raises(pieces):
    parse_description(" ".join(pieces), KORA, CALL)


@pytest.mark.parametrize("text,landmark", [("我们在景区售票处（塔钦西北角）", "kora_gate"), ("at Saga Dawa flagpole", "tarboche"),
                                           ("我们在大经幡杆附近", "tarboche"), ("at Darchen (town)", "darchen")])
def test_full_names_with_brackets_and_scene_words_are_one_landmark(text, landmark):
    assert [c.landmark_id for c in clues(text)] == [landmark]


def test_a_view_of_darchen_is_a_scene_not_a_place():
    assert [c.kind for c in clues("we can see Darchen below us")] == ["scene"]


@pytest.mark.parametrize("text", ["we are lost", "我们迷路了", "we're in the tent", "call me at 13912345678",
                                  "we are on the kora, 2 people injured", "我们在转山的路上"])
def test_no_place_words_give_no_clue(text):
    assert clues(text) == []


def test_yesterdays_lodging_is_where_they_came_from():
    (c,) = clues("昨天住在岗加")
    assert (c.landmark_id, c.relation) == ("gangjia", "left")


def test_what_is_said_about_now_is_marked():
    cs = clues("we passed Sershong, now we are at Chuku bridge")
    assert [c.now for c in cs] == [False, True]


def test_hours_still_to_go_are_not_a_time_since():
    cs = clues("还有两个小时到宗堆")
    assert [(c.kind, c.relation, c.landmark_id, c.elapsed_s) for c in cs] == [("time", "to_go", "zongdui_supply", 7200.0)]


@pytest.mark.parametrize("text,landmark", [("我们在景区检票口", "kora_gate"), ("near Gendun Lachu bridge", "gendun_lachu_bridge")])
def test_everyday_names(text, landmark):
    assert only(text).landmark_id == landmark


@pytest.mark.parametrize("text,direction", [("we passed Zongdui and are heading to Zutul Phuk", "ccw"),
                                            ("刚过宗堆，快到第四朝拜处了", "ccw"),
                                            ("we passed Sershong and are heading to Chuku", "cw")])
def test_direction_inferred_from_the_order_of_places(text, direction):
    assert parse_description(text, KORA, CALL).direction == direction
