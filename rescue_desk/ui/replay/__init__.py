"""Replay & drills (issue 6): replay closed incidents on the map, placement drills with scores, and
each trainee's progress. ``install(window)`` adds the "Replay & drills" tab page; the page is built
when first shown (or when ``window.replay_page`` is first read) and kept on ``window.replay_page``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

__all__ = ["install", "ReplayPage"]


def __getattr__(name: str):
    if name == "ReplayPage":  # imported on demand: the page's modules are not needed at launch
        from .page import ReplayPage

        return ReplayPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def install(window) -> None:
    def build():
        from .page import ReplayPage

        return ReplayPage(window)

    index = window.add_lazy_tab_page(build, QCoreApplication.translate("Replay", "Replay && drills"), "replayPage",
                                     "replay_page")

    def tab_changed(current: int) -> None:
        if current == index:
            window.replay_page.activate()
        elif window.is_built("replay_page"):
            window.replay_page.deactivate()

    window.tabs.currentChanged.connect(tab_changed)
    open_action = QAction(QCoreApplication.translate("Replay", "Replay && drills"), window)
    open_action.setObjectName("actionReplayPage")
    open_action.triggered.connect(lambda: window.tabs.setCurrentWidget(window.replay_page))
    import_action = QAction(QCoreApplication.translate("Replay", "Import scenario…"), window)
    import_action.setObjectName("actionImportScenario")
    import_action.triggered.connect(lambda: (window.tabs.setCurrentWidget(window.replay_page),
                                             window.replay_page.player.import_file()))
    window.menu("tools").addAction(open_action)
    window.menu("tools").addAction(import_action)
