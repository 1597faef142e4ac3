"""Replay smoothness: stepping the playhead of an incident whose team carried a 2,000-point GPS
track must redraw in <= 16 ms (median). Each step = the player's seek (frame lookup, map playhead,
estimate, profile marks, event list, clock) and the event-loop pass that paints what changed; the
bench checks that the map and the profile really repainted on every step. A forced repaint of the
whole window is reported too, for reference.
Run on demand (not part of pytest):

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_replay.py [--steps 600] [--points 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def story_with_track(points: int):
    """A closed rescue at Dolma La whose team logged ``points`` GPS fixes (walk up, wait, walk down)."""
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.domain.replay import (CallFact, EstimateFact, StatusFact, Story, TripFact)

    kora = load_kora()
    t0 = datetime(2025, 7, 14, 3, 0, tzinfo=timezone.utc)
    dep, scene, evac, back = (t0 + timedelta(minutes=m) for m in (20, 200, 230, 400))
    rows = []
    for i in range(points):
        f = i / (points - 1)
        t = dep + (back - dep) * f
        if t <= scene:
            km = 26.65 - 2.7 * (t - dep) / (scene - dep)
        elif t <= evac:
            km = 23.95
        else:
            km = 23.95 + 2.7 * (t - evac) / (back - evac)
        lon, lat = kora.point_at(km)
        rows.append([t.isoformat(), lon + 1e-5 * (i % 7), lat, 5400.0])
    lon, lat = kora.point_at(23.95)
    return Story(incident_id=1, created_at=t0, category="altitude_sickness", status="closed", outcome="rescued",
                 closed_at=back,
                 calls=(CallFact(t0, "过了卓玛拉山口一点，同伴走不动了"),),
                 estimates=(EstimateFact(t0, "estimate", *kora.point_at(24.2), 24.2, 800.0, [[23.4, 25.0]], "words"),
                            EstimateFact(scene, "position", lon, lat, 23.95, None, None, "team_gps", True)),
                 trips=(TripFact(1, dep, dep, scene, evac, back, {"road_end_km": 26.65, "direction": "ccw"},
                                 rows, (), 3),),
                 statuses=(StatusFact(back, "closed", "rescued"),))


class PaintCounter:
    """Counts paint events of the given widgets."""

    def __init__(self, *widgets):
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def __init__(self, counts):
                super().__init__()
                self.counts = counts

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    self.counts[obj] = self.counts.get(obj, 0) + 1
                return False

        self.counts: dict = {}
        self.widgets = widgets
        self._filter = _Filter(self.counts)
        for w in widgets:
            w.installEventFilter(self._filter)

    def snapshot(self) -> dict:
        return {w: self.counts.get(w, 0) for w in self.widgets}

    def all_grew(self, before: dict) -> bool:
        return all(self.counts.get(w, 0) > before[w] for w in self.widgets)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--points", type=int, default=2000)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.domain.replay import Replay
    from rescue_desk.ui import create_main_window

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RESCUE_DESK_HOME"] = tmp
        w = create_main_window(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", lang="zh", features=("replay",))
        w.resize(1600, 950)
        w.show()
        w.tabs.setCurrentWidget(w.replay_page)
        w.ctx.worker.wait_idle()
        app.processEvents()
        page = w.replay_page
        replay = Replay(story_with_track(args.points), load_kora())
        assert replay.motions[0].source == "track" and len(replay.motions[0].path_lonlat()) == args.points
        page.player._loaded(replay)
        app.processEvents()
        player = page.player.player
        paints = PaintCounter(page.map_view.viewport(), page.profile)
        trip = replay.story.trips[0]
        t_dep = (trip.departed_at - replay.start).total_seconds()
        step = (trip.returned_at - trip.departed_at).total_seconds() / args.steps

        def measure(action) -> float:
            t = time.perf_counter()
            action()
            app.processEvents()
            return (time.perf_counter() - t) * 1000.0

        times = []
        for i in range(args.steps):
            before = paints.snapshot()
            times.append(measure(lambda: player.seek(t_dep + i * step)))
            if i and not paints.all_grew(before):
                print(f"step {i}: the map or the profile did not repaint; the measure is void")
                w.close()
                return 2
        player.seek(0)
        entry_times = [measure(lambda: player.step(1)) for _ in replay.entries]
        full = [measure(lambda: (player.seek(t_dep + i * step), w.repaint())) for i in range(60)]
        times.sort()
        median = statistics.median(times)
        print(f"track points: {args.points}, window 1600x950, {args.steps} playhead steps")
        print(f"step + repaint of what changed: median {median:.2f} ms, p90 {times[int(0.9 * len(times))]:.2f} ms, "
              f"max {times[-1]:.2f} ms; entry-to-entry steps median {statistics.median(entry_times):.2f} ms")
        print(f"(reference) step + forced repaint of the whole window: median {statistics.median(full):.2f} ms")
        print("PASS" if median <= 16.0 else "FAIL", "(target: median <= 16 ms)")
        w.close()
        return 0 if median <= 16.0 else 1


if __name__ == "__main__":
    sys.exit(main())
