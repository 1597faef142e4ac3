import hashlib

import pytest
from sqlalchemy import select

from rescue_desk.services import accounts
from rescue_desk.services.accounts import AuthenticationFailed
from rescue_desk.services.errors import NotFound, ValidationError
from rescue_desk.storage.models import Event
from rescue_desk.storage.models_auth import UserPassword


def test_hash_is_salted_scrypt_with_its_parameters():
    a, b = accounts.hash_password("correct horse"), accounts.hash_password("correct horse")
    assert a != b  # per-account salt
    kind, n, r, p, salt, digest = a.split("$")
    assert kind == "scrypt" and int(n) >= 2**14
    again = hashlib.scrypt(b"correct horse", salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                           maxmem=2**26, dklen=32)
    assert again.hex() == digest
    assert accounts.verify_password("correct horse", a)
    assert not accounts.verify_password("correct hors", a)
    assert not accounts.verify_password("x", "garbage")
    assert not accounts.verify_password("x", "scrypt$zz$8$1$00$00")


def test_old_parameters_still_verify():
    stored = accounts.hash_password("old password", n=2**10, r=4, p=1)
    assert accounts.verify_password("old password", stored)


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
