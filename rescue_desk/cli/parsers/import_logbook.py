"""Arguments of ``rescue-desk import FILE.csv``: a historical logbook."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a historical logbook (CSV); re-importing the same rows is harmless")
    p.add_argument("file", metavar="FILE.csv", help="the logbook as CSV, UTF-8 or GB18030 (see docs/import.md)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(handler=Handler("import_logbook", "_import"))
