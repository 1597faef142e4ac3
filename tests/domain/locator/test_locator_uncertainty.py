"""Honest uncertainty: readings kept when clues disagree, the question to ask, suggestions, and the
explanation in Chinese. Texts written for these tests."""

from rescue_desk.domain.codes import CATEGORIES
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate, suggest

KORA = load_kora()


def km(lid):
    return KORA.gazetteer.get(lid).chainage_km


def inside(ch, intervals):
    return any((a <= ch <= b) if a <= b else (ch >= a or ch <= b) for a, b in intervals)


def test_disagreeing_clues_keep_both_readings_and_ask_which():
    r = locate("we are 1 km past Gangjia, about 1 km before Zutul Phuk")
    assert r.placed and len(r.readings) >= 2
    assert inside(km("gangjia") + 0.95, r.intervals_km) and inside(km("zutul_phuk") - 0.95, r.intervals_km)
    assert r.question is not None and r.question.code == "crossed_pass"
    assert "pass" in r.question.en and "卓玛拉" in r.question.zh
    rec = r.to_record("q")
    assert rec["question"]["code"] == "crossed_pass" and len(rec["readings"]) >= 2


def test_agreeing_clues_give_one_reading_and_no_question():
    r = locate("we are at Sershong supply point")
    assert r.placed and len(r.readings) == 1 and r.question is None


def test_one_of_several_places_asks_which_one():
    r = locate("我们在磕头的地方 有人倒了")
    assert r.placed and len(r.readings) >= 3 and r.question is not None


def test_suggestions_from_the_same_words():
    s = suggest("我们三个人 我妈摔了一跤 腿在流血 走不了")
    assert s.party_size.value == 3 and s.category.value == "fall_injury"
    assert s.severity.value >= 3 and {h.value for h in s.severity_hints} >= {"bleeding", "cannot_walk"}
    assert s.language.value == "zh"
    e = suggest("Two pilgrims, one is unconscious, lips are blue, she has a terrible headache")
    assert e.party_size.value == 2 and e.severity.value == 4 and e.language.value == "en"
    assert e.category.value in CATEGORIES
    assert suggest("we are 4 km past Sershong, she has a headache").party_size is None  # a distance, not people
    assert suggest("we are 4 km past Sershong, my friend has a headache").party_size.value == 2  # caller + friend
    assert suggest("我是开茶馆的 刚才有个香客跑过来说 有个人倒在路边").party_size.value == 1  # relayed: one person
    assert suggest("就我一个人 头疼得厉害").party_size.value == 1


def test_suggestions_are_in_the_record_and_never_raise():
    assert locate("family of 4, dad feels dizzy, 2 km past Sershong").to_record()["suggestions"]["party_size"]["value"] == 4
    for junk in (None, "", "🆘" * 100, 42):
        suggest(junk)


def test_explanation_in_chinese():
    r = locate("过了色雄两公里 我们五个人")
    zh = r.explanation("zh")
    assert "里程" in zh and "色雄" in zh and "采用" in zh
    assert "km" not in zh.splitlines()[1]
