"""Reading commands refuse a database that does not exist (exit 2, one sentence) and create nothing;
the commands that make a database still do."""

import pytest

from rescue_desk.cli import run


@pytest.mark.parametrize("argv", [["incidents"], ["report", "--year", "2025"], ["replay", "1"], ["db", "check"],
                                  ["db", "backup", "copy.sqlite3"], ["db", "backups", "--list"], ["user", "list"],
                                  ["audit", "verify"], ["station", "export", "-"], ["share", "1"]])
def test_a_mistyped_db_path_is_refused_and_nothing_is_created(tmp_path, capsys, argv):
    typo = tmp_path / "no-such-folder" / "statoin.sqlite3"
    assert run(["--db", str(typo), *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no database at {typo}" in err
    assert not typo.parent.exists()


def test_report_without_db_and_no_station_yet_says_so(tmp_path, capsys):
    assert run(["report", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "no station database yet" in err and "db upgrade" in err and err.count("\n") == 1
    assert not (tmp_path / "home").exists()  # the data folder was not even created


def test_creating_commands_still_create(tmp_path, capsys):
    url = str(tmp_path / "new" / "station.sqlite3")
    assert run(["--db", url, "db", "upgrade"]) == 0
    assert run(["--db", url, "incidents", "--json"]) == 0
    assert capsys.readouterr().out.strip().endswith("[]")
