"""An unexpected exception is one sentence naming the log file (exit 1), with the traceback in the log;
a reader that closes the pipe early ends the command quietly."""

import subprocess
import sys

from rescue_desk.cli import run
from rescue_desk.paths import log_file


def test_an_unexpected_exception_is_one_sentence_and_logged(tmp_path, capsys, monkeypatch):
    def broken(args):
        raise ZeroDivisionError("division by zero in the report")

    monkeypatch.setattr("rescue_desk.cli.incidents._incidents", broken)
    assert run(["incidents"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "unexpected error (ZeroDivisionError: division by zero in the report)" in err
    assert str(log_file()) in err
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "def broken" not in err and "in broken" in logged


def test_a_closed_pipe_is_quiet(tmp_path):
    db = tmp_path / "x.sqlite3"
    env_run = [sys.executable, "-m", "rescue_desk", "--db", str(db)]
    assert subprocess.run([*env_run, "demo", "--years", "1"], capture_output=True, timeout=300).returncode == 0
    code = (f"import subprocess, sys; p = subprocess.Popen({env_run + ['incidents', '--json']!r}, "
            "stdout=subprocess.PIPE, stderr=subprocess.PIPE); p.stdout.readline(); p.stdout.close(); "
            "err = p.stderr.read().decode(); print(p.wait()); print(repr(err))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300).stdout.split("\n")
    assert out[0] == "0" and out[1] == "''", out
