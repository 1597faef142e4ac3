"""Sunrise/sunset against published almanac values (timeanddate.com / NOAA solar calculator)."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.sun import is_dark, sun_times, sunset_at


def _hm(t):
    return t.hour * 60 + t.minute + t.second / 60


@pytest.mark.parametrize("day, lon, lat, tz, sunrise, sunset", [
    # London, summer solstice 2024: 04:43 / 21:21 BST (published almanac values)
    (date(2024, 6, 21), -0.1278, 51.5074, "Europe/London", "04:43", "21:21"),
    # Sydney, 2024-12-21: 05:41 / 20:05 AEDT
    (date(2024, 12, 21), 151.2093, -33.8688, "Australia/Sydney", "05:41", "20:05"),
])
def test_known_almanac_values(day, lon, lat, tz, sunrise, sunset):
    t = sun_times(day, lon, lat, ZoneInfo(tz))
    for got, want in ((t.sunrise, sunrise), (t.sunset, sunset)):
        h, m = map(int, want.split(":"))
        assert abs(_hm(got) - (h * 60 + m)) <= 1.5, (got, want)
        assert got.date() == day


def test_darchen_defaults_to_beijing_time_and_the_late_west_tibet_sunset():
    # Darchen lies 39° west of Beijing's meridian: solar noon is ~14:35 Beijing time.
    t = sun_times(date(2025, 6, 21))
    assert t.sunset.utcoffset().total_seconds() == 8 * 3600
    assert 14 * 60 + 25 <= _hm(t.solar_noon) <= 14 * 60 + 45
    # Day length at 31°N on the solstice is about 14 h 10 min.
    day_len = (t.sunset - t.sunrise).total_seconds() / 3600
    assert 14.0 < day_len < 14.3
    winter = sun_times(date(2025, 12, 21))
    assert 10.0 < (winter.sunset - winter.sunrise).total_seconds() / 3600 < 10.3


def test_polar_day_has_no_sunset():
    t = sun_times(date(2024, 6, 21), 0.0, 89.5, timezone.utc)
    assert t.sunrise is None and t.sunset is None


def test_sunset_at_and_darkness_use_the_beijing_day():
    evening = datetime(2025, 6, 21, 22, 30, tzinfo=BEIJING)
    assert sunset_at(evening).date() == date(2025, 6, 21)
    assert is_dark(evening)
    assert not is_dark(datetime(2025, 6, 21, 12, 0, tzinfo=BEIJING))
    # 01:00 UTC on the 21st is 09:00 in Beijing, still the 21st: after sunrise (~07:32).
    assert not is_dark(datetime(2025, 6, 21, 1, 0, tzinfo=timezone.utc))
