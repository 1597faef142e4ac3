"""Reading the whole story: self-corrections, tense (history vs now), relayed calls, negation and
direction words. Texts written for these tests."""

from datetime import datetime

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.domain.locator.parser import BEIJING

KORA = load_kora()


def km(lid):
    return KORA.gazetteer.get(lid).chainage_km


def near(r, expected, tol):
    assert r.placed, r.message
    assert KORA.along_distance_km(r.chainage_km, expected) < tol, (r.chainage_km, expected, r.explanation())


@pytest.mark.parametrize("text,lid", [
    ("我们到宗堆了 不对不对 宗堆还没到 我们在第四朝拜处", "fourth_prostration"),
    ("we're at Gangjia, no wait, sorry, we are at Zutul Phuk, my dad is sick", "zutul_phuk"),
    ("在曲古桥补给点 哦不是 是马头明王驿站 有人晕了", "tamdrin_drongkhang"),
])
def test_a_self_correction_replaces_what_it_corrects(text, lid):
    near(locate(text), km(lid), 0.6)


def test_a_corrected_number_replaces_the_first_one():
    r = locate("过了色雄有四公里 嗯不对 我看了下手表 是一公里")
    near(r, km("sershong") + 0.95, 0.4)


@pytest.mark.parametrize("text,lid", [
    ("昨天住的岗加 早上在斯巴恰天葬台歇了一下 现在在卓玛拉山口 同伴不舒服", "dolma_la"),
    ("we had tea at Sershong, took photos at Tarboche, and now we are at the Chuku bridge supply point", "chuku_bridge_supply"),
])
def test_the_latest_present_place_locates_and_earlier_ones_are_history(text, lid):
    r = locate(text)
    near(r, km(lid), 0.6)
    assert r.interval_length_km() < 3.0


@pytest.mark.parametrize("text,expected", [
    # a shopkeeper at one place reports a walker further on towards another
    ("我是在药师佛沟补给点开店的 刚才有个香客说 往改则茶馆那边走两公里 有个人摔倒了", km("medicine_buddha_supply") + 1.9),
    ("I'm a guide, I am at Gangjia now. My client says he is about 2 km behind me, he can't walk", km("gangjia") - 1.9),
    ("Hello, calling from our guest house in Darchen. Our driver says one of our group is at Zutul Phuk, vomiting",
     km("zutul_phuk")),
])
def test_a_relayed_call_places_the_casualty_not_the_caller(text, expected):
    near(locate(text), expected, 0.6)


def test_a_place_ruled_out_is_not_a_clue():
    r = locate("我们在止热寺里面 不是岗加那边 有个老人倒下了")
    assert r.placed and all(c.landmark_id != "gangjia" for c in r.used)


def test_direction_words_set_the_direction_of_a_distance():
    r = locate("从塔钦出来往第一朝拜处走了两公里 有人腿抽筋")
    near(r, 1.9, 0.5)


@pytest.mark.parametrize("text,fraction", [
    ("在色雄和曲古桥补给点之间 大概走了三分之一", 1 / 3),
    ("between Sershong and the Chuku bridge supply point, a lot closer to the Chuku bridge supply point", 0.75),
    ("色雄到曲古桥补给点那段路上 刚过色雄没多远", 0.25),
])
def test_a_fraction_of_the_way_between_two_places(text, fraction):
    a, b = km("sershong"), km("chuku_bridge_supply")
    near(locate(text), a + fraction * (b - a), 0.35)


def test_reverse_kora_words_set_counter_clockwise():
    assert locate("我们是逆转的 刚过宗堆补给点 走了一公里").direction == "ccw"
    assert locate("doing the reverse kora, 1 km past Zongdui").direction == "ccw"


def test_a_correction_that_only_changes_the_relation():
    r = locate("about 2 km before the pass, sorry, no, we're already past it, maybe 1 km below the top")
    near(r, km("dolma_la") + 0.95, 0.5)


def test_a_correction_that_only_changes_the_ordinal():
    r = locate("we are at the third prostration point... no wait, it's the fourth one")
    near(r, km("fourth_prostration"), 0.6)


def test_a_scene_that_only_names_the_place_passed_is_not_a_clue():
    r = locate("过了第一朝拜处 就是第一次看到神山那个地方 又走了两公里")
    near(r, km("first_prostration") + 1.9, 0.5)


def test_arrived_at_then_further_on():
    r = locate("翻过垭口以后 一路下到不动地钉补给点 吃了饭 又走了六七百米")
    near(r, km("phakna_rigzin_supply") + 0.62, 0.4)


