"""The search plan service: sightings checked against each other, the pace it used, in the shared dict."""

from datetime import datetime, timedelta

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.search_plan import Sighting
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.search_plan import plan_as_dict, plan_search, resolve_place

AT = datetime(2025, 7, 1, 10, 0, tzinfo=BEIJING)


def test_a_sighting_that_contradicts_another_is_one_sentence():
    dolma, later = Sighting(resolve_place("Dolma La"), AT - timedelta(hours=1), "Dolma La"), Sighting(18.0, AT)
    with pytest.raises(ValidationError) as err:
        plan_search([dolma, later], AT + timedelta(hours=4))
    message = str(err.value)
    assert "Dolma La" in message and "behind" in message and "clockwise" in message
    assert message.count(". ") == 0 and "\n" not in message


def test_an_implausible_pace_is_refused_with_the_speed_it_needs():
    with pytest.raises(ValidationError, match=r"10\.1 km/h.*at most 6 km/h"):
        plan_search([Sighting(7.9, AT - timedelta(hours=1)), Sighting(18.0, AT)], AT + timedelta(hours=1))


def test_the_plan_reports_the_pace_between_the_sightings_not_a_departure():
    chuku = Sighting(resolve_place("Chuku"), AT - timedelta(hours=2), "Chuku")
    data = plan_as_dict(plan_search([Sighting(12.0, AT), chuku], AT + timedelta(hours=3)))
    assert data["left_darchen_at"] is None
    assert data["at"] == "2025-07-01 10:00" and data["last_seen_km"] == 12.0
    pace = data["pace"]
    assert pace["basis"] == "sightings"
    assert (pace["from"]["landmark"], pace["from"]["at"], pace["to"]["at"]) == ("Chuku", "2025-07-01 08:00",
                                                                                 "2025-07-01 10:00")
    assert pace["km"] == pytest.approx(12.0 - chuku.km, abs=1e-3)
    assert pace["km_h"] == pytest.approx((12.0 - chuku.km) / 2, abs=0.01)
    assert sum(s["probability"] for s in data["sections"]) == pytest.approx(1.0, abs=1e-4)


def test_a_given_departure_is_reported_as_such():
    data = plan_as_dict(plan_search([Sighting(5.9, AT)], AT + timedelta(hours=2), left_at=AT - timedelta(hours=2)))
    assert data["left_darchen_at"] == "2025-07-01 08:00"
    assert data["pace"]["basis"] == "left_darchen"
    assert data["pace"]["km_h"] == pytest.approx(5.9 / 2, abs=0.01)


def test_one_sighting_has_no_pace():
    data = plan_as_dict(plan_search([Sighting(5.9, AT)], AT + timedelta(hours=2)))
    assert data["pace"] is None and data["left_darchen_at"] is None
