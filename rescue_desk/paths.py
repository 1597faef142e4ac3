"""Where Rescue Desk keeps its files: the user's data folder (platformdirs; RESCUE_DESK_HOME moves it).
Plain Python with no database import, so the command line's start-up stays light."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rescue-desk"
ENV_VAR = "RESCUE_DESK_DB"


def data_dir() -> Path:
    """The user's data folder for Rescue Desk (platformdirs; override with RESCUE_DESK_HOME)."""
    home = os.environ.get("RESCUE_DESK_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The current log file (older ones rotate beside it as rescue-desk.log.1 … .5)."""
    return data_dir() / "logs" / "rescue-desk.log"


def default_url(demo: bool = False) -> str:
    name = "demo-station.sqlite3" if demo else "station.sqlite3"
    return f"sqlite:///{data_dir() / name}"


def resolve_url(arg: str | None = None, demo: bool = False) -> str:
    """``--db`` wins, then $RESCUE_DESK_DB, then the file in the data folder. A bare path means SQLite."""
    url = arg or (None if demo else os.environ.get(ENV_VAR)) or default_url(demo)
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///path`` URL, read without SQLAlchemy; None for anything else
    (other databases, memory, URLs with a query or %-escapes: storage.engine.sqlite_path reads those)."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0] != "sqlite" or "?" in rest or "%" in rest or not rest.startswith("/"):
        return None
    database = rest[1:]
    return Path(database) if database and database != ":memory:" else None
