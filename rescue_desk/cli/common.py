"""Helpers shared by the commands: open the database named by --db / $RESCUE_DESK_DB."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
from collections import Counter
from typing import TYPE_CHECKING, Callable

from rescue_desk.paths import resolve_url

from . import CliError

if TYPE_CHECKING:  # the storage package (SQLAlchemy) is imported only by commands that open a database
    from rescue_desk.storage import Database


def database_url(args: argparse.Namespace) -> str:
    return resolve_url(getattr(args, "db", None), demo=getattr(args, "demo", False))


def open_db(args: argparse.Namespace, migrate: bool = True, create: bool = False) -> Database:
    """The database for this command, migrated to the current schema; CliError on any failure.

    Only commands that make a database (``create``) may name an SQLite file that does not exist yet;
    the others refuse it, so a mistyped --db never leaves an empty database (or folders) behind."""
    from rescue_desk.storage import StorageError, open_database

    url = require_database(args) if not create else database_url(args)
    try:
        db = open_database(url, migrate=migrate)
    except StorageError as exc:
        raise CliError(str(exc)) from None
    from ._auth import set_viewer

    try:
        set_viewer(args, db)
    except BaseException:
        db.dispose()
        raise
    return db


def require_database(args: argparse.Namespace) -> str:
    """The command's database URL; CliError (exit 2) when it names an SQLite file that does not exist."""
    from rescue_desk.storage.engine import ENV_VAR, sqlite_path

    url = database_url(args)
    path = sqlite_path(url)
    if path is None or path.exists():
        return url
    if getattr(args, "db", None) or (not getattr(args, "demo", False) and os.environ.get(ENV_VAR)):
        raise CliError(f"there is no database at {path}; check the path given with --db or $RESCUE_DESK_DB "
                       "(`rescue-desk db upgrade` creates an empty one, `rescue-desk demo` a demo station)")
    raise CliError(f"there is no station database yet at {path}; the desktop app creates it on first start, "
                   "or create it with `rescue-desk db upgrade` (name another database with --db)")


DEMO_YEARS_ENV = "RESCUE_DESK_DEMO_YEARS"


def demo_years() -> int:
    """Seasons the first start generates for the demo station: $RESCUE_DESK_DEMO_YEARS or 3."""
    try:
        return min(30, max(1, int(os.environ.get(DEMO_YEARS_ENV, "3"))))
    except ValueError:
        return 3


def open_app_database(args: argparse.Namespace, report: Callable[[str], None] | None = None) -> tuple[str, bool] | None:
    """Open and migrate the database the desktop app will use.

    Returns (URL, whether the demo station still has to be generated into that SQLite file — the app
    does it with a progress dialog, replacing the file), or None after telling ``report`` (default:
    stderr) why it cannot be opened. A demo file that does not exist yet is not created here (the generation creates it
    whole). Only a missing file, an interrupted generation or the empty default demo file are
    replaced; another empty database named with ``--demo`` is filled in place, as before."""
    from rescue_desk.services.demo import DemoUnfinished, demo_state, ensure_demo_station
    from rescue_desk.storage import StorageError, open_database
    from rescue_desk.storage.engine import default_url, sqlite_path

    url = database_url(args)
    demo = getattr(args, "demo", False)
    path = sqlite_path(url)
    if demo and path is not None and not path.exists():
        return url, True
    try:
        db = open_database(url)
        try:
            state = demo_state(db) if demo else "ready"
            if path is not None and (state == "unfinished" or (state == "empty" and url == default_url(True))):
                return url, True
            if state != "ready":
                ensure_demo_station(db, years=demo_years(), progress=lambda msg: print(msg, file=sys.stderr))
            return db.engine.url.render_as_string(hide_password=False), False
        finally:
            db.dispose()
    except (StorageError, DemoUnfinished) as exc:
        (report or _print_error)(str(exc))
        return None


def _print_error(message: str) -> None:
    print(f"rescue-desk: {message}", file=sys.stderr)


