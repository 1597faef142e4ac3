import hashlib

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from rescue_desk.services import accounts
from rescue_desk.services.accounts import AuthenticationFailed
from rescue_desk.services.errors import NotFound, ValidationError
from rescue_desk.storage.models import Event
from rescue_desk.storage.models_auth import UserPassword


def _scrypt_hash(password: str, n: int, r: int = 8, p: int = 1) -> str:
    """A hash as earlier versions wrote it."""
    salt = bytes(range(16))
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=128 * r * (n + p + 2) + 2**20,
                            dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def test_hash_is_salted_argon2id_carrying_its_parameters():
    a, b = accounts.hash_password("correct horse"), accounts.hash_password("correct horse")
    assert a != b  # per-hash salt
    assert a.startswith("$argon2id$v=19$m=") and ",t=" in a and ",p=" in a
    assert PasswordHasher().verify(a, "correct horse")  # a standard encoding any Argon2 library reads
    assert accounts.verify_password("correct horse", a)
    assert not accounts.verify_password("correct hors", a)
    assert not accounts.verify_password("x", "garbage")
    assert not accounts.verify_password("x", "$argon2id$v=19$m=zz")
    assert not accounts.verify_password("x", "scrypt$zz$8$1$00$00")
    assert not accounts.needs_rehash(a)


def test_old_scrypt_hashes_verify_whatever_their_parameters():
    for n in (2**10, 2**14, 2**16):  # 2**16 needs 64 MiB: the old fixed maxmem refused it
        stored = _scrypt_hash("old password", n)
        assert accounts.verify_password("old password", stored), n
        assert not accounts.verify_password("old passwort", stored)
        assert accounts.needs_rehash(stored)


def _stored_hash(db, name):
    from rescue_desk.storage.models_auth import User

    with db.read() as s:
        user = s.scalar(select(User).where(User.name == name))
        return s.get(UserPassword, user.id).password_hash


def _set_stored_hash(db, name, value):
    from rescue_desk.storage.models_auth import User

    with db.write(name, "account_own_password") as s:
        user = s.scalar(select(User).where(User.name == name))
        s.get(UserPassword, user.id).password_hash = value


def test_an_old_hash_is_upgraded_at_the_next_successful_login(any_db):
    accounts.add_user(any_db, "setup", "admin", "administrator", "s3cret-admin")
    _set_stored_hash(any_db, "admin", _scrypt_hash("s3cret-admin", 2**12))
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(any_db, "admin", "wrong-password")
    assert _stored_hash(any_db, "admin").startswith("scrypt$")  # a failed login changes nothing
    assert accounts.authenticate(any_db, "admin", "s3cret-admin").name == "admin"
    upgraded = _stored_hash(any_db, "admin")
    assert upgraded.startswith("$argon2id$") and not accounts.needs_rehash(upgraded)
    assert accounts.authenticate(any_db, "admin", "s3cret-admin").name == "admin"
    assert _stored_hash(any_db, "admin") == upgraded  # current parameters: left alone


def test_weaker_argon2_parameters_are_raised_at_the_next_login(any_db):
    accounts.add_user(any_db, "setup", "admin", "administrator", "s3cret-admin")
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("s3cret-admin")
    _set_stored_hash(any_db, "admin", weak)
    assert accounts.needs_rehash(weak)
    accounts.authenticate(any_db, "admin", "s3cret-admin")
    now = _stored_hash(any_db, "admin")
    assert now != weak and f"m={accounts.HASHER.memory_cost}," in now


def test_add_authenticate_passwd_disable(any_db):
    admin = accounts.add_user(any_db, "setup", "admin", "administrator", "s3cret-admin", "站长助理")
    assert admin.role == "administrator" and not admin.disabled
    accounts.add_user(any_db, "admin", "pasang", "duty_officer", "duty-pass-1")
    assert accounts.authenticate(any_db, "pasang", "duty-pass-1").role == "duty_officer"
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(any_db, "pasang", "wrong-pass-1")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(any_db, "nobody", "duty-pass-1")
    accounts.set_password(any_db, "admin", "pasang", "new-pass-22")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(any_db, "pasang", "duty-pass-1")
    assert accounts.authenticate(any_db, "pasang", "new-pass-22").name == "pasang"
    accounts.set_disabled(any_db, "admin", "pasang")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(any_db, "pasang", "new-pass-22")
    assert [(a.name, a.disabled) for a in accounts.list_users(any_db)] == [("admin", False), ("pasang", True)]


def test_rules(any_db):
    with pytest.raises(ValidationError, match="first account"):
        accounts.add_user(any_db, "setup", "pasang", "duty_officer", "duty-pass-1")
    accounts.add_user(any_db, "setup", "admin", "administrator", "s3cret-admin")
    with pytest.raises(ValidationError, match="already exists"):
        accounts.add_user(any_db, "admin", "admin", "trainer", "another-pass")
    with pytest.raises(ValidationError, match="at least"):
        accounts.add_user(any_db, "admin", "short", "trainer", "short")
    with pytest.raises(ValidationError, match="role"):
        accounts.add_user(any_db, "admin", "boss", "king", "long-enough")
    with pytest.raises(ValidationError, match="names"):
        accounts.add_user(any_db, "admin", "Bad Name", "trainer", "long-enough")
    with pytest.raises(ValidationError, match="last enabled administrator"):
        accounts.set_disabled(any_db, "admin", "admin")
    with pytest.raises(NotFound):
        accounts.set_password(any_db, "admin", "ghost", "long-enough")


def test_hash_never_in_event_log(any_db):
    accounts.add_user(any_db, "setup", "admin", "administrator", "s3cret-admin")
    accounts.set_password(any_db, "admin", "admin", "s3cret-admin-2")
    with any_db.read() as s:
        stored = s.scalar(select(UserPassword.password_hash))
        events = s.scalars(select(Event).order_by(Event.id)).all()
    assert [(e.entity, e.action, e.operation) for e in events] == [
        ("users", "create", "user_add"), ("users", "update", "user_passwd")]
    dumped = repr([(e.before, e.after) for e in events])
    assert stored.split("$")[-1] not in dumped and "scrypt" not in dumped


def test_own_password_change_for_any_role(any_db):
    accounts.add_user(any_db, "setup", "admin", "administrator", "s3cret-admin")
    accounts.add_user(any_db, "admin", "dawa", "trainer", "trainer-pass")
    with pytest.raises(AuthenticationFailed):
        accounts.change_own_password(any_db, "dawa", "wrong-old-pass", "trainer-pass-2")
    accounts.change_own_password(any_db, "dawa", "trainer-pass", "trainer-pass-2")
    assert accounts.authenticate(any_db, "dawa", "trainer-pass-2").role == "trainer"


def test_password_length_is_bounded(db, monkeypatch):
    with pytest.raises(ValidationError, match="at most 256"):
        accounts.add_user(db, "cli", "admin", "administrator", "x" * (1024 * 1024))
    accounts.add_user(db, "cli", "admin", "administrator", "p" * 256)
    assert accounts.authenticate(db, "admin", "p" * 256).name == "admin"
    hashed = []
    real = accounts.verify_password
    monkeypatch.setattr(accounts, "verify_password", lambda pw, stored: hashed.append(len(pw)) or real(pw, stored))
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(db, "admin", "p" * (1024 * 1024))
    assert hashed == []  # a megabyte password is refused without being hashed
