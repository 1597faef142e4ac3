"""Opening the desktop app's database: does the demo station still have to be generated?"""

from rescue_desk.cli import build_parser
from rescue_desk.cli.common import demo_years, open_app_database
from rescue_desk.services.demo import PENDING
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Meta


def _args(*argv):
    return build_parser().parse_args(list(argv))


def test_missing_demo_file_is_not_created_here(tmp_path):
    path = tmp_path / "demo.sqlite3"
    url, needs_demo = open_app_database(_args("--demo", "--db", str(path)))
    assert needs_demo and url == f"sqlite:///{path}"
    assert not path.exists()


def test_interrupted_demo_file_is_generated_again(tmp_path):
    path = tmp_path / "demo.sqlite3"
    db = open_database(f"sqlite:///{path}")
    with db.write("demo-generator", "demo_roster") as s:
        s.merge(Meta(key="synthetic", value="true"))
        s.merge(Meta(key=PENDING, value="true"))
    db.dispose()
    assert open_app_database(_args("--demo", "--db", str(path)))[1] is True


def test_plain_database_never_needs_the_demo(tmp_path):
    path = tmp_path / "station.sqlite3"
    url, needs_demo = open_app_database(_args("--db", str(path)))
    assert not needs_demo and path.exists()


def test_demo_years_from_environment(monkeypatch):
    monkeypatch.delenv("RESCUE_DESK_DEMO_YEARS", raising=False)
    assert demo_years() == 3
    monkeypatch.setenv("RESCUE_DESK_DEMO_YEARS", "1")
    assert demo_years() == 1
    monkeypatch.setenv("RESCUE_DESK_DEMO_YEARS", "many")
    assert demo_years() == 3


def test_empty_default_demo_file_is_regenerated_but_another_empty_file_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("RESCUE_DESK_DEMO_YEARS", "1")
    from rescue_desk.storage.engine import default_url, sqlite_path

    default = sqlite_path(default_url(True))
    open_database(default_url(True)).dispose()  # e.g. left empty by an older version
    assert default.exists()
    assert open_app_database(_args("--demo"))[1] is True
    own = tmp_path / "mine.sqlite3"
    open_database(f"sqlite:///{own}").dispose()
    assert open_app_database(_args("--demo", "--db", str(own))) == (f"sqlite:///{own}", False)  # filled in place
