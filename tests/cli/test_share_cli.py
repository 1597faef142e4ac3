"""``rescue-desk share``: text, the JSON contract, GPX and KML files, and the one-sentence refusals."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from rescue_desk.cli import run
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.datums import gcj02_to_wgs84
from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.domain.gpx import read_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.services.incidents import CallInput, log_call
from rescue_desk.storage import open_database


def _estimate(lon, lat, km, intervals):
    return {"status": "placed", "lon": lon, "lat": lat, "chainage_km": km, "intervals_km": intervals,
            "method": "words"}


@pytest.fixture
def incidents(sqlite_url):
    """(estimated on the kora at km 24.6, without a position, estimated in Tokyo)."""
    kora = load_kora()
    lon, lat = kora.point_at(24.6)
    now = utc_now() - timedelta(minutes=30)
    db = open_database(sqlite_url)
    _c, placed = log_call(db, "t", CallInput(received_at=now, text="过了卓玛拉山口大概一公里，同伴摔倒了",
                                             category="fall_injury", severity=3,
                                             estimate=_estimate(lon, lat, 24.6, [[23.8, 25.4]])))
    _c, unplaced = log_call(db, "t", CallInput(received_at=now, text="somewhere on the kora", category="lost"))
    _c, abroad = log_call(db, "t", CallInput(received_at=now, text="Tokyo", category="other",
                                             estimate=_estimate(139.7671, 35.6812, None, [])))
    db.dispose()
    return sqlite_url, placed, unplaced, abroad


def test_json_contract(incidents, capsys):
    url, placed, _u, _a = incidents
    assert run(["--db", url, "share", str(placed), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"incident_id", "wgs84", "gcj02", "bd09", "utm44n", "chainage_km", "landmark", "geo_uri"}
    lon, lat = load_kora().point_at(24.6)
    assert doc["incident_id"] == placed and doc["wgs84"] == [round(lon, 6), round(lat, 6)]
    assert geodesic_distance_m(*gcj02_to_wgs84(*doc["gcj02"]), lon, lat) < 1.0
    assert doc["chainage_km"] == pytest.approx(24.6, abs=0.01)
    assert 500_000 < doc["utm44n"][0] < 600_000 and 3_400_000 < doc["utm44n"][1] < 3_500_000
    assert doc["landmark"]["name_zh"] and doc["geo_uri"] == f"geo:{lat:.6f},{lon:.6f}"


def test_text_in_chinese_and_english(incidents, capsys):
    url, placed, _u, _a = incidents
    assert run(["--db", url, "share", str(placed)]) == 0
    out = capsys.readouterr().out
    assert f"警情 {placed}" in out and "24.60 公里" in out and "GCJ-02（高德/微信）" in out and "建议路线" in out
    assert run(["--db", url, "--lang", "en", "share", str(placed)]) == 0
    out = capsys.readouterr().out
    assert "km 24.60 of the kora" in out and "BD-09 (Baidu)" in out and "Suggested approach" in out


def test_gpx_and_kml_files(incidents, tmp_path, capsys):
    url, placed, _u, _a = incidents
    gpx, kml = tmp_path / "p.gpx", tmp_path / "p.kml"
    assert run(["--db", url, "share", str(placed), "--format", "gpx", "--out", str(gpx)]) == 0
    assert run(["--db", url, "share", str(placed), "--format", "kml", "--out", str(kml)]) == 0
    assert capsys.readouterr().out == ""
    track = read_gpx(gpx)  # the corridor, read back by the project's own reader
    kora = load_kora()
    assert all(23.79 <= kora.chainage_of(p.lon, p.lat)[0] <= 25.41 for p in track.points)
    names = [e.text for e in ET.parse(kml).getroot().iter("{http://www.opengis.net/kml/2.2}name")]
    assert any("90 %" in n for n in names) and any("建议路线" in n for n in names)


def test_refusals_are_one_sentence_exit_2(incidents, tmp_path, capsys):
    url, _p, unplaced, _a = incidents
    assert run(["--db", url, "share", str(unplaced)]) == 2
    err = capsys.readouterr().err.strip()
    assert "还没有位置" in err and err.count("\n") == 0
    assert run(["--db", url, "--lang", "en", "share", str(unplaced)]) == 2
    assert "has no position yet" in capsys.readouterr().err
    assert run(["--db", url, "share", "99999"]) == 2
    assert "does not exist" in capsys.readouterr().err
    target = tmp_path / "missing" / "p.gpx"
    assert run(["--db", url, "share", str(_p), "--format", "gpx", "--out", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert "cannot write" in err and err.count("\n") == 0 and not target.parent.exists()


def test_outside_china_says_gcj02_is_wgs84(incidents, capsys):
    url, _p, _u, abroad = incidents
    assert run(["--db", url, "--lang", "en", "share", str(abroad), "--format", "json"]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["gcj02"] == doc["wgs84"]
    assert "identical to WGS84" in captured.err
