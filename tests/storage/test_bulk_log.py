"""Rows written in bulk get the same rows and the same event log as the unit of work writing the
same steps one flush at a time."""

import sqlite3
from datetime import datetime, timedelta, timezone

from rescue_desk.domain.clock import BEIJING
from rescue_desk.services import audit
from rescue_desk.services.audit_state import rows_differing_from_log
from rescue_desk.services.incidents import CallInput, log_call
from rescue_desk.storage import open_database
from rescue_desk.storage.bulk_log import LoggedHistory
from rescue_desk.storage.models import Call, CheckIn, Incident, Officer, Person, Trip, Vehicle

T0 = datetime(2025, 6, 11, 9, 30, tzinfo=BEIJING)
STEPS = [T0, T0 + timedelta(minutes=20), T0 + timedelta(minutes=95), T0 + timedelta(minutes=240)]
TABLES = ["incidents", "calls", "trips", "trip_members", "checkins", "persons"]


def _roster(db):
    with db.write("tester", "roster") as s:
        s.add_all([Officer(name=n) for n in ("巴桑", "扎西", "次仁")] + [Vehicle(name="皮卡一号")])


def _story_through_the_orm(db):
    with db.write("tester", "story") as s:
        s.info["at"] = STEPS[0]
        inc = Incident(created_at=STEPS[0], category="fall_injury", est_lon=81.3, est_lat=31.1,
                       est_intervals=[[24.1, 25.7]], synthetic=True)
        s.add_all([inc, Call(incident=inc, received_at=STEPS[0], text="同伴摔倒了")])
        s.flush()
        s.info["at"] = STEPS[1]
        officers = {o.id: o for o in s.query(Officer)}
        trip = Trip(incident=inc, vehicle_id=1, members=[officers[3], officers[1]], departed_at=STEPS[1],
                    created_at=STEPS[1], approach={"walk_km": 1.5})
        inc.status = "dispatched"
        s.add(trip)
        s.flush()
        s.info["at"] = STEPS[2]
        s.add(CheckIn(trip=trip, at=STEPS[2], note="到了"))
        s.add(Person(incident=inc, trip_id=trip.id, age=40, outcome="hospital"))
        trip.on_scene_at, inc.status, inc.pos_lon, inc.pos_confirmed = STEPS[2], "on_scene", 81.31, True
        inc.severity = 2  # unchanged: not logged
        s.flush()
        s.info["at"] = STEPS[3]
        trip.returned_at, inc.status, inc.outcome, inc.closed_at = STEPS[3], "closed", "hospital", STEPS[3]


def _story_in_bulk(db):
    with db.write("tester", "story") as s:
        log = LoggedHistory(s)
        inc = log.create(Incident, STEPS[0], dict(created_at=STEPS[0], category="fall_injury", est_lon=81.3,
                                                  est_lat=31.1, est_intervals=[[24.1, 25.7]], synthetic=True))
        log.create(Call, STEPS[0], dict(incident_id=inc["id"], received_at=STEPS[0], text="同伴摔倒了"))
        trip = log.create(Trip, STEPS[1], dict(incident_id=inc["id"], vehicle_id=1, members=[3, 1],
                                               departed_at=STEPS[1], created_at=STEPS[1], approach={"walk_km": 1.5}))
        log.update(Incident, inc, STEPS[1], status="dispatched")
        log.create(CheckIn, STEPS[2], dict(trip_id=trip["id"], at=STEPS[2], note="到了"), incident_id=inc["id"])
        log.create(Person, STEPS[2], dict(incident_id=inc["id"], trip_id=trip["id"], age=40, outcome="hospital"))
        log.update(Trip, trip, STEPS[2], on_scene_at=STEPS[2])
        log.update(Incident, inc, STEPS[2], status="on_scene", pos_lon=81.31, pos_confirmed=True, severity=2)
        log.update(Trip, trip, STEPS[3], returned_at=STEPS[3])
        log.update(Incident, inc, STEPS[3], status="closed", outcome="hospital", closed_at=STEPS[3])
        assert log.write() == 10


def _raw(path, query):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _log_by_step(path):
    """The story's entries grouped by their time (within one flush the ORM's order is arbitrary)."""
    groups: dict = {}
    for row in _raw(path, "SELECT at, actor, operation, entity, entity_id, action, incident_id, before, after "
                          "FROM events WHERE operation = 'story' ORDER BY id"):
        groups.setdefault(row[0], []).append(row)
    return [sorted(rows) for rows in groups.values()]


def test_bulk_rows_and_log_equal_the_unit_of_works(tmp_path):
    paths = [tmp_path / "orm.sqlite3", tmp_path / "bulk.sqlite3"]
    for path, story in zip(paths, (_story_through_the_orm, _story_in_bulk)):
        db = open_database(f"sqlite:///{path}")
        _roster(db)
        story(db)
        assert audit.verify(db).intact and rows_differing_from_log(db) == []
        db.dispose()
    for table in TABLES:  # raw rows: a JSON column left empty is SQL NULL, not the text 'null'
        orm, bulk = (_raw(p, f"SELECT * FROM {table} ORDER BY 1, 2") for p in paths)
        assert orm and bulk == orm, table
    assert _raw(paths[1], "SELECT version FROM incidents") == [(4,)]  # created, then three changes
    logged = _log_by_step(paths[1])
    assert [len(step) for step in logged] == [2, 2, 4, 2]
    assert logged == _log_by_step(paths[0])


def test_bulk_history_on_both_databases_then_desk_writes_continue(any_db):
    _roster(any_db)
    _story_in_bulk(any_db)
    _story_in_bulk(any_db)  # ids continue after the rows already there
    _call, incident_id = log_call(any_db, "pasang", CallInput(received_at=datetime.now(timezone.utc),
                                                             text="过了卓玛拉一公里"))
    assert incident_id == 3  # PostgreSQL's id sequence was moved past the rows given their ids
    report = audit.verify(any_db)
    assert report.intact and report.checked == 4 + 2 * 10 + 2
    assert rows_differing_from_log(any_db) == []