def read_input_bytes(path: str) -> bytes:
    """The whole file at ``path`` (at most services.input_files.MAX_INPUT_BYTES); CliError with one
    sentence when it cannot be read or is larger."""
    from rescue_desk.services.input_files import InputTooLarge, read_bounded

    try:
        return read_bounded(path)
    except InputTooLarge as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def write_output(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``: a regular file whole or not at all, a pipe or device in
    place, a read-only file refused (services/export_files.py). CliError with one sentence otherwise."""
    from rescue_desk.services.export_files import write_export_text

    with export_errors(path):
        write_export_text(path, text)


@contextlib.contextmanager
def export_errors(path):
    """Turn a failed export write into CliError with one sentence."""
    from rescue_desk.services.export_files import ExportRefused

    try:
        yield
    except ExportRefused as exc:
        raise CliError(str(exc)) from None
    except BrokenPipeError:
        raise  # the reader closed the pipe (| head): quiet, as everywhere
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or 'the file cannot be created there'}") from None


def text_lang(args: argparse.Namespace) -> str:
    """The language of a command's text output: ``--lang`` when given, else English (the JSON and
    the files are the same in both)."""
    return getattr(args, "lang", None) or "en"


def pad(text: str, width: int, cut: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two); longer text is
    left whole, or cut to fit with ``cut``."""
    import unicodedata

    out, used = "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if cut and used + w > width:
            break
        out, used = out + ch, used + w
    return out + " " * max(0, width - used)


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


MAX_BATCH_LINE = 1_000_000  # characters; a longer line (or /dev/zero) is one error, not all of memory


def _bounded_lines(src):
    """The lines of ``src``; None in place of a line longer than MAX_BATCH_LINE (the rest of it is
    skipped in pieces, never held whole). CliError when a line has no end at all (``/dev/zero``)."""
    while True:
        line = src.readline(MAX_BATCH_LINE + 1)
        if not line:
            return
        if len(line) > MAX_BATCH_LINE and not line.endswith("\n"):
            skipped = len(line)
            while line and not line.endswith("\n"):
                line = src.readline(MAX_BATCH_LINE)
                skipped += len(line)
                if skipped > 64 * MAX_BATCH_LINE:
                    raise CliError("the input has a line with no end (a device like /dev/zero?); stopped reading it")
            yield None
            continue
        yield line


def _open_batch_input(in_path: str):
    if in_path == "-":
        return sys.stdin
    try:
        mode = os.stat(in_path).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            if not os.path.realpath(in_path).startswith(("/dev/pts/", "/dev/tty", "/proc/")):
                raise CliError(f"{in_path} is a device, not a file of calls; nothing was read.")
        return open(in_path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CliError(f"cannot read {in_path}: {exc.strerror or exc}") from None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def run_jsonl_batch(in_path: str, out_path: str | None, record: Callable[[str, int], dict]) -> Counter:
    """Write ``record(line, lineno)`` as one JSON line for every non-blank input line.

    ``in_path`` "-" reads stdin; ``out_path`` None writes stdout, a file is written whole or not at
    all (an interrupted batch leaves an earlier file as it was). ``record`` must not raise for a bad
    line (it returns an error record instead). Returns the count of records by ``status`` ("ok" when
    a record has none). CliError when a file cannot be opened, or is both the input and the output."""
    from rescue_desk.services.export_files import write_export

    if out_path and in_path != "-" and _same_file(in_path, out_path):
        raise CliError(f"--out {out_path} is the input file; give another name (nothing was written).")
    src = _open_batch_input(in_path)
    counts: Counter = Counter()

    def run(dst) -> None:
        for lineno, line in enumerate(_bounded_lines(src), 1):
            if line is None:
                rec = {"id": None, "status": "error",
                       "message": f"line {lineno}: longer than {MAX_BATCH_LINE // 1000} k characters; skipped"}
            elif not line.strip():
                continue
            else:
                rec = record(line, lineno)
            counts[rec.get("status", "ok")] += 1
            dst.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def write_file(p) -> None:
        with open(p, "w", encoding="utf-8") as dst:
            run(dst)

    try:
        if out_path:
            with export_errors(out_path):
                write_export(out_path, write_file)
        else:
            run(sys.stdout)
    finally:
        if src is not sys.stdin:
            src.close()
    return counts
