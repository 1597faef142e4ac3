"""Arguments of ``rescue-desk locate``: place a caller's description on the kora."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler

# rescue_desk.domain.locator.DATUMS (tests/cli/test_parsers.py checks); importing the locator here
# would load numpy for every command.
DATUMS = ("wgs84", "gcj02", "bd09")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("locate", help="place a caller's description on the kora (or a JSONL batch)",
                       description="Read a caller's words (English, Chinese or both) and say where on the "
                       "kora they are, with a 90 % credible interval.")
    p.add_argument("text", nargs="?", help="the caller's description")
    p.add_argument("--time", metavar="ISO8601", help="call time (default now; no offset = Beijing time)")
    p.add_argument("--datum", choices=DATUMS, help="datum of coordinates read out (default: from the wording, "
                   "else wgs84)")
    p.add_argument("--json", action="store_true", help="print the JSON record (with the map corridor)")
    p.add_argument("--batch", metavar="IN.jsonl", help='JSONL input, one {"id","text","time"?} per line ("-" = stdin)')
    p.add_argument("--out", metavar="OUT.jsonl", help="batch output file (default: stdout)")
    p.set_defaults(handler=Handler("locate", "_locate"))
