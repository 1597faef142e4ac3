"""Typed JSON field checks: the promised Python type back, or the reader's own error naming the field."""

import pytest

from rescue_desk.domain.json_fields import REQUIRED, JsonFields, describe, load_json


class FileError(ValueError):
    pass


F = JsonFields(FileError)


def test_values_of_the_right_type_come_back_typed():
    doc = {"n": 3, "x": 2.5, "w": 4.0, "t": "a", "b": False, "o": {}, "l": [{}], "s": ["k"], "c": "cw"}
    assert F.number(doc, "n", "here") == 3.0 and isinstance(F.number(doc, "n", "here"), float)
    assert F.whole(doc, "w", "here") == 4 and isinstance(F.whole(doc, "w", "here"), int)
    assert F.text(doc, "t", "here") == "a"
    assert F.flag(doc, "b", "here") is False
    assert F.obj(doc, "o", "here") == {}
    assert F.objects(doc, "l", "here") == [{}]
    assert F.texts(doc, "s", "here") == ["k"]
    assert F.choice(doc, "c", "here", ("cw", "ccw")) == "cw"


def test_missing_and_null_give_the_default():
    doc = {"gone": None}
    for check in (F.number, F.whole, F.text, F.flag, F.obj, F.items, F.objects, F.texts):
        assert check(doc, "gone", "here", "dflt") == "dflt"
        assert check(doc, "absent", "here", None) is None
    assert F.choice({"c": ""}, "c", "here", ("cw",), "cw") == "cw"


@pytest.mark.parametrize("check, value, message", [
    (lambda d: F.number(d, "v", "Call 2"), True, r"^Call 2: 'v' must be a number, not true\.$"),
    (lambda d: F.number(d, "v", "call 2", lo=0, hi=10), 11, r"^Call 2: 'v' must be a number from 0 to 10, not the number 11\.$"),
    (lambda d: F.number(d, "v", "here"), float("inf"), "must be a number"),
    (lambda d: F.whole(d, "v", "here", lo=1), 2.5, "must be a whole number of at least 1, not the number 2.5"),
    (lambda d: F.whole(d, "v", "here"), "2", "must be a whole number, not the text '2'"),
    (lambda d: F.text(d, "v", "here"), ["a"], "'v' must be text, not a list"),
    (lambda d: F.flag(d, "v", "here"), "false", "'v' must be true or false, not the text 'false'"),
    (lambda d: F.obj(d, "v", "here"), [{}], "'v' must be an object, not a list"),
    (lambda d: F.objects(d, "v", "here"), [{}, 3], "entry 2 of 'v' must be an object, not the number 3"),
    (lambda d: F.texts(d, "v", "here"), ["a", None], "entry 2 of 'v' must be text, not null"),
    (lambda d: F.choice(d, "v", "here", ("cw", "ccw")), {"cw": 1}, "'v' must be one of cw, ccw, not an object"),
    (lambda d: F.text(d, "v", "here"), None, "'v' must be text, not null"),
])
def test_wrong_types_raise_the_readers_error_naming_the_field(check, value, message):
    with pytest.raises(FileError, match=message):
        check({"v": value})


def test_a_required_field_that_is_missing_is_named():
    with pytest.raises(FileError, match=r"^Feature 3 lacks 'from_km' \(a number\)\.$"):
        F.number({}, "from_km", "Feature 3", REQUIRED)


def test_long_text_is_shortened_in_messages():
    assert len(describe("x" * 500)) < 40


@pytest.mark.parametrize("text, message", [
    ("{oops", "not valid JSON"), (b'{"a": "\x80"}', "not UTF-8"), ("[" * 100_000, "nested too deeply"),
    ("9" * 5000, "not valid JSON for this program"),
])
def test_unreadable_json_raises_the_readers_error(text, message):
    with pytest.raises(FileError, match=message):
        load_json(text, FileError)
