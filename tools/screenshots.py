"""Render the main screens offscreen to PNG, in Chinese and English, into ``out/screenshots/``.

Uses a 1-year demo station in ``out/screenshots/demo.sqlite3`` (created on first run). Check the
images by eye: legible labels, nothing overlapping, no tofu boxes.
Run: ``QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--features]``"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "screenshots"


def demo_db(path: Path) -> str:
    from rescue_desk.services.demo import generate_demo
    from rescue_desk.storage import open_database

    url = f"sqlite:///{path}"
    if not path.exists():
        db = open_database(url)
        generate_demo(db, years=1, end_year=2025)
        db.dispose()
    return url


def shoot(app, url: str, lang: str, features: tuple[str, ...] | None) -> list[Path]:
    from rescue_desk.ui import create_main_window

    w = create_main_window(url, lang=lang, features=features)
    w.resize(1400, 900)
    w.show()
    w.ctx.worker.wait_idle(20000)
    app.processEvents()
    w.map.fit_route()
    app.processEvents()
    saved = []

    def save(name: str) -> None:
        app.processEvents()
        path = OUT / f"{name}_{lang}.png"
        w.grab().save(str(path))
        saved.append(path)

    save("01_overview")
    kora = w.ctx.kora
    dolma = kora.gazetteer.get("dolma_la")
    km = dolma.chainage_km
    ring = [kora.point_at(k) for k in (km - 0.8, km - 0.4, km, km + 0.4, km + 0.8)]
    corridor = [[(lon - 0.002, lat) for lon, lat in ring] + [(lon + 0.002, lat) for lon, lat in reversed(ring)]]
    w.map.show_estimate(kora.point_at(km - 0.2), corridor, point_radius_m=250)
    w.map.set_pin(*kora.point_at(km - 0.1))
    w.map.center_on(*kora.point_at(km), zoom=0.25)
    p = w.map.view_pos_of(*kora.point_at(km + 0.3))
    w.map.view.cursorMoved.emit(*_scene(w, p))
    save("02_estimate_dolma_la")
    w.map.clear_estimate()
    w.map.clear_pin()
    w.map.set_heat([abs(((k * 7) % 11) - 5) for k in range(int(kora.length_km) + 1)])
    w.map.set_hazards([{"from_km": 21.0, "to_km": 24.5, "kind": "snow", "label": "Snow / 积雪"},
                       {"from_km": 25.0, "to_km": 26.0, "kind": "rockfall", "label": "Rockfall / 落石"}])
    w.map.show_track("team 1", [kora.point_at(k / 10) for k in range(0, 60)])
    w.map.set_playhead(*kora.point_at(5.9))
    w.map.fit_route()
    w.profile.highlight_km(24.0)
    w.map.highlight_km(24.0)
    save("03_heat_hazards_track")
    darchen = kora.gazetteer.get("darchen")
    w.map.center_on(darchen.lon, darchen.lat, zoom=0.12)
    save("04_darchen")
    for i in range(1, w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        save(f"05_tab{i}_{w.tabs.widget(i).objectName() or i}")
    w.tabs.setCurrentIndex(0)
    w.close()
    return saved


def _scene(w, p):
    q = w.map.view.mapToScene(p)
    return q.x(), q.y()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", action="store_true", help="install the feature packages too")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("RESCUE_DESK_HOME", tempfile.mkdtemp(prefix="rd-shots-"))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    url = demo_db(OUT / "demo.sqlite3")
    for lang in ("zh", "en"):
        for path in shoot(app, url, lang, None if args.features else ()):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
