"""How callers really say places and numbers: pinyin-IME homophones, toneless pinyin, names broken
by filler words, spoken Chinese and English numbers. Texts written for these tests."""

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.domain.locator.mentions import scanner_for
from rescue_desk.domain.locator.text import convert_chinese_numerals, convert_english_numbers

KORA = load_kora()


def found(text):
    return [m.landmark_id for m in scanner_for(KORA.gazetteer).find(text)]


@pytest.mark.parametrize("said,landmark", [
    ("我们在金盆那边,不对,在色熊", "sershong"),       # 熊 for 雄
    ("遵朱寺门口", "zutul_phuk"),                        # every character a homophone but 寺
    ("刚到桌码拉山口", "dolma_la"),                       # 桌码拉 for 卓玛拉
    ("冈加的客栈", "gangjia"),                            # 冈 for 岗
    ("宗对补给站外面", "zongdui_supply"),
    ("从塔庆出来", "darchen"),                            # qing for qin: -ng folded
])
def test_pinyin_homophones_find_the_place(said, landmark):
    assert landmark in found(said)


@pytest.mark.parametrize("said,landmark", [
    ("we are near zhuomala now", "dolma_la"),
    ("at sexiong with the horses", "sershong"),
    ("zong dui bu ji dian", "zongdui_supply"),
])
def test_toneless_pinyin_in_latin_letters(said, landmark):
    assert landmark in found(said)


def test_short_names_do_not_match_everyday_words():
    # 他亲 / 公家 / 总对 sound like 塔钦 / 岗加 / 宗堆 but share no character with them
    assert found("他亲自打的电话 说公家的车坏了 总对不上号") == []


def test_filler_words_inside_a_name():
    assert "tamdrin_drongkhang" in found("在马头明王那个驿站门口")
    assert "medicine_buddha_supply" in found("药师佛沟 就是 补给点")


@pytest.mark.parametrize("zh,expected", [
    ("一公里半", "1.5公里"), ("两个钟头半", "2.5个钟头"), ("三四百米", "300-400米"), ("两三百米", "200-300米"),
    ("个把小时", "1小时"), ("半个钟头", "0.5个钟头"), ("一公里半到两公里", "1.5-2公里"), ("四五公里", "4-5公里"),
])
def test_spoken_chinese_numbers(zh, expected):
    assert convert_chinese_numerals(zh) == expected


@pytest.mark.parametrize("en,expected", [
    ("half kilometer past", "0.5 kilometer past"), ("a couple of km", "2 km"), ("an hour and a half", "1.5 hour"),
])
def test_spoken_english_numbers(en, expected):
    assert convert_english_numbers(en) == expected


def test_a_distance_said_with_a_half_is_used_whole():
    r = locate("过了色熊补给点 走了一公里半 有人腿抽筋")
    past = KORA.gazetteer.get("sershong").chainage_km
    assert r.placed and 1.2 < r.chainage_km - past < 1.7


def test_a_bit_over_reads_further_than_the_round_number():
    plain = locate("2 km past Sershong").chainage_km
    over = locate("a bit over 2 km past Sershong").chainage_km
    less = locate("不到2公里 过了色雄").chainage_km
    assert over - plain > 0.15 and plain - less > 0.1


@pytest.mark.parametrize("en,expected", [
    ("we set off at quarter past seven", "we set off at 7:15"),
    ("left gangjia at half past six.", "left gangjia at 6:30."),
    ("it is ten to eleven now", "it is 10:50 now"),
    ("a quarter to nine this morning", "8:45 this morning"),
    ("two to three of us are hurt", "2 to 3 of us are hurt"),
])
def test_english_clock_phrases_become_clock_times(en, expected):
    assert convert_english_numbers(en) == expected


def test_a_clock_phrase_in_words_times_the_walk():
    from datetime import datetime
    r = locate("we left Darchen at half past seven and have been walking since", call_time=datetime(2026, 7, 1, 10, 30))
    assert r.placed and 6.0 < r.chainage_km < 11.0, r.explanation()


def test_a_clock_said_as_two_numbers():
    assert convert_english_numbers("we set out at six thirty this morning") == "we set out at 6:30 this morning"
    assert convert_english_numbers("three 30 of us") == "3 30 of us"
