"""Arguments of ``rescue-desk print INCIDENT_ID --pdf FILE``: the incident sheet for the team."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="the incident sheet for the team as a one-page A4 PDF")
    p.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    p.add_argument("--pdf", metavar="FILE", required=True, help="write the sheet to FILE (needs the app's Qt)")
    p.set_defaults(handler=Handler("print_sheet", "_print"))
