"""Runs the locator off the GUI thread: latest request wins, stale answers are dropped."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rescue_desk.domain.locator import LocateResult, locate


@dataclass
class LocateRequest:
    seq: int
    text: str
    call_time: datetime | None
    datum: str | None


class _Worker(QObject):
    done = Signal(int, object)

    def __init__(self, kora, latest):
        super().__init__()
        self.kora = kora
        self._latest = latest

    @Slot(object)
    def run(self, req: LocateRequest) -> None:
        if req.seq != self._latest():
            return  # a newer request is queued: skip this one
        try:
            result = locate(req.text, call_time=req.call_time, kora=self.kora, datum=req.datum)
        except Exception as exc:  # the locator promises not to raise; never kill the thread if it does
            result = LocateResult("error", f"locator failed: {exc}")
        self.done.emit(req.seq, result)


class LocatorRunner(QObject):
    """``request(text, call_time, datum)`` from the GUI thread; ``located(LocateResult)`` arrives on
    the GUI thread for the newest request only. The locator runs on its own thread, never the
    database worker, so typing never waits for the database."""

    located = Signal(object)
    _requested = Signal(object)

    def __init__(self, kora, parent: QObject | None = None):
        super().__init__(parent)
        self._seq = 0
        self._lock = threading.Lock()
        self._thread = QThread()
        self._thread.setObjectName("rescue-desk-locator")
        self._worker = _Worker(kora, self.latest)
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.run)
        self._worker.done.connect(self._deliver)
        self._thread.start()
        self.busy = False

    def latest(self) -> int:
        with self._lock:
            return self._seq

    def request(self, text: str, call_time: datetime | None = None, datum: str | None = None) -> int:
        with self._lock:
            self._seq += 1
            seq = self._seq
        self.busy = True
        self._requested.emit(LocateRequest(seq, text, call_time, datum))
        return seq

    def cancel(self) -> None:
        """Forget any request in flight (its answer will be dropped)."""
        with self._lock:
            self._seq += 1
        self.busy = False

    @Slot(int, object)
    def _deliver(self, seq: int, result) -> None:
        if seq != self.latest():
            return
        self.busy = False
        self.located.emit(result)

    def shutdown(self) -> None:
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(3000)
