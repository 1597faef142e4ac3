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
    from rescue_desk.cli.common import open_app_database

    db_url = open_app_database(args)
    if db_url is None:
        return 2
    from rescue_desk.ui.app import run_app

    return run_app(db_url, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
