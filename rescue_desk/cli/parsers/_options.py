"""Options shared by several commands' parsers."""

from __future__ import annotations

import argparse

USER_ENV = "RESCUE_DESK_USER"
PASSWORD_ENV = "RESCUE_DESK_PASSWORD"  # the signed-in account's password, for scripts


def add_identity_arguments(parser: argparse.ArgumentParser, password_stdin: bool = True) -> None:
    parser.add_argument("--as", dest="as_user", metavar="NAME", **_inherit(parser),
                        help=f"act as this account (default ${USER_ENV}); its password comes from "
                        f"${PASSWORD_ENV}, --password-stdin or a prompt")
    if password_stdin:
        parser.add_argument("--password-stdin", action="store_true", **_inherit(parser),
                            help="read passwords from standard input, one per line, instead of prompting")


def _inherit(parser: argparse.ArgumentParser) -> dict:
    """Below the top level an unset option keeps the value given before the command."""
    return {"default": argparse.SUPPRESS} if " " in parser.prog else {}
