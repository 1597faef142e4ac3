"""Search plan for a missing pilgrim: Tools ▸ "Search plan for a missing pilgrim…" opens a panel (a
dock) whose ranked sections are drawn on the map and the profile. Built when first opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

__all__ = ["install"]


def install(window) -> None:
    action = QAction(QCoreApplication.translate("SearchPlanPanel", "Search plan for a missing pilgrim…"), window)
    action.setObjectName("actionSearchPlan")
    action.triggered.connect(lambda: open_panel(window))
    window.menu("tools").addAction(action)


def open_panel(window):
    """The panel, built on first use, shown and raised; its drawing leaves the map when it is closed."""
    panel = getattr(window, "search_plan_panel", None)
    if panel is None:
        from .panel import SearchPlanPanel

        panel = SearchPlanPanel(window.ctx.kora, window.ctx.lang, window.map, window.profile)
        dock = window.add_dock(panel, QCoreApplication.translate("SearchPlanPanel", "Search plan"),
                               Qt.DockWidgetArea.RightDockWidgetArea, "dock_searchPlan")
        trip = getattr(getattr(window, "desk", None), "trip_dock", None)
        if trip is not None:  # a tab beside the trip panel: on a small screen the trip keeps its height
            window.tabifyDockWidget(trip, dock)
        dock.visibilityChanged.connect(lambda shown: panel.redraw() if shown else panel.clear_drawing())
        window.search_plan_panel, window.search_plan_dock = panel, dock
    window.search_plan_dock.show()
    window.search_plan_dock.raise_()
    window.show_map_tab()
    return panel
