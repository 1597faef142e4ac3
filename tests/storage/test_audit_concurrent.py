"""Four desks writing at once: the hash chain stays one unbroken line, nothing lost or doubled."""

import threading
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from rescue_desk.services import incidents
from rescue_desk.services.audit import verify
from rescue_desk.services.incidents import CallInput
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call, Event

T0 = datetime.now(timezone.utc) - timedelta(hours=1)
DESKS, WRITES = 4, 15


def test_parallel_desks_keep_one_chain(any_db_url):
    open_database(any_db_url).dispose()  # migrate once, before the desks start
    saved, errors = [], []

    def desk(n):
        db = open_database(any_db_url, migrate=False)
        try:
            for i in range(WRITES):
                call_id, inc = incidents.log_call(db, f"desk{n}", CallInput(received_at=T0, text=f"d{n}-{i}"))
                incidents.set_status(db, f"desk{n}", inc, "dispatched")
                saved.append(call_id)
        except Exception as exc:  # reported below; a thread's exception would otherwise vanish
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(DESKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    db = open_database(any_db_url)
    try:
        with db.read() as s:
            texts = s.scalars(select(Call.text)).all()
            n_events = s.scalar(select(func.count()).select_from(Event))
        assert sorted(saved) == sorted(set(saved)) and len(saved) == DESKS * WRITES
        assert len(texts) == len(set(texts)) == DESKS * WRITES
        report = verify(db)
        assert report.intact and report.checked == n_events == DESKS * WRITES * 3
    finally:
        db.dispose()
