"""Bad input: a clear "cannot place" with the reason, never an exception."""

import json

import pytest

from rescue_desk.cli import run
from rescue_desk.domain.locator import locate


def unplaceable(text):
    r = locate(text)
    assert r.status == "unplaceable" and r.message
    assert r.explanation("zh") and r.to_record("x")["status"] == "unplaceable"
    return r


@pytest.mark.parametrize("text", ["", "   \n\t ", None, 12345])
def test_empty_or_not_text(text):
    assert "empty" in unplaceable(text).message


def test_100_kb_is_cut_with_a_warning_and_answered():
    r = unplaceable("我们在山上 help " * 7000)  # about 100 KB of words without a place
    assert any("cut" in w for w in r.warnings)


def test_emoji_only():
    assert "no landmark" in unplaceable("🙏🏔️😭🆘⛰️🧗" * 20).message


def test_mixed_scripts_without_a_place():
    unplaceable("Я на тропе ཀོར་ར་ 我们在 somewhere مرحبا ¿dónde? 🆘")


def test_mixed_scripts_with_a_place_still_place():
    r = locate("Я на тропе, 我们在色雄 ཀོར་ར་ help")
    assert r.placed


@pytest.mark.parametrize("text,word", [
    ("we are at the Tsomo Gyalpo lake camp near Hor, my friend is sick", "tsomo gyalpo"),
    ("我们在普兰县城附近 朋友高反", "普兰"),
])
def test_places_far_away_are_named_in_the_reason(text, word):
    r = unplaceable(text)
    assert word in r.message and "not a place on the kora" in r.message
    assert "不是本站已知" in r.explanation("zh")


def test_coordinates_50_km_away_are_explained(tmp_path):
    r = locate("31.8, 81.3")  # about 75 km north of the kora
    assert "far outside" in r.message


def test_batch_survives_every_bad_line(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    lines = [{"id": 1, "text": ""}, {"id": 2, "text": "🆘" * 500}, {"id": 3, "text": "x" * 100_000},
             {"id": 4, "text": "Я ཀོར 在 مرحبا"}, {"id": 5, "text": "2 km past Sershong"}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["locate", "--batch", str(src), "--out", str(out)]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in recs] == ["unplaceable"] * 4 + ["placed", "error"]
