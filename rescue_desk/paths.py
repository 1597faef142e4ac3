"""Where Rescue Desk keeps its files: the user's data folder (platformdirs; RESCUE_DESK_HOME moves it).
Plain Python with no database import, so the command line's start-up stays light."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rescue-desk"


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