def test_a_signpost_distance_ahead_wins_over_the_word_passed():
    r = locate("the signpost we just passed said Medicine Buddha Valley supply point 2 km ahead")
    near(r, km("medicine_buddha_supply") - 1.9, 0.6)


def test_hours_walked_in_all_at_a_named_place_keep_the_place_in_the_region():
    r = locate("我们在色雄 已经走了五个小时了 走得很慢")
    assert any((a <= km("sershong") <= b) if a <= b else True for a, b in r.intervals_km), r.explanation()


@pytest.mark.parametrize("text,start,toward,d", [
    ("已经过了第四朝拜处 往宗堆那边又走了一公里", "fourth_prostration", "zongdui_supply", 0.95),
    ("we just came over the pass and we are maybe 700 m down towards Gauri Kund", "dolma_la", "gauri_kund", 0.2),
])
def test_a_direction_word_measures_the_distance_from_the_place_just_passed(text, start, toward, d):
    r = locate(text)
    if toward == "gauri_kund":  # the lake is only 290 m below the pass: the distance runs past it
        near(r, km(start) + 0.665, 0.4)
    else:
        near(r, km(start) + d, 0.4)


def test_a_generic_bridge_after_a_correction_keeps_the_context():
    r = locate("我们在马头明王 不对 马头明王早就过了 现在快到那个铁桥了 还差两百米")
    near(r, km("drira_bridge_fork") - 0.19, 0.4)


@pytest.mark.parametrize("text", ["还有一公里半就到马头明王驿站了 有人走不动", "路边的牌子写着距离马头明王驿站1.5公里",
                                  "the guide says Hayagriva station is still 1.5 km ahead"])
def test_distances_still_to_walk_and_signposts_are_before_the_place(text):
    near(locate(text), km("tamdrin_drongkhang") - 1.43, 0.4)


@pytest.mark.parametrize("text", ["听路过的人讲 再走三公里就到宗堆了 我们走不动了",
                                  "师傅说还要走三公里才能到宗堆"])
def test_a_distance_still_to_walk_before_arriving_is_before_the_place(text):
    near(locate(text), km("zongdui_supply") - 3.0, 0.6)


def test_a_stammered_no_corrects_the_relation():
    r = locate("快到色雄了 不不 已经过了 过了差不多两公里")
    near(r, km("sershong") + 2.0, 0.6)


@pytest.mark.parametrize("text", ["my son is in Purang town, his friend is lost somewhere",
                                  "我们在普兰镇上 有个朋友联系不上"])
def test_another_town_is_not_darchen(text):
    assert not locate(text).placed


def test_a_place_named_twice_in_apposition_keeps_the_first_relation():
    r = locate("we went past Sershong, the first supply point with the horses, and then walked about one km more")
    near(r, km("sershong") + 1.0, 0.5)


def test_passed_said_after_the_name_then_a_distance_toward_a_place():
    r = locate("宗堆已经过了 过了有两公里吧 往塔钦那边走 我爸摔了")
    near(r, km("zongdui_supply") + 2.0, 0.6)


def test_a_signboard_in_the_clause_before_the_distance():
    r = locate("we stopped at a signboard, it says Zutul Phuk 3 km, my son has a bad headache")
    near(r, km("zutul_phuk") - 3.0, 0.6)


def test_no_sorry_corrects_the_ordinal():
    r = locate("we are at the fourth prostration point, no, sorry, the third one, my wife is cold")
    near(r, km("third_prostration"), 0.5)


def test_an_hour_since_crossing_the_pass_is_a_time_after_the_pass():
    r = locate("我们翻过垭口有一个多钟头了 一直往下走 有人脚崴了")
    assert r.placed and any(c.kind == "time" for c in r.used), r.explanation()
    assert KORA.ahead_km(km("dolma_la"), r.chainage_km, "cw") > 0.8, r.explanation()


def test_a_guide_reports_a_group_member_elsewhere():
    r = locate("I am the guide, I am at Zutul Phuk now. One member of my group is still at the Gendun Lachu bridge, "
               "she cannot walk")
    near(r, km("gendun_lachu_bridge"), 0.6)


