"""Other desks' changes reach this window: a GUI-thread timer asks the database worker for new
event-log entries (``ChangeFeed.poll``) and re-emits them on the bridge. While the database cannot be
reached a banner says so; polling goes on, so the window reconnects by itself and open forms stay."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolBar
from sqlalchemy.exc import DBAPIError

from rescue_desk.services.changes import ChangeBatch, ChangeFeed
from rescue_desk.storage.errors import StorageError

log = logging.getLogger(__name__)
POLL_MS = 1000
STATION_PREFIX = "station_"  # station-layer tables: landmarks, aliases, versions, hazards, walks


class ConnectionBanner(QToolBar):
    """A red strip across the top of the window, hidden while the database answers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel(self.tr("Database connection lost, reconnecting…"))
        self.label.setObjectName("connectionBannerText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("QLabel { background: #b00020; color: white; font-weight: bold; padding: 4px; }")
        self.addWidget(self.label)
        self.toggleViewAction().setVisible(False)
        self.hide()


class ChangeWatcher(QObject):
    """Polls for new events every ``interval_ms`` on the database worker (one poll in flight at most).

    Emits ``connectionLost(str)`` / ``connectionRestored()`` on transitions; forwards changes to the
    bridge: ``incidentChanged(id)`` per incident, ``incidentsChanged`` once, ``stationLayerChanged``
    for station tables and ``dataChanged(table)`` for the others. GUI thread only."""

    connectionLost = Signal(str)
    connectionRestored = Signal()
    polled = Signal(object)

    def __init__(self, ctx, interval_ms: int = POLL_MS, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.feed: ChangeFeed | None = None
        self.online = True
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll_now)

    def start(self) -> None:
        self.timer.start()
        self.poll_now()

    def stop(self) -> None:
        self.timer.stop()

    def poll_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self.ctx.worker.submit(self._poll, on_done=self._done, on_error=self._failed)
        except RuntimeError:  # the worker has been shut down (window closing)
            self._busy = False
            self.timer.stop()

    def _poll(self) -> ChangeBatch | None:
        """Worker thread: the first call only notes where the log ends."""
        if self.feed is None:
            self.feed = ChangeFeed(self.ctx.db)
            return None
        return self.feed.poll()

    def _done(self, batch: ChangeBatch | None) -> None:
        self._busy = False
        if not self.online:
            self.online = True
            self.connectionRestored.emit()
            self.ctx.bridge.incidentsChanged.emit()  # catch up whatever the banner time hid
        if not batch:
            return
        bridge = self.ctx.bridge
        for incident_id in sorted(batch.incident_ids):
            bridge.incidentChanged.emit(incident_id)
        if batch.incident_ids:
            bridge.incidentsChanged.emit()
        if any(e.startswith(STATION_PREFIX) for e in batch.entities):
            bridge.stationLayerChanged.emit()
        for entity in sorted(batch.entities):
            bridge.dataChanged.emit(entity)
        self.polled.emit(batch)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if not isinstance(exc, (DBAPIError, StorageError, OSError)):
            log.error("change poll failed: %r", exc)
            return
        if self.online:
            self.online = False
            self.connectionLost.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
