"""The reports service on SQLite and PostgreSQL, against records entered through the desk services
and counted by hand."""

from datetime import datetime, timedelta

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.stats import Period
from rescue_desk.services import incidents as svc
from rescue_desk.services.reports import period_csv, period_report, years_with_data, yearly_report
from rescue_desk.storage.models import Incident, Officer

A = "test"


def bj(*a):
    return datetime(*a, tzinfo=BEIJING)


def _incident(db, when, category="exhaustion", km=None, drill=False, people=(), outcome="rescued",
              dep=None, scene=None, extra_calls=0):
    from rescue_desk.domain.kora import load_kora

    pos = None
    if km is not None:
        lon, lat = load_kora().point_at(km)
        pos = svc.Position(lon, lat, "officer")
    _call, inc = svc.log_call(db, A, svc.CallInput(received_at=when, text="x", category=category, position=pos,
                                                  drill=drill))
    for k in range(extra_calls):
        svc.log_call(db, A, svc.CallInput(received_at=when + timedelta(minutes=5 + k), drill=drill), incident_id=inc)
    if dep is not None:
        trip = svc.dispatch_trip(db, A, inc, [1], departed_at=dep)
        if scene is not None:
            svc.log_trip_time(db, A, trip, "on_scene_at", scene)
    for origin, p_outcome in people:
        svc.add_person(db, A, inc, svc.PersonInput(origin=origin, outcome=p_outcome))
    closed = (scene or when) + timedelta(hours=1)
    if dep is not None:
        svc.log_trip_time(db, A, trip, "returned_at", closed)  # a team out cannot be closed on
    svc.close_incident(db, A, inc, outcome, at=closed)
    return inc


@pytest.fixture
def station(any_db):
    with any_db.write(A, "roster") as s:
        s.add(Officer(name="扎西"))
    # 2024: New Year's Eve, 23:30 Beijing (15:30 UTC)
    _incident(any_db, bj(2024, 12, 31, 23, 30), km=3.0, people=[("domestic", "walked_out")],
              dep=bj(2024, 12, 31, 23, 45), scene=bj(2025, 1, 1, 0, 30))
    # 2025 begins ten minutes after midnight Beijing (still 31 Dec in UTC)
    _incident(any_db, bj(2025, 1, 1, 0, 10), category="lost", km=24.1, people=[("tibetan_pilgrim", "evacuated_darchen")],
              dep=bj(2025, 1, 1, 0, 30), scene=bj(2025, 1, 1, 1, 10), extra_calls=1)
    _incident(any_db, bj(2025, 6, 11, 9, 0), category="altitude_sickness", km=19.0, outcome="hospital",
              people=[("indian_yatri", "hospital"), ("indian_yatri", "evacuated_darchen"), ("domestic", "deceased")],
              dep=bj(2025, 6, 11, 9, 30), scene=bj(2025, 6, 11, 11, 0))
    _incident(any_db, bj(2025, 6, 11, 15, 0), category="false_alarm", outcome="false_alarm")
    _incident(any_db, bj(2025, 6, 12, 10, 0), km=20.0, drill=True, people=[("domestic", "walked_out")] * 3,
              dep=bj(2025, 6, 12, 10, 5), scene=bj(2025, 6, 12, 10, 40), extra_calls=2)
    _incident(any_db, bj(2025, 12, 31, 23, 50), category="hypothermia", km=45.9, people=[("other_foreign", "hospital")],
              dep=bj(2026, 1, 1, 0, 20), scene=bj(2026, 1, 1, 1, 0), outcome="hospital")
    return any_db


def test_yearly_totals_by_hand(station):
    r = yearly_report(station, 2025)
    t = r.totals
    assert (t.calls, t.incidents, t.trips) == (5, 4, 3)  # 2 + 1 + 1 + 1 calls; the drill has 3
    # rescued: pilgrim 1 + (yatri 2) + foreigner 1; the deceased is not rescued
    assert (t.persons_rescued, t.hospital, t.deaths, t.false_alarms) == (4, 2, 1, 1)
    assert r.by_month[(2025, 1)] == 1 and r.by_month[(2025, 6)] == 2 and r.by_month[(2025, 12)] == 1
    assert r.calls_by_month[(2025, 1)] == 2
    assert r.by_category == {"lost": 1, "altitude_sickness": 1, "false_alarm": 1, "hypothermia": 1}
    assert r.by_outcome == {"hospital": 2, "rescued": 1, "false_alarm": 1}
    assert r.by_origin == {"indian_yatri": 2, "tibetan_pilgrim": 1, "domestic": 1, "other_foreign": 1}
    sections = {s.key: s.count for s in r.by_section}
    assert sections["dolma_la"] == 1 and sections["gangjia"] == 1 and sections["zongdui_supply"] == 1
    assert r.unplaced == 1
    # call → scene: 60 (1 Jan), 120 (June), 70 (31 Dec): median 70
    assert r.response["call_to_scene"].median == pytest.approx(70.0)
    assert r.response["call_to_departure"].median == pytest.approx(30.0)
    assert r.busiest_days == [(datetime(2025, 1, 1).date(), 1), (datetime(2025, 6, 11).date(), 1)]
    assert r.previous.incidents == 1 and r.previous.persons_rescued == 1 and r.previous.calls == 1
    assert r.year_over_year()["incidents"]["change"] == 3


def test_2024_and_ranges(station):
    r = yearly_report(station, 2024)
    assert (r.totals.incidents, r.totals.calls, r.totals.trips) == (1, 1, 1)
    both = period_report(station, Period.years(2024, 2025), compare=False)
    assert both.totals.incidents == 5 and both.previous is None
    assert years_with_data(station) == [2024, 2025]


def test_station_filter(station):
    with station.write(A, "move") as s:
        s.get(Incident, 3).station_code = "burang"
    assert yearly_report(station, 2025, station="tarchen").totals.incidents == 3
    r = yearly_report(station, 2025, station="burang")
    assert (r.totals.incidents, r.totals.calls, r.totals.deaths) == (1, 1, 1)


def test_csv_has_one_row_per_counted_incident(station):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(period_csv(station, Period.year(2025)))))
    assert [r["category"] for r in rows] == ["lost", "altitude_sickness", "false_alarm", "hypothermia"]
    assert rows[0]["received_at"] == "2025-01-01 00:10" and rows[0]["call_to_scene_min"] == "60"
    assert rows[1]["deaths"] == "1" and rows[1]["section"] == "岗加 → 小天葬台西侧补给点"


def test_sql_totals_agree_with_the_records(station):
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.domain.stats import build_report
    from rescue_desk.services.reports import count_totals, fetch_records

    for year in (2024, 2025, 2026):
        p = Period.year(year)
        lo, hi = p.utc_bounds()
        data = fetch_records(station, lo, hi)
        assert count_totals(station, p) == build_report(data.incidents, data.calls, p, load_kora()).totals
