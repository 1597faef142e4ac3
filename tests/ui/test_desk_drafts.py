"""The intake draft survives a crash: written on each edit, offered back on the next start,
removed when the call is saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from rescue_desk.services.drafts import default_draft_path

from desk_helpers import save_call, click, open_desk, wait_located, delete_closed_windows  # noqa: F401

WORDS = "过了曲古寺大概一公里，我妈妈喘不上气"


def test_draft_is_offered_back_and_removed_on_save(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url)
    intake = w.desk.intake
    intake.caller_name.setText("李女士")
    intake.text.insertPlainText(WORDS)
    qtbot.waitUntil(lambda: (intake.drafts.load() or {}).get("text") == WORDS, timeout=10000)
    assert intake.drafts.path == default_draft_path("intake")
    w.close()

    w2 = open_desk(qtbot, sqlite_url)
    intake2 = w2.desk.intake
    assert intake2.draft_banner.isVisible() and WORDS[:10] in intake2.draft_label.text()
    assert intake2.text.toPlainText() == ""
    click(qtbot, w2, "restoreDraft")
    assert intake2.text.toPlainText() == WORDS and intake2.caller_name.text() == "李女士"
    wait_located(qtbot, intake2)
    save_call(qtbot, w2)
    qtbot.waitUntil(lambda: "#" in intake2.message.text(), timeout=10000)
    assert not intake2.drafts.path.exists()


def test_discarded_draft_is_gone(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url)
    w.desk.intake.text.insertPlainText("test")
    qtbot.waitUntil(lambda: w.desk.intake.drafts.load() is not None, timeout=10000)
    w.close()
    w2 = open_desk(qtbot, sqlite_url)
    click(qtbot, w2, "discardDraft")
    assert not w2.desk.intake.draft_banner.isVisible() and w2.desk.intake.drafts.load() is None


def test_draft_survives_kill_9(qtbot, sqlite_url, tmp_path):
    from desk_helpers import seed_station

    seed_station(sqlite_url)
    script = Path(__file__).with_name("desk_draft_typist.py")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(script), sqlite_url, WORDS], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env)
    try:
        line = proc.stdout.readline()
        assert line.strip() == b"ready", "the typist never saw its draft on disk"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    w = open_desk(qtbot, sqlite_url)
    intake = w.desk.intake
    assert intake.draft_banner.isVisible()
    click(qtbot, w, "restoreDraft")
    assert intake.text.toPlainText() == WORDS
    assert intake.caller_phone.text() == "13900001111" and intake.party.value() == 3
