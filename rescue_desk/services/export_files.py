"""Writing an export (CSV, PDF, GeoJSON, scenario, JSONL) to wherever the user pointed it.

A regular file — new or existing — is written whole or not at all: to a temporary file beside it,
then renamed into place (through a symbolic link, the file it points to is replaced and the link
kept). Anything else that exists — a FIFO, ``/dev/stdout``, a device node — is written in place:
renaming over it would replace it by a regular file and nothing would reach the reader. A target
that is read-only is refused, never replaced."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable


class ExportRefused(OSError):
    """The target cannot be written; ``str(exc)`` is one sentence."""

    def __str__(self) -> str:
        return self.args[0]


def write_export(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(p)`` with the path to write to and put the result at ``path`` (see the module
    docstring). Returns the path written. ExportRefused for a read-only target; OSError (with
    ``strerror``) when the folder cannot be written."""
    target = Path(path).expanduser()
    if os.path.lexists(target) and os.path.exists(target):
        mode = os.stat(target).st_mode  # through links: /dev/stdout -> /proc/self/fd/1 -> a pipe
        if stat.S_ISDIR(mode):
            raise ExportRefused(f"{target} is a folder; give a file name.")
        if not os.access(target, os.W_OK) or not mode & 0o222:  # no write bit: read-only even for root
            raise ExportRefused(f"{target} is read-only; nothing was written.")
        if not stat.S_ISREG(mode):
            write(target)  # a pipe or device: in place, through the name the user gave
            return target
        target = target.resolve()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp makes the file private (0600); a new export gets the usual mode (umask), an
        # existing one keeps its own, so a print spooler or a colleague can read it as before
        os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode) if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_export_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """``write_export`` of a text."""
    def write(p: Path) -> None:
        with open(p, "w", encoding=encoding, newline="") as fh:
            fh.write(text)

    return write_export(path, write)
