"""Arguments of ``rescue-desk eta``: walking time between two places."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eta", help="walking time P10/P50/P90 between two places (or a JSONL batch)",
                       description="Walking time between two chainages or landmarks, as P10/P50/P90.")
    p.add_argument("--from", dest="from_", metavar="KM|LANDMARK", help="start: chainage in km or a landmark name")
    p.add_argument("--to", metavar="KM|LANDMARK", help="destination: chainage in km or a landmark name")
    p.add_argument("--depart", metavar="ISO", help="when the walker left (Beijing time if no offset); "
                   "with --walked-s, when they left the route start")
    p.add_argument("--walked-s", type=str, metavar="S", help="seconds from when the walker left Darchen (their first recorded position near the start) to --from")
    p.add_argument("--walker", choices=["pilgrim", "officer"], default="pilgrim")
    p.add_argument("--direction", choices=["cw", "ccw"], default="cw", help="cw (default) or ccw (Bon pilgrims)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--batch", metavar="IN.jsonl", help='JSONL input, one {"id","from_km","to_km",...} per line ("-" = stdin)')
    p.add_argument("--out", metavar="OUT.jsonl", help="batch output file (default: stdout)")
    p.add_argument("--model", metavar="PATH", help=argparse.SUPPRESS)
    p.set_defaults(handler=Handler("eta", "run_eta"))
