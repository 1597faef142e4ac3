"""Arguments of ``rescue-desk share INCIDENT_ID``: an incident's position for the team."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("share", help="an incident's position for the team: text, JSON, GPX or KML")
    p.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    p.add_argument("--format", choices=["text", "json", "gpx", "kml"], default="text",
                   help="text block (default), JSON, GPX 1.1 or KML")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(handler=Handler("share", "_share"))
