"""Change sharing between desks: poll the event log for entries newer than the last one seen.

One cheap indexed query (``events.id > N``). Event ids grow in commit order (appends are serialised:
an advisory lock on PostgreSQL, the write lock on SQLite), so nothing committed is ever skipped.
Plain Python, no Qt; the UI runs ``ChangeFeed.poll`` on its database worker every second."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from rescue_desk.storage import Database
from rescue_desk.storage.models import Event


@dataclass
class ChangeBatch:
    """What changed since the previous poll. ``incident_ids``: incidents touched; ``entities``: tables
    touched (e.g. "landmarks", "users"); ``last_id``: the newest entry seen."""

    last_id: int
    count: int = 0
    incident_ids: set[int] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.count > 0


class ChangeFeed:
    """Remembers the newest event seen; ``poll()`` returns what other desks (and this one) committed since.

    Not thread-safe: use one feed from one thread (the database worker)."""

    def __init__(self, db: Database, after_id: int | None = None, page: int = 2000):
        self.db = db
        self.page = page
        self.last_id = self.newest_id() if after_id is None else after_id

    def newest_id(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.max(Event.id))) or 0

    def poll(self) -> ChangeBatch:
        """Entries with id > last seen, summarised; advances the position. Raises StorageError /
        SQLAlchemy OperationalError when the database is unreachable (the position is kept)."""
        batch = ChangeBatch(self.last_id)
        with self.db.read() as s:
            while True:
                rows = s.execute(select(Event.id, Event.entity, Event.incident_id, Event.actor)
                                 .where(Event.id > batch.last_id).order_by(Event.id).limit(self.page)).all()
                for event_id, entity, incident_id, actor in rows:
                    batch.count += 1
                    batch.entities.add(entity)
                    batch.actors.add(actor)
                    if incident_id is not None:
                        batch.incident_ids.add(incident_id)
                    batch.last_id = event_id
                if len(rows) < self.page:
                    break
        self.last_id = batch.last_id
        return batch
