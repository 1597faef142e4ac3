"""The one database worker: a QThread that runs submitted callables in order, callbacks on the GUI thread."""

from __future__ import annotations

import logging
import queue
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


@dataclass
class _Job:
    fn: Callable[..., Any]
    args: tuple
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None
    trace: str = ""


class _Runner(QObject):
    """Lives on the worker thread; runs the next queued job on each signal and queues it back.

    Jobs travel through thread-safe queues, signals carry no Python objects."""

    finished = Signal()

    def __init__(self, todo: "queue.Queue[_Job]", done: "queue.Queue[_Job]"):
        super().__init__()
        self.todo, self.done = todo, done

    @Slot()
    def run(self) -> None:
        job = self.todo.get()
        try:
            job.result = job.fn(*job.args)
        except BaseException as exc:  # handed to on_error on the GUI thread
            job.trace = "".join(traceback.format_exception(exc))
            job.error = exc.with_traceback(None)  # no frames (and their Qt objects) kept alive by the job
            del exc
        self.done.put(job)
        self.finished.emit()


class _PythonThread(QThread):
    """A QThread whose event loop runs inside Python: the thread keeps one Python thread state for
    its whole life. (A plain QThread gets a fresh state for every slot call, which wipes
    ``threading.local`` between jobs; pyproj keeps its per-thread PROJ context there and crashes.)"""

    def run(self) -> None:
        self.exec()


class DbWorker(QObject):
    """Runs database work off the GUI thread, one job at a time, in submission order.

    ``submit`` may be called from the GUI thread only; ``fn`` runs on the worker thread;
    ``on_done(result)`` / ``on_error(exc)`` run on the GUI thread. An error without ``on_error``
    is logged and re-emitted as ``failed(str)`` so the window can show it."""

    failed = Signal(str)
    idle = Signal()
    _submitted = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = _PythonThread(self)
        self._thread.setObjectName("rescue-desk-db")
        self._todo: queue.Queue[_Job] = queue.Queue()
        self._done: queue.Queue[_Job] = queue.Queue()
        self._runner = _Runner(self._todo, self._done)
        self._runner.moveToThread(self._thread)
        self._submitted.connect(self._runner.run)
        self._runner.finished.connect(self._deliver)
        self._pending = 0
        self._closed = False
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def running(self) -> bool:
        """False once ``shutdown`` has run: ``submit`` would raise."""
        return self._thread.isRunning()

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet."""
        return self._pending

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Queue ``fn(*args)`` for the database thread."""
        if not self._thread.isRunning():
            raise RuntimeError("The database worker has been shut down.")
        self._pending += 1
        self._todo.put(_Job(fn, args, on_done, on_error))
        self._submitted.emit()

    @Slot()
    def _deliver(self) -> None:
        job = self._done.get()
        self._pending -= 1
        if self._closed:
            return  # the window is gone: its callbacks would touch widgets being torn down
        try:
            if job.error is None:
                if job.on_done is not None:
                    job.on_done(job.result)
            elif job.on_error is not None:
                job.on_error(job.error)
            else:
                log.error("database job %s failed:\n%s", getattr(job.fn, "__name__", job.fn), job.trace)
                self.failed.emit(str(job.error))
        finally:
            if self._pending == 0:
                self.idle.emit()

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every submitted job has called back (tests, shutdown). GUI thread only."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(1)
        return self._pending == 0

    def shutdown(self, timeout_ms: int = 60_000) -> None:
        """Finish the running job, drop callbacks not yet delivered, stop the thread.

        Waits for the running job however slow the machine: a QThread destroyed while it runs
        takes the whole process down."""
        self._closed = True
        if self._thread.isRunning():
            self._thread.quit()
            if not self._thread.wait(timeout_ms):
                log.error("the database worker did not stop within %d ms", timeout_ms)
