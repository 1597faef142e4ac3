"""Unit of work: one user action = one committed transaction, with its events in the same commit."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Iterator

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import events, privacy
from .errors import ConcurrentChange, DatabaseUnreachable, StorageError, explain_database_error
from .policy import account_policy, personal_data_hidden


class RescueSession(Session):
    """Session class that carries the event-log listeners."""


events.install(RescueSession)
privacy.install()
VIEWER_RECHECK_S = 60.0


class Database:
    """Holds the engine and hands out units of work. Created in the composition root, never at import."""

    def __init__(self, engine: Engine, policy: Callable[[Session, str, str], None] | None = None):
        self.engine = engine
        # Consulted inside every write transaction before the caller's work (see storage/policy.py).
        self.policy = policy or account_policy
        # Who reads through this Database (the app's signed-in account); None = no masking. See privacy.py.
        self.viewer: str | None = None
        self._hidden: tuple[str, float, bool] | None = None
        self._writer = sessionmaker(engine.execution_options(rd_write=True), class_=RescueSession,
                                    expire_on_commit=False)
        self._reader = sessionmaker(engine, class_=RescueSession, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self, actor: str, operation: str) -> Iterator[Session]:
        """A session whose changes commit together, logged as ``operation`` by ``actor``.

        Runs on the calling thread. Raises PermissionDenied when the write policy refuses ``actor``,
        ConcurrentChange when a versioned row changed meanwhile,
        DatabaseUnreachable when the server went away; nothing is half-written either way."""
        session = self._writer()
        session.info.update(actor=actor, operation=operation)
        try:
            self.policy(session, actor, operation)
            yield session
            session.commit()
        except StaleDataError:
            session.rollback()
            raise ConcurrentChange("Someone else changed this record meanwhile; reload it and try again.") from None
        except OperationalError as exc:
            session.rollback()
            explained = explain_database_error(exc)
            if type(explained) is StorageError:  # no known cause: the server went away or refused
                explained = DatabaseUnreachable(f"The database did not accept the change: {str(exc.orig).splitlines()[0]}.")
            raise explained from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read session; closing it ends the transaction and leaves loaded objects usable (detached)."""
        session = self._reader()
        try:
            session.info["mask_personal"] = self._personal_hidden(session)
            yield session
        finally:
            session.close()

    def _personal_hidden(self, session: Session) -> bool:
        """Whether the viewer's reads are masked (rechecked at most once a minute)."""
        viewer = self.viewer
        if viewer is None:
            return False
        now = time.monotonic()
        cached = self._hidden
        if cached is None or cached[0] != viewer or now - cached[1] > VIEWER_RECHECK_S:
            hidden = personal_data_hidden(session, viewer)
            session.rollback()  # end the look-up's transaction; the caller's reads start fresh
            self._hidden = cached = (viewer, now, hidden)
        return cached[2]

    def dispose(self) -> None:
        self.engine.dispose()


