"""Who runs a headless command. While the station has no accounts, commands run as "cli" with every
permission (bootstrap rule, docs/roles.md). Once accounts exist, every command acts as the account
named by ``--as NAME`` (or $RESCUE_DESK_USER), signed in with its password: $RESCUE_DESK_PASSWORD
when set (scripts), else with ``--password-stdin`` the first line of standard input, else a hidden
prompt. A command that writes needs the account's permission; a command that reads shows personal
data only to an account allowed to see it (without a sign-in, it is masked)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from rescue_desk.services import access, accounts
from rescue_desk.storage import Database

from . import CliError
from .parsers._options import PASSWORD_ENV, USER_ENV

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


def signed_in_name(args: argparse.Namespace) -> str | None:
    return getattr(args, "as_user", None) or os.environ.get(USER_ENV) or None


def _sign_in(args: argparse.Namespace, db: Database, name: str) -> access.Principal:
    """Authenticate ``name`` once per command (the principal is kept on ``args``)."""
    cached = getattr(args, "_principal", None)
    if cached is not None and cached.name == name:
        return cached
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = read_password(args, f"Password for {name}: ")
    try:
        accounts.authenticate(db, name, password)
    except accounts.AuthenticationFailed as exc:
        raise CliError(str(exc)) from None
    who = access.principal(db, name)
    args._principal = who
    return who


def cli_principal(args: argparse.Namespace, db: Database, permission: str) -> access.Principal:
    """The authenticated principal allowed ``permission``; CliError otherwise."""
    if not accounts.has_accounts(db):
        return access.principal(db, "cli")
    name = signed_in_name(args)
    if not name:
        raise CliError(f"this station has accounts: say who you are with --as NAME (or ${USER_ENV})")
    who = _sign_in(args, db, name)
    try:
        access.require(who, permission)
    except access.PermissionDenied as exc:
        raise CliError(str(exc)) from None
    return who


def cli_actor(args: argparse.Namespace, db: Database, permission: str) -> str:
    """The name a writing command records in the event log: the signed-in account allowed
    ``permission`` ("cli" while the station has no accounts)."""
    return cli_principal(args, db, permission).name


def set_viewer(args: argparse.Namespace, db: Database) -> None:
    """Make every read through ``db`` masked unless the signed-in account may see personal data.
    While the station has no accounts nothing is masked (bootstrap rule); once accounts exist, a
    command run without ``--as`` reads with personal data hidden."""
    if not accounts.has_accounts(db):
        return
    name = signed_in_name(args)
    if name:
        _sign_in(args, db, name)
        db.viewer = name
    else:
        db.viewer = ""  # nobody: masked
