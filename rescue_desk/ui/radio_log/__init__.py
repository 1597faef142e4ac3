"""Radio log per team: Tools ▸ "Radio log…" opens a dock with the teams' check-ins (positions from
words, coordinates or a map click), their trails on the map and the overdue alert. Built when first opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

__all__ = ["install"]


def install(window) -> None:
    action = QAction(QCoreApplication.translate("RadioLogPanel", "Radio log…"), window)
    action.setObjectName("actionRadioLog")
    action.triggered.connect(lambda: open_panel(window))
    window.menu("tools").addAction(action)


def open_panel(window, incident_id: int | None = None):
    panel = getattr(window, "radio_log_panel", None)
    if panel is None:
        from .panel import RadioLogPanel

        panel = RadioLogPanel(window.ctx, window.map)
        dock = window.add_dock(panel, QCoreApplication.translate("RadioLogPanel", "Radio log"),
                               Qt.DockWidgetArea.RightDockWidgetArea, "dock_radioLog")
        dock.visibilityChanged.connect(lambda shown: panel.load() if shown else panel.clear_drawing())
        window.radio_log_panel, window.radio_log_dock = panel, dock
    if incident_id is not None:
        panel.incident.setValue(incident_id)
        panel.load()
    window.radio_log_dock.show()
    window.radio_log_dock.raise_()
    return panel
