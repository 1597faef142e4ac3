"""The ``rescue-desk eta`` contract: single estimates, JSONL batches, and bad input."""

import json
import math
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rescue_desk.cli import run
from rescue_desk.cli.eta import BatchLineError, parse_batch_line, parse_place, parse_walked
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.travel import load_walking_model

KORA = load_kora()


def eta(capsys, *argv):
    code = run(["eta", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_landmarks_and_km_give_the_same_answer(capsys):
    tarboche, gangjia = KORA.landmark("Tarboche").chainage_km, KORA.landmark("Gangjia").chainage_km
    code, by_name, _ = eta(capsys, "--from", "Tarboche", "--to", "Gangjia", "--json")
    assert code == 0
    code, by_km, _ = eta(capsys, "--from", str(tarboche), "--to", str(gangjia), "--json")
    a, b = json.loads(by_name), json.loads(by_km)
    assert a["p50_s"] == pytest.approx(b["p50_s"])
    assert a["distance_km"] == pytest.approx(gangjia - tarboche, abs=0.01)
    assert a["p10_s"] < a["p50_s"] < a["p90_s"]


def test_readable_output_shows_hours_minutes_and_distance(capsys):
    code, out, _ = eta(capsys, "--from", "0.4", "--to", "17.5", "--depart", "2025-07-01T08:00")
    assert code == 0
    depart = datetime(2025, 7, 1, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    est = load_walking_model().time_between(0.4, 17.5, depart=depart)
    minutes = round(est.p50_s / 60)
    assert f"P50 {minutes // 60}:{minutes % 60:02d}" in out
    assert "17.10 km clockwise" in out
    assert "arrival (Beijing time)" in out


def test_walked_and_walker_options_reach_the_model(capsys):
    args = ["--from", "8", "--to", "16", "--json"]
    base = json.loads(eta(capsys, *args)[1])["p50_s"]
    slow = json.loads(eta(capsys, *args, "--walked-s", "15000")[1])["p50_s"]
    officer = json.loads(eta(capsys, *args, "--walker", "officer")[1])["p50_s"]
    assert officer < base < slow


def test_ccw_direction(capsys):
    out = json.loads(eta(capsys, "--from", "10", "--to", "8", "--direction", "ccw", "--json")[1])
    assert out["distance_km"] == pytest.approx(2.0)


@pytest.mark.parametrize("argv, words", [
    (["--from", "Atlantis", "--to", "3"], "unknown place 'Atlantis'"),
    (["--from", "nan", "--to", "3"], "finite"),
    (["--from", "1", "--to", "3", "--walked-s", "-5"], "walked_s"),
    (["--from", "1", "--to", "3", "--walked-s", "abc"], "walked_s"),
    (["--from", "1", "--to", "3", "--depart", "yesterday"], "ISO 8601"),
    (["--from", "1", "--to", "500"], "off the loop"),
    (["--from", "1"], "give --from and --to"),
])
def test_bad_input_is_one_sentence_and_exit_2(capsys, argv, words):
    code, out, err = eta(capsys, *argv)
    assert code == 2
    assert words in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_batch_writes_one_line_per_input_and_survives_bad_lines(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "from_km": 1.0, "to_km": 9.0, "depart": "2025-06-01T08:00:00+08:00", "walked_s": 1500}),
        json.dumps({"id": "b", "from_km": "Chuku", "to_km": "Dolma La", "walker": "officer"}),
        "{not json",
        json.dumps({"id": "c", "from_km": 1.0}),
        json.dumps({"id": "d", "from_km": 1.0, "to_km": 5.0, "walked_s": -3}),
        json.dumps({"id": "e", "from_km": 1.0, "to_km": 5.0, "direction": "sideways"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"id": 7, "from_km": 5.0, "to_km": 3.0, "direction": "ccw"}),
    ]
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = eta(capsys, "--batch", str(src), "--out", str(dst))
    assert code == 0 and "3 estimates, 5 errors" in err
    out = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == ["a", "b", None, "c", "d", "e", None, 7]
    ok = {o["id"]: o for o in out if "p50_s" in o}
    assert set(ok) == {"a", "b", 7}
    assert set(ok["a"]) == {"id", "p10_s", "p50_s", "p90_s"}
    assert all(o["p10_s"] < o["p50_s"] < o["p90_s"] for o in ok.values())
    errors = [o for o in out if o.get("status") == "error"]
    assert all(o["message"] for o in errors)
    assert "missing to_km" in errors[1]["message"]


def test_batch_matches_single_queries(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "from_km": 3.0, "to_km": 12.0, "walked_s": 4000}) + "\n")
    eta(capsys, "--batch", str(src))
    code, out, _ = eta(capsys, "--batch", str(src))
    single = json.loads(eta(capsys, "--from", "3", "--to", "12", "--walked-s", "4000", "--json")[1])
    assert json.loads(out)["p50_s"] == pytest.approx(single["p50_s"])


def test_batch_missing_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = eta(capsys, "--batch", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "cannot read" in err


# --- property-based tests of the input parsing ---------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8)


@settings(max_examples=120, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "from_km", "to_km", "depart", "walked_s", "walker", "direction", "x"]),
                       json_values, max_size=7))
def test_any_json_object_parses_or_raises_a_line_error(item):
    line = json.dumps(item)
    try:
        qid, q = parse_batch_line(line, KORA)
    except BatchLineError as exc:
        assert str(exc) and json.dumps(exc.qid) == json.dumps(item.get("id"))  # NaN ids echo back too
        return
    assert json.dumps(qid) == json.dumps(item.get("id"))
    assert math.isfinite(q.from_km) and math.isfinite(q.to_km)
    assert q.walked_s is None or q.walked_s >= 0
    est = load_walking_model().time_between(q.from_km, q.to_km, direction=q.direction, walker=q.walker,
                                            depart=q.depart, walked_s=q.walked_s)
    assert 0 <= est.p10_s <= est.p50_s <= est.p90_s


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_line_never_crashes(line):
    try:
        parse_batch_line(line, KORA)
    except ValueError as exc:
        assert str(exc)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_place_numbers_are_finite_and_near_the_loop(x):
    try:
        km = parse_place(x, KORA)
    except ValueError:
        assert not math.isfinite(x) or abs(x) > KORA.length_km
        return
    assert km == x


@given(st.one_of(st.floats(allow_nan=True), st.integers(), st.text(max_size=12)))
def test_walked_is_none_or_non_negative(value):
    try:
        s = parse_walked(value)
    except ValueError:
        return
    assert s is not None and 0 <= s <= 30 * 86400
