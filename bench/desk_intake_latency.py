"""Intake latency: from the officer's last keystroke to the locator's estimate and corridor on the
map (debounce included), on the real window, for descriptions from the shared dev calls.

    .venv/bin/python bench/desk_intake_latency.py [N]      (default 40 descriptions)

Target (issue 4): within 300 ms. Prints median, p90 and max."""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
CALLS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "calls" / "dev.jsonl"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    texts = [json.loads(line)["text"] for line in CALLS.read_text(encoding="utf-8").splitlines() if line.strip()][:n]
    home = tempfile.mkdtemp(prefix="rd-bench-")
    os.environ["RESCUE_DESK_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from rescue_desk.ui import create_main_window

    app = QApplication(sys.argv)
    w = create_main_window(f"sqlite:///{home}/s.sqlite3", lang="zh", features=("desk",))
    w.show()
    intake = w.desk.intake
    shown: list[float] = []
    intake.estimateShown.connect(lambda: shown.append(time.perf_counter()))
    lat = []
    for text in texts:
        intake.clear_form()
        app.processEvents()
        shown.clear()
        intake.text.insertPlainText(text)
        t0 = time.perf_counter()
        deadline = t0 + 5
        while not shown and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        if shown:
            app.processEvents()  # the paint of the new estimate
            lat.append((time.perf_counter() - t0) * 1000)
        else:
            print(f"no estimate within 5 s: {text[:60]!r}")
    w.close()
    lat.sort()
    print(f"{len(lat)} descriptions: keystroke -> estimate on map median {statistics.median(lat):.0f} ms, "
          f"p90 {lat[int(0.9 * (len(lat) - 1))]:.0f} ms, max {lat[-1]:.0f} ms (debounce 150 ms included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
