"""What an unlucky user does at the command line: the same file as input and output, /dev/zero or
/dev/full as a file, a backup into a folder that does not exist, a handover whose PDF cannot be
written, Ctrl-C in the middle of a batch, year 0, the demo without --db, a CSV piped on."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from rescue_desk.cli import run
from rescue_desk.paths import default_url
from rescue_desk.services.export_files import write_export_text

CALLS = "".join(json.dumps({"id": f"c{i}", "text": f"过了色雄{i}公里"}, ensure_ascii=False) + "\n" for i in range(1, 4))
HAS_DEV_FULL = Path("/dev/full").exists()


@pytest.fixture
def demo_url(demo_db_file, tmp_path):
    import shutil

    path = tmp_path / "station.sqlite3"
    shutil.copy(demo_db_file, path)
    return f"sqlite:///{path}"


def test_the_input_file_given_as_the_output_is_refused_and_kept(tmp_path, capsys):
    calls = tmp_path / "calls.jsonl"
    calls.write_text(CALLS, encoding="utf-8")
    assert run(["locate", "--batch", str(calls), "--out", str(calls)]) == 2
    assert "input file" in capsys.readouterr().err and calls.read_text(encoding="utf-8") == CALLS
    link = tmp_path / "same.jsonl"
    link.symlink_to(calls)
    assert run(["eta", "--batch", str(calls), "--out", str(link)]) == 2
    assert calls.read_text(encoding="utf-8") == CALLS


def test_a_device_as_the_batch_input_is_refused_at_once(capsys):
    assert run(["locate", "--batch", "/dev/zero"]) == 2
    assert "device" in capsys.readouterr().err


def test_an_interrupted_batch_leaves_the_earlier_output_as_it_was(tmp_path, monkeypatch):
    calls, out = tmp_path / "calls.jsonl", tmp_path / "answers.jsonl"
    calls.write_text(CALLS, encoding="utf-8")
    out.write_text("earlier answers\n", encoding="utf-8")
    import rescue_desk.cli.locate as locator
    real, seen = locator.locate, []

    def interrupted(*a, **kw):
        seen.append(1)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(*a, **kw)

    monkeypatch.setattr(locator, "locate", interrupted)
    assert run(["locate", "--batch", str(calls), "--out", str(out)]) == 130  # Ctrl-C
    assert len(seen) == 2, "the batch did not reach the second call"
    assert out.read_text(encoding="utf-8") == "earlier answers\n" and not list(tmp_path.glob(".*part"))


def test_a_new_export_is_readable_by_others_as_the_umask_says(tmp_path):
    old = os.umask(0o022)
    try:
        written = write_export_text(tmp_path / "report.csv", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o644


def test_backup_into_a_missing_folder_or_onto_a_device_is_refused(db, tmp_path, capsys):
    url = str(db.engine.url)
    assert run(["--db", url, "db", "backup", str(tmp_path / "nowhere" / "b.sqlite3")]) == 2
    assert "does not exist" in capsys.readouterr().err and not (tmp_path / "nowhere").exists()
    assert run(["--db", url, "db", "backup", "/dev/null"]) == 2
    assert "not a regular file" in capsys.readouterr().err and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert run(["--db", url, "db", "backup", str(tmp_path / "b.sqlite3")]) == 0


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full")
def test_a_pdf_to_a_full_disk_is_an_error_not_a_success(demo_url, capsys):
    pytest.importorskip("PySide6")  # the PDF is drawn with Qt
    incident = _an_incident(demo_url, capsys)
    assert run(["--db", demo_url, "print", str(incident), "--pdf", "/dev/full"]) == 2
    assert "No space left" in capsys.readouterr().err


def test_a_handover_whose_pdf_cannot_be_written_is_not_recorded(demo_url, tmp_path, capsys):
    pytest.importorskip("PySide6")  # the PDF is drawn with Qt
    from rescue_desk.storage import open_database
    from rescue_desk.storage.models import Event
    from sqlalchemy import func, select

    def events():
        db = open_database(demo_url)
        try:
            with db.engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(Event)).scalar()
        finally:
            db.dispose()

    before = events()
    assert run(["--db", demo_url, "handover", "--notes", "注意", "--pdf", str(tmp_path / "no" / "x.pdf")]) == 2
    assert "cannot write" in capsys.readouterr().err and events() == before
    assert run(["--db", demo_url, "handover", "--notes", "注意", "--pdf", str(tmp_path / "x.pdf")]) == 0
    assert events() == before + 1


def test_year_zero_is_refused_not_read_as_last_year(demo_url, capsys):
    assert run(["--db", demo_url, "report", "--year", "0"]) == 2
    assert "calendar year" in capsys.readouterr().err


def test_a_csv_to_dev_stdout_reaches_a_pipe(demo_url):
    proc = subprocess.run(f"{sys.executable} -m rescue_desk --db {demo_url} report --year 2025 --csv /dev/stdout | head -1",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert proc.stdout.lstrip("\ufeff").startswith("id,received_at"), proc.stderr


def test_the_demo_without_db_never_fills_the_station_database(tmp_path, capsys):
    assert run(["demo", "--years", "1", "--end-year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "demo-station.sqlite3" in out
    assert Path(default_url(demo=True).removeprefix("sqlite:///")).exists()
    assert not Path(default_url().removeprefix("sqlite:///")).exists()


def test_the_demo_counts_the_rescued_as_the_report_does(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    assert run(["--db", url, "demo", "--years", "1", "--end-year", "2025"]) == 0
    said = int(capsys.readouterr().out.rsplit("2025 ", 1)[1].split()[0].rstrip(","))
    assert run(["--db", url, "report", "--year", "2025", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert said == report["persons_rescued"]


def _an_incident(url, capsys):
    assert run(["--db", url, "incidents", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = data if isinstance(data, list) else data["incidents"]
    return rows[0]["id"]
