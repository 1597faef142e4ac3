"""The kora model: one chainage definition, its accuracy figures, and name lookup."""

import csv
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rescue_desk.domain.kora import load_kora

SHARED_LANDMARKS = Path(__file__).resolve().parents[3] / "shared" / "data" / "kora" / "landmarks.csv"


@pytest.fixture(scope="module")
def kora():
    return load_kora()


def test_lengths_match_the_data_readme(kora):
    assert kora.length_km == pytest.approx(46.210, abs=0.002)  # UTM 44N, the chainage length
    assert kora.geodesic_length_km == pytest.approx(46.228, abs=0.002)  # pyproj Geod


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0.0, max_value=46.2, allow_nan=False))
def test_chainage_point_round_trip_within_1m(km):
    kora = load_kora()
    lon, lat = kora.point_at(km)
    back, offset = kora.chainage_of(lon, lat)
    assert offset < 1.0
    assert kora.along_distance_km(back, km) * 1000 < 1.0


def _rows():
    path = SHARED_LANDMARKS if SHARED_LANDMARKS.exists() else None
    if path is None:
        from rescue_desk.domain.assets import asset_text
        import io

        return list(csv.DictReader(io.StringIO(asset_text("kora", "landmarks.csv"))))
    return list(csv.DictReader(open(path, encoding="utf-8")))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["id"])
def test_landmark_chainage_reproduces_the_table_within_5m(kora, row):
    km, offset = kora.chainage_of(float(row["lon"]), float(row["lat"]))
    assert kora.along_distance_km(km, float(row["chainage_km"])) * 1000 <= 5.0
    assert abs(offset - float(row["offset_m"])) <= 5.0


def test_point_off_the_route_reports_its_distance(kora):
    lm = kora.gazetteer.get("drira_phuk_gompa")  # across the river, ~600 m from the trail
    _km, offset = kora.chainage_of(lm.lon, lm.lat)
    assert 500 < offset < 700
    assert kora.distance_from_route_m(lm.lon, lm.lat) == pytest.approx(offset)


def test_elevation_follows_the_profile(kora):
    assert kora.elevation_at(23.96) == pytest.approx(5624, abs=8)  # Dolma La on the 100 m grid
    assert kora.elevation_at(0.8) == pytest.approx(4668, abs=2)  # the minimum of the profile
    assert kora.elevation_at(46.21 + 0.8) == pytest.approx(kora.elevation_at(0.8))  # wraps


def test_segments(kora):
    seg = kora.segment_at(6.5)
    assert (seg.start.id, seg.end.id) == ("tarboche", "chuku_bridge_supply")
    assert seg.label_en == "Tarboche flagpole → Chuku bridge supply point"
    assert kora.segment_at(24.1).start.id == "dolma_la"
    assert kora.segment_at(46.0).end.id == "darchen"  # the closing stretch wraps to the start
    assert len(kora.segments()) == 21


def test_clockwise_counter_clockwise(kora):
    assert kora.to_ccw(10.0) == pytest.approx(kora.length_km - 10.0)
    assert kora.to_cw(kora.to_ccw(17.25)) == pytest.approx(17.25)
    assert kora.to_ccw(0.0) == 0.0
    assert kora.ahead_km(45.0, 1.0) == pytest.approx(1.0 + kora.length_km - 45.0)
    assert kora.ahead_km(45.0, 1.0, "ccw") == pytest.approx(44.0)
    assert kora.move(46.0, 1.0) == pytest.approx(1.0 - (kora.length_km - 46.0))
    assert kora.along_distance_km(0.2, 46.0) == pytest.approx(kora.length_km - 45.8)


@pytest.mark.parametrize("name, expected", [
    ("Dirapuk", "drira_phuk_gompa"), ("Zuthulphuk", "zutul_phuk"), ("Dolmala", "dolma_la"),
    ("DOLMA-LA", "dolma_la"), ("Drölma La", "dolma_la"), ("dolma  la", "dolma_la"), ("卓玛拉", "dolma_la"),
    ("卓玛拉垭口", "dolma_la"), ("སྒྲོལ་མ་ལ", "dolma_la"), ("Zutrul puk", "zutul_phuk"), ("Shershong", "sershong"),
    ("tarboche", "tarboche"), ("止热寺", "drira_phuk_gompa"), ("塔钦", "darchen"), ("Tarchen", "darchen"),
    ("Gowri Kund", "gauri_kund"), ("Chuku bridge", "chuku_bridge_supply"), ("马头明王驿站", "tamdrin_drongkhang"),
    ("Shiva Tsal", "shiva_tsal"), ("Shivatsal", "shiva_tsal"), ("Diraphuk", "drira_phuk_gompa"),
])
def test_lookup_by_any_name(kora, name, expected):
    assert kora.landmark(name).id == expected


@pytest.mark.parametrize("name", ["", "   ", "Lhasa", "Everest base camp", "医院"])
def test_lookup_unknown_is_none(kora, name):
    assert kora.landmark(name) is None


def test_nearest_landmark(kora):
    assert kora.nearest_landmark(23.9).id == "dolma_la"
    assert math.isfinite(kora.nearest_landmark(46.1).chainage_km)


@pytest.mark.parametrize("lon, lat", [(0.0, 0.0), (-120.0, 45.0), (81.3, -89.9), (179.9, 0.0)])
def test_far_away_points_get_an_honest_distance_not_an_exception(kora, lon, lat):
    km, offset = kora.chainage_of(lon, lat)
    assert 0 <= km <= kora.length_km
    assert offset > 1_000_000  # thousands of km: callers refuse such points by their distance


@pytest.mark.parametrize("lon, lat", [(81.3, 95.0), (float("nan"), 31.0), (81.3, float("nan"))])
def test_impossible_points_raise_value_error(kora, lon, lat):
    with pytest.raises(ValueError, match="not a position on Earth"):
        kora.chainage_of(lon, lat)
