"""The ``rescue-desk search-plan`` contract: JSON sections with probabilities summing to 1, text, bad input."""

import json

import pytest

from rescue_desk.cli import run


def plan(capsys, *argv):
    code = run(["search-plan", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_sections_sum_to_one_ranked(capsys):
    code, out, _ = plan(capsys, "--last-seen", "Tarboche", "--at", "2025-07-01T10:00", "--now",
                        "2025-07-01T13:00", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"last_seen_km", "at", "now", "elapsed_s", "direction", "finished_p", "sections"}
    assert data["elapsed_s"] == 3 * 3600
    secs = data["sections"]
    assert sum(s["probability"] for s in secs) == pytest.approx(1.0, abs=1e-4)
    assert [s["rank"] for s in secs] == list(range(1, len(secs) + 1))
    assert all(set(s) >= {"from_km", "to_km", "name_en", "name_zh", "probability", "top"} for s in secs)
    top = [s for s in secs if s["top"]]
    assert sum(s["probability"] for s in top) >= 0.8 - 1e-4
    assert secs[0]["from_km"] > data["last_seen_km"]  # clockwise, three hours on


def test_km_and_direction_and_pace(capsys):
    _, ccw, _ = plan(capsys, "--last-seen", "40", "--at", "2025-07-01T10:00+08:00", "--now",
                     "2025-07-01T12:00+08:00", "--direction", "ccw", "--json")
    assert json.loads(ccw)["sections"][0]["to_km"] <= 40.0
    _, paced, _ = plan(capsys, "--last-seen", "5.5", "--at", "2025-07-01T10:00", "--now", "2025-07-01T23:00",
                       "--seen", "0.3@2025-07-01T08:00", "--json")
    data = json.loads(paced)
    assert data["left_darchen_at"] == "2025-07-01 08:00"
    assert data["sections"][0]["name_en"].startswith("Gangjia")  # pilgrims sleep at the lodging


def test_text_output_names_the_sections(capsys):
    code, out, _ = plan(capsys, "--last-seen", "色雄", "--at", "2025-07-01T10:00", "--now", "2025-07-01T12:00")
    assert code == 0
    assert "top 80 %" in out and "→" in out and "%" in out


def test_pace_from_two_sightings_is_said_truthfully(capsys):
    code, out, _ = plan(capsys, "--last-seen", "12", "--at", "2025-07-01T10:00+08:00", "--now",
                        "2025-07-01T13:00+08:00", "--seen", "Chuku@2025-07-01T08:00+08:00")
    assert code == 0
    assert "left Darchen" not in out
    pace_line = next(line for line in out.splitlines() if line.startswith("pace from the sightings at"))
    assert "Chuku" in pace_line and "2025-07-01 08:00" in pace_line and "2025-07-01 10:00" in pace_line
    assert "2.0 km/h" in pace_line
    assert "last seen 12.00 km" in out and "at 2025-07-01 10:00" in out


def test_a_given_departure_is_still_used_and_named(capsys):
    _, out, _ = plan(capsys, "--last-seen", "5.9", "--at", "2025-07-01T10:00", "--now", "2025-07-01T12:00",
                     "--left", "2025-07-01T08:00")
    assert "left Darchen at 2025-07-01 08:00 (given)" in out


@pytest.mark.parametrize("argv", [
    # seen at the Dolma La pass, then an hour later 6 km back towards Darchen
    ["--last-seen", "18", "--at", "2025-07-01T10:00+08:00", "--seen", "Dolma La@2025-07-01T09:00+08:00"],
    # the tester's order the other way round: km 24 at 09:00, km 18 at 10:00
    ["--last-seen", "24", "--at", "2025-07-01T09:00+08:00", "--seen", "18@2025-07-01T10:00+08:00"],
    # Tarboche an hour after km 10
    ["--last-seen", "Tarboche", "--at", "2025-07-01T13:00+08:00", "--seen", "10@2025-07-01T12:00+08:00"],
])
def test_contradicting_sightings_are_refused(capsys, argv):
    code, out, err = plan(capsys, *argv, "--now", "2025-07-01T14:00+08:00")
    assert code == 2 and out == ""
    assert "contradict" in err and "behind" in err and "clockwise" in err
    assert len(err.strip().splitlines()) == 1


def test_counter_clockwise_the_same_order_is_fine(capsys):
    code, out, _ = plan(capsys, "--last-seen", "18", "--at", "2025-07-01T12:00+08:00", "--now",
                        "2025-07-01T14:00+08:00", "--seen", "Dolma La@2025-07-01T09:00+08:00", "--direction", "ccw")
    assert code == 0 and "pace from the sightings at Dolma La" in out


@pytest.mark.parametrize("argv,message", [
    (["--last-seen", "Atlantis", "--at", "2025-07-01T10:00"], "unknown place"),
    (["--last-seen", "3", "--at", "yesterday"], "ISO 8601"),
    (["--last-seen", "3", "--at", "2025-07-01T10:00", "--now", "2025-07-01T09:00"], "before the last sighting"),
    (["--last-seen", "999", "--at", "2025-07-01T10:00"], "not a chainage"),
    (["--last-seen", "3", "--at", "2025-07-01T10:00", "--seen", "Tarboche"], "PLACE@ISO"),
    (["--last-seen", "18", "--at", "2025-07-01T10:00", "--seen", "Chuku@2025-07-01T09:00"], "faster than anyone"),
])
def test_bad_input_is_one_sentence_exit_2(capsys, argv, message):
    code, out, err = plan(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""
