import io
import sys

import pytest

from rescue_desk.cli import run
from rescue_desk.services import accounts
from rescue_desk.storage import open_database


def _run(url, argv, stdin=""):
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return run(["--db", url, *argv])
    finally:
        sys.stdin = old


def test_first_admin_then_enforced(sqlite_url, capsys):
    assert _run(sqlite_url, ["user", "list"]) == 2  # reading a database that does not exist
    assert "no database at" in capsys.readouterr().err
    assert _run(sqlite_url, ["db", "upgrade"]) == 0
    assert _run(sqlite_url, ["user", "list"]) == 0
    assert "no accounts yet" in capsys.readouterr().out
    assert _run(sqlite_url, ["user", "add", "pasang", "--role", "duty_officer", "--password-stdin"],
                "duty-pass-1\n") == 2
    assert "first account must be an administrator" in capsys.readouterr().err
    assert _run(sqlite_url, ["user", "add", "admin", "--role", "administrator", "--password-stdin"],
                "admin-pass-1\n") == 0
    assert "account admin added" in capsys.readouterr().out
    # enforcement is on: no identity, wrong password, wrong role
    assert _run(sqlite_url, ["user", "add", "pasang", "--role", "duty_officer", "--password-stdin"],
                "duty-pass-1\n") == 2
    assert "--as NAME" in capsys.readouterr().err
    assert _run(sqlite_url, ["user", "add", "pasang", "--role", "duty_officer", "--as", "admin",
                             "--password-stdin"], "wrong-pass-1\nduty-pass-1\n") == 2
    assert "Wrong account name or password" in capsys.readouterr().err
    assert _run(sqlite_url, ["user", "add", "pasang", "--role", "duty_officer", "--as", "admin",
                             "--password-stdin", "--display-name", "巴桑"], "admin-pass-1\nduty-pass-1\n") == 0
    assert _run(sqlite_url, ["user", "disable", "admin", "--as", "pasang", "--password-stdin"],
                "duty-pass-1\n") == 2
    assert "manage_accounts" in capsys.readouterr().err
    capsys.readouterr()
    assert _run(sqlite_url, ["user", "list"]) == 0
    out = capsys.readouterr().out
    assert "pasang" in out and "duty_officer" in out and "巴桑" in out


def test_passwd_and_disable(sqlite_url, capsys):
    _run(sqlite_url, ["user", "add", "admin", "--role", "administrator", "--password-stdin"], "admin-pass-1\n")
    _run(sqlite_url, ["user", "add", "dawa", "--role", "trainer", "--as", "admin", "--password-stdin"],
         "admin-pass-1\ntrainer-pass\n")
    assert _run(sqlite_url, ["user", "passwd", "dawa", "--as", "admin", "--password-stdin"],
                "admin-pass-1\ntrainer-pass-2\n") == 0
    assert _run(sqlite_url, ["user", "disable", "dawa", "--as", "admin", "--password-stdin"], "admin-pass-1\n") == 0
    assert _run(sqlite_url, ["user", "disable", "admin", "--as", "admin", "--password-stdin"], "admin-pass-1\n") == 2
    assert "last enabled administrator" in capsys.readouterr().err
    db = open_database(sqlite_url)
    try:
        with pytest.raises(accounts.AuthenticationFailed):
            accounts.authenticate(db, "dawa", "trainer-pass-2")
        assert _run(sqlite_url, ["user", "enable", "dawa", "--as", "admin", "--password-stdin"], "admin-pass-1\n") == 0
        assert accounts.authenticate(db, "dawa", "trainer-pass-2").role == "trainer"
    finally:
        db.dispose()


def test_prompted_password_must_match(sqlite_url, capsys, monkeypatch):
    answers = iter(["admin-pass-1", "admin-pass-X"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert _run(sqlite_url, ["user", "add", "admin", "--role", "administrator"]) == 2
    assert "differ" in capsys.readouterr().err
    answers = iter(["admin-pass-1", "admin-pass-1"])
    assert _run(sqlite_url, ["user", "add", "admin", "--role", "administrator"]) == 0


def test_other_commands_refused_cleanly_once_accounts_exist(sqlite_url, tmp_path, capsys):
    _run(sqlite_url, ["user", "add", "admin", "--role", "administrator", "--password-stdin"], "admin-pass-1\n")
    book = tmp_path / "book.csv"
    book.write_text("received_at,description\n2019-06-11 09:00,卓玛拉\n", encoding="utf-8")
    assert _run(sqlite_url, ["import", str(book), "--quiet"]) == 2
    assert "say who you are with --as NAME" in capsys.readouterr().err
