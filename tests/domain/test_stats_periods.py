from datetime import date, datetime, timezone

import pytest
from hypothesis import given, strategies as st

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.stats import Period, quantile, week_start


def test_year_boundaries_are_beijing_midnight():
    y2025 = Period.year(2025)
    assert not y2025.contains(datetime(2024, 12, 31, 23, 30, tzinfo=BEIJING))
    assert y2025.contains(datetime(2025, 1, 1, 0, 10, tzinfo=BEIJING))
    assert Period.year(2024).contains(datetime(2024, 12, 31, 23, 30, tzinfo=BEIJING))
    # 2025-01-01 00:10 Beijing is still 31 December in UTC
    assert y2025.contains(datetime(2024, 12, 31, 16, 10, tzinfo=timezone.utc))
    assert not y2025.contains(datetime(2025, 12, 31, 16, 0, tzinfo=timezone.utc))
    lo, hi = y2025.utc_bounds()
    assert lo == datetime(2024, 12, 31, 16, 0, tzinfo=timezone.utc)
    assert hi == datetime(2025, 12, 31, 16, 0, tzinfo=timezone.utc)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(timezone.utc)))
def test_contains_agrees_with_utc_bounds(moment):
    p = Period.year(2025)
    lo, hi = p.utc_bounds()
    assert p.contains(moment) == (lo <= moment < hi)


def test_months_weeks_and_labels():
    p = Period(date(2024, 11, 20), date(2025, 2, 3))
    assert p.months() == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
    assert p.weeks()[0] == date(2024, 11, 18) and p.weeks()[-1] == date(2025, 2, 3)
    assert Period.year(2025).calendar_year == 2025 and p.calendar_year is None
    assert Period.years(2023, 2025).label == "2023–2025"
    assert Period.year(2024).previous() == Period.year(2023)
    assert Period(date(2024, 2, 29), date(2024, 3, 1)).previous() == Period(date(2023, 2, 28), date(2023, 3, 1))
    assert week_start(date(2025, 6, 15)) == date(2025, 6, 9)  # a Sunday belongs to the week from Monday 9th
    with pytest.raises(ValueError):
        Period(date(2025, 2, 1), date(2025, 1, 1))


def test_quantile_by_hand():
    assert quantile([], 0.5) is None
    assert quantile([7], 0.9) == 7
    assert quantile([1, 2, 3, 4], 0.5) == 2.5
    # ten values 10..100: p90 sits at position 8.1 → 90 + 0.1·10
    assert quantile(range(10, 101, 10), 0.9) == pytest.approx(91.0)


@given(st.lists(st.floats(min_value=0, max_value=1e4), min_size=1, max_size=50), st.floats(0, 1))
def test_quantile_between_min_and_max(values, q):
    v = quantile(values, q)
    assert min(values) <= v <= max(values)
    assert quantile(values, 0) == min(values) and quantile(values, 1) == max(values)
