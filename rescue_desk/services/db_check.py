"""``db check`` and ``audit verify``: every check runs and is reported, whatever the others found.

A damaged page, a malformed log entry or a server that stops answering turns that one check into a
FAIL line with the reason; the next checks still run. Runs on the calling thread."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError

from rescue_desk.storage import Database
from rescue_desk.storage.check import CheckReport
from rescue_desk.storage.errors import StorageError, explain_database_error
from rescue_desk.storage.migrate import current_revision, head_revision
from rescue_desk.storage.models import Incident, Meta
from rescue_desk.storage.schema_check import schema_problems

from . import audit, audit_state, backups


def _guarded(report: CheckReport, what: str, step: Callable[[], None]) -> None:
    try:
        step()
    except StorageError as exc:
        report.fail(f"{what}: {exc}")
    except (DBAPIError, sqlite3.Error) as exc:
        report.fail(f"{what}: {explain_database_error(exc)}")
    except MemoryError:  # how SQLite reports some damaged pages
        report.fail(f"{what}: the database is damaged (SQLite ran out of memory reading it)")
    except (ValueError, KeyError, TypeError) as exc:  # a stored value this version cannot read
        report.fail(f"{what}: a stored value cannot be read ({type(exc).__name__}: {str(exc)[:120]})")


def _integrity(report: CheckReport, engine: Engine) -> None:
    with engine.connect() as conn:
        result = [ln for r in conn.exec_driver_sql("PRAGMA integrity_check(20)").scalars()
                  for ln in str(r).splitlines() if ln.strip() and not ln.startswith("***")]
        (report.good if result == ["ok"] else report.fail)("SQLite integrity check: " + "; ".join(result[:5]))
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        (report.good if not fk else report.fail)(f"foreign keys: {len(fk)} broken references")
        report.good(f"journal mode {conn.exec_driver_sql('PRAGMA journal_mode').scalar()}")


def _revision(report: CheckReport, engine: Engine, found: list) -> None:
    rev, head = current_revision(engine), head_revision()
    found.append(rev)
    if rev == head:
        report.good(f"schema version {rev}")
    else:
        report.fail(f"schema version {rev or 'none'}, this program expects {head}: run 'rescue-desk db upgrade'")


def _schema(report: CheckReport, engine: Engine, revision: str) -> None:
    problems = schema_problems(engine, revision)
    if problems:
        report.fail("schema differs from what Rescue Desk expects: " + "; ".join(problems[:8]))
    else:
        report.good("schema: tables, indexes and the event log's append-only triggers as expected")


def _counts(report: CheckReport, db: Database) -> None:
    with db.engine.connect() as conn:
        n_inc = conn.execute(select(func.count()).select_from(Incident.__table__)).scalar()
        synthetic = conn.execute(select(Meta.__table__.c.value).where(Meta.__table__.c.key == "synthetic")).scalar()
    report.good(f"{n_inc} incidents" + (" (synthetic demo data)" if synthetic == "true" else ""))


def chain_and_anchor(report: CheckReport, db: Database, anchor: tuple[int, str] | None, anchor_from: str) -> None:
    chain = audit.verify(db)
    if not chain.intact:
        report.fail(f"event log {chain.sentence()}")
        return
    report.good(f"event log: {chain.checked} entries, hash chain intact")
    if chain.head_id is not None:
        report.good(f"newest entry #{chain.head_id}, anchor {chain.head_id}:{chain.head_hash}")
    if anchor is not None:
        problem = audit.check_anchor(db, anchor)
        if problem:
            report.fail(f"event log compared with {anchor_from}: {problem}")
        else:
            report.good(f"event log contains {anchor_from}'s newest entry #{anchor[0]} unchanged")


def rows_against_log(report: CheckReport, db: Database) -> None:
    problems = audit_state.rows_differing_from_log(db)
    if problems:
        report.fail("rows differ from the event log: " + "; ".join(problems))
    else:
        report.good("every audited row equals the state its event log rebuilds")


def newest_backup_anchor(engine: Engine, folder: Path | str | None = None) -> tuple[tuple[int, str], str] | None:
    """(anchor, "backup <path>") of the newest readable rotating backup of this SQLite database."""
    try:
        candidates = backups.list_backups(engine, folder, labelled=False)
    except StorageError:
        return None
    for path in candidates:
        try:
            anchor = audit.anchor_of(path)
        except Exception:  # an unreadable copy is no anchor; the next older one may be
            continue
        if anchor is not None:
            return anchor, f"backup {path}"
    return None


def check_database(engine: Engine, backup_folder: Path | str | None = None) -> CheckReport:
    """Every check of ``db check``, each reported as ok or FAIL."""
    report = CheckReport()
    db = Database(engine)
    if engine.dialect.name == "sqlite":
        _guarded(report, "SQLite integrity check", lambda: _integrity(report, engine))
    found: list = []
    _guarded(report, "schema version", lambda: _revision(report, engine, found))
    revision = found[0] if found else None
    if revision:
        _guarded(report, "schema", lambda: _schema(report, engine, revision))
    _guarded(report, "incidents", lambda: _counts(report, db))
    anchored = newest_backup_anchor(engine, backup_folder) if engine.dialect.name == "sqlite" else None
    _guarded(report, "event log", lambda: chain_and_anchor(report, db, *(anchored or (None, ""))))
    _guarded(report, "rows against the event log", lambda: rows_against_log(report, db))
    return report
