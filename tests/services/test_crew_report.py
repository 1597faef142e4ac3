"""The report's ``by_officer`` and ``by_vehicle`` from the database (and through ``report --json``)."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from rescue_desk.cli import run
from rescue_desk.domain.clock import to_beijing, utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.stats import Period
from rescue_desk.services.incidents import CallInput, dispatch_trip, log_call, log_trip_time
from rescue_desk.services.reports import period_report
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Officer, Vehicle


def test_a_trip_to_dolma_la_counts_for_its_team_and_vehicle(field_shift, capsys):
    url, _ids = field_shift
    db = open_database(url)
    kora = load_kora()
    now = utc_now()
    with db.read() as s:
        team = s.scalars(select(Officer.id).order_by(Officer.id.desc()).limit(2)).all()
        vehicle = s.scalars(select(Vehicle.id).order_by(Vehicle.id.desc())).first()
    period = Period.year(to_beijing(now).year)
    before = period_report(db, period)
    lon, lat = kora.point_at(24.6)  # below Dolma La, above 5,000 m
    assert kora.elevation_at(24.6) > 5000
    _c, iid = log_call(db, "desk", CallInput(received_at=now - timedelta(hours=10), text="卓玛拉山口下面有人摔伤",
                                             estimate={"status": "placed", "lon": lon, "lat": lat,
                                                       "chainage_km": 24.6, "intervals_km": [[24.0, 25.2]]}))
    trip = dispatch_trip(db, "desk", iid, team, vehicle, departed_at=now - timedelta(hours=9))
    log_trip_time(db, "desk", trip, "on_scene_at", now - timedelta(hours=6))
    log_trip_time(db, "desk", trip, "evacuating_at", now - timedelta(hours=3, minutes=30))
    log_trip_time(db, "desk", trip, "returned_at", now - timedelta(hours=1))
    after = period_report(db, period)
    db.dispose()
    old = {r.id: r for r in before.by_officer}
    new = {r.id: r for r in after.by_officer}
    for oid in team:
        assert new[oid].trips == old[oid].trips + 1
        assert new[oid].field_hours == pytest.approx(old[oid].field_hours + 8.0, abs=0.01)
        assert new[oid].hours_above_5000m_7d == pytest.approx(old[oid].hours_above_5000m_7d + 2.5, abs=0.01)
    vnew = {r.id: r for r in after.by_vehicle}[vehicle]
    vold = {r.id: r for r in before.by_vehicle}[vehicle]
    assert vnew.trips == vold.trips + 1 and vnew.hours_out == pytest.approx(vold.hours_out + 8.0, abs=0.01)
    assert run(["--db", url, "report", "--year", str(period.start.year), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    row = next(r for r in doc["by_officer"] if r["id"] == team[0])
    assert set(row) == {"id", "name", "trips", "field_hours", "nights_out", "hours_above_5000m_7d"}
    assert row["trips"] == new[team[0]].trips
    assert {"id", "name", "plate", "trips", "hours_out", "nights_out"} == set(doc["by_vehicle"][0])
