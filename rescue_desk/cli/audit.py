"""``rescue-desk audit verify|history``: check the hash-chained event log, print one record's history."""

from __future__ import annotations

import json
import sys
import unicodedata

from rescue_desk.domain import roles
from rescue_desk.domain.clock import format_beijing
from rescue_desk.services import audit
from rescue_desk.services.errors import ValidationError

from . import CliError
from ._auth import cli_principal
from .common import open_db, print_json


def _anchor(args) -> tuple[int, str] | None:
    if args.anchor:
        # NFKC: an anchor copied from the printed handover may carry typographic ligatures ("ﬀ" for "ff")
        ident, _, digest = unicodedata.normalize("NFKC", args.anchor).strip().partition(":")
        if not ident.isdigit() or len(digest) != 64:
            raise CliError("--anchor must look like ID:HASH (the 64-character hash printed by verify)")
        return int(ident), digest.lower()
    if args.against:
        try:
            return audit.anchor_of(args.against)
        except ValidationError as exc:
            raise CliError(str(exc)) from None
    return None


def _verify(args) -> int:
    from rescue_desk.services import audit_state
    from rescue_desk.services.db_check import newest_backup_anchor
    from rescue_desk.storage import StorageError

    anchor = _anchor(args)
    source = f"backup {args.against}" if args.against else "the anchor"
    db = open_db(args)
    try:
        if anchor is None and db.engine.dialect.name == "sqlite":
            anchor, source = newest_backup_anchor(db.engine, args.backup_dir) or (None, "")
        report = audit.verify(db)
        problem = audit.check_anchor(db, anchor) if anchor and report.intact else None
        unguarded = audit.guard_problems(db)
        differing = audit_state.rows_differing_from_log(db) if report.intact and not problem else []
    except StorageError as exc:
        raise CliError(f"the event log cannot be checked: {exc}") from None
    finally:
        db.dispose()
    if unguarded:
        print(f"WARNING: the append-only guard of the event log was removed or disabled ({'; '.join(unguarded)}); "
              "run 'rescue-desk db check' and look for who had the database owner's rights", file=sys.stderr)
    if not report.intact:
        raise CliError(f"event log {report.sentence()}", code=1)
    if problem:
        raise CliError(f"event log chain intact, {report.checked} entries, but compared with {source}: {problem}",
                       code=1)
    print(f"event log {report.sentence()}")
    if report.head_id is not None:
        print(f"newest entry #{report.head_id}, anchor {report.head_id}:{report.head_hash}")
    if anchor:
        print(f"anchor entry #{anchor[0]} unchanged ({source})")
    if differing:
        raise CliError("rows differ from the event log: " + "; ".join(differing), code=1)
    print("every audited row equals the state its event log rebuilds")
    return 1 if unguarded else 0


def _values(values) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True) if values else "-"


def _history(args) -> int:
    db = open_db(args)
    try:
        who = cli_principal(args, db, roles.VIEW_AUDIT)
        entries = audit.history(db, args.entity, args.id, who)
    except ValidationError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    if args.json:
        print_json([e.to_json() for e in entries])
        return 0
    if not entries:
        raise CliError(f"no history for {args.entity} {args.id}", code=1)
    for e in entries:
        change = _values(e.after) if e.action == "create" else (
            f"{_values(e.before)} -> {_values(e.after)}" if e.action == "update" else _values(e.before))
        print(f"#{e.id} {format_beijing(e.at)} {e.actor} {e.operation}: {e.entity} {e.entity_id} {e.action} {change}")
    return 0
