"""Sharing a position: Chinese map datums against published reference pairs, the text formats, and
GPX 1.1 (schema-valid, read back by the project's own reader) and KML files."""

from pathlib import Path
import xml.etree.ElementTree as ET

import pytest

from rescue_desk.domain.datums import (bd09_to_gcj02, bd09_to_wgs84, gcj02_to_bd09, gcj02_to_wgs84, wgs84_to_bd09,
                                        wgs84_to_gcj02)
from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.domain.gpx import parse_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.sharing import (FieldGeometry, ShareError, approach_line, circle_ring, corridor_lines,
                                        format_ddm, format_dms, route_between, share_position, to_gpx, to_kml)

GPX_XSD = Path(__file__).parent.parent / "data" / "gpx-1.1.xsd"  # the TopoGrafix GPX 1.1 schema

# (wgs_lat, wgs_lon, gcj_lat, gcj_lon): googollee/eviltransform, python/test.py (TESTS)
EVILTRANSFORM_WGS_GCJ = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # Shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # Shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # Beijing
]
# wandergis/coordtransform, test/app.js: results for the input (116.404, 39.915) lon/lat
COORDTRANSFORM_IN = (116.404, 39.915)
COORDTRANSFORM_WGS_TO_GCJ = (116.41024449916938, 39.91640428150164)
COORDTRANSFORM_GCJ_TO_BD = (116.41036949371029, 39.92133699351021)
COORDTRANSFORM_BD_TO_GCJ = (116.39762729119315, 39.90865673957631)
# hujiulong/gcoord, test/unit/crs/WGS84.spec.ts and GCJ02.spec.js: (lon, lat) in -> out
GCOORD_IN = (123.0, 45.0)
GCOORD_WGS_TO_GCJ = (123.00607541, 45.00197815)
GCOORD_WGS_TO_BD = (123.0124491, 45.0083293)
GCOORD_GCJ_TO_BD = (123.00636499, 45.00636899)
GCOORD_GCJ_TO_WGS = (122.99395597, 44.99804071)


def _metres(a, b):
    return geodesic_distance_m(a[0], a[1], b[0], b[1])


@pytest.mark.parametrize("wlat,wlon,glat,glon", EVILTRANSFORM_WGS_GCJ)
def test_wgs84_to_gcj02_and_back_match_eviltransform(wlat, wlon, glat, glon):
    assert _metres(wgs84_to_gcj02(wlon, wlat), (glon, glat)) < 1.0
    assert _metres(gcj02_to_wgs84(glon, glat), (wlon, wlat)) < 1.0


def test_bd09_matches_gcoord_both_ways():
    assert _metres(wgs84_to_bd09(*GCOORD_IN), GCOORD_WGS_TO_BD) < 1.0
    assert _metres(bd09_to_wgs84(*GCOORD_WGS_TO_BD), GCOORD_IN) < 1.0
    assert _metres(gcj02_to_bd09(*GCOORD_IN), GCOORD_GCJ_TO_BD) < 1.0
    assert _metres(wgs84_to_gcj02(*GCOORD_IN), GCOORD_WGS_TO_GCJ) < 1.0
    assert _metres(gcj02_to_wgs84(*GCOORD_IN), GCOORD_GCJ_TO_WGS) < 1.0


def test_coordtransform_reference_points():
    assert _metres(wgs84_to_gcj02(*COORDTRANSFORM_IN), COORDTRANSFORM_WGS_TO_GCJ) < 1.0
    assert _metres(gcj02_to_bd09(*COORDTRANSFORM_IN), COORDTRANSFORM_GCJ_TO_BD) < 1.0
    assert _metres(bd09_to_gcj02(*COORDTRANSFORM_IN), COORDTRANSFORM_BD_TO_GCJ) < 1.0


def test_shared_position_forms_at_darchen():
    kora = load_kora()
    lon, lat = kora.point_at(18.4)
    p = share_position(lon, lat, kora, "Rescue 7")
    assert p.in_china and p.chainage_km == pytest.approx(18.4, abs=0.01)
    assert _metres(p.gcj02, (lon, lat)) > 100  # the shift is real here (hundreds of metres)
    assert _metres(gcj02_to_wgs84(*p.gcj02), (lon, lat)) < 1.0
    assert _metres(bd09_to_wgs84(*p.bd09), (lon, lat)) < 1.0
    assert p.utm().startswith("44N 5") and p.geo_uri() == f"geo:{lat:.6f},{lon:.6f}"
    assert f"position={p.gcj02[0]:.6f},{p.gcj02[1]:.6f}" in p.amap_link() and "coordinate=gaode" in p.amap_link()
    zh, en = p.text_block("zh"), p.text_block("en")
    assert "18.40 公里" in zh and "GCJ-02" in zh and "百度" in zh
    assert "km 18.40 of the kora" in en and p.nearest.landmark.short_en in en
    assert p.datum_note("en") == ""


