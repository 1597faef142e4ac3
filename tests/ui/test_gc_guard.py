"""The cyclic garbage collector runs on the GUI thread only (a Qt object destroyed on another thread
leaves its timers behind and crashes the app later)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

from rescue_desk.ui.gc_guard import MainThreadGarbageCollector, install


class _Witness:
    """Records the thread its cycle was collected on."""

    def __init__(self, seen: list):
        self.seen = seen

    def __del__(self):
        self.seen.append(threading.get_ident())


def _cyclic_qt_garbage(seen: list) -> None:
    obj = QObject()
    timer = QTimer(obj)
    timer.start(60_000)  # a registered timer, as a closed dialog's would be
    obj.witness = _Witness(seen)
    obj.me = obj  # a cycle: only the cyclic collector frees it


def test_garbage_made_on_a_worker_thread_is_collected_on_the_gui_thread(qtbot):
    old = gc.get_threshold()
    gc.set_threshold(200, 10, 10)
    gc.enable()  # as in a fresh application (the test suite keeps it off during tests)
    guard = MainThreadGarbageCollector(None, interval_ms=20)
    seen: list[int] = []
    try:
        assert not gc.isenabled()
        _cyclic_qt_garbage(seen)

        def allocate() -> None:  # enough allocations that the automatic collector would have run here
            junk = []
            for _ in range(5000):
                junk.append([{}])
            del junk

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert seen == []  # nothing collected on the worker thread
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert seen == [threading.get_ident()] and guard.collections > 0
    finally:
        guard._timer.stop()
        guard.deleteLater()
        gc.set_threshold(*old)
        gc.disable()


def test_installed_once_per_application(qapp):
    holder = QObject()
    gc.enable()
    try:
        first = install(holder)
        assert install(holder) is first and not gc.isenabled()
    finally:
        first._timer.stop()
        holder.deleteLater()
        gc.disable()
