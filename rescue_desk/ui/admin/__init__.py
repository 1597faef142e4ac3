"""Several desks and security: change sharing between desks (poll + banner), the audit-history dock,
the signed-in account in the status bar and automatic rotating backups of an SQLite station file.

``install(window)`` keeps everything on ``window.admin`` (``.watcher``, ``.banner``, ``.history``)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from rescue_desk.services import access, backups
from rescue_desk.ui.settings import Setting

from .damage_banner import DamageBanner
from .history import HistoryView
from .login import LoginDialog, login_if_needed
from .watch import ChangeWatcher, ConnectionBanner

__all__ = ["install", "Admin", "login_if_needed", "LoginDialog", "BACKUP_FOLDER", "BACKUP_KEEP", "BACKUP_EVERY_H"]

BACKUP_FOLDER = Setting("backup/folder", str, "")  # empty: $RESCUE_DESK_BACKUP_DIR or data folder/backups
BACKUP_KEEP = Setting("backup/keep", int, backups.DEFAULT_KEEP)
BACKUP_EVERY_H = Setting("backup/every_hours", float, 4.0)
BACKUP_CHECK_MS = 15 * 60 * 1000


def _who(db, actor):
    """Worker thread: (name, role or None) of the signed-in principal."""
    p = access.principal(db, actor)
    return p.name, p.role


class Admin(QObject):
    """Wires the watcher, banner, history dock, account label and backup timer to the window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        self.banner = ConnectionBanner(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.damage_banner = DamageBanner(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.damage_banner)
        self.watcher = ChangeWatcher(ctx, parent=self)
        self.watcher.connectionLost.connect(self._lost)
        self.watcher.connectionRestored.connect(self._restored)
        self.history = HistoryView(ctx)
        self.history_dock = window.add_dock(self.history, self.tr("Change history"),
                                            Qt.DockWidgetArea.RightDockWidgetArea, "historyDock")
        self.history_dock.hide()
        self.history_action = QAction(self.tr("Change &history"), window)
        self.history_action.setObjectName("actionIncidentHistory")
        self.history_action.triggered.connect(self.show_history)
        window.menu("incident").addAction(self.history_action)
        desk = getattr(window, "desk", None)
        if desk is not None:
            desk.board.incidentSelected.connect(self._selected)
        self.account_label = QLabel()
        self.account_label.setObjectName("accountLabel")
        window.statusBar().addPermanentWidget(self.account_label)
        ctx.worker.submit(_who, ctx.db, ctx.actor, on_done=self._show_account, on_error=lambda _e: None)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        if ctx.db.engine.dialect.name == "sqlite":
            self.backup_if_due()
            self.backup_timer.start()
        self.watcher.start()

    def _selected(self, incident_id: int) -> None:
        self.history.incident_id = incident_id
        if self.history_dock.isVisible():
            self.history.show_incident(incident_id)

    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()
        if self.history.incident_id is not None:
            self.history.show_incident(self.history.incident_id)

    def _show_account(self, who) -> None:
        name, role = who
        self.account_label.setText(self.tr("Signed in: %1 (%2)").replace("%1", name).replace(
            "%2", role or self.tr("no accounts yet")))

    def _lost(self, _why: str) -> None:
        self.banner.show()

    def _restored(self) -> None:
        self.banner.hide()
        self.window.statusBar().showMessage(self.tr("Database connection restored."), 5000)

    def backup_if_due(self) -> None:
        """Make a rotating backup on the worker when the newest is older than the set interval."""
        s = self.window.ctx.settings
        folder = s.get(BACKUP_FOLDER) or None
        every = timedelta(hours=max(0.1, s.get(BACKUP_EVERY_H)))
        self.window.ctx.worker.submit(backups.backup_if_due, self.window.ctx.db.engine, folder,
                                      max(1, s.get(BACKUP_KEEP)), every, on_done=self._backed_up,
                                      on_error=self._backup_failed)

    def _backed_up(self, path) -> None:
        if path is not None:
            self.damage_banner.clear()
            self.window.statusBar().showMessage(self.tr("Backup written: %1").replace("%1", str(path)), 8000)

    def _backup_failed(self, exc: BaseException) -> None:
        if isinstance(exc, backups.LiveDatabaseDamaged):
            self.damage_banner.show_problem(str(exc))
            return
        self.window.statusBar().showMessage(self.tr("The automatic backup failed: %1").replace("%1", str(exc)), 15000)


def install(window) -> None:
    """Add change sharing, the history dock, the account label and automatic backups to the window."""
    window.admin = Admin(window)
