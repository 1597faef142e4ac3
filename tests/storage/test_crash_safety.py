"""Kill -9 the writing process again and again: every write reported as saved survives, the file
passes SQLite's integrity check and the event chain stays intact."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from datetime import timedelta

from sqlalchemy import select

from rescue_desk.services.audit import verify
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call, CheckIn, Incident, Person

ROUNDS = 15

def _child(url: str, fd: int) -> None:
    """Runs in the forked child: write through the services, report each id after its commit returned."""
    from rescue_desk.domain.clock import utc_now
    from rescue_desk.services import incidents as svc

    def say(text: str) -> None:
        os.write(fd, (text + "\n").encode())

    db = open_database(url)
    say("ready")
    t = utc_now() - timedelta(hours=6)
    while True:
        call_id, inc = svc.log_call(db, "crash-test", svc.CallInput(received_at=t, text="crash test 测试"))
        say(f"calls {call_id}")
        say(f"incidents {inc}")
        say(f"persons {svc.add_person(db, 'crash-test', inc, svc.PersonInput(age=33, name='测试'))}")
        svc.set_status(db, "crash-test", inc, "dispatched")
        trip = svc.dispatch_trip(db, "crash-test", inc, [1], departed_at=t + timedelta(minutes=5))
        say(f"checkins {svc.add_checkin(db, 'crash-test', trip, t + timedelta(minutes=10), note='ok')}")


MODELS = {"calls": Call, "incidents": Incident, "persons": Person, "checkins": CheckIn}


def _round(url: str, rng: random.Random, saved: list[str]) -> None:
    """Fork a writer (no Qt; imports already done, so a round is quick), SIGKILL it at a random moment."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        try:
            _child(url, write_fd)
        finally:
            os._exit(1)
    os.close(write_fd)
    started = threading.Event()

    def read():
        with os.fdopen(read_fd, "r") as stream:
            for line in stream:
                line = line.strip()
                if line == "ready":
                    started.set()
                elif line:
                    saved.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert started.wait(20), "the child never opened the database"
    time.sleep(rng.uniform(0.02, 0.4))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    reader.join(10)


def test_sigkill_during_writes(sqlite_url):
    from rescue_desk.storage.models import Officer

    db = open_database(sqlite_url)
    with db.write("setup", "roster_add") as s:
        s.add(Officer(name="巴桑"))
    db.dispose()  # no connection may cross the fork
    rng = random.Random(7)
    saved: list[str] = []
    for _ in range(ROUNDS):
        _round(sqlite_url, rng, saved)
    print(f"{len(saved)} writes reported saved over {ROUNDS} kills")
    assert len(saved) > ROUNDS  # the kills really landed in the middle of a stream of writes
    db = open_database(sqlite_url)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        with db.read() as s:
            for line in saved:
                table, ident = line.split()
                assert s.get(MODELS[table], int(ident)) is not None, f"{line} was reported saved but is missing"
            n_calls = len(s.scalars(select(Call.id)).all())
        report = verify(db)
        assert report.intact, report.sentence()
        assert n_calls >= sum(1 for line in saved if line.startswith("calls"))
    finally:
        db.dispose()
