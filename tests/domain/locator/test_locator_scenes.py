"""Scenes from the landmark notes and generic words resolved from context. Texts written for these tests."""

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.domain.locator.scenes import load_scenes

KORA = load_kora()


def km(lid):
    return KORA.gazetteer.get(lid).chainage_km


def test_every_scene_names_landmarks_of_the_shipped_table():
    for scene in load_scenes():
        assert scene.landmarks and all(lid in KORA.gazetteer for lid in scene.landmarks), scene.key
        assert scene.label_en and scene.label_zh


@pytest.mark.parametrize("text,lid", [
    ("满地都是别人扔掉的衣服 我们坐在这里 我爸起不来", "shiva_tsal"),
    ("there are heaps of discarded clothes all around us, my wife can't breathe", "shiva_tsal"),
    ("这里是最后能看到冈仁波齐的地方 好多人在磕头", "third_prostration"),
    ("the lake under the pass is completely frozen, we are right beside it", "gauri_kund"),
    ("我们刚第一次看见神山 山梁上全是经幡", "first_prostration"),
])
def test_scenes_from_the_landmark_notes_place_the_caller(text, lid):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km(lid)) < 0.8, r.explanation()


def test_a_bridge_over_the_milky_river_is_the_gendun_lachu_bridge():
    r = locate("we are on the iron bridge over the milky glacier stream, my son is hurt")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("gendun_lachu_bridge")) < 0.6


def test_a_bridge_after_a_named_place_is_the_next_bridge_on():
    r = locate("we left Zutul Phuk this morning and just crossed the iron bridge")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("gendun_lachu_bridge")) < 1.0


def test_a_generic_word_after_a_name_is_that_place():
    r = locate("我们在改则茶馆 就在茶馆里面坐着 有人拉肚子")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("gaize_teahouse")) < 0.6


def test_a_prostration_point_not_said_which_keeps_every_piece():
    r = locate("we are at a place where people are prostrating")
    assert r.placed and len(r.intervals_km) >= 3


@pytest.mark.parametrize("text,lid", [
    ("我爸在那个白塔下面歇着 就是两条腿 人能从中间穿过去的塔", "chorten_kangnyi"),
    ("we just ducked under a white chorten that stands on two legs, my brother twisted his knee", "chorten_kangnyi"),
    ("there is a stone with the holy footprint and a horse-headed deity carved next to it, my wife is dizzy",
     "nw_buddha_footprint"),
    ("到了整条路最高的那个地方 风很大 我朋友喘不上气", "dolma_la"),
    ("we are resting at a gompa that is built into a cave, the one from Milarepa's magic contest", "zutul_phuk"),
    ("这里好多骑马的人都下马了 有面包车等着回塔钦的 我妈走不动了", "zongdui_supply"),
    ("this is where everyone hires horses for the kora, my friend feels sick already", "sershong"),
])
def test_scenes_pilgrims_describe_without_names(text, lid):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km(lid)) < 0.8, r.explanation()
    assert sum(KORA.ahead_km(a, b, "cw") for a, b in r.intervals_km) < 3.0, r.explanation()


def test_vultures_say_a_sky_burial_ground_and_the_flagpole_says_which():
    r = locate("上面是天葬的地方 好多秃鹫在飞 离大经幡杆不远")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("sky_burial_tarboche")) < 0.8, r.explanation()
    alone = locate("we can see lots of vultures on the slope, my father sat down and cannot go on")
    assert alone.placed and len(alone.intervals_km) == 2  # Tarboche's ground or Shiva-tsal: both kept


def lm_point(lid):
    lm = KORA.gazetteer.get(lid)
    return lm.lon, lm.lat


def off_by_m(r, lid):
    from rescue_desk.domain.geo import geodesic_distance_m
    return geodesic_distance_m(r.lon, r.lat, *lm_point(lid))


@pytest.mark.parametrize("text,lid", [
    ("we climbed up from the trail to visit Chuku monastery, my husband slipped on the steps", "chuku_gompa"),
    ("我们过了河 爬上去参观止热寺 现在在寺里 同伴头很痛", "drira_phuk_gompa"),
    ("we climbed up the slope behind the big flagpole to the sky burial ground, vultures everywhere, my mother fell",
     "sky_burial_tarboche"),
])
def test_a_caller_who_went_to_an_off_trail_place_is_placed_at_it(text, lid):
    r = locate(text)
    assert r.placed and r.radius_m and off_by_m(r, lid) <= r.radius_m, r.explanation()


def test_a_monastery_only_seen_across_the_river_keeps_the_caller_on_the_trail():
    r = locate("我们在曲古桥补给点 河对面崖上面挂着一个寺 我妈不舒服")
    assert r.placed and r.radius_m is None, r.explanation()


