"""Headless commands. A command's arguments live in ``cli/parsers/<name>.py`` (cheap to import, all
read to build the parser); its code lives in ``cli/<module>.py``, imported only when it runs. The
handler receives the parsed ``argparse.Namespace`` and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys

from rescue_desk import __version__


class CliError(Exception):
    """A user-facing failure: printed as one sentence, exit code ``code``, no traceback."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"rescue-desk {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL (default: $RESCUE_DESK_DB or the "
                        "station file in the user's data folder); a plain path means an SQLite file")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo station database (synthetic data; created on first start)")
    parser.add_argument("--lang", choices=["zh", "en"], help="user-interface language (default: zh)")


class Handler:
    """A command's handler, ``rescue_desk.cli.<module>.<function>``, imported when the command runs."""

    def __init__(self, module: str, function: str):
        self.module, self.function = module, function

    def resolve(self):
        return getattr(importlib.import_module(f"{__name__}.{self.module}"), self.function)

    def __call__(self, args: argparse.Namespace) -> int | None:
        return self.resolve()(args)

    def __repr__(self) -> str:
        return f"Handler({self.module!r}, {self.function!r})"


class _RaisingParser(argparse.ArgumentParser):
    def error(self, message: str):
        raise argparse.ArgumentError(None, message)


def app_arguments(argv: list[str] | None = None) -> argparse.Namespace | None:
    """The global options when ``argv`` names no command (so the desktop app opens), else None.

    Imports no command module: the app's launch does not pay for the locator, reports, training…
    Anything else (a command, --help, an unknown or invalid option) answers None, and ``run`` parses
    it with the full parser exactly as before."""
    parser = _RaisingParser(prog="rescue-desk", add_help=False, exit_on_error=False)
    _add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rescue-desk",
        description="Rescue Desk — dispatch desk of the Tarchen mountain-rescue station. "
        "Without a command, opens the desktop app.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from . import parsers

    for info in sorted(pkgutil.iter_modules(parsers.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{parsers.__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    from .parsers._options import add_identity_arguments

    add_identity_arguments(parser)
    _accept_db_everywhere(parser)
    return parser


def _accept_db_everywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``--db`` and ``--lang`` also follow the command (``rescue-desk demo --db URL``) at every level."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                if "--db" not in child._option_string_actions:
                    child.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                                       help="database URL (as before the command)")
                if "--lang" not in child._option_string_actions:
                    child.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS,
                                       help="language of the text output (as before the command)")
                if "--as" not in child._option_string_actions:
                    from .parsers._options import add_identity_arguments

                    add_identity_arguments(child)
                _accept_db_everywhere(child)


def run(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; returns the process exit code.

    A failure reaches the user as one sentence: CliError and storage errors as they are worded, any
    other exception with the log file that holds its details (exit 1). A reader that closes the pipe
    early (``rescue-desk replay 7 --json | head``) ends the command quietly."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        return -1  # no command: the caller opens the desktop app
    from rescue_desk.logs import setup_logging

    setup_logging(logging.WARNING)  # the file is created only if something is logged
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()
        return code
    except CliError as exc:
        print(f"rescue-desk: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("rescue-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:
        sentence = _explained(exc)
        if sentence:
            print(f"rescue-desk: {sentence}", file=sys.stderr)
            return 2
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    from rescue_desk.logs import describe, log_exception

    command = " ".join(str(a) for a in (sys.argv[1:] if sys.argv else []))
    path = log_exception(exc, f"rescue-desk {command}".strip() + " failed")
    print(f"rescue-desk: unexpected error ({describe(exc)}); the details were written to {path}.", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """The reader went away: send what is still buffered nowhere, so exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _explained(exc: Exception) -> str | None:
    """One sentence with the reason for a failure of the database, the disk or a file; None for
    anything else (a bug: logged by ``_unexpected``)."""
    if _is_storage_error(exc):  # already one sentence (a refused permission too, docs/roles.md)
        return str(exc)
    sa_exc, sqlite3 = sys.modules.get("sqlalchemy.exc"), sys.modules.get("sqlite3")
    if (sa_exc is not None and isinstance(exc, sa_exc.DBAPIError)) or (
            sqlite3 is not None and isinstance(exc, sqlite3.Error)):
        from rescue_desk.storage.errors import explain_database_error

        return str(explain_database_error(exc))
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"the operation failed: {exc.strerror}{where}; nothing more was changed."
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to be read."
    return None


def _is_storage_error(exc: Exception) -> bool:
    storage_errors = sys.modules.get("rescue_desk.storage.errors")  # loaded by any command that could raise one
    return storage_errors is not None and isinstance(exc, storage_errors.StorageError)
