"""Totals and breakdowns against a fixture counted by hand."""

from datetime import date, datetime

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.stats import CallRecord, IncidentRecord, Period, Totals, TripRecord, build_report


def bj(*a):
    return datetime(*a, tzinfo=BEIJING)


def trip(dep, scene=None, back=None):
    return TripRecord(dep, scene, back)


# id 1: New Year's Eve 2024 → counts for 2024 only
# id 2: 2025-01-01 00:10 → 2025, January; call→dep 20, dep→scene 40, total 60
# id 3: June, two trips on 2025-06-11 (first leaves 09:30 → 30/90/120 min), 3 people, 1 to hospital
# id 4: June 11 too, false alarm, no trip, no position
# id 5: a drill in June: never counts
# id 6: 2025-12-31 23:50 with a trip leaving 2026-01-01 00:20 (trip counts, departure day is outside)
# id 7: July, one death, 2 people rescued
FIXTURE = [
    IncidentRecord(1, bj(2024, 12, 31, 23, 30), "exhaustion", "rescued", 2.0, persons_rescued=1,
                   origins={"domestic": 1}, trips=(trip(bj(2024, 12, 31, 23, 50), bj(2025, 1, 1, 0, 30)),)),
    IncidentRecord(2, bj(2025, 1, 1, 0, 10), "lost", "rescued", 24.1, persons_rescued=2,
                   origins={"tibetan_pilgrim": 2}, trips=(trip(bj(2025, 1, 1, 0, 30), bj(2025, 1, 1, 1, 10)),)),
    IncidentRecord(3, bj(2025, 6, 11, 9, 0), "altitude_sickness", "hospital", 19.0, persons_rescued=3, hospital=1,
                   origins={"indian_yatri": 2, "domestic": 1},
                   trips=(trip(bj(2025, 6, 11, 11, 0), None), trip(bj(2025, 6, 11, 9, 30), bj(2025, 6, 11, 11, 0)))),
    IncidentRecord(4, bj(2025, 6, 11, 15, 0), "false_alarm", "false_alarm", None),
    IncidentRecord(5, bj(2025, 6, 12, 10, 0), "fall_injury", "rescued", 19.5, drill=True, persons_rescued=4,
                   trips=(trip(bj(2025, 6, 12, 10, 5), bj(2025, 6, 12, 10, 30)),)),
    IncidentRecord(6, bj(2025, 12, 31, 23, 50), "hypothermia", None, 45.9,
                   trips=(trip(bj(2026, 1, 1, 0, 20)),)),
    IncidentRecord(7, bj(2025, 7, 2, 14, 0), "cardiac", "fatal", 24.0, persons_rescued=2, deaths=1,
                   origins={"domestic": 3}, trips=(trip(bj(2025, 7, 2, 14, 10), bj(2025, 7, 2, 16, 10)),)),
]
CALLS = [CallRecord(bj(2024, 12, 31, 23, 30)), CallRecord(bj(2025, 1, 1, 0, 10)), CallRecord(bj(2025, 6, 11, 9, 0)),
         CallRecord(bj(2025, 6, 11, 9, 5)), CallRecord(bj(2025, 6, 11, 15, 0)), CallRecord(bj(2025, 6, 12, 10, 0), drill=True),
         CallRecord(bj(2025, 12, 31, 23, 50)), CallRecord(bj(2025, 7, 2, 14, 0))]


@pytest.fixture(scope="module")
def report():
    return build_report(FIXTURE, CALLS, Period.year(2025), load_kora(), previous=Totals(calls=4, incidents=5))


def test_totals_by_hand(report):
    assert report.totals == Totals(calls=6, incidents=5, trips=5, persons_rescued=7, hospital=1, deaths=1,
                                   false_alarms=1)
    y2024 = build_report(FIXTURE, CALLS, Period.year(2024), load_kora())
    assert (y2024.totals.incidents, y2024.totals.calls, y2024.totals.persons_rescued) == (1, 1, 1)


def test_months_weeks_categories_outcomes_origins(report):
    assert report.by_month[(2025, 1)] == 1 and report.by_month[(2025, 6)] == 2
    assert report.by_month[(2025, 7)] == 1 and report.by_month[(2025, 12)] == 1
    assert sum(report.by_month.values()) == 5 and len(report.by_month) == 12
    assert report.persons_by_month[(2025, 6)] == 3
    assert report.calls_by_month[(2025, 6)] == 3
    assert report.by_week[date(2025, 6, 9)] == 2
    assert report.by_week[date(2024, 12, 30)] == 1  # 1 January 2025 is a Wednesday
    assert report.by_category == {"lost": 1, "altitude_sickness": 1, "false_alarm": 1, "hypothermia": 1, "cardiac": 1}
    assert report.by_outcome == {"rescued": 1, "hospital": 1, "false_alarm": 1, "open": 1, "fatal": 1}
    assert report.by_origin == {"domestic": 4, "tibetan_pilgrim": 2, "indian_yatri": 2}


def test_sections_and_heat(report):
    counts = {s.key: s.count for s in report.by_section}
    assert counts["gangjia"] == 1            # 19.0 km
    assert counts["dolma_la"] == 2           # 24.0 and 24.1 km: Dolma La pass (23.96) → Gauri Kund (24.25)
    assert counts["shiva_tsal"] == 0
    assert counts["zongdui_supply"] == 1     # 45.9 km
    assert report.unplaced == 1
    assert len(report.heat_per_km) == 47
    assert report.heat_per_km[24] == 2 and report.heat_per_km[19] == 1 and report.heat_per_km[45] == 1
    assert sum(report.heat_per_km) == 4


def test_response_times_by_hand(report):
    r = report.response
    # call → departure: #2 20, #3 30 (its first trip left 09:30), #6 30, #7 10 min; #6 never reached the scene
    assert r["call_to_departure"].n == 4
    assert r["call_to_departure"].median == pytest.approx(25.0)
    assert r["departure_to_scene"].n == 3 and r["departure_to_scene"].median == pytest.approx(90.0)
    assert r["call_to_scene"].median == pytest.approx(120.0)
    # p90 of 60, 120, 130: position 1.8 → 120 + 0.8·10
    assert r["call_to_scene"].p90 == pytest.approx(128.0)


def test_busiest_days_and_year_over_year(report):
    assert report.busiest_days[0] == (date(2025, 6, 11), 2)
    assert date(2026, 1, 1) not in dict(report.busiest_days)
    assert report.days_by_trips == {1: 2, 2: 1}
    yoy = report.year_over_year()
    assert yoy["incidents"] == {"current": 5, "previous": 5, "change": 0, "change_pct": 0.0}
    assert yoy["calls"]["change_pct"] == 50.0
    assert yoy["deaths"]["change_pct"] is None


def test_json_keys(report):
    j = report.to_json()
    for key in ("calls", "incidents", "trips", "persons_rescued", "deaths", "by_month", "by_category", "by_outcome",
                "by_section", "response_minutes"):
        assert key in j
    assert list(j["by_month"]) == [str(m) for m in range(1, 13)]
    assert j["response_minutes"]["median"] == 120.0 and j["response_minutes"]["p90"] == 128.0
