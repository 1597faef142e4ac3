"""Accounts: add, change password, disable, authenticate, list. Passwords are hashed with Argon2id
(argon2-cffi, memory-hard, per-hash random salt); each hash carries its parameters, so they can be
raised later without breaking old accounts: a hash made with older parameters (or an scrypt hash from
earlier versions) is verified as it is and replaced at the next successful login. Each change is one
named operation in the event log (the hash itself is never logged)."""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import inspect, select
from sqlalchemy.exc import DBAPIError

from rescue_desk.domain import roles
from rescue_desk.domain.clock import utc_now
from rescue_desk.storage import Database
from rescue_desk.storage.models_auth import User, UserPassword
from rescue_desk.storage.policy import accounts_exist

from .errors import NotFound, ValidationError

HASHER = PasswordHasher()  # Argon2id with the library's defaults (RFC 9106 low-memory profile: 64 MiB, t=3)
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


def hash_password(password: str, hasher: PasswordHasher = HASHER) -> str:
    """``$argon2id$v=19$m=…,t=…,p=…$salt$hash`` for ``password`` with a fresh salt."""
    return hasher.hash(password)


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (Argon2 or an older scrypt hash); malformed hashes fail."""
    if stored.startswith("$argon2"):
        try:
            return HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    if stored.startswith("scrypt$"):
        return _verify_scrypt(password, stored)
    return False


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made by another scheme or with other parameters than ``HASHER``'s."""
    if not stored.startswith("$argon2"):
        return True
    try:
        return HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def _verify_scrypt(password: str, stored: str) -> bool:
    """``scrypt$n$r$p$salt_hex$hash_hex`` as written by earlier versions."""
    try:
        _kind, n, r, p, salt, digest = stored.split("$")
        n, r, p = int(n), int(r), int(p)
        expected = bytes.fromhex(digest)
        # scrypt needs 128·r·(n + p + 2) bytes; leave room rather than refuse a valid old hash.
        maxmem = 128 * r * (n + p + 2) + 2**20
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=n, r=r, p=p,
                             maxmem=maxmem, dklen=len(expected))
    except (ValueError, TypeError, MemoryError):
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
    if needs_rehash(stored):
        _rehash(db, user.name, stored, hash_password(password))
    return _account(user)


def _rehash(db: Database, name: str, old_hash: str, new_hash: str) -> None:
    """Replace a hash made with older parameters, unless the password changed meanwhile."""
    with db.write(name, "account_password_rehash") as s:
        user = _user(s, name)
        row = s.get(UserPassword, user.id)
        if row.password_hash == old_hash:
            row.password_hash = new_hash


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
