"""A demo generation killed with SIGKILL is generated again whole, never doubled."""

import signal
import sqlite3
import subprocess
import sys

from rescue_desk.cli import run


def _count(path, table):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_demo_after_sigkill_does_not_double(tmp_path, capsys):
    path = tmp_path / "station.sqlite3"
    # 30 seasons take many seconds now that one takes a fraction: the kill lands well before the end
    proc = subprocess.Popen([sys.executable, "-m", "rescue_desk", "--db", str(path), "demo", "--years", "30"],
                            stderr=subprocess.PIPE, text=True)
    first_year = proc.stderr.readline()  # one season committed, the next being written
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert first_year.startswith("demo ")
    assert _count(path, "officers") > 0
    assert run(["--db", str(path), "demo", "--years", "1"]) == 0
    assert "interrupted demo generation" in capsys.readouterr().err
    officers = _count(path, "officers")
    assert run(["--db", str(path), "demo", "--years", "1"]) == 2
    assert _count(path, "officers") == officers and _count(path, "meta WHERE key = 'demo_pending'") == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(DISTINCT name) = count(*) FROM officers").fetchone()[0] == 1
    conn.close()
