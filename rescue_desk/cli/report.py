"""``rescue-desk report --year 2025 [--pdf out.pdf] [--csv out.csv] [--json]``: the station's
annual report (see docs/report.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from rescue_desk.domain import codes
from rescue_desk.domain.stats import Period, Report
from rescue_desk.domain.roles import EXPORT_RECORDS
from rescue_desk.services.demo import is_synthetic
from rescue_desk.services.reports import period_csv, period_report

from . import CliError
from ._auth import cli_principal
from .common import export_errors, open_db, print_json


def _period(args) -> Period:
    from rescue_desk.domain.clock import utc_now, to_beijing

    year = to_beijing(utc_now()).year - 1 if args.year is None else args.year
    if not 1900 <= year <= 2200 or (args.to_year is not None and not year <= args.to_year <= 2200):
        raise CliError("--year (and --to-year) must be a calendar year, --to-year not before --year")
    return Period.year(year) if args.to_year in (None, year) else Period.years(year, args.to_year)


def _write(path: str, write) -> None:
    from rescue_desk.services.export_files import write_export

    with export_errors(path):
        write_export(path, write)


def _report(args) -> int:
    period = _period(args)
    lang = getattr(args, "lang", None) or "zh"
    db = open_db(args)
    try:
        if args.csv or args.pdf or args.json:
            cli_principal(args, db, EXPORT_RECORDS)
        report = period_report(db, period, station=args.station)
        synthetic = is_synthetic(db)
        csv_text = period_csv(db, period, station=args.station, lang=lang) if args.csv else None
    finally:
        db.dispose()
    if args.csv:
        _write(args.csv, lambda p: p.write_text(csv_text, encoding="utf-8-sig"))
        print(f"CSV written to {args.csv}", file=sys.stderr)
    if args.pdf:
        _write(args.pdf, lambda p: write_pdf(report, p, lang, synthetic))
        print(f"PDF written to {args.pdf}", file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    elif not (args.csv or args.pdf):
        print(summary_text(report, lang))
    return 0


def write_pdf(report: Report, path: Path, lang: str, synthetic: bool = False) -> None:
    """Render the PDF with the desktop app's Qt; a clear error when Qt is not installed.

    The one place the CLI reaches into ``rescue_desk.ui`` (allowed explicitly in pyproject.toml's
    import contract): the PDF is drawn with QtCharts/QPainter, the same code the dashboard uses."""
    try:
        from rescue_desk.ui.reports.pdf import write_report_pdf_headless
    except ImportError as exc:
        raise CliError(f"--pdf needs the desktop app's Qt (PySide6), which is not available here ({exc})") from None
    write_report_pdf_headless(report, path, lang=lang, synthetic=synthetic)


def summary_text(report: Report, lang: str = "zh") -> str:
    """A plain-text summary for the terminal."""
    t = report.totals
    lines = [f"Report {report.period.label} (Beijing time; drills excluded)",
             f"  calls {t.calls}   incidents {t.incidents}   trips {t.trips}",
             f"  people rescued {t.persons_rescued}   to hospital {t.hospital}   deaths {t.deaths}   "
             f"false alarms {t.false_alarms}"]
    r = report.response["call_to_scene"]
    if r.n:
        lines.append(f"  call → on scene: median {r.median:.0f} min, p90 {r.p90:.0f} min ({r.n} trips)")
    lines.append("  by month: " + "  ".join(f"{report.month_key(k)}:{v}" for k, v in report.by_month.items()))
    lines.append("  by cause: " + ", ".join(f"{codes.label(codes.CATEGORIES, k, lang)} {v}"
                                            for k, v in report.by_category.items()))
    top = sorted(report.by_section, key=lambda s: -s.count)[:3]
    lines.append("  busiest sections: " + ", ".join(f"{s.label_zh if lang == 'zh' else s.label_en} {s.count}"
                                                     for s in top if s.count))
    yoy = report.year_over_year()
    if yoy:
        c = yoy["incidents"]
        pct = "" if c["change_pct"] is None else f" ({c['change_pct']:+.1f}%)"
        lines.append(f"  incidents vs a year before: {c['previous']} → {c['current']}{pct}")
    return "\n".join(lines)
