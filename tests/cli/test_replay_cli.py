"""``rescue-desk replay`` and ``rescue-desk scenario export/import`` on a copy of the demo station."""

import json
import shutil

import pytest
from sqlalchemy import select

from rescue_desk.cli import run
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call, Incident, Trip


@pytest.fixture
def demo_url(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    return f"sqlite:///{path}"


def _rescue(url):
    db = open_database(url)
    with db.read() as s:
        trip = s.scalars(select(Trip).join(Incident).where(Incident.pos_confirmed.is_(True)).order_by(Trip.id)).first()
        phone = s.scalar(select(Call.caller_phone).where(Call.incident_id == trip.incident_id))
        out = trip.incident_id, trip.departed_at, trip.approach["road_end_km"], phone
    db.dispose()
    return out


def test_replay_json_is_ordered_with_positions(demo_url, capsys):
    iid, departed, base, phone = _rescue(demo_url)
    assert run(["--db", demo_url, "replay", str(iid), "--json"]) == 0
    out = capsys.readouterr().out
    doc = json.loads(out)
    times = [e["at"] for e in doc["entries"]]
    assert times == sorted(times) and doc["entries"][0]["kind"] == "call"
    dep = next(e for e in doc["entries"] if e["kind"] == "departed")
    assert dep["at"] == departed.isoformat()
    assert dep["teams"][0]["chainage_km"] == pytest.approx(base, abs=1e-3)
    assert phone not in out


def test_replay_text_and_errors(demo_url, capsys):
    iid, _d, _b, phone = _rescue(demo_url)
    assert run(["--db", demo_url, "replay", str(iid)]) == 0
    out = capsys.readouterr().out
    assert f"Incident {iid}" in out and "on scene" in out and phone not in out
    assert run(["--db", demo_url, "replay", "99999"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_scenario_export_import(demo_url, tmp_path, capsys):
    iid, _d, _b, phone = _rescue(demo_url)
    f = tmp_path / "s.json"
    assert run(["--db", demo_url, "scenario", "export", str(iid), str(f)]) == 0
    assert phone not in f.read_text(encoding="utf-8")
    assert run(["--db", demo_url, "scenario", "export", str(iid), str(f)]) == 2
    assert "--force" in capsys.readouterr().err
    other = tmp_path / "other.sqlite3"
    assert run(["--db", f"sqlite:///{other}", "scenario", "import", str(f)]) == 0
    assert "imported as #1" in capsys.readouterr().out
    broken = tmp_path / "broken.json"
    broken.write_text(f.read_text(encoding="utf-8")[:200], encoding="utf-8")
    assert run(["--db", f"sqlite:///{other}", "scenario", "import", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "truncated" in err and "Traceback" not in err
    doc = json.loads(f.read_text(encoding="utf-8"))
    doc["version"] = 7
    broken.write_text(json.dumps(doc), encoding="utf-8")
    assert run(["--db", f"sqlite:///{other}", "scenario", "import", str(broken)]) == 2
    assert "version 7 is not supported" in capsys.readouterr().err
    assert run(["--db", f"sqlite:///{other}", "scenario", "import", str(tmp_path / "missing.json")]) == 2
    assert "Cannot read" in capsys.readouterr().err
