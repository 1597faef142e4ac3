"""Accounts: add, change password, disable, authenticate, list. Passwords are hashed with scrypt
(memory-hard) with a per-account random salt; the parameters are stored with the hash so they can be
raised later without breaking old accounts. Each change is one named operation in the event log
(the hash itself is never logged)."""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import inspect, select
from sqlalchemy.exc import DBAPIError

from rescue_desk.domain import roles
from rescue_desk.domain.clock import utc_now
from rescue_desk.storage import Database
from rescue_desk.storage.models_auth import User, UserPassword
from rescue_desk.storage.policy import accounts_exist

from .errors import NotFound, ValidationError

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # 16 MiB per hash, ~50 ms
MIN_PASSWORD = 8
MAX_PASSWORD = 256  # longer is no stronger, and hashing megabytes on every sign-in is a denial of service
NAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")


class AuthenticationFailed(Exception):
    """Wrong name or password, or a disabled account (one message for all, on purpose)."""


@dataclass(frozen=True)
class Account:
    name: str
    display_name: str
    role: str
    disabled: bool
    created_at: datetime
    changed_at: datetime


def hash_password(password: str, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """``scrypt$n$r$p$salt$hash`` (hex) for ``password`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; compares in constant time; malformed hashes fail."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=2**26, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"The password needs at least {MIN_PASSWORD} characters.", "password")
    if len(password) > MAX_PASSWORD:
        raise ValidationError(f"The password may have at most {MAX_PASSWORD} characters.", "password")
    if password.strip() != password or "\n" in password:
        raise ValidationError("The password must not begin or end with spaces or contain line breaks.", "password")


def _account(u: User) -> Account:
    return Account(u.name, u.display_name, u.role, u.disabled, u.created_at, u.changed_at)


def add_user(db: Database, actor: str, name: str, role: str, password: str, display_name: str = "") -> Account:
    """Create an account. The very first account must be an administrator (it switches enforcement on)."""
    if not NAME_RE.match(name):
        raise ValidationError("Account names are 2–40 lowercase letters, digits, '.', '_' or '-', "
                              "starting with a letter.", "name")
    if role not in roles.ROLES:
        raise ValidationError(f"Unknown role {role!r}; choose one of {', '.join(roles.ROLES)}.", "role")
    _check_password(password)
    hashed = hash_password(password)  # slow part outside the transaction
    with db.write(actor, "user_add") as s:
        if not accounts_exist(s) and role != "administrator":
            raise ValidationError("The first account must be an administrator.", "role")
        if s.scalar(select(User.id).where(User.name == name)) is not None:
            raise ValidationError(f"The account '{name}' already exists.", "name")
        now = utc_now()
        user = User(name=name, display_name=display_name, role=role, disabled=False, created_at=now, changed_at=now)
        s.add(user)
        s.flush()
        s.add(UserPassword(user_id=user.id, password_hash=hashed))
        s.flush()
        return _account(user)


def _user(s, name: str) -> User:
    user = s.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(f"There is no account '{name}'.")
    return user


def set_password(db: Database, actor: str, name: str, password: str) -> None:
    """Replace the password of ``name`` (administrators for anyone; see change_own_password)."""
    _check_password(password)
    hashed = hash_password(password)
    with db.write(actor, "user_passwd") as s:
        user = _user(s, name)
        s.get(UserPassword, user.id).password_hash = hashed
        user.changed_at = utc_now()


def change_own_password(db: Database, name: str, old_password: str, new_password: str) -> None:
    """Any enabled account may change its own password, given the current one."""
    authenticate(db, name, old_password)
    _check_password(new_password)
    hashed = hash_password(new_password)
    with db.write(name, "account_own_password") as s:
        user = _user(s, name)
        s.get(UserPassword, user.id).password_hash = hashed
        user.changed_at = utc_now()


def set_disabled(db: Database, actor: str, name: str, disabled: bool = True) -> None:
    """Disable (or enable again) an account. The last enabled administrator cannot be disabled."""
    with db.write(actor, "user_disable" if disabled else "user_enable") as s:
        user = _user(s, name)
        if disabled and user.role == "administrator" and not user.disabled:
            admins = s.scalars(select(User).where(User.role == "administrator", User.disabled.is_(False))).all()
            if len(admins) <= 1:
                raise ValidationError("This is the last enabled administrator; add another one first.", "name")
        user.disabled = disabled
        user.changed_at = utc_now()


def authenticate(db: Database, name: str, password: str) -> Account:
    """The account for ``name`` if ``password`` is right and the account is enabled, else
    AuthenticationFailed. A hash is computed even for unknown names, so timing tells nothing."""
    with db.read() as s:
        user = s.scalar(select(User).where(User.name == name))
        stored = s.get(UserPassword, user.id).password_hash if user is not None else None
    # An over-long password cannot be right (none longer was ever accepted): not hashed at all.
    ok = len(password) <= MAX_PASSWORD and verify_password(password, stored or _dummy_hash())
    if user is None or not ok or user.disabled:
        raise AuthenticationFailed("Wrong account name or password, or the account is disabled.")
    return _account(user)


def list_users(db: Database) -> list[Account]:
    with db.read() as s:
        return [_account(u) for u in s.scalars(select(User).order_by(User.name))]


def has_accounts(db: Database) -> bool:
    """True once accounts exist: the app then asks for a login and the write policy is enforced.
    A database from before accounts (no users table yet) has none."""
    try:
        with db.read() as s:
            return accounts_exist(s)
    except DBAPIError:
        if inspect(db.engine).has_table("users"):
            raise
        return False


def get_account(db: Database, name: str) -> Account | None:
    with db.read() as s:
        user = s.scalar(select(User).where(User.name == name))
        return _account(user) if user is not None else None


@functools.cache
def _dummy_hash() -> str:
    return hash_password("not-a-real-password")
