"""UI benchmark (run on demand, not part of pytest):

1. launch → first painted main window on a demo station, against a bare PySide6 window holding an
   empty QGraphicsView, both measured in fresh processes in the same run (targets: ≤ 2 s, ≤ 3× bare);
2. median redraw time of the map after a zoom step with 20 000 incident markers (target ≤ 16 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--runs 5] [--features]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD_APP = r'''
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from rescue_desk.ui import create_main_window
features = None if os.environ.get("BENCH_FEATURES") else ()
w = create_main_window(os.environ["BENCH_DB"], lang="zh", features=features)
'''
CHILD_BARE = r'''
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
view = QGraphicsView(QGraphicsScene())
view.setObjectName("mapView")
w.setCentralWidget(view)
w.resize(1280, 820)
'''
CHILD_TAIL = r'''
from PySide6.QtWidgets import QGraphicsView
target = w.findChild(QGraphicsView, "mapView").viewport()
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            from PySide6.QtCore import QTimer
            QTimer.singleShot(0, lambda: (print("PAINTED", flush=True), app.quit()))
        return False
f = FirstPaint()
target.installEventFilter(f)
w.show()
app.exec()
'''


CHILD_SETTLED_TAIL = r'''
from PySide6.QtCore import QTimer
def settled():
    page = w.__dict__.get("reports_page")  # read without building it
    if page is not None and page.report is not None and w.ctx.worker.pending == 0:
        print("SETTLED", flush=True)
        app.quit()
poll = QTimer()
poll.timeout.connect(settled)
poll.start(5)
w.show()
app.exec()
'''


def launch_seconds(code: str, env: dict, marker: str = "PAINTED") -> float:
    """Wall time from starting a fresh Python until it printed ``marker`` and exited (by default: the
    map view's first paint having finished)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    if marker not in proc.stdout:
        raise RuntimeError(f"child did not print {marker}:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t0


def demo_db(folder: Path) -> str:
    from rescue_desk.services.demo import generate_demo
    from rescue_desk.storage import open_database

    path = folder / "demo.sqlite3"
    url = f"sqlite:///{path}"
    if not path.exists():
        db = open_database(url)
        generate_demo(db, years=1, end_year=2025)
        db.dispose()
    return url


def redraw_ms(n_markers: int, steps: int) -> tuple[float, float, int]:
    """(median, p90) ms of a synchronous map repaint after each zoom step, and the marker count drawn."""
    import numpy as np
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from rescue_desk.domain.kora import load_kora
    from rescue_desk.ui.map import MapController

    app = QApplication.instance() or QApplication(sys.argv)
    kora = load_kora()
    ctrl = MapController(kora, "zh")
    view = ctrl.view
    view.resize(1280, 700)
    view.show()
    rng = np.random.default_rng(7)
    kms = rng.uniform(0, kora.length_km, n_markers)
    xy = np.array([kora.point_at(k) for k in kms])
    statuses = rng.choice(["closed"] * 8 + ["new", "dispatched", "on_scene", "evacuating"], n_markers)
    rows = [SimpleNamespace(id=i, lon=xy[i, 0] + rng.normal(0, 4e-4), lat=xy[i, 1] + rng.normal(0, 4e-4),
                            status=str(statuses[i])) for i in range(n_markers)]
    ctrl.set_incidents(rows)
    ctrl.fit_route()
    app.processEvents()
    view.viewport().repaint()
    times = []
    for i in range(steps):
        factor = 1.25 if (i // 12) % 2 == 0 else 0.8
        view.zoom_by(factor)
        t = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)], len(ctrl.incident_layer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markers", type=int, default=20000)
    parser.add_argument("--steps", type=int, default=48)
    parser.add_argument("--features", action="store_true", help="install the feature packages in the app launch")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rd-bench-ui-") as tmp:
        env = dict(os.environ, RESCUE_DESK_HOME=tmp, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        env["BENCH_DB"] = demo_db(Path(tmp))
        if args.features:
            env["BENCH_FEATURES"] = "1"
        launch_seconds(CHILD_APP + CHILD_TAIL, env)  # first run compiles translations and warms caches
        app_s, bare_s = [], []
        for _ in range(args.runs):
            bare_s.append(launch_seconds(CHILD_BARE + CHILD_TAIL, env))
            app_s.append(launch_seconds(CHILD_APP + CHILD_TAIL, env))
        settled_s = [launch_seconds(CHILD_APP + CHILD_SETTLED_TAIL, env, "SETTLED")
                     for _ in range(args.runs if args.features else 0)]
        app_med, bare_med = statistics.median(app_s), statistics.median(bare_s)
        print(f"launch to first paint, demo station: median {app_med:.2f} s over {args.runs} runs "
              f"(min {min(app_s):.2f}, max {max(app_s):.2f}); target ≤ 2 s: {'OK' if app_med <= 2 else 'MISSED'}")
        print(f"bare PySide6 window + empty QGraphicsView: median {bare_med:.2f} s; ratio {app_med / bare_med:.2f}× "
              f"(target ≤ 3×: {'OK' if app_med <= 3 * bare_med else 'MISSED'})")
        if settled_s:
            print(f"launch until settled (Statistics report shown, database worker idle): median "
                  f"{statistics.median(settled_s):.2f} s (work deferred past the first paint is counted here)")
        os.environ["RESCUE_DESK_HOME"] = tmp
        med, p90, n = redraw_ms(args.markers, args.steps)
        print(f"map redraw after zoom with {n} markers: median {med:.1f} ms, p90 {p90:.1f} ms over {args.steps} steps "
              f"(target ≤ 16 ms: {'OK' if med <= 16 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
