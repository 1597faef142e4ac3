"""``rescue-desk incidents [--open] [--json]``: list incidents for scripts and checks."""

from __future__ import annotations


from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing
from rescue_desk.services.incidents import list_incidents

from . import CliError
from .common import open_db, print_json

TEXT_WIDTH = 48


def _incidents(args) -> int:
    if args.limit is not None and args.limit < 1:
        raise CliError("--limit must be at least 1")
    db = open_db(args)
    try:
        rows = list_incidents(db, open_only=args.open, limit=args.limit, include_drills=not args.no_drills)
    finally:
        db.dispose()
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("no open incidents" if args.open else "no incidents")
        return 0
    print(f"{'id':>6}  {'received (Beijing)':<16}  {'status':<10}  {'category':<18}  {'km':>6}  words")
    for r in rows:
        km = "" if r.chainage_km is None else f"{r.chainage_km:6.2f}"
        text = " ".join(r.text.split())
        if len(text) > TEXT_WIDTH:
            text = text[: TEXT_WIDTH - 1] + "…"
        print(f"{r.id:>6}  {format_beijing(r.received_at):<16}  {r.status:<10}  "
              f"{codes.label(codes.CATEGORIES, r.category, 'en')[:18]:<18}  {km:>6}  {text}")
    print(f"{len(rows)} incident{'s' if len(rows) != 1 else ''}")
    return 0