def test_a_generic_sky_burial_after_a_name_is_the_one_by_that_name():
    r = locate("we are at the Tarboche sky burial, my friend fainted")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("sky_burial_tarboche")) < 0.3, r.explanation()
    assert "tarboche" not in " ".join(r.not_understood)


@pytest.mark.parametrize("text,lid", [
    ("halfway between Gangjia and the small sky burial supply point, my brother is vomiting", None),
    ("我们在曲古寺桥这边 等人", "chuku_bridge_supply"),
])
def test_a_generic_word_after_another_place_is_the_one_near_it(text, lid):
    r = locate(text)
    assert r.placed, r.explanation()
    if lid is None:  # the supply point by Shiva-tsal is the west one, before it
        middle = (km("gangjia") + km("sky_burial_w_supply")) / 2
        assert abs(r.chainage_km - middle) < 0.2, r.explanation()
    else:
        assert KORA.along_distance_km(r.chainage_km, km(lid)) < 0.3, r.explanation()


@pytest.mark.parametrize("text,lo,hi", [
    ("we are somewhere in the east valley, the altimeter shows 4800 m, my wife is exhausted", "phakna_rigzin_supply", "zongdui_supply"),
    ("还在西边那条大河谷里 手机海拔四千八 同伴走不动了", "sershong", "drira_bridge_fork"),
])
def test_a_valley_said_with_a_height_keeps_the_height_in_that_valley(text, lo, hi):
    r = locate(text)
    assert r.placed and km(lo) - 0.3 <= r.chainage_km <= km(hi) + 0.3, r.explanation()


def test_a_stupa_said_after_the_two_legged_one_is_that_stupa():
    r = locate("过了那个能从底下钻过去的两腿塔 又过了塔大概八百米 我妈头晕")
    assert r.placed and abs(r.chainage_km - (km("chorten_kangnyi") + 0.8)) < 0.4, r.explanation()


@pytest.mark.parametrize("text,lid", [
    ("we are by a little lake just beneath the pass, my son has a headache", "gauri_kund"),
    ("there are old clothes strewn over the slope here, my wife sat down", "shiva_tsal"),
])
def test_more_ways_to_describe_the_lake_and_the_clothes(text, lid):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km(lid)) < 0.8, r.explanation()


def test_a_scene_said_just_past_its_place_still_places():
    r = locate("刚过第一朝拜处一点点 就是第一次能看到神山的地方 有人晕倒")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("first_prostration")) < 0.6, r.explanation()
    assert sum(KORA.ahead_km(a, b, "cw") for a, b in r.intervals_km) < 2.5, r.explanation()


@pytest.mark.parametrize("text,lid", [
    ("我们刚过了岗加后面的那座桥 同伴摔了", "drira_east_bridge"),
    ("we are waiting at the bridge before Gangjia, my friend is dizzy", "drira_bridge_fork"),
])
def test_a_bare_generic_word_next_to_a_place_is_the_next_one_of_its_kind(text, lid):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km(lid)) < 0.6, r.explanation()


@pytest.mark.parametrize("text", ["有个磕头的地方 但是这里看不到神山 只有南边的大草原",
                                  "a prostration spot where you can't see the mountain, just the wide plain to the south"])
def test_the_prostration_point_without_a_view(text):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("fourth_prostration")) < 0.8, r.explanation()


def test_every_row_of_the_scene_table_has_every_column():
    import csv
    import io
    from rescue_desk.domain.assets import asset_text
    rows = list(csv.reader(io.StringIO(asset_text("kora", "scenes.csv"))))
    assert all(len(r) == len(rows[0]) for r in rows[1:]), [r[0] for r in rows[1:] if len(r) != len(rows[0])]


def test_the_foot_of_the_final_climb_is_not_the_whole_climb():
    r = locate("we are at the bottom of the last big climb to the pass, my son cannot go on")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("dolma_la_climb_start")) < 0.4, r.explanation()


def test_a_river_whose_water_is_white_settles_the_bridge():
    r = locate("我们在铁桥边上 这条河的河水是白色的 有人摔了")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("gendun_lachu_bridge")) < 0.6, r.explanation()


@pytest.mark.parametrize("text", [
    "停车的那个广场 有一根很高的杆子 上面绑满了经幡 我奶奶下车就晕了",
    "we got off the bus at a square with a giant pole wrapped in prayer flags, my uncle is breathless",
])
def test_the_great_flagpole_described_without_its_name_is_tarboche(text):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("tarboche")) < 0.8, r.explanation()


@pytest.mark.parametrize("text,lid", [
    ("we are at the two-legged chorten, the one you pass under, my mother fell", "chorten_kangnyi"),
    ("we are at Zongdui, the cars pass by here, my friend is exhausted", "zongdui_supply"),
])
def test_pass_as_a_verb_is_not_the_pass(text, lid):
    r = locate(text)
    assert r.placed and KORA.along_distance_km(r.chainage_km, km(lid)) < 0.8, r.explanation()
