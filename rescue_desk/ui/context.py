"""What every widget needs, handed down explicitly (no global application object)."""

from __future__ import annotations

from dataclasses import dataclass

from rescue_desk.domain.kora import Kora
from rescue_desk.storage import Database

from .bridge import EventBridge
from .settings import Settings
from .worker import DbWorker


@dataclass
class AppContext:
    """The database, kora model, language, current user, database worker, event bridge and settings."""

    db: Database
    kora: Kora
    lang: str
    actor: str
    worker: DbWorker
    bridge: EventBridge
    settings: Settings

    def close(self) -> None:
        """Stop the worker and release the database (GUI thread)."""
        self.worker.shutdown()
        self.db.dispose()
