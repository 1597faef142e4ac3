"""Replay & drills (issue 6): replay closed incidents on the map, placement drills with scores, and
each trainee's progress. ``install(window)`` adds the "Replay & drills" tab page and keeps it on
``window.replay_page``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from .page import ReplayPage

__all__ = ["install", "ReplayPage"]


def install(window) -> None:
    page = ReplayPage(window)
    index = window.add_tab_page(page, QCoreApplication.translate("Replay", "Replay && drills"), "replayPage")
    window.replay_page = page

    def tab_changed(current: int) -> None:
        if current == index:
            page.activate()
        else:
            page.deactivate()

    window.tabs.currentChanged.connect(tab_changed)
    open_action = QAction(QCoreApplication.translate("Replay", "Replay && drills"), window)
    open_action.setObjectName("actionReplayPage")
    open_action.triggered.connect(lambda: window.tabs.setCurrentWidget(page))
    import_action = QAction(QCoreApplication.translate("Replay", "Import scenario…"), window)
    import_action.setObjectName("actionImportScenario")
    import_action.triggered.connect(lambda: (window.tabs.setCurrentWidget(page), page.player.import_file()))
    window.menu("tools").addAction(open_action)
    window.menu("tools").addAction(import_action)