@pytest.mark.parametrize("text,fraction", [
    ("在色雄和曲古桥补给点那段路上 走了差不多三分之二 还剩三分之一", 2 / 3),
    ("between Sershong and the Chuku bridge, we have about one third of it left to go", 2 / 3),
    ("we are between Sershong and the Chuku bridge, maybe two thirds of the way", 2 / 3),
    ("我们在第一朝拜处和色雄中间 离朝拜处近一点", 0.25),
])
def test_fractions_of_the_way_said_in_many_ways(text, fraction):
    a, b = (km("first_prostration"), km("sershong")) if "朝拜处近" in text else (km("sershong"), km("chuku_bridge_supply"))
    near(locate(text), a + fraction * (b - a), 0.25)


def test_a_spoken_range_of_hundreds_of_metres():
    near(locate("Zutul Phuk is maybe five, six hundred metres ahead of us"), km("zutul_phuk") - 0.55, 0.2)


def test_words_about_still_breathing_are_not_a_time_still_to_walk():
    from datetime import datetime
    r = locate("我们离开岗加两个钟头了 有个人晕倒了 还有呼吸", call_time=datetime(2026, 7, 1, 12, 0))
    assert r.placed and r.chainage_km > km("gangjia") + 1.0, r.explanation()


def test_the_same_place_named_again_after_a_departure_time():
    from datetime import datetime
    r = locate("we left Gangjia at 7, the Gangjia guesthouse I mean, now it is 9", call_time=datetime(2026, 7, 1, 9, 0))
    assert r.placed and r.chainage_km > km("gangjia") + 1.5, r.explanation()


def test_calling_from_a_place_is_being_there():
    near(locate("hello, calling from the Gaize teahouse, my husband has a bad headache"), km("gaize_teahouse"), 0.6)


def test_a_driver_relays_a_distance_back_towards_a_place():
    r = locate("this is a driver at Zongdui. a pilgrim came down and said his wife fell about 3 km back, towards Zutul Phuk")
    near(r, km("zongdui_supply") - 3.0, 0.6)


def test_staying_at_a_place_now_is_being_there():
    near(locate("我们住在岗加的宾馆 同屋的人发烧说胡话"), km("gangjia"), 0.5)


def test_a_place_they_meant_to_stay_at_is_not_where_they_are():
    r = locate("本来想在尊珠寺住的 没有床位了 现在过了根敦拉曲铁桥一公里了 两个人都很冷")
    near(r, km("gendun_lachu_bridge") + 1.0, 0.6)


def test_a_relayed_caller_who_says_someone_came_to_his_place():
    r = locate("我是岗加宾馆的老板 有香客来店里说 过了小天葬台再往上三百米 有个人倒了")
    near(r, km("shiva_tsal") + 0.3, 0.3)
    assert r.direction == "cw"


def test_a_visit_told_as_history_does_not_turn_the_walk_around():
    r = locate("先是去曲古寺看了看 回来以后过了第二朝拜处 又走了三百米 我爸心口疼")
    near(r, km("second_prostration") + 0.3, 0.3)


def test_the_distance_stays_with_the_place_it_was_said_of():
    near(locate("离宗堆还有一公里 尊珠寺早上就过了 有人摔伤了"), km("zongdui_supply") - 1.0, 0.4)


def test_a_distance_down_from_the_pass_passed_last():
    r = locate("reverse kora, we came over Dolma La from the Phakna Rigzin side and are about 300 m down towards Shiva-tsal")
    near(r, km("dolma_la") - 0.3, 0.3)


def test_a_place_walked_on_from_makes_earlier_places_history():
    r = locate("过了垭口在湖边歇了一会 后来下到不动地钉补给点 喝了茶 又往前走了六百米 同伴肚子疼")
    near(r, km("phakna_rigzin_supply") + 0.6, 0.35)


def test_places_said_earlier_in_the_story_do_not_turn_the_walk_around():
    r = locate("早上到了曲古桥 然后在第二朝拜处休息了一会 现在刚过第二朝拜处五百米 有人胸闷")
    assert r.direction == "cw"
    near(r, km("second_prostration") + 0.5, 0.35)


def test_a_driver_waiting_at_a_place_relays_a_client_still_above_it():
    r = locate("我是司机 在宗堆等客人 客人打电话说他还在后面 离宗堆还有两公里 走不动了")
    near(r, km("zongdui_supply") - 2.0, 0.5)


def test_a_guesthouse_owner_relays_a_pilgrim_before_his_place():
    r = locate("guesthouse owner at Gangjia here. a pilgrim says his friend is about 2 km before Gangjia, lying by the path")
    near(r, km("gangjia") - 2.0, 0.5)


