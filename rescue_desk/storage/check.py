"""The report ``db check`` prints (composed in services/db_check.py) and a plain walk of the hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from .events import entry_hash
from .models import Event
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
