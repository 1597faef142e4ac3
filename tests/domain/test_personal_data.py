"""The personal-data scrubber on the forms callers really use, and on what it must leave alone."""

import pytest

from rescue_desk.domain.personal_data import MASK, has_personal_data, scrub_text


@pytest.mark.parametrize("text, secret", [
    ("我的电话13912345678", "13912345678"),
    ("电话 139 1234 5678 请回电", "139 1234 5678"),
    ("call 139.1234.5678 please", "139.1234.5678"),
    ("号码139-1234-5678", "139-1234-5678"),
    ("+86 139 1234 5678", "139 1234 5678"),
    ("my husband's number is +1 415 555 0100", "415 555 0100"),
    ("UK +44 20 7946 0958", "7946 0958"),
    ("座机(0897) 260 0000", "260 0000"),
    ("站里电话0897-2600000", "2600000"),
    ("电话一三九一二三四五六七八", "一三九一二三四五六七八"),
    ("幺三九 幺二三四 五六七八", "五六七八"),
    ("全角１３９１２３４５６７８", "１３９１２３４５６７８"),
    ("mail me at john.smith+kora@example.co.uk", "john.smith+kora@example.co.uk"),
    ("邮箱 wangxm@163.com", "wangxm@163.com"),
    ("身份证11010519491231002X", "11010519491231002X"),
    ("身份证号 110105 19491231 002x", "19491231"),
    ("护照E12345678", "E12345678"),
    ("我叫王小明，在卓玛拉山口", "王小明"),
    ("我的名字是扎西多吉", "扎西多吉"),
    ("我是李娜在转山", "李娜"),
    ("我是扎西，腿摔了", "扎西"),
    ("Hello, my name is John Smith and I am stuck", "John Smith"),
    ("I'm Anna, near Dolma La", "Anna"),
])
def test_real_world_forms_are_masked(text, secret):
    out = scrub_text(text)
    assert secret not in out and MASK in out
    assert has_personal_data(text) and not has_personal_data(out)


@pytest.mark.parametrize("text", [
    "在31.0669, 81.3119附近",
    "坐标 31.066912 81.311934",
    "2025-09-21 14:30 从塔尔钦出发，走了12 km",
    "scenario tarchen-2025-07-01-1",
    "#123  2025-07-01  高原反应",
    "海拔5630米，两个人，一个人高反",
    "I am lost near Dolma La, 2 km past Drirapuk",
    "我是游客，我是从拉萨来的",
    "left Darchen at 7, now noon, 3 people",
    "第3天，体温38.5度",
])
def test_what_training_needs_is_kept(text):
    assert scrub_text(text) == text
    assert not has_personal_data(text)


def test_given_names_masked_wherever_they_appear():
    assert scrub_text("王小明说他在山口", ["王小明"]) == f"{MASK}说他在山口"
