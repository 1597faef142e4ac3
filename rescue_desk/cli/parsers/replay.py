"""Arguments of ``rescue-desk replay INCIDENT_ID``: an incident's timeline."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("replay", help="print an incident's timeline with team positions (--json for scripts)")
    p.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    p.add_argument("--json", action="store_true", help="print JSON: entries with at, elapsed_s, kind, summary, "
                   "teams [{trip_id, lon, lat, chainage_km, phase, source}], estimate")
    p.set_defaults(handler=Handler("replay", "_replay"))
