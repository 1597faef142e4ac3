"""Arguments of ``rescue-desk user add|passwd|disable|enable|list``: accounts."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler
from rescue_desk.domain import roles

from ._options import add_identity_arguments


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="accounts: add, passwd, disable, enable, list")
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = usub.add_parser("add", help="create an account (the first one must be an administrator)")
    add.add_argument("name", help="account name: lowercase letters, digits, . _ -")
    add.add_argument("--role", required=True, choices=roles.ROLES)
    add.add_argument("--display-name", default="", help="full name shown in the app")
    add_identity_arguments(add)
    add.set_defaults(handler=Handler("user", "_add"))
    pw = usub.add_parser("passwd", help="set a new password for an account")
    pw.add_argument("name")
    add_identity_arguments(pw)
    pw.set_defaults(handler=Handler("user", "_passwd"))
    for action, help_text in (("disable", "stop an account from logging in"), ("enable", "allow it again")):
        p = usub.add_parser(action, help=help_text)
        p.add_argument("name")
        add_identity_arguments(p)
        p.set_defaults(handler=Handler("user", "_disable" if action == "disable" else "_enable"))
    ls = usub.add_parser("list", help="the accounts and their roles")
    ls.set_defaults(handler=Handler("user", "_list"))
