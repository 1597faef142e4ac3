"""``rescue-desk user add|passwd|disable|enable|list``: accounts of the station.

The first ``user add --role administrator`` switches role enforcement on (docs/roles.md); after that
these commands need an administrator: ``--as NAME`` and its password."""

from __future__ import annotations


from rescue_desk.domain import roles
from rescue_desk.services import accounts
from rescue_desk.services.errors import NotFound, StorageError, ValidationError

from . import CliError
from ._auth import cli_principal, read_password
from .common import open_db


def _run(args, work, create: bool = False) -> int:
    db = open_db(args, create=create)
    try:
        who = cli_principal(args, db, roles.MANAGE_ACCOUNTS)
        work(db, who.name)
    except (ValidationError, NotFound, StorageError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    return 0


def _add(args) -> int:
    def work(db, actor):
        password = read_password(args, f"Password for the new account {args.name}: ", confirm=True)
        account = accounts.add_user(db, actor, args.name, args.role, password, args.display_name)
        print(f"account {account.name} added ({account.role})")
    return _run(args, work, create=True)  # the first administrator of a new station


def _passwd(args) -> int:
    def work(db, actor):
        accounts.set_password(db, actor, args.name, read_password(args, f"New password for {args.name}: ",
                                                                  confirm=True))
        print(f"password of {args.name} changed")
    return _run(args, work)


def _disable(args) -> int:
    def work(db, actor):
        accounts.set_disabled(db, actor, args.name, True)
        print(f"account {args.name} disabled")
    return _run(args, work)


def _enable(args) -> int:
    def work(db, actor):
        accounts.set_disabled(db, actor, args.name, False)
        print(f"account {args.name} enabled")
    return _run(args, work)


def _list(args) -> int:
    db = open_db(args)
    try:
        users = accounts.list_users(db)
    finally:
        db.dispose()
    if not users:
        print("no accounts yet: everyone may do everything (add an administrator to switch roles on)")
        return 0
    for u in users:
        state = "disabled" if u.disabled else "enabled"
        print(f"{u.name:<20} {u.role:<14} {state:<9} {u.display_name}")
    return 0
