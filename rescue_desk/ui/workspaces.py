"""Workspaces: one arrangement of the window per task — the duty desk, statistics, training, the sand
table — instead of every dock at once. Each remembers its own dock layout (saved with the settings);
"Reset layout" puts the current one back to its default, which fits a 1366×768 screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar

from .settings import Setting
from .text import translate

CURRENT = Setting("window/workspace", str, "duty", ("duty", "statistics", "training", "sand_table"))
LAYOUT_VERSION = 1  # a saved layout from another version is not restored


def _state_setting(name: str) -> Setting:
    return Setting(f"window/workspace_state_v{LAYOUT_VERSION}/{name}", QByteArray, QByteArray())


@dataclass(frozen=True)
class Workspace:
    name: str
    page: str  # objectName of the central tab page; "" = the map
    docks: tuple[str, ...]  # dock objectNames shown by default
    shortcut: str


WORKSPACES = (
    Workspace("duty", "", ("intakeDock", "tripDock", "boardDock", "incidentHistoryDock"), "Ctrl+1"),
    Workspace("statistics", "statisticsPage", (), "Ctrl+2"),
    Workspace("training", "replayPage", (), "Ctrl+3"),
    Workspace("sand_table", "", ("stationDock",), "Ctrl+4"),
)
MANAGED_DOCKS = {d for w in WORKSPACES for d in w.docks} | {"historyDock"}


def title(name: str) -> str:
    return {"duty": translate("Workspaces", "Duty desk"), "statistics": translate("Workspaces", "Statistics"), "training": translate("Workspaces", "Training"),
            "sand_table": translate("Workspaces", "Sand table")}[name]


class Workspaces(QObject):
    """The window's workspace switcher (toolbar ``workspaceBar`` and View ▸ Workspace). GUI thread."""

    changed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.current = ""
        self.bar = QToolBar(self.tr("Workspaces"), window)
        self.bar.setObjectName("workspaceBar")
        self.bar.setMovable(False)
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.menuBar().setCornerWidget(self.bar, Qt.Corner.TopRightCorner)  # no height taken from the map
        menu = window.menu("view").addMenu(self.tr("Workspace"))
        group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for ws in WORKSPACES:
            a = QAction(title(ws.name), window, checkable=True, objectName=f"workspace_{ws.name}")
            a.setShortcut(QKeySequence(ws.shortcut))
            a.triggered.connect(lambda _on=False, n=ws.name: self.switch(n))
            group.addAction(a)
            self.bar.addAction(a)
            menu.addAction(a)
            self.actions[ws.name] = a
        menu.addSeparator()
        self.reset_action = QAction(self.tr("Reset layout"), window, objectName="actionResetLayout")
        self.reset_action.triggered.connect(self.reset_layout)
        menu.addAction(self.reset_action)
        window.tabs.currentChanged.connect(self._tab_changed)

    def workspace(self, name: str) -> Workspace:
        return next(w for w in WORKSPACES if w.name == name)

    def _docks(self) -> dict[str, QDockWidget]:
        return {d.objectName(): d for d in self.window.findChildren(QDockWidget)}

    def available(self, name: str) -> bool:
        """A workspace of docks is there only when a feature installed one of them."""
        ws, docks = self.workspace(name), self._docks()
        return not ws.docks or any(d in docks for d in ws.docks)

    def start(self) -> None:
        """Open the workspace used last (or the first one this window has), with its saved layout."""
        name = self.window.ctx.settings.get(CURRENT)
        if not self.available(name):
            name = next((w.name for w in WORKSPACES if w.docks and self.available(w.name)), name)
        for ws in WORKSPACES:
            self.actions[ws.name].setVisible(self.available(ws.name) and (not ws.page or any(
                self.window.tabs.widget(i).objectName().removesuffix("Placeholder") == ws.page
                for i in range(self.window.tabs.count()))))
        self.switch(name, save=False)

    def save_current(self) -> None:
        if self.current:
            self.window.ctx.settings.set(_state_setting(self.current), self.window.saveState(LAYOUT_VERSION))

    def switch(self, name: str, save: bool = True) -> None:
        if save and name == self.current:
            return
        if save:
            self.save_current()
        self.current = name
        self.actions[name].setChecked(True)
        self.window.ctx.settings.set(CURRENT, name)
        saved = self.window.ctx.settings.get(_state_setting(name))
        if saved.isEmpty() or not self.window.restoreState(saved, LAYOUT_VERSION):
            self.apply_default(name)
        self._show_page(self.workspace(name))
        self.changed.emit(name)

    def _show_page(self, ws: Workspace) -> None:
        tabs = self.window.tabs
        target = 0
        for i in range(tabs.count()):
            widget = tabs.widget(i)
            if ws.page and widget.objectName() in (ws.page, ws.page + "Placeholder"):
                target = i
        tabs.blockSignals(True)
        try:
            tabs.setCurrentIndex(target)
        finally:
            tabs.blockSignals(False)
        tabs.currentChanged.emit(target)  # lazy pages build, pages (de)activate

    def apply_default(self, name: str) -> None:
        """The workspace's docks where they belong, sized for a 1366×768 screen; other desk docks hidden."""
        ws, docks, w = self.workspace(name), self._docks(), self.window
        for dock_name, dock in docks.items():
            if dock_name in MANAGED_DOCKS:
                dock.setVisible(dock_name in ws.docks)
        if name == "duty":
            left, right, bottom = (docks.get(n) for n in ("intakeDock", "tripDock", "boardDock"))
            history = docks.get("incidentHistoryDock")
            for dock, area in ((left, Qt.DockWidgetArea.LeftDockWidgetArea),
                               (right, Qt.DockWidgetArea.RightDockWidgetArea),
                               (bottom, Qt.DockWidgetArea.BottomDockWidgetArea)):
                if dock is not None:
                    dock.setFloating(False)
                    if w.dockWidgetArea(dock) != area:
                        w.addDockWidget(area, dock)
            if bottom is not None and history is not None:
                history.setFloating(False)
                if history not in w.tabifiedDockWidgets(bottom):  # tabified twice, Qt draws two tab bars
                    w.tabifyDockWidget(bottom, history)
                bottom.raise_()
            width, height = max(w.width(), 1024), max(w.height(), 600)
            sides = [d for d in (left, right) if d is not None]
            w.resizeDocks(sides, [int(width * 0.25)] * len(sides), Qt.Orientation.Horizontal)
            if bottom is not None:
                w.resizeDocks([bottom], [int(height * 0.3)], Qt.Orientation.Vertical)
        elif name == "sand_table" and docks.get("stationDock") is not None:
            station = docks["stationDock"]
            station.setFloating(False)
            if w.dockWidgetArea(station) != Qt.DockWidgetArea.RightDockWidgetArea:
                w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, station)
            w.resizeDocks([station], [int(max(w.width(), 1024) * 0.33)], Qt.Orientation.Horizontal)

    def reset_layout(self) -> None:
        self.window.ctx.settings.set(_state_setting(self.current), QByteArray())
        self.apply_default(self.current)

    def _tab_changed(self, index: int) -> None:
        """Opening the Statistics or Replay tab directly is switching to its workspace."""
        name = self.window.tabs.widget(index).objectName().removesuffix("Placeholder")
        if index == 0 and self.current in ("statistics", "training"):
            self.switch("duty")
            return
        for ws in WORKSPACES:
            if ws.page and ws.page == name and ws.name != self.current:
                self.switch(ws.name)
