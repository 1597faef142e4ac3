"""Scenario and station-layer files with a field of the wrong type are refused with the reader's own
error, one sentence naming the place and the field (never a TypeError or AttributeError)."""

import json

import pytest
from replay_story_data import KORA, _events, _iso

from rescue_desk.domain.geojson_layer import LayerFormatError, read_layer
from rescue_desk.domain.replay import story_from_events
from rescue_desk.domain.scenarios import ScenarioError, parse_scenario, story_to_scenario


def _scenario():
    track = [[_iso(25), *KORA.point_at(25.0), 5000.0], [_iso(35), *KORA.point_at(24.5), None]]
    doc = story_to_scenario(story_from_events(_events(track=track)), KORA, title="t", station="Tarchen")
    doc["trips"][0]["checkins"] = [{"at": _iso(30), "note": "ok", "lon": None, "lat": None}]
    return doc


def test_the_scenario_used_below_reads():
    sc = parse_scenario(json.dumps(_scenario()), KORA)
    assert sc.story.trips[0].track and sc.story.trips[0].checkins and sc.source["station"] == "Tarchen"


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.update(kora=[{}]), r"^The scenario file: 'kora' must be an object, not a list\.$"),
    (lambda d: d.update(source="Tarchen"), "'source' must be an object"),
    (lambda d: d["source"].update(station=["x"]), "'source': 'station' must be text"),
    (lambda d: d["incident"].update(severity=[[]]), "'incident': 'severity' must be a whole number from 1 to 4"),
    (lambda d: d["incident"].update(created_at=None), "'incident': 'created_at' must be a time"),
    (lambda d: d["calls"][0].update(severity="2025-13-40"), r"^Call 1: 'severity' must be a whole number from 1 to 4"),
    (lambda d: d["calls"][0].update(party_size=[None]), "Call 1: 'party_size' must be a whole number"),
    (lambda d: d["calls"][0].update(text={"a": 1}), "Call 1: 'text' must be text, not an object"),
    (lambda d: d["estimates"][0].update(lat=1e308), "Estimate 1: 'lat' must be a number from -90 to 90"),
    (lambda d: d["estimates"][0].update(intervals_km=[[1]]), "Estimate 1: each entry of 'intervals_km'"),
    (lambda d: d["estimates"][0].update(confirmed="yes"), "Estimate 1: 'confirmed' must be true or false"),
    (lambda d: d["trips"][0].update(checkins=[False]), "Trip 1: entry 1 of 'checkins' must be an object, not false"),
    (lambda d: d["trips"][0]["checkins"][0].update(at=7), "Trip 1 check-in 1: 'at' must be a time"),
    (lambda d: d["trips"][0]["track"][1].__setitem__(1, "81.3"), "Trip 1's track, fix 2: 'lon' must be a number"),
    (lambda d: d["trips"][0]["track"].append([_iso(40)]), "Trip 1's track, fix 3: the fix must be a"),
    (lambda d: d["trips"][0].update(approach={"direction": "up"}), "'approach': 'direction' must be one of cw, ccw"),
    (lambda d: d["persons"][0].update(age="thirty"), "Person 1: 'age' must be a whole number"),
    (lambda d: d["statuses"][0].update(at="9999-12-31T23:59:59-14:00"), "Status 1, 'at': .* not a plausible time"),
    (lambda d: d.update(landmarks=[1]), "entry 1 of 'landmarks' must be text"),
    (lambda d: d["truth"].update(landmark=5), "'truth': 'landmark' must be text"),
    (lambda d: d.update(version=True), "version True is not supported"),
])
def test_scenario_field_of_the_wrong_type(edit, message):
    doc = _scenario()
    edit(doc)
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(json.dumps(doc), KORA)


def test_scenario_with_a_byte_order_mark_reads():
    assert parse_scenario(b"\xef\xbb\xbf" + json.dumps(_scenario()).encode(), KORA).key


LON, LAT = KORA.point_at(10.0)


def _layer():
    return {"type": "FeatureCollection", "format_version": 1, "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [LON, LAT]},
         "properties": {"feature_type": "landmark", "name_en": "Stone", "aliases": [{"text": "big stone", "lang": "en"}],
                        "kinds": ["rock"], "retired": False, "valid_from": "2025-01-01"}},
        {"type": "Feature", "geometry": None,
         "properties": {"feature_type": "hazard", "kind": "snow", "from_km": 20.0, "to_km": 22.5, "closed": True}}]}


def test_the_layer_used_below_reads():
    layer = read_layer(json.dumps(_layer()))
    assert layer.landmarks[0].aliases[0][:2] == ("big stone", "en") and layer.hazards[0].closed


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.update(format_version=None), r"^The file: 'format_version' must be a whole number of at least 1, not null\.$"),
    (lambda d: d.update(crs={"properties": [1]}), "'crs': 'properties' must be an object"),
    (lambda d: d["features"][0].update(properties=[[None]]), r"^Feature 1: 'properties' must be an object, not a list\.$"),
    (lambda d: d["features"][0]["properties"].update(aliases=True), r"^Feature 1 \(Stone\): 'aliases' must be a list, not true\.$"),
    (lambda d: d["features"][0]["properties"]["aliases"][0].update(lang=["en"]), r"Feature 1 \(Stone\), alias 1: 'lang'"),
    (lambda d: d["features"][0]["properties"].update(kinds="rock"), "'kinds' must be a list"),
    (lambda d: d["features"][0]["properties"].update(retired="false"), "'retired' must be true or false"),
    (lambda d: d["features"][0]["properties"].update(valid_from=20250101), "'valid_from' must be text"),
    (lambda d: d["features"][0]["properties"].update(valid_from="soon"), "'valid_from' is not a date"),
    (lambda d: d["features"][0]["properties"].update(shipped_id=["dolma_la"]), "'shipped_id' must be text"),
    (lambda d: d["features"][1]["properties"].update(from_km="20"), r"^Feature 2: 'from_km' must be a number"),
    (lambda d: d["features"][1]["properties"].pop("to_km"), r"^Feature 2 lacks 'to_km'"),
    (lambda d: d["features"][1]["properties"].update(feature_type="road"), "'feature_type' must be one of landmark, hazard"),
])
def test_layer_field_of_the_wrong_type(edit, message):
    doc = _layer()
    edit(doc)
    with pytest.raises(LayerFormatError, match=message):
        read_layer(json.dumps(doc))
