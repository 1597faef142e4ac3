"""Render the duty-desk screens offscreen (Chinese and English) to PNG files for a check by eye.

    .venv/bin/python tools/desk_screenshots.py [OUT_DIR]   (default: out/)

Uses a throwaway station database with a few open incidents; never touches the user's data."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _seed(url: str) -> int:
    from rescue_desk.domain.clock import utc_now
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.services import incidents as svc
    from rescue_desk.storage import open_database
    from rescue_desk.storage.models import Officer, Vehicle

    db = open_database(url)
    with db.write("shots", "seed") as s:
        s.add_all([Officer(name="扎西", name_en="Tashi"), Officer(name="王磊", name_en="Wang Lei"),
                   Officer(name="次仁", name_en="Tsering"), Vehicle(name="皮卡1", plate="藏F-00001")])
    kora, now = load_kora(), utc_now()

    def call(minutes, km, text, category, party=1):
        lon, lat = kora.point_at(km)
        return svc.log_call(db, "duty", svc.CallInput(received_at=now - timedelta(minutes=minutes), text=text,
                                                      category=category, party_size=party,
                                                      position=svc.Position(lon, lat, "words")))[1]

    call(25, 23.7, "快到卓玛拉山口了，同伴走不动，很冷", "hypothermia", 2)
    out = call(140, 10.2, "lost the trail after Chuku monastery, my wife has a headache", "altitude_sickness", 2)
    call(5, 41.0, "在宗堆附近，老人摔了一跤", "fall_injury")
    trip = svc.dispatch_trip(db, "duty", out, [1, 2], 1, departed_at=now - timedelta(minutes=120),
                             checkin_interval_min=45)
    svc.add_checkin(db, "duty", trip, now - timedelta(minutes=70), "过了色雄，一切正常")
    db.dispose()
    return out


def _settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


SIZES = ((1366, 768), (1920, 1080))
WORKSPACES = ("duty", "statistics", "training", "sand_table")


def main() -> int:
    """Every workspace at 1366×768 and 1920×1080, Chinese and English, with a call being taken and a
    dispatched incident selected on the duty desk."""
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
    out_dir.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="rd-shots-")
    os.environ["RESCUE_DESK_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from rescue_desk.ui import create_main_window

    app = QApplication(sys.argv)
    url = f"sqlite:///{home}/station.sqlite3"
    dispatched = _seed(url)
    words = {"zh": "在色雄往前走了两公里，同伴高反很严重，嘴唇发紫",
             "en": "we passed Tarboche about an hour ago, now near the second prostration point, friend vomiting"}
    for lang in ("zh", "en"):
        for width, height in SIZES:
            w = create_main_window(url, lang=lang)
            w.resize(width, height)
            w.show()
            w.ctx.worker.wait_idle()
            _settle(app, 0.5)
            w.workspaces.reset_layout()
            desk = w.desk
            desk.intake.text.insertPlainText(words[lang])
            _settle(app, 1.0)
            desk.board.select_incident(dispatched)
            _settle(app, 0.8)
            for name in WORKSPACES:
                w.workspaces.switch(name)
                w.workspaces.reset_layout()
                _settle(app, 2.5 if name in ("statistics", "training") else 0.8)
                w.grab().save(str(out_dir / f"{name}_{width}x{height}_{lang}.png"))
            desk.history_dock.show()
            desk.history_dock.raise_()
            w.workspaces.switch("duty")
            desk.find_incident()
            _settle(app, 1.0)
            w.grab().save(str(out_dir / f"history_{width}x{height}_{lang}.png"))
            desk.intake.clear_form()
            w.close()
            _settle(app, 0.3)
    print(f"screenshots in {out_dir}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
