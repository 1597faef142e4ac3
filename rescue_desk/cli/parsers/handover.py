"""Arguments of ``rescue-desk handover [--since ISO] [--pdf FILE] [--notes TEXT]``: the shift handover."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler

from ._options import add_identity_arguments


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("handover", help="the shift handover: open incidents, teams out, overdue, calls, notes")
    p.add_argument("--since", metavar="ISO", help="count calls from this time (default: the last recorded "
                   "handover, else 12 hours ago); without an offset it is Beijing time")
    p.add_argument("--pdf", metavar="FILE", help="write the handover as PDF (needs the app's Qt)")
    p.add_argument("--notes", metavar="TEXT", help="notes for the next shift; records the handover")
    add_identity_arguments(p)
    p.set_defaults(handler=Handler("handover", "_handover"))
