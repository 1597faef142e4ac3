"""Arguments of ``rescue-desk search-plan``: where a missing pilgrim may be now, by section."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search-plan", help="probability of where a missing pilgrim is now, by section of the kora",
                       description="Where a missing pilgrim may be now: the kora's sections with probabilities "
                       "summing to 1 (walking-time model, direction, overnight stops, pace if known), ranked.")
    p.add_argument("--last-seen", required=True, metavar="KM|LANDMARK", help="where they were last seen")
    p.add_argument("--at", required=True, metavar="ISO", help="when they were last seen (Beijing time if no offset)")
    p.add_argument("--now", metavar="ISO", help="the time to plan for (default: now)")
    p.add_argument("--direction", choices=["cw", "ccw"], default="cw", help="cw (default) or ccw (Bon pilgrims)")
    p.add_argument("--left", metavar="ISO", help="when they left Darchen, if known (gives their pace so far)")
    p.add_argument("--seen", action="append", default=[], metavar="KM|LANDMARK@ISO",
                   help="an earlier sighting (repeatable), e.g. Tarboche@2025-07-01T10:30")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=Handler("search_plan", "run_search_plan"))
