import json
import os
import signal
import subprocess
import sys
import time

from rescue_desk.services.drafts import DraftStore, default_draft_path


def test_save_load_clear_roundtrip(tmp_path):
    store = DraftStore(tmp_path / "d" / "intake.json", owner="sqlite:///a")
    assert store.load() is None
    store.save({"text": "在色雄附近，有人高反", "party_size": 2})
    assert store.load() == {"text": "在色雄附近，有人高反", "party_size": 2}
    assert store.saved_at() is not None
    store.save({"text": "second"})
    assert store.load() == {"text": "second"}
    assert [p.name for p in store.path.parent.iterdir()] == ["intake.json"]
    store.clear()
    assert store.load() is None and not store.path.exists()
    store.clear()


def test_other_station_and_broken_files_are_not_offered(tmp_path):
    path = tmp_path / "intake.json"
    DraftStore(path, owner="sqlite:///a").save({"text": "x"})
    assert DraftStore(path, owner="sqlite:///b").load() is None
    path.write_text("{not json", encoding="utf-8")
    assert DraftStore(path).load() is None
    path.write_text(json.dumps({"fields": []}), encoding="utf-8")
    assert DraftStore(path).load() is None


def test_default_path_is_in_the_data_folder(tmp_path):
    assert str(default_draft_path()).startswith(os.environ["RESCUE_DESK_HOME"])


WRITER = r"""
import sys
from rescue_desk.services.drafts import DraftStore
store = DraftStore(sys.argv[1])
i = 0
while True:
    i += 1
    store.save({"text": "x" * 20000 + str(i), "n": i})
    if i == 5:
        print("ready", flush=True)
"""


def test_a_draft_survives_sigkill_mid_writing(tmp_path):
    """Kill a process that rewrites the draft in a tight loop: the file is always whole."""
    path = tmp_path / "intake.json"
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        fields = DraftStore(path).load()
        assert fields is not None and fields["n"] >= 5
        assert fields["text"].startswith("x" * 20000)
