import json
from datetime import timedelta

from rescue_desk.cli import run
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.services.incidents import CallInput, Position, close_incident, log_call
from rescue_desk.storage import open_database


def _fill(url):
    db = open_database(url)
    kora = load_kora()
    lon, lat = kora.point_at(5.6)
    now = utc_now()
    _c, a = log_call(db, "t", CallInput(received_at=now - timedelta(hours=2), text="在色雄附近 高反 two people",
                                        category="altitude_sickness", position=Position(lon, lat, "officer")))
    _c, b = log_call(db, "t", CallInput(received_at=now - timedelta(hours=1), text="lost near Dolma La",
                                        category="lost"))
    close_incident(db, "t", a, "rescued")
    db.dispose()
    return a, b


def test_json_lists_all_fields(sqlite_url, capsys):
    a, b = _fill(sqlite_url)
    assert run(["--db", sqlite_url, "incidents", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [b, a]
    first = rows[1]
    for key in ("id", "received_at", "status", "category", "lon", "lat", "chainage_km", "text"):
        assert key in first
    assert first["status"] == "closed" and first["text"].startswith("在色雄附近")
    assert abs(first["chainage_km"] - 5.6) < 0.01
    assert rows[0]["lon"] is None and rows[0]["chainage_km"] is None


def test_open_filter_and_table(sqlite_url, capsys):
    a, b = _fill(sqlite_url)
    assert run(["incidents", "--open", "--json", "--db", sqlite_url]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [b]
    assert run(["--db", sqlite_url, "incidents"]) == 0
    out = capsys.readouterr().out
    assert "lost near Dolma La" in out and "Altitude sickness" in out and "2 incidents" in out


def test_bad_database_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "x.sqlite3"
    bad.write_text("not a database")
    assert run(["--db", str(bad), "incidents"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rescue-desk: ") and "Traceback" not in err
