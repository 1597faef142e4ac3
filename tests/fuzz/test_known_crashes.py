"""Crashes the fuzzers once found in other features' readers, one minimal file each: every reader now
refuses the file with its own error, and these tests guard against the crash coming back."""

import json

import pytest
from test_fuzz_files import GEOJSON_SEED, KORA, SEED

from rescue_desk.domain.geojson_layer import LayerFormatError, read_layer
from rescue_desk.domain.scenarios import ScenarioError, parse_scenario


def _edit(seed, edit):
    doc = json.loads(json.dumps(seed))
    edit(doc)
    return json.dumps(doc, ensure_ascii=False)


def _set(*path_value):
    *path, value = path_value

    def edit(doc):
        node = doc
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    return edit


SCENARIO_CRASHES = {
    "kora is a list": _set("kora", [{}]),
    "call party_size is a list": _set("calls", 0, "party_size", [None]),
    "call severity is not a number": _set("calls", 0, "severity", "2025-13-40"),
    "check-in is not an object": _set("trips", 0, "checkins", [False]),
    "incident severity is a list": _set("incident", "severity", [[]]),
    "source is a list": _set("source", [[]]),
}
GEOJSON_CRASHES = {
    "format_version is null": _set("format_version", None),
    "aliases is true": _set("features", 0, "properties", "aliases", True),
    "properties is a list": _set("features", 0, "properties", [[None]]),
}


@pytest.mark.parametrize("case", sorted(SCENARIO_CRASHES))
def test_scenario_reader_refuses(case):
    with pytest.raises(ScenarioError):
        parse_scenario(_edit(SEED, SCENARIO_CRASHES[case]), KORA)


@pytest.mark.parametrize("case", sorted(GEOJSON_CRASHES))
def test_geojson_reader_refuses(case):
    with pytest.raises(LayerFormatError):
        read_layer(_edit(GEOJSON_SEED, GEOJSON_CRASHES[case]))



# Far-away points (e.g. 0°N 0°E), where UTM 44N has no finite answer, once crashed every caller with a
# GEOSException; kora.chainage_of now falls back to the geodesic distance, and callers refuse by distance.
def test_locator_far_away_coordinates():
    from rescue_desk.domain.locator import LocateResult, locate

    assert isinstance(locate("0.0S0.0", kora=KORA), LocateResult)


def test_importer_far_away_row(db):
    from rescue_desk.services.importer import import_logbook

    result = import_logbook(db, "fuzz", "received_at,lon,lat\n2019-06-11 09:00,0,0\n", kora=KORA)
    assert result.rows == 1


def test_log_call_far_away_position(db):
    from datetime import datetime, timezone

    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.incidents import CallInput, Position, log_call

    with pytest.raises(ValidationError):
        log_call(db, "fuzz", CallInput(received_at=datetime(2025, 1, 1, tzinfo=timezone.utc),
                                       position=Position(0.0, 0.0)))


def test_walk_import_far_away_track(db):
    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.station_walks import import_walk

    gpx = ('<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
           '<trkpt lat="0" lon="0"/><trkpt lat="0.1" lon="0"/></trkseg></trk></gpx>')
    with pytest.raises(ValidationError):
        import_walk(db, "chief", "巴桑", gpx, "holiday.gpx")


def test_station_layer_far_away_landmark(db):
    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.station_exchange import apply_import, preview_import

    far = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {
        "type": "Point", "coordinates": [0.0, 0.0]}, "properties": {"feature_type": "landmark", "name_en": "Far"}}]}
    with pytest.raises((LayerFormatError, ValidationError)):
        apply_import(db, "chief", preview_import(db, json.dumps(far)))
