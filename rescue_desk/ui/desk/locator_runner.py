"""Runs the locator off the GUI thread: latest request wins, stale answers are dropped."""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot


@dataclass
class LocateRequest:
    seq: int
    text: str
    call_time: datetime | None
    datum: str | None
    kora: object = None


_STOP = object()


class LocatorRunner(QObject):
    """``request(text, call_time, datum)`` from the GUI thread; ``located(LocateResult)`` arrives on
    the GUI thread for the newest request only. The locator runs on its own Python thread (never the
    database worker), so typing never waits for the database."""

    located = Signal(object)
    _done = Signal(int, object)

    def __init__(self, kora, parent: QObject | None = None):
        super().__init__(parent)
        self.kora = kora
        self._seq = 0
        self._lock = threading.Lock()
        self._queue: queue.Queue = queue.Queue()
        self._done.connect(self._deliver)  # queued: emitted from the locator thread
        self._thread: threading.Thread | None = None
        self.busy = False

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, name="rescue-desk-locator", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        # Imported here, on the locator thread at the first request: the window opens without it.
        from rescue_desk.domain.locator import LocateResult, locate

        while True:
            req = self._queue.get()
            if req is _STOP:
                return
            if req.seq != self.latest():
                continue  # a newer request is queued: skip this one
            try:
                result = locate(req.text, call_time=req.call_time, kora=req.kora or self.kora, datum=req.datum)
            except Exception as exc:  # the locator promises not to raise; never kill the thread if it does
                result = LocateResult("error", f"locator failed: {exc}")
            self._done.emit(req.seq, result)

    def latest(self) -> int:
        with self._lock:
            return self._seq

    def request(self, text: str, call_time: datetime | None = None, datum: str | None = None, kora=None) -> int:
        """Locate ``text`` on ``kora`` (the station layer in use at the call's time; default the one
        given at construction)."""
        with self._lock:
            self._seq += 1
            seq = self._seq
        self.busy = True
        self._ensure_thread()
        self._queue.put(LocateRequest(seq, text, call_time, datum, kora))
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
        self.cancel()
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_STOP)
            # Waits out a first request still importing the locator on a slow machine: the thread
            # must not outlive this object, whose signal it emits.
            self._thread.join(60.0)
