"""The one place change notices come from. Every committed change — this desk's or another desk's —
is in the event log; ``ChangeNotices`` reads what is new since the last read and emits it once on
the bridge. ``run_op`` runs a named operation on the database worker and reads the log right after
it, so this desk's own change is announced at once, by the same path, and never twice."""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from rescue_desk.services.changes import ChangeBatch, ChangeFeed

log = logging.getLogger(__name__)
STATION_PREFIX = "station_"  # station-layer tables: landmarks, aliases, versions, hazards, walks


class ChangeNotices(QObject):
    """Reads the event log on the database worker (one read in flight; a request meanwhile reads
    again after it) and re-emits each batch on ``bridge``: ``incidentChanged(id)`` per incident,
    ``incidentsChanged`` once, ``stationLayerChanged`` for station tables, ``dataChanged(table)``.
    ``polled(batch)``, ``failed(exc)`` for the connection watcher. GUI thread only."""

    polled = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.feed: ChangeFeed | None = None
        self._busy = False
        self._again = False
        ctx.worker.submit(self._start_feed, on_error=self._failed)

    def _start_feed(self) -> None:
        """Worker thread: note where the log ends now (earlier entries are not news)."""
        self.feed = ChangeFeed(self.ctx.db)

    def poll_now(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        try:
            self.ctx.worker.submit(self._poll, on_done=self._done, on_error=self._failed)
        except RuntimeError:  # the worker has been shut down (window closing)
            self._busy = False

    def _poll(self) -> ChangeBatch | None:
        if self.feed is None:
            self.feed = ChangeFeed(self.ctx.db)
            return None
        return self.feed.poll()

    def _done(self, batch: ChangeBatch | None) -> None:
        self._busy = False
        if batch:
            self.emit(batch)
        self.polled.emit(batch)
        if self._again:
            self._again = False
            self.poll_now()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._again = False
        self.failed.emit(exc)

    def emit(self, batch: ChangeBatch) -> None:
        bridge = self.ctx.bridge
        for incident_id in sorted(batch.incident_ids):
            bridge.incidentChanged.emit(incident_id)
        if batch.incident_ids:
            bridge.incidentsChanged.emit()
        if any(e.startswith(STATION_PREFIX) for e in batch.entities):
            bridge.stationLayerChanged.emit()
        for entity in sorted(batch.entities):
            bridge.dataChanged.emit(entity)

    def run_op(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run the operation ``fn(*args)`` on the database worker; ``on_done(result)`` then the notices
        of what it changed (GUI thread), or ``on_error(exc)``."""
        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.poll_now()

        self.ctx.worker.submit(fn, *args, on_done=done, on_error=on_error)
