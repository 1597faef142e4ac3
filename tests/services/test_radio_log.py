"""Radio log per team: check-ins with a position (words, coordinates, map click), trails, overdue."""

from datetime import timedelta

import pytest

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.radio import PositionError, position_from_coordinates, position_from_map, position_from_words
from rescue_desk.services import incidents as svc
from rescue_desk.services.errors import NotFound, ValidationError
from rescue_desk.services.radio_log import (log_checkin, overdue_teams, radio_log, resolve_position,
                                            team_log_as_dict)
from rescue_desk.storage.models import Officer, Vehicle

KORA = load_kora()


def _incident_with_trip(db, minutes_out=90, interval=30):
    with db.write("t", "seed") as s:
        s.add_all([Officer(name="扎西", name_en="Tashi"), Vehicle(name="皮卡1", plate="藏F-1")])
    lon, lat = KORA.point_at(14.0)
    now = utc_now()
    inc = svc.log_call(db, "t", svc.CallInput(received_at=now - timedelta(minutes=minutes_out + 10), text="help",
                                              position=svc.Position(lon, lat)))[1]
    trip = svc.dispatch_trip(db, "t", inc, [1], 1, departed_at=now - timedelta(minutes=minutes_out),
                             checkin_interval_min=interval)
    return inc, trip, now


# --- positions (domain) -----------------------------------------------------------------
def test_words_go_through_the_locator():
    p = position_from_words("刚过曲古桥", KORA)
    chuku = KORA.landmark("Chuku").chainage_km
    assert p.source == "words" and p.text == "刚过曲古桥"
    assert abs(p.chainage_km - chuku) < 3.0 and p.radius_m >= 50


def test_coordinates_read_out_count_as_coordinates():
    lon, lat = KORA.point_at(13.0)
    p = position_from_words(f"N{lat:.5f} E{lon:.5f}", KORA)
    assert p.source == "coordinates"
    assert p.chainage_km == pytest.approx(13.0, abs=0.1)


def test_map_click_and_typed_coordinates():
    lon, lat = KORA.point_at(30.0)
    click = position_from_map(lon, lat, KORA)
    typed = position_from_coordinates(lon, lat, KORA)
    assert (click.source, typed.source) == ("map", "coordinates")
    assert click.chainage_km == pytest.approx(30.0, abs=0.05)
    off = position_from_map(lon + 0.02, lat, KORA)   # ~2 km off the trail: kept, but no chainage
    assert off.chainage_km is None


@pytest.mark.parametrize("call", [
    lambda: position_from_words("", KORA),
    lambda: position_from_words("hello there", KORA),
    lambda: position_from_map(116.4, 39.9, KORA),        # Beijing
    lambda: position_from_coordinates(float("nan"), 31.0, KORA),
    lambda: position_from_coordinates(200.0, 31.0, KORA),
])
def test_unusable_positions_say_why(call):
    with pytest.raises(PositionError) as err:
        call()
    assert str(err.value) and "\n" not in str(err.value)


def test_resolve_position_wants_one_way():
    lon, lat = KORA.point_at(5.0)
    with pytest.raises(ValidationError, match="either"):
        resolve_position(words="Tarboche", lon=lon, lat=lat)
    with pytest.raises(ValidationError, match="both"):
        resolve_position(lon=lon)
    assert resolve_position() is None
    assert resolve_position(lon=lon, lat=lat, clicked=True).source == "map"


# --- storage and service (SQLite and PostgreSQL) -------------------------------------------
def test_checkins_with_positions_make_the_trail(any_db):
    inc, trip, now = _incident_with_trip(any_db)
    log_checkin(any_db, "t", trip, now - timedelta(minutes=60), "出发 / left",
                resolve_position(words="色雄", at=now))
    lon, lat = KORA.point_at(9.0)
    log_checkin(any_db, "t", trip, now - timedelta(minutes=30), "on the way",
                resolve_position(lon=lon, lat=lat, clicked=True))
    log_checkin(any_db, "t", trip, now - timedelta(minutes=20), "radio only, no position")
    [team] = radio_log(any_db, inc, now)
    assert [e.position_source for e in team.entries] == ["words", "map", None]
    assert team.entries[0].position_text == "色雄"
    assert team.entries[1].chainage_km == pytest.approx(9.0, abs=0.05)
    assert len(team.trail) == 2 and team.trail[0].at < team.trail[1].at
    assert team.members == ["扎西"] and team.vehicle == "皮卡1"
    assert not team.overdue and team.due_at == now - timedelta(minutes=20) + timedelta(minutes=30)
    data = team_log_as_dict(team)
    assert data["trail"][1] == pytest.approx([lon, lat]) and data["checkins"][2]["lon"] is None


def test_overdue_teams_alert_until_a_checkin(any_db):
    inc, trip, now = _incident_with_trip(any_db, minutes_out=90, interval=30)
    late = overdue_teams(any_db, now)
    assert [t.trip_id for t in late] == [trip] and late[0].overdue
    log_checkin(any_db, "t", trip, now - timedelta(minutes=1), "all fine")
    assert overdue_teams(any_db, now) == []
    assert overdue_teams(any_db, now + timedelta(minutes=40))[0].trip_id == trip


def test_bad_checkins_are_refused_and_nothing_is_written(db):
    inc, trip, now = _incident_with_trip(db)
    with pytest.raises(NotFound):
        log_checkin(db, "t", 999, now, "x")
    with pytest.raises(ValidationError):
        log_checkin(db, "t", trip, now + timedelta(hours=2), "from the future")
    with pytest.raises(ValidationError):
        log_checkin(db, "t", trip, now - timedelta(hours=5), "before departure")
    assert radio_log(db, inc, now)[0].entries == []
    with pytest.raises(NotFound):
        radio_log(db, 12345)


def test_position_words_are_masked_for_viewers_without_personal_data(db):
    inc, trip, now = _incident_with_trip(db)
    log_checkin(db, "t", trip, now - timedelta(minutes=5), "call 13912345678",
                resolve_position(words="色雄 13912345678", at=now))
    from rescue_desk.storage.models import CheckIn

    with db.read() as s:
        s.info["mask_personal"] = True
        c = s.get(CheckIn, 1)
        assert "13912345678" not in c.position_text and "13912345678" not in c.note
