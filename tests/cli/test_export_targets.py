"""Exports write in place to pipes and devices, through symbolic links, and refuse read-only files."""

import os
import stat
import threading

import pytest

from rescue_desk.cli import run
from rescue_desk.services.export_files import ExportRefused, write_export_text


def test_fifo_receives_the_export_and_stays_a_fifo(db, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    assert run(["--db", str(db.engine.url.database), "station", "export", str(fifo)]) == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and '"FeatureCollection"' in received[0]


def test_device_written_in_place(tmp_path):
    write_export_text("/dev/null", "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_symlink_kept_and_its_file_replaced(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_export_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_read_only_target_refused(db, tmp_path, capsys):
    target = tmp_path / "report.csv"
    target.write_text("keep me")
    target.chmod(0o444)
    with pytest.raises(ExportRefused, match="read-only"):
        write_export_text(target, "new")
    assert run(["--db", str(db.engine.url.database), "report", "--year", "2025", "--csv", str(target)]) == 2
    assert "read-only" in capsys.readouterr().err and target.read_text() == "keep me"


def test_existing_regular_file_replaced_whole(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    write_export_text(target, "new")
    assert target.read_text() == "new" and not list(tmp_path.glob(".*part"))
