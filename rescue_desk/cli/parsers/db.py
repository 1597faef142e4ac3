"""Arguments of ``rescue-desk db upgrade|backup|check|restore|backups``: schema and file maintenance."""

from __future__ import annotations

import argparse
from pathlib import Path

from rescue_desk.cli import Handler

# Equal to rescue_desk.services.backups' constants (tests/cli/test_parsers.py checks); written here so
# that building the parser does not import the services and SQLAlchemy.
BACKUP_DIR_ENV = "RESCUE_DESK_BACKUP_DIR"
DEFAULT_KEEP = 14

from ._options import add_identity_arguments


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database maintenance: upgrade, backup, check")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="migrate the schema to this version (backs up an older SQLite file first)")
    up.set_defaults(handler=Handler("db", "_upgrade"))
    bk = dbsub.add_parser("backup", help="consistent copy of the SQLite database, safe while the app runs")
    bk.add_argument("path", type=Path, help="where to write the copy")
    bk.set_defaults(handler=Handler("db", "_backup"))
    ck = dbsub.add_parser("check", help="integrity, foreign keys, schema (tables, indexes, triggers), event-log "
                          "chain against the newest backup, rows against the event log")
    ck.add_argument("--backup-dir", type=Path, help="backup folder whose newest copy anchors the event log "
                    f"(default ${BACKUP_DIR_ENV} or 'backups' in the data folder)")
    ck.set_defaults(handler=Handler("db", "_check"))
    _register_restore(dbsub)


def _register_restore(dbsub: argparse._SubParsersAction) -> None:
    rs = dbsub.add_parser("restore", help="replace the SQLite database by a backup, after checking it "
                          "(header, integrity, schema, event chain); the replaced file is kept as a backup")
    rs.add_argument("path", type=Path, help="the backup file to restore")
    rs.add_argument("--backup-dir", type=Path, help=f"where the replaced database is saved "
                    f"(default ${BACKUP_DIR_ENV} or 'backups' in the data folder)")
    add_identity_arguments(rs)
    rs.set_defaults(handler=Handler("db_restore", "_restore"))
    bk = dbsub.add_parser("backups", help="make a rotating backup now (keeps the newest N) and list them")
    bk.add_argument("--backup-dir", type=Path, help="backup folder (default as for restore)")
    bk.add_argument("--keep", type=int, default=DEFAULT_KEEP, help="how many to keep")
    bk.add_argument("--list", action="store_true", help="only list the backups")
    bk.set_defaults(handler=Handler("db_restore", "_backups"))
