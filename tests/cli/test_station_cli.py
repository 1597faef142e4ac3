"""rescue-desk station export / import from the command line."""

import io
import json

from rescue_desk.cli import run
from rescue_desk.domain.kora import load_kora
from rescue_desk.services import station
from rescue_desk.services.station import LandmarkInput
from rescue_desk.storage import open_database


def _station_with_a_tent(url: str) -> None:
    db = open_database(url)
    lon, lat = load_kora().point_at(9.0)
    station.add_landmark(db, "officer-li", LandmarkInput(lon, lat, name_en="Green tent", name_zh="绿帐篷"))
    db.dispose()


def test_export_then_import_with_yes(tmp_path, capsys):
    src, dst = f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}"
    _station_with_a_tent(src)
    out = tmp_path / "layer.geojson"
    assert run(["station", "export", str(out), "--db", src]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["name_en"] for f in doc["features"]] == ["Green tent"]
    assert run(["--db", dst, "station", "import", str(out), "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "+ Green tent" in printed and "1 added, 0 changed, 0 retired" in printed and "applied 1 change" in printed
    db = open_database(dst)
    assert station.station_kora(db).landmark("绿帐篷").name_en == "Green tent"
    db.dispose()


def test_import_without_yes_on_a_pipe_refuses(tmp_path, capsys, monkeypatch):
    src, dst = f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}"
    _station_with_a_tent(src)
    out = tmp_path / "layer.geojson"
    run(["station", "export", str(out), "--db", src])
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert run(["station", "import", str(out), "--db", dst]) == 2
    err = capsys.readouterr().err
    assert "standard input is not a terminal" in err and "--yes" in err and "Traceback" not in err
    db = open_database(dst)
    assert station.load_layer(db).landmarks == ()
    db.dispose()


def test_import_of_a_foreign_crs_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "utm.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:32644"}},
                               "features": []}), encoding="utf-8")
    assert run(["station", "import", str(bad), "--yes", "--db", f"sqlite:///{tmp_path / 'c.sqlite3'}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rescue-desk: ") and "EPSG:32644" in err and "WGS84" in err and err.count("\n") == 1


def test_locate_uses_the_station_layer_of_the_database(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'st.sqlite3'}"
    db = open_database(url)
    station.add_alias(db, "officer-li", "gaize_teahouse", "second tea tent", lang="en")
    db.dispose()
    assert run(["locate", "at the second tea tent", "--json", "--db", url]) == 0
    rec = json.loads(capsys.readouterr().out)
    gaize_km = load_kora().gazetteer.get("gaize_teahouse").chainage_km
    assert rec["status"] == "placed" and abs(rec["chainage_km"] - gaize_km) < 0.6
    assert run(["locate", "at the second tea tent", "--json"]) == 0  # the default database does not exist
    assert json.loads(capsys.readouterr().out)["status"] == "unplaceable"


def test_batch_uses_the_layer_in_use_on_each_calls_day(tmp_path, capsys):
    from datetime import date

    url = f"sqlite:///{tmp_path / 'st.sqlite3'}"
    db = open_database(url)
    lon, lat = load_kora().point_at(27.5)
    station.add_landmark(db, "officer-li", LandmarkInput(lon, lat, name_en="Yellow supply tent",
                                                         valid_from=date(2025, 6, 1), valid_to=date(2025, 9, 30)))
    db.dispose()
    calls = tmp_path / "calls.jsonl"
    calls.write_text("\n".join(json.dumps(c) for c in [
        {"id": "summer", "text": "at the yellow supply tent", "time": "2025-07-01T10:00"},
        {"id": "winter", "text": "at the yellow supply tent", "time": "2025-12-01T10:00"},
    ]) + "\n", encoding="utf-8")
    assert run(["locate", "--batch", str(calls), "--db", url]) == 0
    recs = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert recs["summer"]["status"] == "placed" and abs(recs["summer"]["chainage_km"] - 27.5) < 0.6
    assert recs["winter"]["status"] == "unplaceable"


def test_locate_never_creates_a_database_file(tmp_path, capsys):
    missing = tmp_path / "none" / "station.sqlite3"
    assert run(["locate", "at Sershong", "--db", str(missing)]) == 0
    assert not missing.exists()
    assert "no station database" in capsys.readouterr().err


def test_walk_and_loops(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    k = load_kora()
    pts = "".join(f'<trkpt lat="{k.point_at(i / 10)[1]}" lon="{k.point_at(i / 10)[0]}"/>'
                  for i in range(0, int(k.length_km * 10) + 1))
    gpx = tmp_path / "loop.gpx"
    gpx.write_text(f'<gpx version="1.1"><trk><trkseg>{pts}</trkseg></trk></gpx>', encoding="utf-8")
    assert run(["station", "walk", str(gpx), "--officer", "Tenzin", "--db", url]) == 0
    assert run(["station", "loops", "--json", "--db", url]) == 0
    out = capsys.readouterr().out
    doc = json.loads(out[out.index("{"):])
    assert doc["officers"][0]["officer"] == "Tenzin" and doc["officers"][0]["full_loops"] == 1
    assert doc["pace"]["enough"] is False
