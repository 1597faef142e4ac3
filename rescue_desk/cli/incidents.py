"""``rescue-desk incidents [--open] [--json]``: list incidents for scripts and checks."""

from __future__ import annotations


from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing
from rescue_desk.services.incidents import list_incidents

from . import CliError
from .common import open_db, pad, print_json, text_lang

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
    zh = text_lang(args) == "zh"
    if not rows:
        print(("没有未结案的警情" if args.open else "没有警情") if zh else ("no open incidents" if args.open else "no incidents"))
        return 0
    heads = ("编号", "接警时间（北京）", "状态", "类别", "里程", "报警人原话") if zh else \
        ("id", "received (Beijing)", "status", "category", "km", "words")
    print(f"{heads[0]:>6}  {pad(heads[1], 16)}  {pad(heads[2], 10)}  {pad(heads[3], 18)}  {heads[4]:>6}  {heads[5]}")
    lang = "zh" if zh else "en"
    for r in rows:
        km = "" if r.chainage_km is None else f"{r.chainage_km:6.2f}"
        text = " ".join(r.text.split())
        if len(text) > TEXT_WIDTH:
            text = text[: TEXT_WIDTH - 1] + "…"
        status = codes.label(codes.STATUSES, r.status, lang) if zh else r.status
        print(f"{r.id:>6}  {format_beijing(r.received_at):<16}  {pad(status, 10)}  "
              f"{pad(codes.label(codes.CATEGORIES, r.category, lang), 18, cut=True)}  {km:>6}  {text}")
    print(f"共 {len(rows)} 起警情" if zh else f"{len(rows)} incident{'s' if len(rows) != 1 else ''}")
    return 0
