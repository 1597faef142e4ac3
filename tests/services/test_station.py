"""The station layer service: add/move/rename/alias/retire/history/validity, and the locator using it."""

from datetime import date, datetime, timezone

import pytest

from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.services import station
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.station import LandmarkInput

ACTOR = "officer-li"


def _on_route(km: float, offset_east_m: float = 0.0) -> tuple[float, float]:
    lon, lat = load_kora().point_at(km)
    return lon + offset_east_m / 95_000.0, lat


def test_added_landmark_gets_chainage_origin_and_history(db):
    lon, lat = _on_route(10.0, 60)
    key = station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Red rock", name_zh="红石头",
                                                        source="gps_walk", confidence="high", note="big red boulder"))
    assert key.startswith("station_")
    lm = station.station_kora(db).gazetteer.get(key)
    assert lm.origin == "station" and lm.extra["station_id"] == int(key.split("_")[1])
    assert abs(lm.chainage_km - 10.0) < 0.05 and 30 < lm.offset_m < 90
    assert f"#{lm.extra['station_id']}" in lm.source
    hist = station.history(db, key)
    assert [(h.action, h.by) for h in hist] == [("add", ACTOR)]
    assert hist[0].data["note"] == "big red boulder"


def test_new_alias_is_picked_up_by_the_locator(db):
    kora = station.station_kora(db)
    assert not locate("we are at the second tea tent", kora=kora).placed
    station.add_alias(db, ACTOR, "gaize_teahouse", "second tea tent", lang="en")
    kora = station.station_kora(db)
    res = locate("we are at the second tea tent", kora=kora)
    assert res.placed
    gaize = kora.gazetteer.get("gaize_teahouse")
    assert kora.along_distance_km(res.chainage_km, gaize.chainage_km) < 0.6
    assert [c.landmark_id for c in res.used] == ["gaize_teahouse"]


def test_locator_names_a_new_station_landmark(db):
    lon, lat = _on_route(31.0)
    key = station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Herder Dawa camp", name_zh="达瓦牧民帐篷"))
    kora = station.station_kora(db)
    res = locate("我们在达瓦牧民帐篷", kora=kora)
    assert res.placed and abs(res.chainage_km - 31.0) < 0.6
    assert [c.landmark_id for c in res.used] == [key]
    assert "Herder Dawa camp" in res.explanation()
    assert kora.gazetteer.get(key).origin == "station"


def test_moved_landmark_moves_the_placement_near_it(db):
    before = locate("near the Gaize teahouse supply point", kora=station.station_kora(db))
    shipped_km = load_kora().gazetteer.get("gaize_teahouse").chainage_km
    assert before.placed and abs(before.chainage_km - shipped_km) < 0.6
    lon, lat = _on_route(shipped_km - 1.5)  # an officer walked it with GPS: 1.5 km earlier
    station.move_landmark(db, ACTOR, "gaize_teahouse", lon, lat, source="gps_walk", confidence="high")
    kora = station.station_kora(db)
    after = locate("near the Gaize teahouse supply point", kora=kora)
    assert after.placed
    assert abs(after.chainage_km - (shipped_km - 1.5)) < 0.6
    assert kora.along_distance_km(after.chainage_km, before.chainage_km) > 0.9
    lm = kora.gazetteer.get("gaize_teahouse")
    assert lm.origin == "station" and lm.confidence == "high"


def test_correction_keeps_the_shipped_value_as_history(db):
    shipped = load_kora().gazetteer.get("zutul_phuk")
    lon, lat = _on_route(shipped.chainage_km + 0.4)
    station.move_landmark(db, ACTOR, "zutul_phuk", lon, lat)
    station.rename_landmark(db, "officer-wang", "zutul_phuk", name_en="Zutul Phuk Gompa (miracle cave)")
    hist = station.history(db, "zutul_phuk")
    assert [h.action for h in hist] == ["shipped", "move", "rename"]
    assert hist[0].data["lon"] == shipped.lon and hist[0].data["lat"] == shipped.lat
    assert hist[1].data["lon"] == pytest.approx(lon) and hist[2].by == "officer-wang"
    kora = station.station_kora(db)
    assert kora.landmark("Zutul Phuk Gompa").id == "zutul_phuk"  # the shipped name still answers


def test_retire_and_restore(db):
    lon, lat = _on_route(20.0)
    key = station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Blue tent", name_zh="蓝帐篷"))
    station.retire_landmark(db, ACTOR, key)
    assert key not in station.station_kora(db).gazetteer
    assert station.station_kora(db).landmark("Blue tent") is None or \
        station.station_kora(db).landmark("Blue tent").id != key
    station.restore_landmark(db, ACTOR, key)
    assert station.station_kora(db).landmark("Blue tent").id == key
    station.retire_landmark(db, ACTOR, "kora_gate")  # a shipped landmark can be retired too
    assert "kora_gate" not in station.station_kora(db).gazetteer
    assert [h.action for h in station.history(db, key)] == ["add", "retire", "restore"]


