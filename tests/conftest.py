"""Shared fixtures: offscreen Qt, temporary SQLite databases and (when reachable) PostgreSQL ones.

PostgreSQL: $RESCUE_DESK_TEST_PG (a server URL, default postgresql+psycopg://postgres@127.0.0.1:54329/postgres).
Each test database is created fresh and dropped afterwards. Outside CI an unreachable server skips the
PostgreSQL variants with a reason; under CI (CI=true) it fails them."""

from __future__ import annotations

import os
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_SERVER = os.environ.get("RESCUE_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:54329/postgres")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Never touch the real user data folder or database."""
    monkeypatch.setenv("RESCUE_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("RESCUE_DESK_DB", raising=False)


def _pg_admin_engine():
    from sqlalchemy import create_engine

    return create_engine(PG_SERVER, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


def _pg_available() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    try:
        eng = _pg_admin_engine()
        with eng.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        eng.dispose()
    except Exception as exc:  # any failure to connect means: no server here
        return f"no PostgreSQL server answers at {PG_SERVER} ({type(exc).__name__})"
    return None


_PG_REASON: list[str | None] = []


def pg_reason() -> str | None:
    if not _PG_REASON:
        _PG_REASON.append(_pg_available())
    return _PG_REASON[0]


@pytest.fixture
def pg_url():
    """URL of a fresh, empty PostgreSQL database (dropped after the test)."""
    reason = pg_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(reason)
    from sqlalchemy.engine import make_url

    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()")
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'station.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db_url(request):
    """Each test using this runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(sqlite_url):
    """A migrated, empty SQLite station database."""
    from rescue_desk.storage import open_database

    database = open_database(sqlite_url)
    yield database
    database.dispose()


@pytest.fixture
def any_db(any_db_url):
    """A migrated, empty station database on SQLite and on PostgreSQL."""
    from rescue_desk.storage import open_database

    database = open_database(any_db_url)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory):
    """One small demo station (1 year) shared read-only by tests: the SQLite file path."""
    from rescue_desk.services.demo import generate_demo
    from rescue_desk.storage import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(f"sqlite:///{path}")
    generate_demo(database, years=1, end_year=2025)
    database.dispose()
    return path


@pytest.fixture
def field_shift(demo_db_file, tmp_path):
    """A copy of the demo station in the middle of a shift: ``(url, ids)`` where ``ids`` holds an
    estimated incident with no team ("estimated"), one whose team is out and overdue with a reported
    position ("overdue"), one whose team is out and on time ("on_time"), and one without a position
    ("unplaced"). The demo's own open incidents stay open too."""
    import shutil
    from datetime import timedelta

    from sqlalchemy import select

    from rescue_desk.domain.clock import utc_now
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.services.incidents import CallInput, PersonInput, add_checkin, add_person, dispatch_trip, log_call
    from rescue_desk.storage import open_database
    from rescue_desk.storage.models import Officer, Vehicle

    path = tmp_path / "shift.sqlite3"
    shutil.copy(demo_db_file, path)
    url = f"sqlite:///{path}"
    db = open_database(url)
    kora = load_kora()
    now = utc_now()
    with db.read() as s:
        officers = s.scalars(select(Officer.id).order_by(Officer.id)).all()
        vehicle = s.scalars(select(Vehicle.id).order_by(Vehicle.id)).first()

    def estimate(km, half=0.6):
        lon, lat = kora.point_at(km)
        return {"status": "placed", "lon": lon, "lat": lat, "chainage_km": km, "method": "words",
                "intervals_km": [[kora.wrap(km - half), kora.wrap(km + half)]]}

    _c, estimated = log_call(db, "desk", CallInput(
        received_at=now - timedelta(minutes=40), text="过了卓玛拉山口大概一公里，同伴摔倒了走不了，腿在流血。",
        caller_name="张先生", caller_phone="13800138000", category="fall_injury", severity=3, party_size=2,
        estimate=estimate(24.6)))
    add_person(db, "desk", estimated, PersonInput(age=46, sex="male", condition="左腿开放性伤口", name="张伟"))
    _c, overdue = log_call(db, "desk", CallInput(
        received_at=now - timedelta(hours=4), text="We are near Gangjia, my friend has a bad headache and is vomiting",
        caller_phone="+91 98100 12345", language="en", category="altitude_sickness", severity=2,
        estimate=estimate(18.9)))
    trip = dispatch_trip(db, "desk", overdue, officers[:2], vehicle, departed_at=now - timedelta(hours=3, minutes=30),
                         checkin_interval_min=60)
    lon, lat = kora.point_at(16.2)
    add_checkin(db, "desk", trip, now - timedelta(hours=2), "过了曲古寺，继续前进", lon=lon, lat=lat)
    _c, on_time = log_call(db, "desk", CallInput(
        received_at=now - timedelta(hours=1), text="在色雄附近有人高反", category="altitude_sickness",
        estimate=estimate(5.6)))
    dispatch_trip(db, "desk", on_time, officers[2:4], departed_at=now - timedelta(minutes=30), checkin_interval_min=60)
    _c, unplaced = log_call(db, "desk", CallInput(received_at=now - timedelta(minutes=10), text="转山的人说有人走丢了",
                                                  category="lost"))
    db.dispose()
    return url, {"estimated": estimated, "overdue": overdue, "on_time": on_time, "unplaced": unplaced}