def test_a_signpost_distance_is_still_to_walk_even_after_just_passed():
    r = locate("the guide thinks we are near Gangjia but the sign we just passed said Shiva-tsal 1 km")
    assert r.placed and any(a <= km("shiva_tsal") - 1.0 <= b for a, b in r.intervals_km), r.explanation()
    assert r.chainage_km < km("shiva_tsal"), r.explanation()


def test_a_member_left_behind_while_the_caller_is_already_elsewhere():
    r = locate("one of our group stayed behind at the fourth prostration point, we are already at Zongdui")
    near(r, km("fourth_prostration"), 0.5)


@pytest.mark.parametrize("text", ["we are near Hor Qu town, far from the kora", "my husband is in Burang town"])
def test_a_short_named_town_is_not_darchen(text):
    assert not locate(text).placed


def test_a_guessed_name_gives_way_to_what_is_seen():
    r = locate("I think we are at the second prostration point, but we just saw Kailash for the first time, "
               "lots of prayer flags on the ridge")
    near(r, km("first_prostration"), 0.7)
    guessed = next(c for c in r.clues if c.kind == "landmark")
    assert guessed.hedged


def test_a_name_said_plainly_is_not_a_guess():
    r = locate("we are at the second prostration point, my father is dizzy")
    assert not any(c.hedged for c in r.clues)
    near(r, km("second_prostration"), 0.3)


def test_right_after_a_place_is_just_past_it():
    near(locate("my wife slipped right after the top of the pass, on the way down"), km("dolma_la") + 0.3, 0.5)


def test_an_hour_from_a_place_still_is_before_it():
    from datetime import datetime
    r = locate("we are about 1 hour from Gangjia still, my friend is dizzy", call_time=datetime(2026, 7, 1, 12, 0))
    assert r.placed and r.chainage_km < km("gangjia") - 0.5, r.explanation()


def test_oh_no_corrects_the_ordinal():
    near(locate("我们在第三朝拜处 哦不 第四个 我妈头晕"), km("fourth_prostration"), 0.5)


def test_what_follows_a_corrected_ordinal_still_counts():
    near(locate("刚过了第二朝拜处 不对 是第一个 过了有三百米"), km("first_prostration") + 0.3, 0.3)


def test_a_porter_who_went_ahead_relays_the_lady_left_behind():
    r = locate("I'm a porter. The lady I carry for sat down at Gangjia and cannot walk. I'm calling from Shiva-tsal.")
    near(r, km("gangjia"), 0.5)


def test_a_name_followed_by_a_doubt_is_a_guess():
    r = locate("快到宗堆了吧 海拔四千八 往下走")
    assert any(c.hedged for c in r.clues if c.kind == "landmark"), r.explanation()


def test_more_than_a_distance_toward_a_place():
    r = locate("逆时针转的 从色雄往塔钦方向走 走了两公里多 有人晕倒了")
    near(r, km("sershong") - 2.3, 0.3)


def test_a_board_with_a_distance_is_a_signpost():
    near(locate("the board here says Gangjia 2 km, my friend is vomiting"), km("gangjia") - 2.0, 0.5)


def test_midway_of_two_places():
    near(locate("we are midway of Sershong and the Chuku bridge"), (km("sershong") + km("chuku_bridge_supply")) / 2, 0.3)


@pytest.mark.parametrize("text", [
    "大前天从塔钦动身的 走到现在也搞不清在哪儿了 同伴发烧",
    "we started from Darchen the day before yesterday and honestly we are lost now",
    "昨天从塔钦出发的，手机快没电了，不知道在哪",
])
def test_a_departure_on_an_earlier_day_alone_does_not_place(text):
    r = locate(text, call_time=datetime(2026, 7, 10, 15, 0, tzinfo=BEIJING))
    assert not r.placed
    assert "earlier day" in r.message


@pytest.mark.parametrize("text,lid,tol", [
    ("we left Darchen yesterday, slept at Dirapuk, now we are at Shiva-tsal", "shiva_tsal", 0.6),
    ("昨天从塔钦出发的，现在在岗加宾馆", "gangjia", 0.6),
    ("昨天从塔钦出发的 现在在岗加宾馆", "gangjia", 1.5),
])
def test_a_departure_on_an_earlier_day_leaves_todays_places_alone(text, lid, tol):
    near(locate(text, call_time=datetime(2026, 7, 10, 15, 0, tzinfo=BEIJING)), km(lid), tol)


def test_left_darchen_today_still_says_they_are_on_the_way():
    r = locate("we left Darchen an hour ago", call_time=datetime(2026, 7, 10, 9, 0, tzinfo=BEIJING))
    assert r.placed and r.chainage_km < 8