def test_outside_china_gcj02_is_wgs84_and_says_so():
    p = share_position(139.7671, 35.6812)  # Tokyo
    assert not p.in_china and p.gcj02 == (139.7671, 35.6812)
    assert "identical to WGS84" in p.datum_note("en") and "identical to WGS84" in p.text_block("en")
    assert "GCJ-02 与 WGS84 相同" in p.text_block("zh")


def test_dms_and_degrees_decimal_minutes():
    assert format_dms(30.97639, "NS") == "30°58'35.0\"N"
    assert format_dms(-0.5, "NS") == "0°30'00.0\"S"
    assert format_ddm(81.28694, "EW") == "81°17.216'E"
    assert format_dms(30.999999, "NS") == "31°00'00.0\"N"  # rounding carries into the degree


def test_not_a_position_is_refused():
    with pytest.raises(ShareError):
        share_position(181.0, 30.0)


def _geometry():
    kora = load_kora()
    lon, lat = kora.point_at(24.6)
    p = share_position(lon, lat, kora, "救援 401")
    return kora, FieldGeometry("救援 401", p, "高原反应 · 转山路 24.60 公里处",
                               corridor_lines(kora, [[23.9, 25.1], [45.8, 0.4]]),
                               approach=approach_line(kora, 26.6, None, 24.6, "ccw", (lon, lat)),
                               approach_name="drive to the road end, walk 2 km", elevation_m=5400.0)


def test_gpx_is_valid_gpx_11_and_reads_back():
    xmlschema = pytest.importorskip("xmlschema")
    kora, geom = _geometry()
    text = to_gpx(geom)
    xmlschema.XMLSchema(str(GPX_XSD)).validate(text)
    track = parse_gpx(text)
    assert track.version == "1.1" and len(track.points) >= 4
    for pt in track.points:  # the corridor lies on the trail within the intervals
        km, off = kora.chainage_of(pt.lon, pt.lat)
        assert off < 20 and (23.89 <= km <= 25.11 or km >= 45.79 or km <= 0.41)
    root = ET.fromstring(text)
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    wpt = root.find("g:wpt", ns)
    assert wpt.find("g:name", ns).text == "救援 401"
    rtepts = root.findall("g:rte/g:rtept", ns)
    first_km = kora.chainage_of(float(rtepts[0].get("lon")), float(rtepts[0].get("lat")))[0]
    assert first_km == pytest.approx(26.6, abs=0.05)  # the approach starts at the road end, walks ccw


def test_kml_holds_pin_corridor_and_approach():
    _kora, geom = _geometry()
    root = ET.fromstring(to_kml(geom))
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert [m.find("k:name", ns).text for m in marks] == ["救援 401", "救援 401 · 90 %",
                                                            "drive to the road end, walk 2 km"]
    lon, lat = map(float, marks[0].find(".//k:coordinates", ns).text.split(","))
    assert (lon, lat) == (round(geom.position.lon, 6), round(geom.position.lat, 6))
    assert len(marks[1].findall(".//k:LineString", ns)) == 2


def test_route_between_walks_the_chosen_way_and_circle_closes():
    kora = load_kora()
    cw = route_between(kora, 10.0, 12.0, "cw")
    ccw = route_between(kora, 10.0, 12.0, "ccw")
    assert kora.chainage_of(*cw[0])[0] == pytest.approx(10.0, abs=0.02)
    assert kora.chainage_of(*ccw[-1])[0] == pytest.approx(12.0, abs=0.02)
    assert kora.chainage_of(*ccw[len(ccw) // 2])[0] > 20 or kora.chainage_of(*ccw[len(ccw) // 2])[0] < 10
    ring = circle_ring(81.3, 31.0, 200.0)
    assert ring[0] == ring[-1] and all(abs(_metres(pt, (81.3, 31.0)) - 200) < 2 for pt in ring)
