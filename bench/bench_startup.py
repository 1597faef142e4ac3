"""Start-up benchmark (run on demand, not part of pytest): each figure is a ratio of two commands timed
in fresh processes in the same run, interleaved, median of --runs.

1. ``rescue-desk --version`` against ``python -c pass``                       (target ≤ 6×)
2. one ``rescue-desk locate "…"`` against ``python -c "import numpy, shapely, pyproj"`` (target ≤ 2.5×)
   — with no station database (the shipped landmarks) and with a demo station database
3. the desktop app's first paint (``rescue-desk`` on a demo station, from the process start until the
   moment the window's map view, still
   empty while the station loads, has painted) against a bare PySide6 window holding an empty
   QGraphicsView                                                            (target ≤ 3×)
   — and, for information, until the station's map has painted (everything loaded)

    .venv/bin/python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALL = "2 km past Dirapuk towards Dolma La, my friend cannot walk"

PAINT_WATCH = r'''
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsView
app = QApplication.instance() or QApplication(sys.argv)
WANTED = sys.argv[1] if len(sys.argv) > 1 else ""  # a view's object name, or any view
class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, ev):
        if not self.done and ev.type() == QEvent.Type.Paint and isinstance(obj.parent(), QGraphicsView) \
                and obj.parent().objectName().startswith(WANTED):
            self.done = True
            print("PAINTED", time.time(), flush=True)  # the moment counts: what runs after it does not
            QTimer.singleShot(0, QApplication.instance().quit)
        return False
watch = FirstPaint()
app.installEventFilter(watch)
'''
APP = PAINT_WATCH + r'''
from rescue_desk.__main__ import main
main(["--lang", "zh"])
'''
BARE = PAINT_WATCH + r'''
from PySide6.QtWidgets import QGraphicsScene, QMainWindow
w = QMainWindow()
w.setCentralWidget(QGraphicsView(QGraphicsScene()))
w.resize(1280, 820)
w.show()
app.exec()
'''


def seconds(argv: list[str], env: dict, marker: str | None = None) -> float:
    """Until the process ends, or with ``marker``, until the wall-clock time it printed after the marker."""
    started, t0 = time.time(), time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300, cwd=env["RD_BENCH_CWD"])
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0 or (marker and marker not in proc.stdout):
        raise RuntimeError(f"{argv[:4]} failed ({proc.returncode}):\n{proc.stdout[-800:]}\n{proc.stderr[-2000:]}")
    if marker:
        line = next(ln for ln in proc.stdout.splitlines() if ln.startswith(marker))
        return float(line.split()[1]) - started
    return elapsed


def compare(name: str, ours: list[str], base: list[str], env: dict, runs: int, target: float | None,
            marker: str | None = None) -> float:
    seconds(ours, env, marker), seconds(base, env, marker)  # warm the disk cache
    a, b = [], []
    for _ in range(runs):
        b.append(seconds(base, env, marker))
        a.append(seconds(ours, env, marker))
    ratio = statistics.median(a) / statistics.median(b)
    verdict = "" if target is None else f" (target ≤ {target}×: {'OK' if ratio <= target else 'MISSED'})"
    print(f"{name}: {statistics.median(a) * 1000:.0f} ms vs {statistics.median(b) * 1000:.0f} ms → "
          f"{ratio:.2f}×{verdict}", flush=True)
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-app", action="store_true", help="only the command-line figures")
    args = parser.parse_args(argv)
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="rd-bench-startup-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("RESCUE_DESK_DB", "PYTHONDONTWRITEBYTECODE")}
        # Bytecode is cached (in the temporary folder, by the warm-up runs) as an installed program's is:
        # without it every run would time compiling the project's sources.
        env.update(RESCUE_DESK_HOME=str(Path(tmp) / "home"), QT_QPA_PLATFORM="offscreen", RD_BENCH_CWD=tmp,
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        ok = compare("rescue-desk --version", [py, "-m", "rescue_desk", "--version"], [py, "-c", "pass"],
                     env, args.runs, 6) <= 6
        base = [py, "-c", "import numpy, shapely, pyproj"]
        ok &= compare("rescue-desk locate (no station database)", [py, "-m", "rescue_desk", "locate", CALL], base,
                      env, args.runs, 2.5) <= 2.5
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([py, "-m", "rescue_desk", "--db", str(db), "demo", "--years", "1"], env=env, check=True,
                       capture_output=True, cwd=tmp, timeout=900)
        compare("rescue-desk locate (demo station database, empty sand table)", [py, "-m", "rescue_desk", "--db",
                str(db), "locate", CALL], base, env, args.runs, 2.5)
        edited = Path(tmp) / "edited.sqlite3"
        shutil.copy(db, edited)
        add_alias = ("import sys\nfrom rescue_desk.services import station\nfrom rescue_desk.storage import open_database\n"
                     "db = open_database('sqlite:///' + sys.argv[1])\n"
                     "station.add_alias(db, 'bench', 'gaize_teahouse', 'second tea tent', lang='en')\ndb.dispose()\n")
        subprocess.run([py, "-c", add_alias, str(edited)], env=env, check=True, capture_output=True, cwd=tmp,
                       timeout=300)
        compare("rescue-desk locate (station database with a sand-table alias; information)",
                [py, "-m", "rescue_desk", "--db", str(edited), "locate", CALL], base, env, args.runs, None)
        if not args.skip_app:
            env["RESCUE_DESK_DB"] = str(db)
            ok &= compare("app first paint (demo station) vs bare window + empty QGraphicsView",
                          [py, "-c", APP], [py, "-c", BARE], env, args.runs, 3, marker="PAINTED") <= 3
            compare("app ready: the station's map painted (information)", [py, "-c", APP, "mapView"],
                    [py, "-c", BARE], env, args.runs, None, marker="PAINTED")
        print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
