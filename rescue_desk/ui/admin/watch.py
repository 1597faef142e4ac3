"""Other desks' changes reach this window: a GUI-thread timer asks the database worker for new
event-log entries (``ChangeFeed.poll``) and re-emits them on the bridge. While the database cannot be
reached a banner says so; polling goes on, so the window reconnects by itself and open forms stay."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolBar
from sqlalchemy.exc import DBAPIError

from rescue_desk.services.changes import ChangeBatch
from rescue_desk.storage.errors import StorageError

log = logging.getLogger(__name__)
POLL_MS = 1000


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
    """Asks ``ctx.notices`` to read the event log every ``interval_ms`` (the notices emit what other
    desks changed on the bridge) and follows whether the database answers: ``connectionLost(str)`` /
    ``connectionRestored()`` on transitions, ``polled(batch)`` after each read. GUI thread only."""

    connectionLost = Signal(str)
    connectionRestored = Signal()
    polled = Signal(object)

    def __init__(self, ctx, interval_ms: int = POLL_MS, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.notices = ctx.notices
        self.online = True
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll_now)
        self.notices.polled.connect(self._done)
        self.notices.failed.connect(self._failed)

    @property
    def feed(self):
        return self.notices.feed

    def start(self) -> None:
        self.timer.start()
        self.poll_now()

    def stop(self) -> None:
        self.timer.stop()

    def poll_now(self) -> None:
        if not self.ctx.worker.running:
            self.timer.stop()
            return
        self.notices.poll_now()

    def _done(self, batch: ChangeBatch | None) -> None:
        if not self.online:
            self.online = True
            self.connectionRestored.emit()
            self.ctx.bridge.incidentsChanged.emit()  # catch up whatever the banner time hid
        self.polled.emit(batch)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (DBAPIError, StorageError, OSError)):
            log.error("change poll failed: %r", exc)
            return
        if self.online:
            self.online = False
            self.connectionLost.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
