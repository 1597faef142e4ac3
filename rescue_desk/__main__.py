"""Composition root: parse arguments, then run a headless command or open the desktop app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from rescue_desk.cli import app_arguments, build_parser, run

    args = app_arguments(argv)  # no command: skip importing every command module
    if args is None:
        code = run(argv)
        if code != -1:
            return code
        args = build_parser().parse_args(argv)
    from rescue_desk.cli.common import demo_years, open_app_database

    opened = open_app_database(args)
    if opened is None:
        return 2
    db_url, needs_demo = opened
    from rescue_desk.ui.app import run_app

    return run_app(db_url, lang=args.lang, demo_years=demo_years() if needs_demo else None)


if __name__ == "__main__":
    sys.exit(main())
