"""rescue-desk locate: one description, JSON, and the JSONL batch contract."""

import json

import pytest

from rescue_desk.cli import run
from rescue_desk.domain.kora import load_kora

KORA = load_kora()
FIELDS = {"id", "status", "lon", "lat", "chainage_km", "intervals_km", "radius_m", "clues", "message"}


def test_single_readable(capsys):
    assert run(["locate", "--time", "2024-07-10T14:00:00+08:00", "About 2 km past Sershong"]) == 0
    out = capsys.readouterr().out
    assert "PLACED" in out and "interval" in out and "Sershong" in out


def test_single_json(capsys):
    assert run(["locate", "--json", "我们在第二朝拜处附近"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert FIELDS <= set(rec) and rec["status"] == "placed"
    assert abs(rec["chainage_km"] - KORA.gazetteer.get("second_prostration").chainage_km) < 0.05
    assert rec["corridor"] and len(rec["corridor"][0]) > 3


def test_datum_option(capsys):
    assert run(["locate", "--json", "--datum", "gcj02", "31.069036,81.386193"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert abs(rec["lon"] - 81.38344) < 1e-4 and abs(rec["lat"] - 31.07154) < 1e-4


@pytest.mark.parametrize("argv,words", [(["locate"], "description"), (["locate", "--time", "yesterday", "x"], "--time"),
                                        (["locate", "--batch", "/nonexistent/in.jsonl"], "cannot read"),
                                        (["locate", "--out", "x.jsonl", "text"], "--batch")])
def test_user_errors_are_one_sentence(argv, words, capsys):
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_unplaceable_and_bad_text_print_a_message(capsys):
    assert run(["locate", ""]) == 0
    assert "UNPLACEABLE" in capsys.readouterr().out
    assert run(["locate", "lat 95, lon 200"]) == 0
    assert "impossible" in capsys.readouterr().out


def test_batch_one_line_per_input_and_bad_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "We are at Dolma La", "lang": "en"}),
        "{not json",
        json.dumps({"id": "b", "text": "我们早上8点从塔钦出发", "time": "2024-07-10T11:00:00+08:00"}),
        json.dumps({"id": "c", "text": "help!"}),
        json.dumps({"id": "d"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"id": "e", "text": "2 km past Sershong", "time": "not a time"}),
        json.dumps({"id": "f", "text": "31.069036,81.386193", "time": "2024-07-10T11:00:00", "datum": "gcj02"}),
        json.dumps({"id": "g", "text": "x" * 100_000 + " at Sershong"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["locate", "--batch", str(src), "--out", str(out)]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 9
    assert all(FIELDS <= set(r) for r in recs)
    by_id = {r["id"]: r for r in recs if r["id"]}
    assert by_id["a"]["status"] == "placed" and by_id["a"]["radius_m"] is None
    assert by_id["b"]["status"] == "placed" and by_id["b"]["intervals_km"]
    assert by_id["c"]["status"] == "unplaceable"
    assert by_id["d"]["status"] == "error" and "text" in by_id["d"]["message"]
    assert by_id["e"]["status"] == "error" and "time" in by_id["e"]["message"]
    assert by_id["f"]["status"] == "placed" and abs(by_id["f"]["lon"] - 81.38344) < 1e-4
    assert by_id["g"]["status"] in ("placed", "unplaceable")
    errors = [r for r in recs if r["id"] is None]
    assert len(errors) == 2 and all(r["status"] == "error" for r in errors)
    assert "line 2" in errors[0]["message"]


def test_batch_to_stdout(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 7, "text": "near Tarboche"}) + "\n", encoding="utf-8")
    assert run(["locate", "--batch", str(src)]) == 0
    (rec,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rec["id"] == 7 and rec["status"] == "placed"
