"""GeoJSON export -> import round trip, the diff, and bad files refused with nothing applied."""

import json
from datetime import date

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.services import station, station_hazards
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.station import LandmarkInput
from rescue_desk.services.station_exchange import LayerFormatError, apply_import, export_geojson, preview_import
from rescue_desk.storage import open_database

ACTOR = "officer-li"


def _fill(db) -> str:
    k = load_kora()
    lon, lat = k.point_at(27.2)
    key = station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Yellow supply tent", name_zh="黄色补给帐篷",
                                                        source="gps_walk", confidence="high", note="summer only",
                                                        valid_from=date(2025, 6, 1), valid_to=date(2025, 9, 30),
                                                        medical_post=True, vehicle_access="probable"))
    station.add_alias(db, ACTOR, key, "黄帐篷", lang="zh")
    station.add_alias(db, ACTOR, "gaize_teahouse", "second tea tent", lang="en")
    lon, lat = k.point_at(k.gazetteer.get("zutul_phuk").chainage_km + 0.3)
    station.move_landmark(db, ACTOR, "zutul_phuk", lon, lat, source="gps_walk")
    station.retire_landmark(db, ACTOR, "kora_gate")
    station_hazards.add_hazard(db, ACTOR, "snow", 22.0, 25.0, speed_factor=1.8, valid_from=date(2025, 10, 1))
    station_hazards.add_hazard(db, ACTOR, "rockfall", 30.0, 30.5, closed=True)
    return key


def _summary(db):
    layer = station.load_layer(db)
    lms = sorted((s.shipped_id or "", s.name_en, s.name_zh, round(s.lon, 6), round(s.lat, 6), s.source, s.confidence,
                  s.note, s.valid_from, s.valid_to, s.retired, s.medical_post, s.vehicle_access)
                 for s in layer.landmarks)
    aliases = sorted((a.text, a.lang) for a in layer.aliases)
    hazards = sorted((h.kind, h.from_km, h.to_km, h.closed, h.speed_factor, h.valid_from) for h in layer.hazards)
    return lms, aliases, hazards


def test_round_trip_into_an_empty_station(db, tmp_path):
    _fill(db)
    doc = export_geojson(db)
    assert doc["type"] == "FeatureCollection" and doc["format_version"] == 1
    other = open_database(f"sqlite:///{tmp_path / 'neighbour.sqlite3'}")
    diff = preview_import(other, json.dumps(doc))
    assert len(diff.added) == 5 and len(diff.retired) == 1  # tent, 2 aliases, 2 hazards; the gate
    assert [(c.target_key, c.details) for c in diff.changed] == [("zutul_phuk", "position, source")]
    assert _summary(other) == ([], [], [])  # a preview writes nothing
    apply_import(other, "county", diff)
    mine, theirs = _summary(db), _summary(other)
    assert theirs == mine
    again = preview_import(other, json.dumps(export_geojson(other)))
    assert again.is_empty()
    other.dispose()


def test_reimport_into_the_same_station_changes_nothing(db):
    _fill(db)
    diff = preview_import(db, json.dumps(export_geojson(db)))
    assert diff.is_empty() and diff.unchanged > 0


def test_diff_shows_moves_and_retirements(db, tmp_path):
    key = _fill(db)
    doc = export_geojson(db)
    for f in doc["features"]:
        p = f["properties"]
        if p.get("key") == key:
            f["geometry"]["coordinates"] = list(load_kora().point_at(27.6))
            p["note"] = "moved after the flood"
        if p.get("shipped_id") == "zutul_phuk":
            p["retired"] = True
    diff = preview_import(db, json.dumps(doc))
    assert [(c.action, c.details) for c in diff.changed] == [("change", "note, position")]
    assert [c.target_key for c in diff.retired] == ["zutul_phuk"]
    apply_import(db, "county", diff)
    kora = station.station_kora(db, at=date(2025, 7, 1))
    assert abs(kora.gazetteer.get(key).chainage_km - 27.6) < 0.05
    assert "zutul_phuk" not in kora.gazetteer


def _doc(features, **extra):
    return json.dumps({"type": "FeatureCollection", "features": features, **extra})


def _point(lon, lat, **props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"feature_type": "landmark", **props}}


def test_foreign_crs_is_refused(db):
    lon, lat = load_kora().point_at(10.0)
    text = _doc([_point(lon, lat, name_en="X")],
                crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32644"}})
    with pytest.raises(LayerFormatError, match="coordinate system 'urn:ogc:def:crs:EPSG::32644'.*WGS84"):
        preview_import(db, text)
    ok = _doc([_point(lon, lat, name_en="X")], crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}})
    assert len(preview_import(db, ok).added) == 1


def test_projected_coordinates_without_crs_are_refused(db):
    with pytest.raises(LayerFormatError, match="not a longitude/latitude"):
        preview_import(db, _doc([_point(500123.0, 3431000.0, name_en="Utm point")]))


@pytest.mark.parametrize("geometry, message", [
    ({"type": "Point", "coordinates": []}, "no valid position"),
    ({"type": "Point", "coordinates": ["81.3", 31.0]}, "no valid position"),
    ({"type": "Point"}, "no valid position"),
    ({"type": "LineString", "coordinates": [[81.3, 31.0], [81.31, 31.0]]}, "needs a Point geometry"),
    (None, "needs a Point geometry"),
])
def test_broken_geometry_is_refused(db, geometry, message):
    f = {"type": "Feature", "geometry": geometry, "properties": {"feature_type": "landmark", "name_en": "Bad one"}}
    with pytest.raises(LayerFormatError, match=f"Feature 1 \\(Bad one\\): .*{message}"):
        preview_import(db, _doc([f]))


def test_not_json_and_not_a_collection(db):
    with pytest.raises(LayerFormatError, match="not valid JSON"):
        preview_import(db, b"{nope")
    with pytest.raises(LayerFormatError, match="not a GeoJSON FeatureCollection"):
        preview_import(db, json.dumps({"type": "Feature"}))


def test_a_refused_change_applies_nothing(db):
    k = load_kora()
    good_lon, good_lat = k.point_at(12.0)
    far_lon, far_lat = good_lon, good_lat + 0.45  # ~50 km north
    text = _doc([_point(good_lon, good_lat, name_en="Good tent"),
                 _point(good_lon, good_lat, name_en="Alias owner", aliases=[{"text": "new name", "lang": "en"}]),
                 _point(far_lon, far_lat, name_en="Far tent")])
    diff = preview_import(db, text)
    assert len(diff.added) == 4
    with pytest.raises(ValidationError, match="Far tent: .*km from the kora route.*Nothing was imported"):
        apply_import(db, "county", diff)
    assert _summary(db) == ([], [], [])


def test_duplicate_names_inside_the_file_apply_nothing(db):
    lon, lat = load_kora().point_at(12.0)
    text = _doc([_point(lon, lat, name_en="Twin tent"), _point(lon, lat, name_zh="双帐篷", name_en="twin-tent")])
    with pytest.raises(ValidationError, match="already used"):
        apply_import(db, "county", preview_import(db, text))
    assert _summary(db) == ([], [], [])
