"""The duty desk: call intake (Ctrl+N), the incident board, the rescue-trip panel and the incident
history (Ctrl+F).

``install(window)`` adds four docks and the Incident menu's actions, and keeps the pieces on
``window.desk`` (``.intake``, ``.board``, ``.trip``, ``.history``). The selected incident is one
value (``selected``): the trip panel, the board and the map follow it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from .board import BoardWidget
from .history import IncidentHistory
from .intake import IntakeForm
from .trip import TripPanel

__all__ = ["install", "Desk"]


class Desk(QObject):
    """Wires the desk's widgets to each other and to the map. Lives on the GUI thread."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        self.intake = IntakeForm(ctx, window.map)
        self.board = BoardWidget(ctx)
        self.trip = TripPanel(ctx, window.map)
        self.intake_dock = window.add_dock(self.intake, self.tr("Call intake"), Qt.DockWidgetArea.LeftDockWidgetArea,
                                           "intakeDock")
        self.board_dock = window.add_dock(self.board, self.tr("Incident board"),
                                          Qt.DockWidgetArea.BottomDockWidgetArea, "boardDock")
        self.trip_dock = window.add_dock(self.trip, self.tr("Rescue trip"), Qt.DockWidgetArea.RightDockWidgetArea,
                                         "tripDock")
        self.history = IncidentHistory(ctx)
        self.history_dock = window.add_dock(self.history, self.tr("Incident history"),
                                            Qt.DockWidgetArea.BottomDockWidgetArea, "incidentHistoryDock")
        window.tabifyDockWidget(self.board_dock, self.history_dock)
        self.board_dock.raise_()
        self.history_dock.visibilityChanged.connect(lambda on: on and self.history.refresh())
        self.history.openRequested.connect(self.open_incident)
        self.history.replayRequested.connect(self.replay_incident)
        self.selected: int | None = None
        self._select_after_refresh: int | None = None
        self.board.incidentSelected.connect(self._incident_selected)
        self.board.refreshed.connect(self._select_saved)
        self._overdue_seen: set[int] = set()
        self.board.refreshed.connect(self._alert_new_overdue)
        self.intake.callSaved.connect(self._call_saved)
        window.map.incidentClicked.connect(lambda i: self.board.select_incident(i))
        self._build_menu(window.menu("incident"))
        self._closed = False
        window.installEventFilter(self)

    def _build_menu(self, menu) -> None:
        def action(text, slot, shortcut, name):
            a = QAction(text, self.window)
            a.setObjectName(name)
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(slot)
            menu.addAction(a)
            return a

        self.new_call_action = action(self.tr("&New call"), self.new_call, "Ctrl+N", "actionNewCall")
        self.find_action = action(self.tr("&Find incident"), self.find_incident, "Ctrl+F", "actionFindIncident")
        self.trip_action = action(self.tr("Rescue &trip"), self.show_trip, "Ctrl+T", "actionShowTrip")
        self.apply_suggestions_action = action(self.tr("&Apply all suggestions"), self.intake.suggestions.apply_all,
                                               "Ctrl+Shift+A", "actionApplySuggestions")
        self.refresh_action = action(self.tr("&Refresh board"), self.board.refresh, "F5", "actionRefreshBoard")

    def new_call(self) -> None:
        self.intake_dock.show()
        self.intake_dock.raise_()
        self.intake.start_new_call()

    def find_incident(self) -> None:
        """Ctrl+F: the history (open and closed incidents), its search field focused."""
        workspaces = getattr(self.window, "workspaces", None)
        if workspaces is not None:
            workspaces.switch("duty")
        self.history_dock.show()
        self.history_dock.raise_()
        self.history.search.setFocus()
        self.history.search.selectAll()
        self.history.refresh()

    def open_incident(self, incident_id: int) -> None:
        """Show ``incident_id`` in the desk: the trip panel (read only when closed), the board's row if
        it is open, the map centred on it."""
        workspaces = getattr(self.window, "workspaces", None)
        if workspaces is not None:
            workspaces.switch("duty")
        self.window.show_map_tab()
        if not self.board.select_incident(incident_id):
            self._incident_selected(incident_id)
        self.show_trip()

    def replay_incident(self, incident_id: int) -> None:
        """Open the Replay & drills page on ``incident_id`` (when the replay feature is installed)."""
        if "replay" not in getattr(self.window, "installed_features", ()):
            return
        page = self.window.replay_page
        self.window.tabs.setCurrentWidget(page)
        page.player.load("incident", incident_id)

    def show_trip(self) -> None:
        self.trip_dock.show()
        self.trip_dock.raise_()

    def _incident_selected(self, incident_id: int) -> None:
        self.selected = incident_id
        self.trip.show_incident(incident_id)
        self.window.map.select_incident(incident_id)
        rows = self.board.model.rows + self.history.model.rows
        row = next((r for r in rows if r.id == incident_id), None)
        if row is not None and row.lon is not None:
            self.window.map.center_on(row.lon, row.lat)

    def _call_saved(self, _call_id: int, incident_id: int) -> None:
        self._select_after_refresh = incident_id

    def _alert_new_overdue(self) -> None:
        """A row that has just become overdue: say so in the status bar and ask for attention."""
        now_overdue = {r.id: r.overdue for r in self.board.model.rows if r.overdue}
        fresh = [i for i in now_overdue if i not in self._overdue_seen]
        self._overdue_seen = set(now_overdue)
        if fresh:
            text = self.tr("Overdue: incident %1 — see the board").replace(
                "%1", ", ".join(f"#{i}" for i in sorted(fresh)))
            self.window.statusBar().showMessage(text, 60_000)
            QApplication.alert(self.window)

    def _select_saved(self) -> None:
        """After a save, the new (or linked) incident is selected once the board has it."""
        incident_id, self._select_after_refresh = self._select_after_refresh, None
        if incident_id is not None:
            self.board.select_incident(incident_id)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close and not self._closed:
            self._closed = True
            self.intake.shutdown()
            self.board.stop()
            self.trip.stop()
            self.history.stop()
            self.window.ctx.worker.wait_idle(3000)
        return False


def install(window) -> None:
    """Add the desk's docks, menu actions and shortcuts to the main window."""
    window.desk = Desk(window)
