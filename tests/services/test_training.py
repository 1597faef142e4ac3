"""Training services on a demo station: replay from the log, scenario export/import round trip,
built-in scenarios, drill attempts scored and kept per trainee, never counted in statistics."""

import json
import shutil
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.scenarios import ScenarioError, personal_data_found
from rescue_desk.services.errors import NotFound, ValidationError
from rescue_desk.services.incidents import CallInput, close_incident, log_call
from rescue_desk.services.replay import ReplayError, replay_incident, replayable_incidents
from rescue_desk.services.reports import yearly_report
from rescue_desk.services.training import (BUILTIN_SET_NAME, DrillItem, create_drill_set, drill_brief,
                                           ensure_builtin_scenarios, export_scenario, import_scenario,
                                           list_drill_sets, list_scenarios, submit_attempt, trainee_progress,
                                           trainees, write_scenario_file)
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call, Event, Incident, Person, Trip

KORA = load_kora()


@pytest.fixture
def demo(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


def _rescue(db):
    """A closed demo incident with a trip and a confirmed position, and its facts from the tables."""
    with db.read() as s:
        trip = s.scalars(select(Trip).join(Incident).where(Incident.pos_confirmed.is_(True)).order_by(Trip.id)).first()
        inc = trip.incident
        return inc.id, trip, inc


def test_replay_positions_match_the_logged_times(demo):
    iid, trip, inc = _rescue(demo)
    replay = replay_incident(demo, iid)
    kinds = [e.kind for e in replay.entries]
    assert kinds[0] == "call" and kinds[-1] == "closed" and "on_scene" in kinds
    base = trip.approach["road_end_km"]
    assert replay.frame_at(trip.departed_at).teams[0].chainage_km == pytest.approx(base, abs=1e-6)
    assert replay.frame_at(trip.on_scene_at).teams[0].chainage_km == pytest.approx(inc.pos_chainage_km, abs=1e-6)
    mid = trip.departed_at + (trip.on_scene_at - trip.departed_at) / 2
    walked = replay.frame_at(mid).teams[0].chainage_km
    half = KORA.ahead_km(base, inc.pos_chainage_km, trip.approach["direction"]) / 2
    assert KORA.ahead_km(base, walked, trip.approach["direction"]) == pytest.approx(half, abs=1e-6)
    assert replay.frame_at(trip.returned_at).teams[0].chainage_km == pytest.approx(base, abs=1e-6)


def test_replay_errors(demo):
    with pytest.raises(NotFound):
        replay_incident(demo, 99999)
    with demo.write("t", "make_orphan") as s:  # an incident row whose events are gone (e.g. imported raw)
        s.execute(Incident.__table__.insert().values(id=90001, category="other", status="closed", severity=2,
                                                      party_size=1, drill=False, synthetic=False, version=1,
                                                      notes="", pos_confirmed=False, station_code="tarchen",
                                                      created_at=s.scalar(select(func.min(Event.at)))))
    with pytest.raises(ReplayError, match="no events"):
        replay_incident(demo, 90001)


def test_replay_hides_caller_data(demo):
    iid, _trip, _inc = _rescue(demo)
    with demo.read() as s:
        call = s.scalars(select(Call).where(Call.incident_id == iid)).first()
    text = json.dumps(replay_incident(demo, iid).to_json(), ensure_ascii=False)
    assert call.caller_phone and call.caller_phone not in text and call.caller_name not in text
    shown = json.dumps(replay_incident(demo, iid, show_personal=True).to_json(), ensure_ascii=False)
    assert call.caller_phone in shown


def test_export_import_round_trip(demo, tmp_path):
    iid, _trip, inc = _rescue(demo)
    path = tmp_path / "s.json"
    doc = write_scenario_file(demo, iid, path)
    text = path.read_text(encoding="utf-8")
    with demo.read() as s:
        secrets = [c.caller_phone for c in s.scalars(select(Call).where(Call.incident_id == iid))]
        secrets += [c.caller_name for c in s.scalars(select(Call).where(Call.incident_id == iid))]
        secrets += [p.name for p in s.scalars(select(Person).where(Person.incident_id == iid)) if p.name]
    assert all(x and x not in text for x in secrets)
    assert personal_data_found(json.loads(text)) == []
    sid = import_scenario(demo, "trainer", text)
    with pytest.raises(ValidationError, match="already imported"):
        import_scenario(demo, "trainer", text)
    assert [r.key for r in list_scenarios(demo)] == [doc["key"]]
    brief = drill_brief(demo, DrillItem(scenario_id=sid))
    assert brief.text == json.loads(text)["calls"][0]["text"]
    original = replay_incident(demo, iid)
    from rescue_desk.services.training import scenario_story
    from rescue_desk.services.replay import replay_story

    again = replay_story(scenario_story(demo, sid))
    assert [(e.at, e.kind) for e in again.entries] == [(e.at, e.kind) for e in original.entries]
    assert again.story.truth.chainage_km == pytest.approx(inc.pos_chainage_km, abs=1e-3)


def test_bad_import_writes_nothing(demo):
    iid, _trip, _inc = _rescue(demo)
    doc = export_scenario(demo, iid)
    doc["landmarks"].append("no_such_place")
    with pytest.raises(ScenarioError, match="no_such_place"):
        import_scenario(demo, "trainer", json.dumps(doc))
    doc = export_scenario(demo, iid)
    text = json.dumps(doc)
    with pytest.raises(ScenarioError, match="truncated"):
        import_scenario(demo, "trainer", text[:-40])
    assert list_scenarios(demo) == []


def test_open_incident_is_not_exported(demo):
    _c, iid = log_call(demo, "duty", CallInput(received_at=utc_now(), text="help", category="lost"))
    with pytest.raises(ValidationError, match="still open"):
        export_scenario(demo, iid)


def test_drills_are_scored_kept_and_never_counted(demo):
    year = 2025
    before = yearly_report(demo, year)
    with demo.read() as s:
        n_incidents = s.scalar(select(func.count(Incident.id)))
        n_events = s.scalar(select(func.count(Event.id)))
    assert ensure_builtin_scenarios(demo) >= 3
    assert ensure_builtin_scenarios(demo) == 0  # once only
    sets = list_drill_sets(demo)
    assert sets[0].name == BUILTIN_SET_NAME and sets[0].builtin
    item = sets[0].items[0]
    from rescue_desk.services.training import item_story

    truth = item_story(demo, item).truth
    exact = submit_attempt(demo, "duty", "trainee A", item, (truth.lon, truth.lat),
                           [(truth.chainage_km - 1, truth.chainage_km + 1)], "access_kora_gate:cw", sets[0].id)
    assert exact.score.distance_error_km == pytest.approx(0, abs=0.05) and exact.score.truth_inside_area
    best = submit_attempt(demo, "duty", "trainee A", item, (truth.lon, truth.lat),
                          [(truth.chainage_km - 1, truth.chainage_km + 1)], exact.score.best_approach_id)
    assert best.score.eta_error_min == 0 and best.score.score >= exact.score.score
    far = KORA.point_at((truth.chainage_km + 10) % KORA.length_km)
    bad = submit_attempt(demo, "duty", "trainee A", DrillItem(incident_id=_rescue(demo)[0]), far,
                         [(0.0, 0.5)], exact.score.best_approach_id)
    assert bad.score.score < best.score.score and bad.team_minutes_to_scene > 0
    progress = trainee_progress(demo, "trainee A")
    assert [p.score for p in progress] == [exact.score.score, best.score.score, bad.score.score]
    assert trainees(demo) == ["trainee A"]
    with pytest.raises(ValidationError, match="trainee"):
        submit_attempt(demo, "duty", " ", item, (truth.lon, truth.lat), [(0, 1)], "access_kora_gate:cw")
    with pytest.raises(ValidationError, match="approach"):
        submit_attempt(demo, "duty", "B", item, (truth.lon, truth.lat), [(0, 1)], "teleport:cw")
    after = yearly_report(demo, year)
    assert after == before
    with demo.read() as s:
        assert s.scalar(select(func.count(Incident.id))) == n_incidents
        assert s.scalar(select(func.count(Event.id))) == n_events


def test_drill_set_checks_items(demo):
    iid, _t, _i = _rescue(demo)
    assert create_drill_set(demo, "trainer", "week 1", [{"incident_id": iid}])
    with pytest.raises(ValidationError, match="name"):
        create_drill_set(demo, "trainer", " ", [{"incident_id": iid}])
    with pytest.raises(ValidationError, match="99999"):
        create_drill_set(demo, "trainer", "x", [{"incident_id": 99999}])
    with pytest.raises(ValidationError, match="at least one"):
        create_drill_set(demo, "trainer", "x", [])


def test_replayable_list_masks_phone_numbers(demo):
    _c, iid = log_call(demo, "duty", CallInput(received_at=utc_now() - timedelta(hours=1),
                                               text="老人胸口疼，回电 13987654321", category="cardiac"))
    close_incident(demo, "duty", iid, "resolved_by_phone")
    rows = replayable_incidents(demo, limit=5)
    assert rows[0].id == iid and "13987654321" not in rows[0].text and rows[0].text.startswith("老人胸口疼")
