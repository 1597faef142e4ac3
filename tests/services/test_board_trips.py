from datetime import timedelta

import pytest

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.gpx import GpxError, parse_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents as svc
from rescue_desk.services.board import board_rows
from rescue_desk.services.trips import attach_track, incident_detail, roster
from rescue_desk.storage.models import Officer, Vehicle


@pytest.fixture
def crew(db):
    with db.write("t", "seed") as s:
        s.add_all([Officer(name="扎西", name_en="Tashi"), Officer(name="王磊", name_en="Wang Lei"),
                   Vehicle(name="皮卡1", plate="藏F-1")])
    return db


def _call(db, minutes_ago, km=5.6):
    lon, lat = load_kora().point_at(km)
    return svc.log_call(db, "t", svc.CallInput(received_at=utc_now() - timedelta(minutes=minutes_ago),
                                               text="help", position=svc.Position(lon, lat)))[1]


def test_new_incident_becomes_overdue_without_dispatch(crew):
    inc = _call(crew, 20)
    fresh = _call(crew, 2, km=30)
    rows = {r.id: r for r in board_rows(crew)}
    assert rows[inc].next_step == "dispatch" and rows[inc].overdue == "no_dispatch"
    assert rows[fresh].overdue is None


def test_checkin_overdue_then_cleared_by_a_checkin(crew):
    inc = _call(crew, 120)
    now = utc_now()
    trip = svc.dispatch_trip(crew, "t", inc, [1, 2], 1, departed_at=now - timedelta(minutes=90),
                             checkin_interval_min=30)
    row = next(r for r in board_rows(crew) if r.id == inc)
    assert row.status == "dispatched" and row.next_step == "reach_scene" and row.overdue == "checkin"
    svc.add_checkin(crew, "t", trip, now - timedelta(minutes=1), "at Sershong, all fine")
    row = next(r for r in board_rows(crew) if r.id == inc)
    assert row.overdue is None and row.trip_id == trip


def test_roster_shows_who_is_out_and_hours_today(crew):
    inc = _call(crew, 60)
    svc.dispatch_trip(crew, "t", inc, [1], 1, departed_at=utc_now() - timedelta(minutes=30))
    officers, vehicles = roster(crew)
    tashi, wang = officers
    assert tashi.out and not wang.out and vehicles[0].out
    assert 0.45 <= tashi.hours_today <= 0.55 and wang.hours_today == 0


def _gpx(lonlats, t0):
    pts = "".join(f'<trkpt lat="{lat}" lon="{lon}"><time>{(t0 + timedelta(minutes=i)).isoformat()}</time></trkpt>'
                  for i, (lon, lat) in enumerate(lonlats))
    return f'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{pts}</trkseg></trk></gpx>'


def test_track_is_stored_only_when_it_belongs_to_the_trip(crew):
    inc = _call(crew, 120)
    trip = svc.dispatch_trip(crew, "t", inc, [1], departed_at=utc_now() - timedelta(minutes=100))
    kora = load_kora()
    on_kora = [kora.point_at(1 + 0.3 * i) for i in range(10)]
    assert attach_track(crew, "t", trip, parse_gpx(_gpx(on_kora, utc_now() - timedelta(minutes=90)))) == 10
    detail = incident_detail(crew, inc)
    assert detail.trips[0].track_points == 10 and detail.trips[0].track[0] == pytest.approx(on_kora[0])
    with pytest.raises(GpxError, match="not on the kora"):
        attach_track(crew, "t", trip, parse_gpx(_gpx([(116.4 + i / 1000, 39.9) for i in range(5)], utc_now())))
    with pytest.raises(GpxError, match="another trip"):
        attach_track(crew, "t", trip, parse_gpx(_gpx(on_kora, utc_now() - timedelta(days=30))))
