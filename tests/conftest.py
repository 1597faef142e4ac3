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
