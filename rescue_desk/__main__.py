"""Composition root: parse arguments, then run a headless command or open the desktop app.

``main`` is the ``rescue-desk`` console script; ``gui_main`` the ``rescue-desk-gui`` launcher (no console
window on Windows), which shows a failure to open the database in a dialog instead of on stderr."""

from __future__ import annotations

import sys
from typing import Callable


def main(argv: list[str] | None = None, report: Callable[[str], None] | None = None) -> int:
    from rescue_desk.cli import app_arguments, build_parser, run

    args = app_arguments(argv)  # no command: skip importing every command module
    if args is None:
        code = run(argv)
        if code != -1:
            return code
        args = build_parser().parse_args(argv)
    from rescue_desk.ui.app import run_app

    def open_station() -> tuple[str, int | None] | None:
        from rescue_desk.cli.common import demo_years, open_app_database

        opened = open_app_database(args, report)
        if opened is None:
            return None
        db_url, needs_demo = opened
        return db_url, demo_years() if needs_demo else None

    return run_app(open_station, lang=args.lang)


def gui_main() -> int:
    return main(report=_error_dialog)


def _error_dialog(message: str) -> None:
    from rescue_desk.ui.app import show_startup_error

    show_startup_error(message)


if __name__ == "__main__":
    sys.exit(main())
