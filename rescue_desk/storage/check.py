"""``db check``: integrity, foreign keys, schema version and the event-log hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select

from .events import entry_hash
from .migrate import current_revision, head_revision
from .models import Event, Incident, Meta
from .unit_of_work import Database


@dataclass
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.ok = False
        self.lines.append("FAIL " + line)

    def good(self, line: str) -> None:
        self.lines.append("ok   " + line)


def verify_chain(db: Database, batch: int = 5000) -> tuple[int, int | None]:
    """(entries checked, id of the first broken link or None)."""
    prev, checked, last_id = "", 0, 0
    with db.read() as s:
        while True:
            rows = s.scalars(select(Event).where(Event.id > last_id).order_by(Event.id).limit(batch)).all()
            if not rows:
                return checked, None
            for ev in rows:
                row = dict(at=ev.at, actor=ev.actor, operation=ev.operation, entity=ev.entity,
                           entity_id=ev.entity_id, action=ev.action, incident_id=ev.incident_id,
                           before=ev.before, after=ev.after)
                if ev.prev_hash != prev or ev.hash != entry_hash(prev, row):
                    return checked, ev.id
                prev, last_id, checked = ev.hash, ev.id, checked + 1


def check_database(engine: Engine) -> CheckReport:
    report = CheckReport()
    rev, head = current_revision(engine), head_revision()
    if rev == head:
        report.good(f"schema version {rev}")
    else:
        report.fail(f"schema version {rev or 'none'}, this program expects {head}: run 'rescue-desk db upgrade'")
        return report
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            result = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            (report.good if result == ["ok"] else report.fail)("SQLite integrity check: " + "; ".join(result[:5]))
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            (report.good if not fk else report.fail)(f"foreign keys: {len(fk)} broken references")
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            report.good(f"journal mode {mode}")
    db = Database(engine)
    with db.read() as s:
        n_inc = s.scalar(select(func.count()).select_from(Incident))
        synthetic = s.scalar(select(Meta.value).where(Meta.key == "synthetic"))
    report.good(f"{n_inc} incidents" + (" (synthetic demo data)" if synthetic == "true" else ""))
    checked, broken = verify_chain(db)
    if broken is None:
        report.good(f"event log: {checked} entries, hash chain intact")
    else:
        report.fail(f"event log: hash chain broken at entry {broken} (after {checked} good entries)")
    return report
