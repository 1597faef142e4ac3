"""What every widget needs, handed down explicitly (no global application object)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rescue_desk.domain.kora import Kora
from rescue_desk.storage import Database

from .bridge import EventBridge
from .settings import Settings
from .worker import DbWorker


@dataclass
class AppContext:
    """The database, kora model, language, current user, database worker, event bridge and settings;
    the change notices and the live station state once ``start_live_state`` ran."""

    db: Database
    kora: Kora
    lang: str
    actor: str
    worker: DbWorker
    bridge: EventBridge
    settings: Settings
    notices: Any = None  # ChangeNotices: the one emitter of change notices (run_op, poll)
    station: Any = None  # StationState: the sand table's layer, live

    def start_live_state(self) -> None:
        """Create the change notices and the live station state (GUI thread, worker running)."""
        from .notices import ChangeNotices
        from .station_state import StationState

        if self.notices is None:
            self.notices = ChangeNotices(self)
        if self.station is None:
            self.station = StationState(self)

    def close(self) -> None:
        """Stop the worker and release the database (GUI thread)."""
        self.worker.shutdown()
        self.db.dispose()
