"""Render the field screens to PNG in Chinese and English, into ``out/screenshots/``: the share dialog
with its QR code, the handover screen, the help window, and the incident sheet and the handover PDFs
(rasterised with ``pdftoppm`` from poppler-utils when it is installed).

Uses a copy of the 1-year demo station with one team out (a check-in with a position, overdue).
Check the images by eye; ``zbarimg out/screenshots/field_share_*.png`` reads the QR code back.
Run: ``QT_QPA_PLATFORM=offscreen python tools/field_screenshots.py``"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "screenshots"


def station(path: Path) -> tuple[str, int]:
    """A demo station with a team out on the newest open incident; (URL, that incident's id)."""
    from sqlalchemy import select

    from rescue_desk.domain.clock import utc_now
    from rescue_desk.services.demo import generate_demo
    from rescue_desk.services.incidents import add_checkin, dispatch_trip, list_incidents
    from rescue_desk.storage import open_database
    from rescue_desk.storage.models import Officer

    url = f"sqlite:///{path}"
    db = open_database(url)
    generate_demo(db, years=1, end_year=2025)
    now = utc_now()
    open_rows = list_incidents(db, open_only=True)
    with db.read() as s:
        team = s.scalars(select(Officer.id).limit(2)).all()
    target = open_rows[-1]
    trip = dispatch_trip(db, "desk", target.id, team, departed_at=max(target.received_at, now - timedelta(hours=2)))
    add_checkin(db, "desk", trip, now - timedelta(minutes=70), "过了曲古寺", lon=target.lon, lat=target.lat)
    db.dispose()
    return url, open_rows[0].id


def pdf_pages(pdf: Path, stem: str) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        return [pdf]
    subprocess.run(["pdftoppm", "-png", "-r", "90", str(pdf), str(OUT / stem)], check=True)
    return sorted(OUT.glob(f"{stem}*.png"))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("RESCUE_DESK_HOME", tempfile.mkdtemp(prefix="rd-field-shots-"))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from rescue_desk.services.handover import handover_report
    from rescue_desk.services.incident_sheet import incident_sheet
    from rescue_desk.ui import create_main_window
    from rescue_desk.ui.handover import HandoverDialog
    from rescue_desk.ui.help import show_help
    from rescue_desk.ui.share.dialog import open_share_dialog
    from rescue_desk.ui.sheets.handover_pdf import write_handover_pdf
    from rescue_desk.ui.sheets.incident_pdf import write_incident_sheet_pdf

    url, incident_id = station(Path(tempfile.mkdtemp()) / "field.sqlite3")
    saved: list[Path] = []
    for lang in ("zh", "en"):
        w = create_main_window(url, lang=lang)
        w.show()
        w.ctx.worker.wait_idle(20000)
        opened = []
        open_share_dialog(w.ctx, incident_id, w, on_open=opened.append)
        while not opened:
            app.processEvents()
        app.processEvents()
        path = OUT / f"field_share_{lang}.png"
        opened[0].grab().save(str(path))
        saved.append(path)
        dialog = HandoverDialog(w.ctx, w)
        dialog.show()
        while dialog.report is None:
            app.processEvents()
        app.processEvents()
        path = OUT / f"field_handover_screen_{lang}.png"
        dialog.grab().save(str(path))
        saved.append(path)
        help_dialog = show_help(lang, w, "guide")
        for tab in ("guide", "shortcuts", "about"):
            help_dialog.show_tab(tab)
            app.processEvents()
            path = OUT / f"field_help_{tab}_{lang}.png"
            help_dialog.grab().save(str(path))
            saved.append(path)
        sheet_pdf = OUT / f"field_sheet_{lang}.pdf"
        write_incident_sheet_pdf(incident_sheet(w.ctx.db, incident_id, lang), sheet_pdf, lang)
        handover_pdf = OUT / f"field_handover_{lang}.pdf"
        write_handover_pdf(handover_report(w.ctx.db), handover_pdf, lang, w.ctx.kora)
        saved += pdf_pages(sheet_pdf, f"field_sheet_{lang}") + pdf_pages(handover_pdf, f"field_handover_{lang}")
        w.close()
    for p in saved:
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
