"""``rescue-desk handover [--since ISO] [--pdf FILE] [--notes TEXT]``: the shift handover — open
incidents, teams out with their last check-in and position, overdue teams, the calls since the last
handover (or ``--since``) and the notes for the next shift. ``--notes`` also records the handover,
so the next one's calls start now."""

from __future__ import annotations

import sys

from . import CliError
from ._auth import cli_principal
from .common import open_db, text_lang
from .print_sheet import write_pdf_atomically


def _handover(args) -> int:
    from rescue_desk.domain.clock import parse_time, utc_now
    from rescue_desk.domain.roles import EDIT_RECORDS
    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.handover import handover_report, record_handover

    lang = getattr(args, "lang", None) or "zh"
    try:
        since = parse_time(args.since) if args.since else None
    except ValueError as exc:
        raise CliError(f"--since: {exc}") from None
    now = utc_now()
    if since is not None and since > now:
        raise CliError("--since lies in the future")
    db = open_db(args)
    try:
        report = handover_report(db, since=since, now=now, notes=args.notes or "")
        who = cli_principal(args, db, EDIT_RECORDS) if args.notes is not None else None
        if args.pdf:  # the paper first: a handover that could not be printed is not recorded
            try:
                from rescue_desk.ui.sheets.handover_pdf import write_handover_pdf_headless
            except ImportError as exc:
                raise CliError(f"--pdf needs the desktop app's Qt (PySide6), which is not available here ({exc})") from None
            write_pdf_atomically(args.pdf, lambda p: write_handover_pdf_headless(report, p, lang))
        if who is not None:
            record_handover(db, who.name, args.notes, report.since, at=now)
    except ValidationError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    if args.pdf:
        print(f"PDF written to {args.pdf}", file=sys.stderr)
    else:
        print(summary_text(report, text_lang(args)))
    return 0


def summary_text(report, lang: str = "en") -> str:
    """The handover for the terminal, in English or (``lang`` "zh") Chinese."""
    from rescue_desk.domain import codes
    from rescue_desk.domain.clock import format_beijing

    zh = lang == "zh"
    lines = [f"交接班 {format_beijing(report.since)} → {format_beijing(report.now)}（北京时间）" if zh else
             f"Handover {format_beijing(report.since)} → {format_beijing(report.now)} (Beijing time)",
             (f"  未结案警情 {len(report.open_incidents)}   在外救援队 {len(report.teams_out)}   "
              f"超时救援队 {len(report.overdue_teams)}   接警 {len(report.calls)}") if zh else
             (f"  open incidents {len(report.open_incidents)}   teams out {len(report.teams_out)}   "
              f"overdue teams {len(report.overdue_teams)}   calls {len(report.calls)}")]
    for r in report.open_incidents:
        km = "" if r.chainage_km is None else (f" 第 {r.chainage_km:.1f} 公里" if zh else f" km {r.chainage_km:.1f}")
        words = " ".join(r.text.split())[:60]
        overdue = f" {codes.label(codes.OVERDUE_REASONS, r.overdue, lang)}" if r.overdue else ""
        if zh:
            lines.append(f"  警情 {r.id}：{codes.label(codes.STATUSES, r.status, 'zh')}{km}{overdue}  {words}")
        else:
            lines.append(f"  incident {r.id}: {r.status}{km}{overdue}  {words}")
    for t in report.teams_out:
        if zh:
            lines.append(f"  警情 {t.incident_id} 的救援队（{'、'.join(t.officers)}）：最后联络 "
                         f"{format_beijing(t.last_contact, False)}{' 超时' if t.overdue else ''}")
        else:
            lines.append(f"  team on incident {t.incident_id} ({', '.join(t.officers)}): last contact "
                         f"{format_beijing(t.last_contact, False)}{' OVERDUE' if t.overdue else ''}")
    if report.previous is not None and report.previous.notes:
        lines.append(f"  上一班的交接说明：{report.previous.notes}" if zh else
                     f"  notes from the last handover: {report.previous.notes}")
    return "\n".join(lines)
