"""Ways of speaking found missing by a blind call set (blind4, README *Locator*): decimal degrees read
in Chinese words, departures N days ago, Dolma as a person's name, "it's about half past nine",
walking on from a place, "X is behind us", "walking since 6:45", the hotel one set out from, the
clothes people leave at Shiva-tsal. Texts written for these tests."""

from datetime import datetime

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate

KORA = load_kora()


def km(lid):
    return KORA.gazetteer.get(lid).chainage_km


def inside(r, chainage):
    return any(KORA.ahead_km(a, chainage, "cw") <= KORA.ahead_km(a, b, "cw") for a, b in r.intervals_km)


def test_decimal_degrees_read_out_in_chinese_words():
    r = locate("手机定位显示 北纬三十一点零一五 东经八十一点二六一 我们在一个广场旁边")
    assert r.placed and r.explanation().startswith("coordinate fix"), r.explanation()
    assert abs(r.lat - 31.015) < 0.002 and abs(r.lon - 81.261) < 0.002


@pytest.mark.parametrize("text", ["我们五天前从塔钦出发的 现在雾太大 不知道在哪",
                                  "俩人4天前从岗加离开 到现在都没消息"])
def test_a_departure_some_days_ago_said_alone_cannot_place(text):
    assert not locate(text).placed


@pytest.mark.parametrize("text", ["my friend Dolma went to look for the path, we are lost somewhere",
                                  "our guide called Dolma said wait here, we cannot see anything"])
def test_dolma_as_a_persons_name_is_not_the_pass(text):
    assert not locate(text).placed


def test_dolma_said_for_the_pass_still_is_the_pass():
    r = locate("we are nearly at dolma, my wife can't breathe")
    assert r.placed and KORA.along_distance_km(r.chainage_km, km("dolma_la")) < 1.0


def test_the_time_now_said_with_about_is_the_call_time_not_an_event():
    r = locate("we left Zongdui at seven this morning and it's about half past eight now, my son is vomiting",
               call_time=datetime.fromisoformat("2025-07-01T08:30:00+08:00"))
    assert r.placed and not any(c.kind == "time" and c.elapsed_s < 600 for c in r.used), r.explanation()
    assert 1.5 < KORA.ahead_km(km("zongdui_supply"), r.chainage_km, "cw") < 5.0, r.explanation()


def test_walking_since_a_clock_time_counts_from_darchen():
    r = locate("we have been walking since a quarter past seven from our guesthouse in Darchen, it is ten now",
               call_time=datetime.fromisoformat("2025-07-01T10:00:00+08:00"))
    assert r.placed and 4.0 < r.chainage_km < 13.0, r.explanation()


@pytest.mark.parametrize("text", ["we had tea at the Gaize teahouse, then walked maybe 2 km more",
                                  "在改则茶馆歇了一会儿，然后又走了两公里"])
def test_walking_on_from_a_place_is_that_far_past_it(text):
    r = locate(text)
    assert r.placed and abs(KORA.ahead_km(km("gaize_teahouse"), r.chainage_km, "cw") - 2.0) < 0.6, r.explanation()


def test_a_place_behind_us_is_passed_and_the_distance_walked_is_from_the_place_before():
    r = locate("刚下了卓玛拉 往下走了五百米 那个湖已经在我们身后了")
    assert r.placed and inside(r, km("dolma_la") + 0.5), r.explanation()
    assert KORA.ahead_km(km("dolma_la"), r.chainage_km, "cw") > 0.2


def test_the_place_one_came_out_from_is_left_behind():
    r = locate("海拔五千一百米 往上爬呢 还没到垭口 早上从岗加那边出来的")
    gangjia = [c for c in r.used if c.landmark_id == "gangjia"]
    assert r.placed and gangjia and all(c.relation == "left" for c in gangjia), r.explanation()


@pytest.mark.parametrize("text", ["here people leave their old clothes on the rocks, my father is dizzy",
                                  "这里好多人把旧衣服扔在地上 我妈喘不过气"])
def test_the_clothes_people_leave_are_shiva_tsal(text):
    r = locate(text)
    assert r.placed and inside(r, km("shiva_tsal")), r.explanation()


@pytest.mark.parametrize("text,category", [
    ("我爸说胸口有点闷 坐下来歇着", "cardiac"),
    ("my mother-in-law has chest tightness and is sweating", "cardiac"),
    ("有个同伴手脚冰凉 说话直哆嗦", "hypothermia"),
    ("我老婆扭到腰了 动不了", "fall_injury"),
    ("a yak kicked my friend in the leg", "fall_injury"),
    ("我老公转山去了 三天了电话一直打不通", "lost"),
    ("我儿子说头特别疼 一直想睡", "altitude_sickness"),
])
def test_the_category_from_everyday_words(text, category):
    from rescue_desk.domain.locator.suggestions import suggest
    assert suggest(text).category.value == category


@pytest.mark.parametrize("text,n", [
    ("我是开茶馆的 有个小伙子跑来说 上面有个女的倒在路边", 1),
    ("我帮我阿爸打的 他说路边有个老外坐着不动", 1),
    ("we r 3 km past Sershong my frnd cant walk", 2),
    ("我们在岗加 我闺女发烧了", 2),
])
def test_the_party_size_from_everyday_words(text, n):
    from rescue_desk.domain.locator.suggestions import suggest
    assert suggest(text).party_size.value == n


@pytest.mark.parametrize("text", ["29.65, 91.13", "-31.07, 81.31"])
def test_short_coordinates_far_away_are_reported_as_far_not_as_no_clue(text):
    r = locate(text)
    assert "far outside the station's area" in r.message, r.message


def test_a_far_place_said_in_chinese_is_named_in_the_refusal():
    r = locate("我们在拉萨布达拉宫附近迷路了")
    assert not r.placed and "拉萨布达拉宫" in r.message
