"""Access control in the service layer. The role → permission table is ``rescue_desk.domain.roles``
(documented in docs/roles.md). Writes are checked centrally: ``Database.write(actor, operation)``
consults ``rescue_desk.storage.policy.account_policy`` for every unit of work, so services need no
extra argument. Reads and exports call the helpers here:

- ``principal(db, name)`` → who is acting (role, permissions);
- ``require(principal, permission)`` → raises PermissionDenied;
- ``mask_person`` / ``mask_text`` → personal data hidden from roles without ``view_personal``
  (trainers);
- ``limit_reads(db, actor)`` → every ORM read through ``db`` is masked for such an actor (the app
  calls it with the signed-in account, so services that take no actor are covered too).

Bootstrap rule: while no account exists every principal holds every permission (fresh install, demo
station, tests behave as before accounts existed); the first ``rescue-desk user add --role
administrator`` switches enforcement on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import select

from rescue_desk.domain import roles
from rescue_desk.domain.replay.privacy import scrub_text
from rescue_desk.domain.roles import (EDIT_RECORDS, EDIT_STATION, EXPORT_RECORDS, MAINTAIN_DATABASE,  # noqa: F401
                                      MANAGE_ACCOUNTS, RUN_DRILLS, VIEW_AUDIT, VIEW_PERSONAL, VIEW_RECORDS)
from rescue_desk.storage import Database
from rescue_desk.storage.errors import PermissionDenied
from rescue_desk.storage.models_auth import User
from rescue_desk.storage.policy import accounts_exist

PERSONAL_FIELDS = ("caller_name", "caller_phone", "name", "phone", "document_no")
MASK = "***"


@dataclass(frozen=True)
class Principal:
    """Who is acting. ``bootstrap`` is True while the station has no accounts (everything allowed)."""

    name: str
    role: str | None
    permissions: frozenset[str]
    bootstrap: bool = False

    def can(self, permission: str) -> bool:
        return permission in self.permissions


ALL_PERMISSIONS = frozenset().union(*roles.PERMISSIONS.values())
NOBODY = frozenset()


def principal(db: Database, name: str) -> Principal:
    """The principal for account ``name``: its role's permissions, none for unknown or disabled
    accounts, all of them while the station has no accounts at all."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            if not accounts_exist(s):
                return Principal(name, None, ALL_PERMISSIONS, bootstrap=True)
            return Principal(name, None, NOBODY)
    if user.disabled:
        return Principal(name, user.role, NOBODY)
    return Principal(name, user.role, roles.PERMISSIONS.get(user.role, NOBODY))


def require(who: Principal, permission: str) -> None:
    """Raise PermissionDenied (one sentence) unless ``who`` holds ``permission``."""
    if not who.can(permission):
        role = who.role or "no account"
        raise PermissionDenied(f"'{who.name}' ({role}) may not do this: it needs the permission {permission}.")


def check(db: Database, actor: str, permission: str) -> Principal:
    """``require(principal(db, actor), permission)``; returns the principal for further masking."""
    who = principal(db, actor)
    require(who, permission)
    return who


def mask_text(text: str, names=()) -> str:
    """Free text with phone, ID and passport numbers (and the given names) masked."""
    return scrub_text(text or "", names)


def mask_person(who: Principal, record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``record`` (a dict of a call, person or export row) fit for ``who``: without
    ``view_personal`` the personal fields become *** and numbers in free text are hidden."""
    out = dict(record)
    if who.can(VIEW_PERSONAL):
        return out
    names = [out[key] for key in PERSONAL_FIELDS if isinstance(out.get(key), str) and out[key]]
    for key in PERSONAL_FIELDS:
        if out.get(key):
            out[key] = MASK
    for key in ("text", "notes", "note", "condition"):
        if isinstance(out.get(key), str):
            out[key] = mask_text(out[key], names)
    return out


def limit_reads(db: Database, actor: str) -> None:
    """Make every later read through ``db`` hide personal data unless ``actor`` may see it
    (storage/privacy.py masks Call, Person, CheckIn and Incident objects as they load)."""
    db.viewer = actor


def mask_event_values(who: Principal, values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Before/after values of an audit entry, masked like ``mask_person``."""
    return None if values is None else mask_person(who, values)


__all__ = ["Principal", "PermissionDenied", "principal", "require", "check", "mask_person", "mask_text",
           "mask_event_values", "limit_reads", "PERSONAL_FIELDS"]
