"""Arguments of ``rescue-desk audit verify|history``: the event log."""

from __future__ import annotations

import argparse
from pathlib import Path

from rescue_desk.cli import Handler

from ._options import add_identity_arguments


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="event log: verify the hash chain, show a record's history")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="walk the event log; report the first broken link or 'intact, N entries'")
    v.add_argument("--anchor", metavar="ID:HASH", help="also check that entry ID still has this hash "
                   "(as printed by an earlier verify): detects a log cut back or rewritten since")
    v.add_argument("--against", metavar="BACKUP", type=Path, help="use the newest entry of this backup file "
                   "as the anchor")
    v.add_argument("--backup-dir", type=Path, help="without --anchor/--against, the newest backup in this folder "
                   "anchors the log (default $RESCUE_DESK_BACKUP_DIR or 'backups' in the data folder)")
    v.set_defaults(handler=Handler("audit", "_verify"))
    h = asub.add_parser("history", help="every change of one record, oldest first")
    h.add_argument("entity", help="incident, call, person, trip, checkin, officer, vehicle or user")
    h.add_argument("id", type=int)
    h.add_argument("--json", action="store_true", help="print JSON")
    add_identity_arguments(h)
    h.set_defaults(handler=Handler("audit", "_history"))
