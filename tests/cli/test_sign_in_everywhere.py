"""One way to act as an account on every command: --as (or $RESCUE_DESK_USER) with its password from
$RESCUE_DESK_PASSWORD, --password-stdin or a prompt. Writes need the permission and record the
account; reads mask personal data unless the account may see it; no accounts = bootstrap rule."""

import io
import json
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from rescue_desk.cli import run
from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Event

T0 = datetime.now(timezone.utc) - timedelta(hours=3)
SECRET_CALL = "我叫王小明，电话139 1234 5678，在卓玛拉"


def _run(url, argv, stdin=""):
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return run(["--db", url, *argv])
    finally:
        sys.stdin = old


@pytest.fixture
def station(any_db_url):
    db = open_database(any_db_url)
    incidents.log_call(db, "cli", CallInput(received_at=T0, text=SECRET_CALL, caller_phone="13912345678"))
    db.dispose()
    for name, role in (("admin", "administrator"), ("tenzin", "trainer"), ("pasang", "duty_officer")):
        stdin = f"{name}-pass-1\n" if name == "admin" else f"admin-pass-1\n{name}-pass-1\n"
        assert _run(any_db_url, ["user", "add", name, "--role", role, "--password-stdin"]
                    + ([] if name == "admin" else ["--as", "admin"]), stdin) == 0
    return any_db_url


def _layer(tmp_path):
    lon, lat = load_kora().point_at(12.3)
    path = tmp_path / "layer.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"feature_type": "landmark", "name_en": "Signed cairn"}}]}))
    return path


def test_writes_need_a_signed_in_account_and_record_it(station, tmp_path, capsys, monkeypatch):
    layer = _layer(tmp_path)
    assert _run(station, ["station", "import", str(layer), "--yes"]) == 2
    assert "--as NAME" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:  # no free-text actor any more
        _run(station, ["station", "import", str(layer), "--yes", "--actor", "admin"])
    assert refused.value.code == 2
    assert _run(station, ["station", "import", str(layer), "--yes", "--as", "admin", "--password-stdin"],
                "wrong-pass\n") == 2
    assert "Wrong account name or password" in capsys.readouterr().err
    assert _run(station, ["station", "import", str(layer), "--yes", "--as", "tenzin", "--password-stdin"],
                "tenzin-pass-1\n") == 2  # a trainer may not edit the station
    monkeypatch.setenv("RESCUE_DESK_USER", "admin")
    monkeypatch.setenv("RESCUE_DESK_PASSWORD", "admin-pass-1")
    assert _run(station, ["station", "import", str(layer), "--yes"]) == 0
    db = open_database(station)
    with db.read() as s:
        actors = set(s.scalars(select(Event.actor).where(Event.entity == "station_landmarks")))
    db.dispose()
    assert actors == {"admin"}


def test_reads_mask_personal_data_unless_the_account_may_see_it(station, capsys):
    def text_shown(argv, stdin=""):
        assert _run(station, ["incidents", "--json", *argv], stdin) == 0
        return json.loads(capsys.readouterr().out)[0]["text"]

    assert "139 1234 5678" not in text_shown([]) and "王小明" not in text_shown([])
    assert "139 1234 5678" not in text_shown(["--as", "tenzin", "--password-stdin"], "tenzin-pass-1\n")
    assert text_shown(["--as", "pasang", "--password-stdin"], "pasang-pass-1\n") == SECRET_CALL
    assert _run(station, ["incidents", "--json", "--as", "pasang", "--password-stdin"], "nope\n") == 2


def test_replay_json_masked_without_sign_in(station, capsys):
    db = open_database(station)
    with db.read() as s:
        from rescue_desk.storage.models import Incident

        inc = s.scalars(select(Incident.id)).first()
    db.dispose()
    code = _run(station, ["replay", str(inc), "--json"])
    out = capsys.readouterr().out
    assert "13912345678" not in out and "139 1234 5678" not in out and "王小明" not in out
    assert code in (0, 1, 2)


def test_bootstrap_rule_while_no_account_exists(sqlite_url, capsys):
    db = open_database(sqlite_url)
    incidents.log_call(db, "cli", CallInput(received_at=T0, text=SECRET_CALL))
    db.dispose()
    assert _run(sqlite_url, ["incidents", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["text"] == SECRET_CALL
