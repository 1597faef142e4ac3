"""Station files from outside: GPX tracks, scenario files, station-layer GeoJSON. Any content is either
read or refused with the module's own one-sentence error; nothing else escapes."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from fuzz_strategies import FUZZ, json_values

from rescue_desk.domain.geojson_layer import LayerFormatError, read_layer
from rescue_desk.domain.gpx import GpxError, check_near_kora, check_times, parse_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.scenarios import ScenarioError, parse_scenario

KORA = load_kora()
SEED = json.loads((Path(__file__).with_name("scenario_seed.json")).read_text(encoding="utf-8"))
NUMBERISH = st.one_of(st.floats().map(repr), st.integers(-10**9, 10**9).map(str),
                      st.sampled_from(["", "81.3", "31.1", "nan", "inf", "-inf", "1e400", "0x10", " 5 ", "٣١", "31,1"]),
                      st.text(max_size=6))
TIMEISH = st.one_of(st.sampled_from(["2025-07-01T02:00:00Z", "2025-07-01T02:00:00", "2025-02-30T00:00:00Z",
                                     "2025-07-01T25:61:00Z", "", "yesterday", "9999-12-31T23:59:59+14:00",
                                     "0001-01-01T00:00:00-12:00", "2025-07-01T02:00:00.123456789Z"]),
                    st.text(max_size=25))


def _gpx_doc(points, version, kind, raw_tail):
    ns = {"1.1": "http://www.topografix.com/GPX/1/1", "1.0": "http://www.topografix.com/GPX/1/0"}.get(version, version)
    tag = {"trk": "trkpt", "rte": "rtept", "wpt": "wpt"}[kind]
    pts = "".join(f'<{tag} lat="{lat}" lon="{lon}"><ele>{ele}</ele><time>{t}</time></{tag}>'
                  for lat, lon, ele, t in points)
    body = {"trk": f"<trk><name>A</name><trkseg>{pts}</trkseg></trk>", "rte": f"<rte>{pts}</rte>", "wpt": pts}[kind]
    return f'<?xml version="1.0"?><gpx version="{version}" xmlns="{ns}">{body}{raw_tail}</gpx>'


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


gpx_points = st.lists(st.tuples(NUMBERISH.map(_escape), NUMBERISH.map(_escape), NUMBERISH.map(_escape),
                                TIMEISH.map(_escape)), max_size=8)


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400),
                      st.builds(_gpx_doc, gpx_points, st.sampled_from(["1.0", "1.1", "2.0", "urn:x"]),
                                st.sampled_from(["trk", "rte", "wpt"]),
                                st.sampled_from(["", "<extensions/>", "<trk/>", "<!-- x -->", "<wpt lat='1'/>"]))))
def test_gpx_reader(data):
    try:
        track = parse_gpx(data)
    except GpxError:
        return
    try:
        check_near_kora(track, KORA)
        check_times(track, datetime(2000, 1, 1, tzinfo=timezone.utc), datetime.now(timezone.utc) + timedelta(days=1))
    except GpxError:
        pass


def _mutate(doc, path, value):
    """Replace the value at ``path`` (keys/indices, clipped to what exists) by ``value``."""
    doc = json.loads(json.dumps(doc))
    node = doc
    for step in path[:-1]:
        if isinstance(node, dict) and node:
            node = node[sorted(node)[step % len(node)]]
        elif isinstance(node, list) and node:
            node = node[step % len(node)]
        else:
            return doc
    if isinstance(node, dict) and node:
        node[sorted(node)[path[-1] % len(node)]] = value
    elif isinstance(node, list) and node:
        node[path[-1] % len(node)] = value
    return doc


paths = st.lists(st.integers(0, 50), min_size=1, max_size=4)


@FUZZ
@given(path=paths, value=json_values, more=st.lists(st.tuples(paths, json_values), max_size=3))
def test_scenario_reader_with_damaged_fields(path, value, more):
    doc = _mutate(SEED, path, value)
    for p, v in more:
        doc = _mutate(doc, p, v)
    try:
        parse_scenario(json.dumps(doc, ensure_ascii=False), KORA)
    except ScenarioError:
        pass


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300), json_values.map(json.dumps)))
def test_scenario_reader_with_any_bytes(data):
    try:
        parse_scenario(data, KORA)
    except ScenarioError:
        pass


def test_scenario_seed_is_valid():
    assert parse_scenario(json.dumps(SEED), KORA).key  # the fuzzing starts from a file that reads


LON, LAT = KORA.point_at(10.0)
GEOJSON_SEED = {"type": "FeatureCollection", "format_version": 1, "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [LON, LAT]},
     "properties": {"feature_type": "landmark", "name_en": "Stone", "name_zh": "石头", "aliases": [{"name": "x"}],
                    "kinds": ["rock"], "source": "import", "confidence": "medium", "valid_from": "2025-01-01"}},
    {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.01, LAT]]},
     "properties": {"feature_type": "hazard", "kind": "snow", "from_km": 20.0, "to_km": 22.5, "closed": False,
                    "speed_factor": 0.7, "valid_from": "2025-01-01", "valid_to": "2025-02-01"}},
]}


@FUZZ
@given(path=paths, value=json_values, more=st.lists(st.tuples(paths, json_values), max_size=3))
def test_geojson_reader_with_damaged_fields(path, value, more):
    doc = _mutate(GEOJSON_SEED, path, value)
    for p, v in more:
        doc = _mutate(doc, p, v)
    try:
        read_layer(json.dumps(doc, ensure_ascii=False))
    except LayerFormatError:
        pass


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300), json_values.map(json.dumps)))
def test_geojson_reader_with_any_bytes(data):
    try:
        read_layer(data)
    except LayerFormatError:
        pass
