"""Text clean-up and numerals (Chinese and English)."""

import pytest
from hypothesis import given, strategies as st

from rescue_desk.domain.locator.text import (MAX_CHARS, chinese_integer, chinese_number, clean_text,
                                             convert_chinese_numerals, convert_english_numbers)


@pytest.mark.parametrize("text,value", [("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("二十三", 23),
                                        ("五百", 500), ("一千二", 1200), ("一千二百", 1200), ("三千零五", 3005),
                                        ("两百五", 250)])
def test_chinese_integers(text, value):
    assert chinese_integer(text) == value


def test_chinese_decimal():
    assert chinese_number("三点五") == 3.5
    assert chinese_number("零点八") == 0.8
    assert chinese_number("三点") is None


@pytest.mark.parametrize("text,expected", [
    ("两公里", "2公里"), ("五百米", "500米"), ("一个半小时", "1.5小时"), ("三点五公里", "3.5公里"),
    ("早上七点从塔钦出发", "早上7点从塔钦出发"), ("八点半", "8点半"), ("走了半小时", "走了0.5小时"),
    ("两个小时", "2个小时"), ("第一朝拜处", "第一朝拜处"), ("一起走", "一起走"), ("下午一点", "下午1点"),
    ("两三公里", "2-3公里"), ("二零二四年", "2024年"),
])
def test_chinese_numerals_in_text(text, expected):
    assert convert_chinese_numerals(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("two km past", "2 km past"), ("half a km", "0.5 km"), ("an hour and a half", "1.5 hour"),
    ("three and a half hours", "3.5 hours"), ("five hundred m", "500 m"), ("a few hundred meters", "300 meters"),
])
def test_english_numbers(text, expected):
    assert convert_english_numbers(text) == expected


def test_clean_text_controls_width_and_length():
    text, warnings = clean_text("Dolma\x00 La\u200b！ＡＢ")
    assert text == "dolma la !ab"
    assert any("control" in w for w in warnings)
    long_text, warnings = clean_text("x" * (MAX_CHARS + 10))
    assert len(long_text) == MAX_CHARS and any("cut" in w for w in warnings)
    assert clean_text(None) == ("", ["the description is not text"])


@given(st.text(max_size=300))
def test_text_functions_never_raise(text):
    cleaned, _ = clean_text(text)
    convert_english_numbers(convert_chinese_numerals(cleaned))


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_integer_round_trip(n):
    digits = "零一二三四五六七八九"
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out, rest, zero = "", n, False
    for unit, ch in units:
        q, rest = divmod(rest, unit)
        if q:
            if zero:
                out += "零"
            out += digits[q] + ch
            zero = False
        elif out:
            zero = True
    if rest:
        if zero and out:
            out += "零"
        out += digits[rest]
    assert chinese_integer(out) == n
