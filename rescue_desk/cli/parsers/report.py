"""Arguments of ``rescue-desk report``: the annual report."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler

from ._options import add_identity_arguments


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="annual report: totals, months, causes, sections, response times "
                       "(text, --json, --csv, --pdf)")
    p.add_argument("--year", type=int, help="calendar year in Beijing time (default: last year)")
    p.add_argument("--to-year", type=int, metavar="YEAR", help="report the years --year … --to-year together")
    p.add_argument("--station", help="only this station's incidents (default: all in the database)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--csv", metavar="FILE", help="write the counted incidents, one row each, as CSV")
    p.add_argument("--pdf", metavar="FILE", help="write the printable report as PDF (needs the desktop app's Qt)")
    add_identity_arguments(p)  # exports need the export_records permission once accounts exist (issue 7)
    p.set_defaults(handler=Handler("report", "_report"))
