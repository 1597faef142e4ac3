"""Undoable edits: apply returns the inverse; applying it restores the state, and its inverse redoes."""

from rescue_desk.domain.kora import load_kora
from rescue_desk.services import station
from rescue_desk.services.station import LandmarkInput
from rescue_desk.services.station_edits import AddAlias, AddHazard, AddLandmark, MoveLandmark, UpdateLandmark

A = "officer-li"


def test_add_undo_redo(db):
    lon, lat = load_kora().point_at(9.0)
    undo = AddLandmark(LandmarkInput(lon, lat, name_en="Stone hut")).apply(db, A)
    key = undo.key
    assert station.station_kora(db).landmark("Stone hut").id == key
    redo = undo.apply(db, A)
    assert key not in station.station_kora(db).gazetteer
    redo.apply(db, A)
    assert station.station_kora(db).landmark("Stone hut").id == key
    assert len(station.load_layer(db).landmarks) == 1


def test_move_of_a_shipped_landmark_undoes_to_the_shipped_position(db):
    shipped = load_kora().gazetteer.get("sershong")
    lon, lat = load_kora().point_at(shipped.chainage_km + 0.5)
    undo = MoveLandmark("sershong", lon, lat).apply(db, A)
    assert abs(station.station_kora(db).gazetteer.get("sershong").chainage_km - (shipped.chainage_km + 0.5)) < 0.02
    redo = undo.apply(db, A)
    back = station.station_kora(db).gazetteer.get("sershong")
    assert (back.lon, back.lat) == (shipped.lon, shipped.lat)
    redo.apply(db, A)
    assert station.station_kora(db).gazetteer.get("sershong").lon == lon


def test_rename_and_alias_undo(db):
    undo = UpdateLandmark("gaize_teahouse", {"name_en": "Gaize tea tent"}).apply(db, A)
    assert station.station_kora(db).gazetteer.get("gaize_teahouse").name_en == "Gaize tea tent"
    undo.apply(db, A)
    assert station.station_kora(db).gazetteer.get("gaize_teahouse").name_en == "Gaize teahouse supply point"
    alias_undo = AddAlias("dolma_la", "the top", "en").apply(db, A)
    assert station.station_kora(db).landmark("the top").id == "dolma_la"
    alias_undo.apply(db, A)
    top = station.station_kora(db).landmark("the top")
    assert top is None or top.id != "dolma_la"


def test_hazard_undo(db):
    undo = AddHazard("snow", 22.0, 25.0, speed_factor=2.0).apply(db, A)
    assert len(station.active_hazards(db)) == 1
    redo = undo.apply(db, A)
    assert station.active_hazards(db) == []
    redo.apply(db, A)
    assert len(station.active_hazards(db)) == 1
