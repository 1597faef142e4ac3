"""The demo station: plausible, marked synthetic, yearly rescued totals 700–900."""

from collections import Counter

from sqlalchemy import func, select, text

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.services.db_check import check_database
from rescue_desk.services.incidents import CallInput, log_call
from rescue_desk.services.demo import ensure_demo_station, generate_demo, is_synthetic
from rescue_desk.storage import open_database
from rescue_desk.storage.check import verify_chain
from rescue_desk.storage.models import Incident, Officer, Person, Trip


def test_demo_year_is_plausible(demo_db_file):
    db = open_database(f"sqlite:///{demo_db_file}")
    assert is_synthetic(db)
    with db.read() as s:
        rescued = s.scalar(select(func.count(Person.id)).where(Person.rescued.is_(True)))
        people_years = [p.incident.created_at.astimezone(BEIJING).year for p in s.scalars(select(Person))]
        incidents = s.scalars(select(Incident)).all()
        trips = s.scalars(select(Trip)).all()
        officers = s.scalar(select(func.count(Officer.id)))
    assert 700 <= people_years.count(2025) <= 900
    assert rescued >= 690
    assert 18 <= officers <= 25
    months = Counter(i.created_at.astimezone(BEIJING).month for i in incidents if i.created_at.year == 2025)
    summer = sum(months[m] for m in range(5, 11))
    assert summer / sum(months.values()) > 0.8  # the kora is walked May–October
    per_day = Counter(t.departed_at.astimezone(BEIJING).date() for t in trips)
    assert max(per_day.values()) <= 4  # at most four round trips a day
    pass_area = [i for i in incidents if i.chainage_km is not None and 19.7 <= i.chainage_km <= 27.0]
    assert len(pass_area) / len(incidents) > 0.35  # the Dolma La climb and descent dominate
    assert all(i.synthetic for i in incidents)
    assert verify_chain(db)[1] is None
    db.dispose()


def test_first_start_creates_demo_once(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    assert ensure_demo_station(db, years=1) is True
    with db.read() as s:
        n = s.scalar(select(func.count(Incident.id)))
    assert ensure_demo_station(db, years=1) is False
    with db.read() as s:
        assert s.scalar(select(func.count(Incident.id))) == n
    db.dispose()


def _content(db) -> dict[str, list]:
    """Every generated row, and the history's log entries without their hashes (the roster's
    entries carry the time of the run, which the chain includes)."""
    queries = {t: f"SELECT * FROM {t} ORDER BY 1, 2" for t in
               ("officers", "vehicles", "incidents", "calls", "trips", "trip_members", "checkins", "persons")}
    queries["events"] = ("SELECT at, operation, entity, entity_id, action, incident_id, before, after FROM events "
                         "WHERE operation = 'demo_history' ORDER BY id")
    with db.engine.connect() as conn:
        return {name: conn.execute(text(q)).all() for name, q in queries.items()}


def test_demo_is_reproducible(tmp_path):
    contents, totals = [], []
    for name in ("a", "b"):
        db = open_database(f"sqlite:///{tmp_path / name}.sqlite3")
        totals.append(generate_demo(db, years=1, end_year=2024, seed=7, open_incidents=False).persons_by_year)
        contents.append(_content(db))
        db.dispose()
    assert totals[0] == totals[1]
    from rescue_desk.storage.models import Person

    rescued_col = [c.name for c in Person.__table__.columns].index("rescued")
    rescued = sum(1 for p in contents[0]["persons"] if p[rescued_col])
    assert rescued == totals[0][2024] < len(contents[0]["persons"]) and len(contents[0]["events"]) > 4000
    assert contents[0] == contents[1]


def test_demo_on_postgresql_passes_db_check(pg_url):
    db = open_database(pg_url)
    summary = generate_demo(db, years=1, end_year=2024)
    report = check_database(db.engine)
    assert report.ok, report.lines
    assert f"{summary.incidents + 3} incidents (synthetic demo data)" in " ".join(report.lines)
    _call, incident_id = log_call(db, "pasang", CallInput(received_at=utc_now(), text="过了卓玛拉一公里"))
    assert incident_id == summary.incidents + 4  # the desk goes on after the generated ids
    db.dispose()


def test_interrupted_generation_is_detected(tmp_path):
    from rescue_desk.services.demo import DemoUnfinished, demo_state

    db = open_database(f"sqlite:///{tmp_path / 'i.sqlite3'}")
    assert demo_state(db) == "empty"

    def killed(done, total):
        raise KeyboardInterrupt  # the process dies after the first season was committed

    try:
        generate_demo(db, years=2, end_year=2024, on_step=killed)
    except KeyboardInterrupt:
        pass
    with db.read() as s:
        assert s.scalar(select(func.count(Incident.id))) > 0  # half filled...
    assert demo_state(db) == "unfinished"  # ...and known to be
    try:
        ensure_demo_station(db, years=1)
        raise AssertionError("a half-filled demo must not pass as the demo station")
    except DemoUnfinished:
        pass
    db.dispose()


def test_demo_file_appears_only_when_complete(tmp_path):
    from rescue_desk.services.demo import create_demo_file

    path = tmp_path / "demo.sqlite3"
    steps = []

    def stop_after_first(done, total):
        steps.append((done, total))
        raise RuntimeError("stop")

    try:
        create_demo_file(path, years=2, on_step=stop_after_first)
    except RuntimeError:
        pass
    assert steps == [(1, 2)]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # neither the file nor its .part
