"""Arguments of ``rescue-desk incidents``: list incidents."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("incidents", help="list incidents (newest first); --json for scripts")
    p.add_argument("--open", action="store_true", help="only incidents that are not closed")
    p.add_argument("--json", action="store_true", help="print a JSON list (id, received_at, status, category, "
                   "lon, lat, chainage_km, text, …)")
    p.add_argument("--limit", type=int, help="at most this many (newest first)")
    p.add_argument("--no-drills", action="store_true", help="leave out drill incidents")
    p.set_defaults(handler=Handler("incidents", "_incidents"))
