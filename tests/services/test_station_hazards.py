"""Hazards: stored with dates, crossed by walks, and the approach suggestion slowing or going round."""

from datetime import date, datetime

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.station_layer import Hazard, hazard_time_factor, hazards_on_walk
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.services import station, station_hazards
from rescue_desk.services.approach import suggest_approach
from rescue_desk.services.errors import ValidationError

KORA = load_kora()
MODEL = load_walking_model()
MORNING = datetime(2025, 11, 3, 9, 0, tzinfo=BEIJING)
L = KORA.length_km


def test_walk_crossing_a_section_that_wraps_past_the_start():
    h = Hazard(1, "snow", 45.0, 1.0, speed_factor=2.0)
    cw = hazards_on_walk([h], 44.0, 2.0, "cw", L, "any")
    assert len(cw) == 1 and cw[0].overlap_km == pytest.approx(L - 45.0 + 1.0) and cw[0].enter_km == pytest.approx(1.0)
    ccw = hazards_on_walk([h], 2.0, 44.0, "ccw", L, "any")
    assert ccw[0].overlap_km == pytest.approx(L - 45.0 + 1.0) and ccw[0].enter_km == pytest.approx(1.0)
    assert hazards_on_walk([h], 2.0, 44.0, "cw", L, "any") == []
    walk = KORA.ahead_km(44.0, 2.0, "cw")
    assert hazard_time_factor(cw, walk) == pytest.approx(1 + (L - 44.0) / walk)


def test_partial_overlap_and_dates():
    h = Hazard(1, "rockfall", 10.0, 12.0, speed_factor=1.5, valid_from=date(2025, 6, 1), valid_to=date(2025, 6, 30))
    p = hazards_on_walk([h], 11.0, 20.0, "cw", L, date(2025, 6, 10))
    assert p[0].overlap_km == pytest.approx(1.0) and p[0].enter_km == pytest.approx(0.0)
    assert hazards_on_walk([h], 11.0, 20.0, "cw", L, date(2025, 7, 1)) == []
    assert p[0].messages == {"en": "slowed by rockfall 10–12 km", "zh": "因落石减速 10–12 km"}


def test_snow_slows_the_suggestion_and_it_says_so(db):
    dolma = KORA.gazetteer.get("dolma_la").chainage_km
    clear = suggest_approach(KORA, MODEL, MORNING, chainage_km=dolma)
    station_hazards.add_hazard(db, "chief", "snow", 22.0, 25.0, speed_factor=2.0, valid_from=date(2025, 10, 15))
    hz = station.active_hazards(db, MORNING)
    snowy = suggest_approach(KORA, MODEL, MORNING, chainage_km=dolma, hazards=hz)
    assert snowy.best.hazard_notes == ("slowed by snow 22–25 km",)
    assert "slowed by snow 22–25 km" in snowy.hazard_notes
    assert snowy.best.eta_p50_s > clear.best.eta_p50_s + 600
    assert snowy.to_json()["hazard_notes"] == ["slowed by snow 22–25 km"]
    zh = suggest_approach(KORA, MODEL, MORNING, chainage_km=dolma, hazards=hz, lang="zh")
    assert zh.best.hazard_notes == ("因积雪减速 22–25 km",)
    summer = suggest_approach(KORA, MODEL, datetime(2025, 7, 1, 9, tzinfo=BEIJING), chainage_km=dolma,
                              hazards=station.active_hazards(db, date(2025, 7, 1)))
    assert summer.best.hazard_notes == ()


def test_a_closed_section_is_avoided(db):
    target = 21.0
    clear = suggest_approach(KORA, MODEL, MORNING, chainage_km=target)
    way = (clear.best.access_km, clear.best.direction)
    lo, hi = (clear.best.access_km, target) if clear.best.direction == "cw" else (target, clear.best.access_km)
    station_hazards.add_hazard(db, "chief", "rockfall", round(lo + 0.1, 2), round(min(hi, target) - 0.05, 2),
                               closed=True)
    hz = station.active_hazards(db, MORNING)
    plan = suggest_approach(KORA, MODEL, MORNING, chainage_km=target, hazards=hz)
    assert (plan.best.access_km, plan.best.direction) != way
    for o in plan.options:
        assert not any(p.hazard.closed for p in hazards_on_walk(hz, o.access_km, target, o.direction, L, MORNING))
    assert len(plan.avoided) == 1 and plan.avoided[0].startswith("avoids closed (rockfall)")


def test_bad_hazards_are_refused(db):
    with pytest.raises(ValidationError, match="between 0 and"):
        station_hazards.add_hazard(db, "chief", "snow", 40.0, 60.0)
    with pytest.raises(ValidationError, match="empty"):
        station_hazards.add_hazard(db, "chief", "snow", 5.0, 5.0)
    with pytest.raises(ValidationError, match="slow-down factor"):
        station_hazards.add_hazard(db, "chief", "snow", 5.0, 6.0, speed_factor=0.5)
    with pytest.raises(ValidationError, match="Unknown hazard kind"):
        station_hazards.add_hazard(db, "chief", "volcano", 5.0, 6.0)
    with pytest.raises(ValidationError, match="before the start date"):
        station_hazards.add_hazard(db, "chief", "snow", 5.0, 6.0, valid_from=date(2025, 6, 2), valid_to=date(2025, 6, 1))
    assert station.load_layer(db).hazards == ()


def test_lift_and_restore_a_hazard(db):
    hid = station_hazards.add_hazard(db, "chief", "flooded_crossing", 17.2, 17.4, speed_factor=3.0)
    assert [h.hazard_id for h in station.active_hazards(db)] == [hid]
    station_hazards.set_hazard_retired(db, "chief", hid, True)
    assert station.active_hazards(db) == []
    station_hazards.set_hazard_retired(db, "chief", hid, False)
    station_hazards.update_hazard(db, "chief", hid, speed_factor=2.0, note="bridge repaired, still deep")
    (h,) = station.active_hazards(db)
    assert h.speed_factor == 2.0 and h.note == "bridge repaired, still deep"
