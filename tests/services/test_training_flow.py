"""Replay and training on events written by the desk services themselves (SQLite and PostgreSQL):
an estimate corrected, a trip with a GPS track partly outside the trip, check-ins, persons."""

import json
from datetime import timedelta

import pytest

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.gpx import parse_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.scenarios import personal_data_found
from rescue_desk.services.incidents import (CallInput, PersonInput, Position, add_checkin, add_person, close_incident,
                                            dispatch_trip, log_call, log_trip_time, set_position)
from rescue_desk.services.replay import replay_incident
from rescue_desk.services.training import (DrillItem, export_scenario, import_scenario, submit_attempt,
                                           trainee_progress)
from rescue_desk.services.trips import attach_track
from rescue_desk.storage.models import Officer

KORA = load_kora()


def _gpx(points):
    body = "".join(f'<trkpt lat="{lat}" lon="{lon}"><time>{t.isoformat()}</time></trkpt>' for t, lon, lat in points)
    return parse_gpx(f'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{body}'
                     '</trkseg></trk></gpx>')


class Clock:
    """The desk's wall clock as the event log reads it, so actions happen at their real times."""

    def __init__(self, monkeypatch, t0):
        self.now = t0
        monkeypatch.setattr("rescue_desk.storage.events.utc_now", lambda: self.now)

    def at(self, t):
        self.now = t


def _rescue(db, monkeypatch):
    t0 = utc_now() - timedelta(hours=8)
    clock = Clock(monkeypatch, t0)
    m = lambda minutes: t0 + timedelta(minutes=minutes)  # noqa: E731
    with db.write("t", "seed") as s:
        s.add_all([Officer(name="扎西"), Officer(name="王磊")])
    lon, lat = KORA.point_at(20.0)
    _call, iid = log_call(db, "duty", CallInput(
        received_at=t0, text="过了岗加两公里，同伴高反，电话 13911112222", caller_name="张三", caller_phone="13911112222",
        category="altitude_sickness", estimate={"status": "placed", "lon": lon, "lat": lat, "chainage_km": 20.0,
                                                "radius_m": 900, "method": "words"}))
    clock.at(m(6))
    set_position(db, "duty", iid, Position(*KORA.point_at(20.6), "phone"))  # the caller's phone fix
    clock.at(m(12))
    trip = dispatch_trip(db, "duty", iid, [1, 2], approach={"road_end_km": 18.446, "direction": "cw"},
                         departed_at=t0 + timedelta(minutes=15))
    clock.at(m(46))
    add_checkin(db, "duty", trip, t0 + timedelta(minutes=45), note="过了小天葬台")
    clock.at(m(76))
    log_trip_time(db, "duty", trip, "on_scene_at", t0 + timedelta(minutes=75))
    set_position(db, "duty", iid, Position(*KORA.point_at(20.7), "team_gps"))
    clock.at(m(80))
    add_person(db, "duty", iid, PersonInput(age=40, name="李四", phone="13800001111", document_no="X1234567",
                                            outcome="evacuated_darchen", trip_id=trip))
    clock.at(m(91))
    log_trip_time(db, "duty", trip, "evacuating_at", t0 + timedelta(minutes=90))
    clock.at(m(151))
    log_trip_time(db, "duty", trip, "returned_at", t0 + timedelta(minutes=150))
    close_incident(db, "duty", iid, "rescued", at=t0 + timedelta(minutes=151))
    clock.at(m(160))
    fixes = [(t0 + timedelta(minutes=15 + 2 * i), *KORA.point_at(18.446 + 0.0075 * 2 * i)) for i in range(31)]
    fixes.append((t0 + timedelta(minutes=150 + 50), *KORA.point_at(18.4)))  # a fix long after the return
    attach_track(db, "duty", trip, _gpx(fixes))
    return iid, t0, fixes


def test_replay_of_desk_events_with_track(any_db, monkeypatch):
    iid, t0, fixes = _rescue(any_db, monkeypatch)
    replay = replay_incident(any_db, iid)
    kinds = [e.kind for e in replay.entries]
    assert kinds == ["call", "estimate", "position", "dispatch", "departed", "checkin", "on_scene", "position",
                     "person", "evacuating", "returned", "closed"]
    assert [e.at for e in replay.entries] == sorted(e.at for e in replay.entries)
    assert replay.motions[0].source == "track"
    assert len(replay.warnings) == 1 and "1 of 32 GPS fixes" in replay.warnings[0]
    team = replay.frame_at(t0 + timedelta(minutes=16)).teams[0]  # halfway between the first two fixes
    a, b = fixes[0][1:], fixes[1][1:]
    assert (team.lon, team.lat) == pytest.approx(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), abs=1e-9)
    assert replay.frame_at(t0 + timedelta(minutes=80)).estimate.confirmed
    text = json.dumps(replay.to_json(), ensure_ascii=False)
    for secret in ("张三", "13911112222", "李四", "13800001111", "X1234567"):
        assert secret not in text


def test_export_import_and_drill_on_both_databases(any_db, monkeypatch):
    iid, t0, _fixes = _rescue(any_db, monkeypatch)
    doc = export_scenario(any_db, iid)
    assert personal_data_found(doc) == []
    assert len(doc["trips"][0]["track"]) == 31  # the stray fix stays home
    doc["key"] = "copy-1"
    sid = import_scenario(any_db, "trainer", json.dumps(doc, ensure_ascii=False))
    truth = KORA.point_at(20.7)
    result = submit_attempt(any_db, "duty", "trainee", DrillItem(scenario_id=sid), truth, [(19.5, 21.5)],
                            "access_gangjia:cw")
    assert result.score.distance_error_km == pytest.approx(0, abs=0.01) and result.score.truth_inside_area
    assert result.team_minutes_to_scene == pytest.approx(75, abs=0.01)
    points = trainee_progress(any_db, "trainee")
    assert len(points) == 1 and points[0].score == result.score.score
