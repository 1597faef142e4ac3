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
    from rescue_desk.services.export_files import write_export

    with export_errors(path):
        write_export(path, write)


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
