"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: the database worker or
the locator thread. A Qt object that became garbage there (a closed dialog, a finished helper) is then
destroyed on the wrong thread; its timers stay registered with the GUI thread's event loop, which
later delivers a timer event to freed memory and the process dies. So the automatic collector is off
and this object collects on the GUI thread, between events, when the same thresholds are reached."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class MainThreadGarbageCollector(QObject):
    """Install once per application (``install``); collects the generations whose counts passed
    the thresholds the automatic collector would use."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                self.collections += 1
                return


def install(app: QObject) -> MainThreadGarbageCollector:
    """Turn the automatic collector off and collect on ``app``'s (the GUI) thread instead."""
    existing = app.findChild(MainThreadGarbageCollector)
    return existing if existing is not None else MainThreadGarbageCollector(app)
