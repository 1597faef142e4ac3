"""The log file: ``logs/rescue-desk.log`` in the data folder, rotated at 1 MB (five old files kept).

The file and its folder are created only when the first record is written, so a command that logs
nothing leaves nothing behind. Both the desktop app and the command line call ``setup_logging``."""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from rescue_desk.paths import log_file

MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"
log = logging.getLogger("rescue_desk")


class _LazyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates the log folder on the first record; a folder it cannot create drops the records (the
    program must keep working on a read-only disk)."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record) -> None:  # noqa: N802 - logging's name
        pass  # never a traceback on stderr because the log cannot be written


_handler: _LazyRotatingFileHandler | None = None


def setup_logging(level: int = logging.INFO) -> Path:
    """Send records of ``level`` and above to the log file (once per process); returns its path."""
    global _handler
    path = log_file()
    if _handler is None or Path(_handler.baseFilename) != path.absolute():
        root = logging.getLogger()
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        _handler = _LazyRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                            delay=True)
        _handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_handler)
    _handler.setLevel(level)
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.captureWarnings(True)
    return path


def log_exception(exc: BaseException, context: str) -> Path:
    """Write ``exc`` with its traceback to the log file; returns the file's path."""
    path = setup_logging(logging.WARNING if _handler is None else _handler.level)
    log.error("%s\n%s", context, "".join(traceback.format_exception(exc)).rstrip())
    if _handler is not None:
        _handler.flush()
    return path


def describe(exc: BaseException) -> str:
    """``exc`` as a short phrase for the one-sentence message: its type and first line."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
