"""Scenario files: round trip, personal data removed, and every kind of bad file refused clearly."""

import json

import pytest
from replay_story_data import KORA, _events, _iso

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.replay import Replay, story_from_events
from rescue_desk.domain.scenarios import (ScenarioError, dump_scenario, parse_scenario, personal_data_found,
                                          story_to_scenario)



def _doc(**kw):
    return story_to_scenario(story_from_events(_events(**kw)), KORA, title="t", station="Tarchen")


def test_round_trip_keeps_the_story_and_drops_personal_data():
    doc = _doc()
    text = dump_scenario(doc)
    for secret in ("张三", "13912345678", "李四", "13800001111", "510101199001011234"):
        assert secret not in text
    assert personal_data_found(doc) == []
    sc = parse_scenario(text, KORA)
    original = Replay(story_from_events(_events()).without_personal_data(), KORA)
    again = Replay(sc.story, KORA)
    assert [(e.at, e.kind) for e in again.entries] == [(e.at, e.kind) for e in original.entries]
    assert sc.story.truth.chainage_km == pytest.approx(24.0)
    t = original.start.timestamp() + 3000
    assert again.frame_at(t - again.start.timestamp()).teams == original.frame_at(t - original.start.timestamp()).teams


def test_personal_data_detector_finds_leaks():
    doc = _doc()
    doc["calls"][0]["caller_phone"] = "13912345678"
    doc["incident"]["weather_note"] = "call back on 13912345678"
    assert {"$.calls[0].caller_phone", "$.incident.weather_note"} <= set(personal_data_found(doc))


def test_personal_fields_in_a_foreign_file_are_dropped_on_read():
    doc = _doc()
    doc["calls"][0]["caller_name"] = "王五"
    doc["calls"][0]["text"] = "我是王五，电话 13712345678"
    sc = parse_scenario(json.dumps(doc, ensure_ascii=False), KORA)
    assert "13712345678" not in sc.story.calls[0].text
    assert sc.story.calls[0].caller_name == ""


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(version=2), "version 2 is not supported"),
    (lambda d: d.update(version="1"), "version '1' is not supported"),
    (lambda d: d.update(schema="something-else"), "not a Rescue Desk scenario"),
    (lambda d: d.pop("calls"), "lacks 'calls'"),
    (lambda d: d.update(landmarks=["dolma_la", "atlantis"]), "landmarks this station does not know: atlantis"),
    (lambda d: d["truth"].update(landmark="nowhere_pass"), "does not know: nowhere_pass"),
    (lambda d: d["kora"].update(length_km=52.0), "52.0 km route"),
    (lambda d: d["calls"][0].update(at="yesterday"), "not a date and time"),
    (lambda d: d["trips"][0].update(on_scene_at=_iso(5)), "out of order"),
    (lambda d: d["trips"][0].update(track=[[_iso(60 * 24 * 5), 81.3, 31.0, None], [_iso(60 * 24 * 5 + 1), 81.3, 31.0, None]]),
     "outside the trip"),
    (lambda d: d.update(calls=[]), "no call"),
])
def test_bad_files_are_refused_with_one_sentence(mutate, message):
    doc = _doc()
    mutate(doc)
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(json.dumps(doc), KORA)


def test_truncated_and_empty_files():
    text = dump_scenario(_doc())
    with pytest.raises(ScenarioError, match="truncated"):
        parse_scenario(text[: len(text) // 2], KORA)
    with pytest.raises(ScenarioError, match="empty"):
        parse_scenario("  ", KORA)
    with pytest.raises(ScenarioError, match="not valid JSON"):
        parse_scenario("{oops}", KORA)
    with pytest.raises(ScenarioError, match="UTF-8"):
        parse_scenario(b"\xff\xfe{}", KORA)


def test_station_landmark_layer_is_what_counts():
    doc = _doc()
    assert doc["landmarks"]
    fewer = KORA.with_landmarks([lm for lm in KORA.gazetteer if lm.id not in doc["landmarks"]])
    with pytest.raises(ScenarioError, match="does not know"):
        parse_scenario(json.dumps(doc), fewer)
    assert load_kora() is KORA
