"""``rescue-desk print INCIDENT_ID --pdf FILE``: the one-page incident sheet for the team (Chinese;
``--lang en`` for English): map extract with UTM km grid, the position in every form, the approach
with P50/P90 and sunset, the team, the callers' words, the people and the contacts."""

from __future__ import annotations

import sys

from . import CliError
from .common import export_errors, open_db


def write_pdf_atomically(path: str, write) -> None:
    """``write(path)`` through services/export_files.py (whole or not at all; pipes and devices in
    place; read-only refused); CliError (one sentence) when it cannot be written."""
    import os
    import tempfile
    from pathlib import Path

    from rescue_desk.services.export_files import write_export

    def checked(p) -> None:
        # Qt's PDF writer reports no write error: render to a private file first and copy it with
        # Python, whose errors (a full disk, a closed pipe) reach the user
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "out.pdf"
            write(pdf)
            data = pdf.read_bytes() if pdf.exists() else b""
        if not data.startswith(b"%PDF"):
            raise OSError(0, "the PDF could not be made")
        with open(p, "wb") as fh:
            fh.write(data)
            fh.flush()
            if os.path.isfile(p):
                os.fsync(fh.fileno())

    with export_errors(path):
        write_export(path, checked)


def _print(args) -> int:
    from rescue_desk.services.errors import NotFound
    from rescue_desk.services.incident_sheet import incident_sheet

    lang = getattr(args, "lang", None) or "zh"
    db = open_db(args)
    try:
        sheet = incident_sheet(db, args.incident_id, lang=lang)
    except NotFound as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    try:
        from rescue_desk.ui.sheets.incident_pdf import write_incident_sheet_pdf_headless
    except ImportError as exc:
        raise CliError(f"--pdf needs the desktop app's Qt (PySide6), which is not available here ({exc})") from None
    write_pdf_atomically(args.pdf, lambda p: write_incident_sheet_pdf_headless(sheet, p, lang))
    print(f"PDF written to {args.pdf}", file=sys.stderr)
    return 0
