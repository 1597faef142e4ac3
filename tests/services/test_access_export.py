"""Only the station chief and the administrator export records (service and command line)."""

import io
import sys

import pytest

from rescue_desk.cli import run
from rescue_desk.domain.stats import Period
from rescue_desk.services import accounts
from rescue_desk.services.access import PermissionDenied
from rescue_desk.services.importer import import_logbook
from rescue_desk.services.reports import export_period_csv
from rescue_desk.storage import open_database

LOG = "received_at,description,category\n2019-06-11 09:00,卓玛拉,exhaustion\n2019-07-02 10:00,色雄,lost\n"


def _staff(db):
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    for name, role in [("pasang", "duty_officer"), ("chief", "station_chief"), ("dawa", "trainer")]:
        accounts.add_user(db, "admin", name, role, f"{name}-pass-1")


def test_export_service_by_role(any_db):
    import_logbook(any_db, "import", LOG)
    before = export_period_csv(any_db, "anyone", Period.year(2019))  # no accounts yet: allowed
    assert before.count("\n") == 3
    _staff(any_db)
    assert export_period_csv(any_db, "chief", Period.year(2019)) == before
    assert export_period_csv(any_db, "admin", Period.year(2019)) == before
    for name in ("pasang", "dawa", "anyone"):
        with pytest.raises(PermissionDenied):
            export_period_csv(any_db, name, Period.year(2019))


def test_cli_report_export_needs_chief(sqlite_url, tmp_path, capsys):
    db = open_database(sqlite_url)
    import_logbook(db, "import", LOG)
    _staff(db)
    db.dispose()
    out = tmp_path / "r.csv"
    old = sys.stdin
    try:
        assert run(["--db", sqlite_url, "report", "--year", "2019"]) == 0  # the summary text is not an export
        assert run(["--db", sqlite_url, "report", "--year", "2019", "--csv", str(out)]) == 2
        assert "--as NAME" in capsys.readouterr().err and not out.exists()
        sys.stdin = io.StringIO("pasang-pass-1\n")
        assert run(["--db", sqlite_url, "report", "--year", "2019", "--csv", str(out), "--as", "pasang",
                    "--password-stdin"]) == 2
        assert "export_records" in capsys.readouterr().err and not out.exists()
        sys.stdin = io.StringIO("chief-pass-1\n")
        assert run(["--db", sqlite_url, "report", "--year", "2019", "--csv", str(out), "--as", "chief",
                    "--password-stdin"]) == 0
        assert out.read_text(encoding="utf-8-sig").count("\n") == 3
    finally:
        sys.stdin = old
