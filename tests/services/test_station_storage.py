"""The station layer on SQLite and PostgreSQL, the edit_station permission, and hazard-walk properties."""

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.station_layer import Hazard, hazards_on_walk
from rescue_desk.services import station, station_hazards, station_walks
from rescue_desk.services.station import LandmarkInput
from rescue_desk.services.station_exchange import export_geojson, preview_import
from rescue_desk.storage.errors import PermissionDenied

KORA = load_kora()
L = KORA.length_km


def test_layer_round_trip_on_both_databases(any_db):
    lon, lat = KORA.point_at(14.0)
    key = station.add_landmark(any_db, "chief", LandmarkInput(lon, lat, name_en="Wind gap", name_zh="风口",
                                                              kinds=("pass",), valid_from=date(2025, 5, 1)))
    station.add_alias(any_db, "chief", key, "风口子", "zh")
    station.move_landmark(any_db, "chief", "tarboche", *KORA.point_at(6.0))
    station_hazards.add_hazard(any_db, "chief", "ice", 23.0, 24.5, speed_factor=1.7)
    pts = "".join(f'<trkpt lat="{KORA.point_at(k / 10)[1]}" lon="{KORA.point_at(k / 10)[0]}"/>' for k in range(0, 200, 2))
    station_walks.import_walk(any_db, "chief", "Tenzin", f'<gpx version="1.1"><trk><trkseg>{pts}</trkseg></trk></gpx>')
    layer = station.load_layer(any_db)
    (added,) = [s for s in layer.landmarks if s.key == key]
    assert added.kinds == ("pass",) and added.valid_from == date(2025, 5, 1) and added.valid_to is None
    assert [a.text for a in layer.aliases] == ["风口子"]
    assert [h.action for h in station.history(any_db, "tarboche")] == ["shipped", "move"]
    assert station_walks.loops_by_officer(any_db)[0].km == pytest.approx(19.8, abs=0.2)
    assert preview_import(any_db, __import__("json").dumps(export_geojson(any_db))).is_empty()
    assert station.station_kora(any_db, date(2025, 6, 1)).landmark("风口子").id == key


def test_only_roles_with_edit_station_may_change_the_layer(db):
    from rescue_desk.services.accounts import add_user

    add_user(db, "setup", "admin", "administrator", "correct horse battery")
    add_user(db, "admin", "zhang", "duty_officer", "correct horse battery")
    add_user(db, "admin", "chief", "station_chief", "correct horse battery")
    lon, lat = KORA.point_at(14.0)
    with pytest.raises(PermissionDenied):
        station.add_landmark(db, "zhang", LandmarkInput(lon, lat, name_en="Wind gap"))
    with pytest.raises(PermissionDenied):
        station_hazards.add_hazard(db, "zhang", "snow", 1.0, 2.0)
    station.add_landmark(db, "chief", LandmarkInput(lon, lat, name_en="Wind gap"))
    assert len(station.load_layer(db).landmarks) == 1


km = st.floats(0, L - 1e-6, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(a=km, b=km, h0=km, h1=km, direction=st.sampled_from(["cw", "ccw"]))
def test_hazard_overlap_is_bounded_and_the_same_both_ways(a, b, h0, h1, direction):
    h = Hazard(1, "snow", h0, h1)
    walk = KORA.ahead_km(a, b, direction)
    assume(1e-6 < walk < L - 1e-6)  # a walk of (almost) nothing or the whole loop is ambiguous in floats
    passages = hazards_on_walk([h], a, b, direction, L, "any")
    back = hazards_on_walk([h], b, a, "ccw" if direction == "cw" else "cw", L, "any")
    got = passages[0].overlap_km if passages else 0.0
    assert 0.0 <= got <= min(walk, KORA.ahead_km(h0, h1, "cw")) + 1e-9
    assert got == pytest.approx(back[0].overlap_km if back else 0.0, abs=1e-9)
    if passages:
        assert 0.0 <= passages[0].enter_km <= walk + 1e-9