def test_seasonal_landmark_is_used_only_inside_its_dates(db):
    lon, lat = _on_route(27.5)
    key = station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Yellow supply tent", name_zh="黄色补给帐篷",
                                                        valid_from=date(2025, 6, 1), valid_to=date(2025, 9, 30)))
    assert key in station.station_kora(db, at=date(2025, 7, 1)).gazetteer
    assert key not in station.station_kora(db, at=date(2025, 10, 1)).gazetteer
    # 2025-05-31 23:30 UTC is already 1 June in Beijing
    assert key in station.station_kora(db, at=datetime(2025, 5, 31, 23, 30, tzinfo=timezone.utc)).gazetteer
    assert key not in station.station_kora(db, at=datetime(2025, 5, 31, 15, 30, tzinfo=timezone.utc)).gazetteer
    in_season = locate("at the yellow supply tent", kora=station.station_kora(db, at=date(2025, 7, 1)))
    assert in_season.placed and abs(in_season.chainage_km - 27.5) < 0.6


def test_seasonal_alias(db):
    station.add_alias(db, ACTOR, "sershong", "summer tea tent", lang="en", valid_from=date(2025, 6, 1),
                      valid_to=date(2025, 8, 31))
    assert station.station_kora(db, at=date(2025, 7, 1)).landmark("summer tea tent").id == "sershong"
    winter = station.station_kora(db, at=date(2025, 12, 1)).landmark("summer tea tent")
    assert winter is None or winter.id != "sershong"


def test_duplicate_name_is_refused(db):
    lon, lat = _on_route(12.0)
    with pytest.raises(ValidationError, match="already used by the landmark"):
        station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Sershong"))
    with pytest.raises(ValidationError, match="already used"):
        station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_zh="色雄"))
    key = station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Prayer-flag hill"))
    with pytest.raises(ValidationError, match="already used"):
        station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="prayer flag hill"))
    with pytest.raises(ValidationError, match="already used"):
        station.rename_landmark(db, ACTOR, key, name_en="Tarboche flagpole")
    assert [h.action for h in station.history(db, key)] == ["add"]


def test_colliding_alias_is_refused(db):
    with pytest.raises(ValidationError, match="collides with a name of the landmark"):
        station.add_alias(db, ACTOR, "gaize_teahouse", "Dolma La")
    with pytest.raises(ValidationError, match="collides with a name of this landmark"):
        station.add_alias(db, ACTOR, "dolma_la", "卓玛拉")
    station.add_alias(db, ACTOR, "gaize_teahouse", "old tea house")
    with pytest.raises(ValidationError, match="collides"):
        station.add_alias(db, ACTOR, "zutul_phuk", "Old Tea-House")
    assert station.load_layer(db).aliases[0].text == "old tea house" and len(station.load_layer(db).aliases) == 1


def test_point_far_away_is_refused(db):
    lon, lat = _on_route(5.0)
    far_lat = lat + 50_000 / 111_000  # 50 km north
    assert geodesic_distance_m(lon, lat, lon, far_lat) > 49_000
    with pytest.raises(ValidationError, match=r"km from the kora route"):
        station.add_landmark(db, ACTOR, LandmarkInput(lon, far_lat, name_en="Somewhere else"))
    with pytest.raises(ValidationError, match="km from the kora route"):
        station.move_landmark(db, ACTOR, "sershong", lon, far_lat)
    with pytest.raises(ValidationError, match="not a longitude/latitude"):
        station.add_landmark(db, ACTOR, LandmarkInput(float("nan"), lat, name_en="Nowhere"))
    assert station.load_layer(db).landmarks == ()
    assert station.history(db, "sershong") == []  # nothing half-applied


def test_bad_dates_are_refused(db):
    lon, lat = _on_route(8.0)
    with pytest.raises(ValidationError, match="before the start date"):
        station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="Tent", valid_from=date(2025, 9, 1),
                                                      valid_to=date(2025, 6, 1)))


def test_alias_remove_and_restore(db):
    alias_id = station.add_alias(db, ACTOR, "dolma_la", "the big pass", lang="en")
    station.remove_alias(db, ACTOR, alias_id)
    assert station.station_kora(db).landmark("the big pass") is None or \
        station.station_kora(db).landmark("the big pass").id != "dolma_la"
    station.restore_alias(db, ACTOR, alias_id)
    assert station.station_kora(db).landmark("the big pass").id == "dolma_la"
    assert [h.action for h in station.history(db, "dolma_la")] == ["alias", "unalias", "alias"]


def test_changes_are_in_the_event_log(db):
    from sqlalchemy import select

    from rescue_desk.storage.models import Event

    lon, lat = _on_route(3.0)
    station.add_landmark(db, ACTOR, LandmarkInput(lon, lat, name_en="White stupa"))
    with db.read() as s:
        ev = s.scalars(select(Event)).all()
    assert [(e.actor, e.operation, e.entity, e.action) for e in ev] == [
        (ACTOR, "station_add_landmark", "station_landmarks", "create")]
