"""Coordinates in every format callers read out, and the Chinese map datums."""

import math

import pytest
from hypothesis import given, strategies as st

from rescue_desk.domain.geo import GEOD, geodesic_distance_m
from rescue_desk.domain.locator.coordinates import datum_from_words, find_coordinates
from rescue_desk.domain.datums import (bd09_to_wgs84, gcj02_to_wgs84, wgs84_to_bd09, wgs84_to_gcj02)
from rescue_desk.domain.locator.text import clean_text

LON, LAT = 81.343850, 31.096918  # near Shiva-tsal


def read(text, datum="wgs84"):
    cleaned, _ = clean_text(text)
    return find_coordinates(cleaned, datum)


@pytest.mark.parametrize("text", [
    "31.096918, 81.343850", "81.343850, 31.096918", "31.096918 81.343850", "N31.096918 E81.343850",
    "31.096918N 81.343850E", "lat 31.096918 lon 81.343850", "北纬31.096918 东经81.343850",
    "31°05'48.9\"N 81°20'37.9\"E", "31°05′48.9″N, 81°20′37.9″E", "N 31° 05' 48.9\" E 81° 20' 37.9\"",
    "31度05分48.9秒 81度20分37.9秒", "N31 05.815 E081 20.631", "31°05.815'N 81°20.631'E",
    "31 05 48.9 N 81 20 37.9 E", "Our GPS says 31.096918 / 81.343850 please come", "31.096918N81.343850E",
    "lat=31.096918&lon=81.343850", "纬度31.096918 经度81.343850",
])
def test_formats_read_the_same_place(text):
    found = read(text)
    assert len(found) == 1 and found[0].problem is None
    assert geodesic_distance_m(found[0].lon, found[0].lat, LON, LAT) < 10


def test_utm_zone_44():
    from pyproj import Transformer
    e, n = Transformer.from_crs("EPSG:4326", "EPSG:32644", always_xy=True).transform(LON, LAT)
    for text in (f"UTM 44R {e:.0f} {n:.0f}", f"44N {e:.0f}mE {n:.0f}mN", f"E {e:.0f} N {n:.0f}"):
        found = read(text)
        assert len(found) == 1, text
        assert geodesic_distance_m(found[0].lon, found[0].lat, LON, LAT) < 2


def test_impossible_coordinates_explained():
    (r,) = read("lat 95, lon 81")
    assert r.problem and "latitude 95" in r.problem
    (r,) = read("lon 200 lat 31")
    assert r.problem and "longitude 200" in r.problem


def test_numbers_that_are_not_coordinates():
    assert read("we walked 2.5 km, phone says 5450 m, left at 7:40") == []


def test_datum_words():
    assert datum_from_words("高德地图上的位置") == "gcj02"
    assert datum_from_words("shared from wechat") == "gcj02"
    assert datum_from_words("百度地图坐标") == "bd09"
    assert datum_from_words("my garmin") == "wgs84"
    assert datum_from_words("just numbers") is None


def test_gcj02_shift_here_matches_the_data_readme():
    # data README: 380-385 m toward the south-east (bearing ~137-141 degrees) at Kailash
    glon, glat = wgs84_to_gcj02(LON, LAT)
    az, _, dist = GEOD.inv(LON, LAT, glon, glat)
    assert 375 < dist < 390
    assert 130 < az % 360 < 145


def test_bd09_shift_here_is_about_940_m():
    blon, blat = wgs84_to_bd09(LON, LAT)
    assert 900 < geodesic_distance_m(LON, LAT, blon, blat) < 980


def test_known_pairs_from_the_call_samples():
    # pairs written by the data set's authors (WGS84 truth, app text)
    assert geodesic_distance_m(*gcj02_to_wgs84(81.386193, 31.069036), 81.38344, 31.07154) < 1
    assert geodesic_distance_m(*bd09_to_wgs84(81.343918, 30.981039), 81.334797, 30.977568) < 1


def test_known_pair_beijing():
    # widely published Tiananmen pair: WGS84 116.391349, 39.907375 <-> GCJ-02 ~116.397590, 39.908774
    glon, glat = wgs84_to_gcj02(116.391349, 39.907375)
    assert geodesic_distance_m(glon, glat, 116.397590, 39.908774) < 15


def test_datum_applied_when_reading():
    glon, glat = wgs84_to_gcj02(LON, LAT)
    (r,) = read(f"{glat:.6f}, {glon:.6f}", datum="gcj02")
    assert geodesic_distance_m(r.lon, r.lat, LON, LAT) < 1


@given(st.floats(80.5, 82.5), st.floats(30.3, 31.8))
def test_inverse_datums_within_half_a_metre(lon, lat):
    assert geodesic_distance_m(*gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat)), lon, lat) < 0.5
    assert geodesic_distance_m(*bd09_to_wgs84(*wgs84_to_bd09(lon, lat)), lon, lat) < 0.5


@given(st.floats(-89.9, 89.9), st.floats(-179.9, 179.9), st.sampled_from(["{a:.6f}, {o:.6f}", "{a:.5f} {o:.5f}"]))
def test_decimal_pairs_found_anywhere_on_earth(lat, lon, fmt):
    found = read(fmt.format(a=lat, o=lon))
    assert len(found) == 1 and found[0].problem is None
    r = found[0]
    straight = abs(r.lat - lat) < 2e-5 and abs(r.lon - lon) < 2e-5
    swapped = abs(r.lat - lon) < 2e-5 and abs(r.lon - lat) < 2e-5  # both orders valid: nearer one wins
    assert straight or (swapped and abs(lon) <= 90)


@given(st.integers(0, 89), st.integers(0, 59), st.floats(0, 59.9), st.integers(0, 179), st.integers(0, 59),
       st.floats(0, 59.9))
def test_dms_with_hemispheres(d1, m1, s1, d2, m2, s2):
    text = f"{d1}°{m1:02d}'{s1:04.1f}\"N {d2}°{m2:02d}'{s2:04.1f}\"E"
    (r,) = read(text)
    assert math.isclose(r.lat, d1 + m1 / 60 + round(s1, 1) / 3600, abs_tol=1e-6)
    assert math.isclose(r.lon, d2 + m2 / 60 + round(s2, 1) / 3600, abs_tol=1e-6)


@given(st.text(max_size=200))
def test_never_raises(text):
    cleaned, _ = clean_text(text)
    for r in find_coordinates(cleaned):
        assert r.problem or (-90 <= r.lat <= 90 and -180 <= r.lon <= 180)


def test_rough_pairs_only_near_the_station():
    (r,) = read("31.04, 81.28")
    assert 500 < r.radius_m < 1500  # two decimals: rounding up to ~0.5 km in each axis
    assert read("we walked 2.5, 3.75 km") == []


@pytest.mark.parametrize("text", [
    "北纬三十一度五分四十八点九秒 东经八十一度二十分三十七点九秒",
    "北纬三十一度5.815分，东经八十一度20.631分",
    "my phone says 31 degrees 5 minutes 48.9 seconds north, 81 degrees 20 minutes 37.9 seconds east",
    "31 degrees 5.815 minutes north and 81 degrees 20.631 minutes east",
    "we are at 31.096918 north 81.343850 east",
])
def test_degrees_said_in_words_read_the_same_place(text):
    found = read(text)
    assert len(found) == 1 and found[0].problem is None, found
    assert geodesic_distance_m(found[0].lon, found[0].lat, LON, LAT) < 20


def test_minutes_of_walking_are_not_read_as_coordinates():
    assert read("we walked 20 minutes north of the bridge, then 30 minutes more") == []
