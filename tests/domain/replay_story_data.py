"""Shared test data for replay, scenario and drill tests: the event log of one rescue."""

from datetime import datetime, timedelta, timezone

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.replay import EventRecord

T0 = datetime(2025, 7, 1, 2, 0, tzinfo=timezone.utc)
KORA = load_kora()


def _ev(i, minutes, entity, eid, action, after, before=None):
    return EventRecord(id=i, at=T0 + timedelta(minutes=minutes), entity=entity, entity_id=eid, action=action,
                       incident_id=1, before=before, after=after)


def _iso(minutes):
    return (T0 + timedelta(minutes=minutes)).isoformat()


def _events(scene_km=24.0, base_km=26.65, direction="ccw", track=None, checkins=()):
    est_lon, est_lat = KORA.point_at(scene_km + 0.5)
    pos_lon, pos_lat = KORA.point_at(scene_km)
    evs = [
        _ev(1, 0, "incidents", 1, "create", {"id": 1, "created_at": _iso(0), "category": "fall_injury", "status": "new",
                                              "est_lon": est_lon, "est_lat": est_lat, "est_chainage_km": scene_km + 0.5,
                                              "est_uncertainty_m": 800.0, "est_method": "words", "notes": ""}),
        _ev(2, 0, "calls", 7, "create", {"id": 7, "incident_id": 1, "received_at": _iso(0), "text": "摔倒了 13912345678",
                                          "caller_name": "张三", "caller_phone": "13912345678", "channel": "phone"}),
        _ev(3, 10, "incidents", 1, "update", {"est_lon": est_lon, "est_chainage_km": scene_km + 0.2}),
        _ev(4, 20, "trips", 3, "create", {"id": 3, "incident_id": 1, "created_at": _iso(20), "departed_at": _iso(20),
                                           "approach": {"road_end_km": base_km, "direction": direction},
                                           "track": track, "members": [1, 2]}),
        _ev(5, 20, "incidents", 1, "update", {"status": "dispatched"}),
        _ev(6, 80, "trips", 3, "update", {"on_scene_at": _iso(80)}),
        _ev(7, 80, "incidents", 1, "update", {"status": "on_scene", "pos_lon": pos_lon, "pos_lat": pos_lat,
                                               "pos_chainage_km": scene_km, "pos_source": "team_gps",
                                               "pos_confirmed": True}),
        _ev(8, 80, "persons", 4, "create", {"id": 4, "incident_id": 1, "name": "李四", "phone": "13800001111",
                                             "document_no": "510101199001011234", "age": 30, "sex": "male",
                                             "outcome": "hospital"}),
        _ev(9, 100, "trips", 3, "update", {"evacuating_at": _iso(100)}),
        _ev(10, 160, "trips", 3, "update", {"returned_at": _iso(160)}),
        _ev(11, 160, "incidents", 1, "update", {"status": "closed", "outcome": "hospital", "closed_at": _iso(160)}),
    ]
    for j, (minutes, lon, lat) in enumerate(checkins):
        evs.append(_ev(20 + j, minutes, "checkins", 50 + j, "create",
                       {"id": 50 + j, "trip_id": 3, "at": _iso(minutes), "lon": lon, "lat": lat, "note": "ok"}))
    return evs
