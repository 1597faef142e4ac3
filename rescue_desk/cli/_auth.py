"""Who runs a headless command. While the station has no accounts, commands run as "cli" with every
permission (bootstrap rule, docs/roles.md). Once accounts exist, a command that needs a permission
asks for ``--as NAME`` (or $RESCUE_DESK_USER) and that account's password: from a prompt (getpass),
or with ``--password-stdin`` from the first line of standard input."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from rescue_desk.services import access, accounts
from rescue_desk.storage import Database

from . import CliError
from .parsers._options import USER_ENV

def read_password(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str:
    """One password: the next line of stdin with --password-stdin, else a hidden prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise CliError("expected a password on standard input")
        return line.rstrip("\r\n")
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat the password: ") != first:
            raise CliError("the two passwords differ")
    except EOFError:
        raise CliError("no password given") from None
    return first


def cli_principal(args: argparse.Namespace, db: Database, permission: str) -> access.Principal:
    """The authenticated principal allowed ``permission``; CliError otherwise."""
    if not accounts.has_accounts(db):
        return access.principal(db, "cli")
    name = getattr(args, "as_user", None) or os.environ.get(USER_ENV)
    if not name:
        raise CliError(f"this station has accounts: say who you are with --as NAME (or ${USER_ENV})")
    password = read_password(args, f"Password for {name}: ")
    try:
        accounts.authenticate(db, name, password)
    except accounts.AuthenticationFailed as exc:
        raise CliError(str(exc)) from None
    who = access.principal(db, name)
    try:
        access.require(who, permission)
    except access.PermissionDenied as exc:
        raise CliError(str(exc)) from None
    return who
