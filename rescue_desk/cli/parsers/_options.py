"""Options shared by several commands' parsers."""

from __future__ import annotations

import argparse

USER_ENV = "RESCUE_DESK_USER"


def add_identity_arguments(parser: argparse.ArgumentParser, password_stdin: bool = True) -> None:
    parser.add_argument("--as", dest="as_user", metavar="NAME",
                        help=f"act as this account (default ${USER_ENV}); asks for its password")
    if password_stdin:
        parser.add_argument("--password-stdin", action="store_true",
                            help="read passwords from standard input, one per line, instead of prompting")
