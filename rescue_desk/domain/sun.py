"""Sunrise and sunset (NOAA solar calculator algorithm), in Beijing time for the station.

The NOAA equations (Meeus, *Astronomical Algorithms*) give times to about a minute between
latitudes ±72°. Sunrise/sunset here mean the sun's upper limb on a flat sea-level horizon
(zenith 90.833°: 0.833° for refraction and the solar radius). Mountains round Darchen hide the
sun earlier than that; the team should treat the result as the end of usable daylight at best.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from .clock import BEIJING

DARCHEN_LON = 81.28694
DARCHEN_LAT = 30.97639
ZENITH_DEG = 90.833


@dataclass(frozen=True)
class SunTimes:
    """Sunrise and sunset of one local day (timezone-aware); None when the sun stays up or down."""

    day: date
    sunrise: datetime | None
    sunset: datetime | None
    solar_noon: datetime


def _julian_day(moment_utc: datetime) -> float:
    return moment_utc.timestamp() / 86400.0 + 2440587.5


def _solar_position(jd: float) -> tuple[float, float]:
    """(declination in degrees, equation of time in minutes) at Julian day ``jd``."""
    jc = (jd - 2451545.0) / 36525.0
    l0 = (280.46646 + jc * (36000.76983 + jc * 0.0003032)) % 360.0
    m = 357.52911 + jc * (35999.05029 - 0.0001537 * jc)
    e = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc)
    mr = math.radians(m)
    centre = (math.sin(mr) * (1.914602 - jc * (0.004817 + 0.000014 * jc))
              + math.sin(2 * mr) * (0.019993 - 0.000101 * jc) + math.sin(3 * mr) * 0.000289)
    omega = math.radians(125.04 - 1934.136 * jc)
    apparent_long = l0 + centre - 0.00569 - 0.00478 * math.sin(omega)
    mean_obliq = 23.0 + (26.0 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60.0) / 60.0
    obliq = mean_obliq + 0.00256 * math.cos(omega)
    decl = math.degrees(math.asin(math.sin(math.radians(obliq)) * math.sin(math.radians(apparent_long))))
    y = math.tan(math.radians(obliq / 2.0)) ** 2
    l0r = math.radians(l0)
    eq_time = 4.0 * math.degrees(
        y * math.sin(2 * l0r) - 2 * e * math.sin(mr) + 4 * e * y * math.sin(mr) * math.cos(2 * l0r)
        - 0.5 * y * y * math.sin(4 * l0r) - 1.25 * e * e * math.sin(2 * mr))
    return decl, eq_time


def _hour_angle(lat: float, decl: float) -> float | None:
    """Hour angle (degrees) of sunrise; None when the sun does not cross the horizon that day."""
    cos_h = (math.cos(math.radians(ZENITH_DEG)) / (math.cos(math.radians(lat)) * math.cos(math.radians(decl)))
             - math.tan(math.radians(lat)) * math.tan(math.radians(decl)))
    if not -1.0 <= cos_h <= 1.0:
        return None
    return math.degrees(math.acos(cos_h))


def _event_utc_minutes(day_start_utc: datetime, lon: float, lat: float, sign: int) -> float | None:
    """Minutes after ``day_start_utc`` of sunrise (sign -1), solar noon (0) or sunset (+1).
    Two passes: the sun's position is taken at the event itself."""
    guess = 720.0 - 4.0 * lon
    for _ in range(2):
        decl, eq_time = _solar_position(_julian_day(day_start_utc + timedelta(minutes=guess)))
        noon = 720.0 - 4.0 * lon - eq_time
        if sign == 0:
            guess = noon
            continue
        ha = _hour_angle(lat, decl)
        if ha is None:
            return None
        guess = noon + sign * 4.0 * ha
    return guess


def sun_times(day: date, lon: float = DARCHEN_LON, lat: float = DARCHEN_LAT, tz=BEIJING) -> SunTimes:
    """Sunrise, solar noon and sunset of the local calendar ``day`` in ``tz`` (default: Darchen,
    Beijing time). Times are aware datetimes in ``tz``."""
    local_midnight = datetime(day.year, day.month, day.day, tzinfo=tz)
    # The UTC date whose solar noon falls on this local day.
    start = local_midnight.astimezone(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    if (start + timedelta(minutes=720.0 - 4.0 * lon)).astimezone(tz).date() < day:
        start += timedelta(days=1)
    elif (start + timedelta(minutes=720.0 - 4.0 * lon)).astimezone(tz).date() > day:
        start -= timedelta(days=1)

    def at(minutes: float | None) -> datetime | None:
        if minutes is None:
            return None
        return (start + timedelta(minutes=minutes)).astimezone(tz).replace(microsecond=0)

    return SunTimes(day, at(_event_utc_minutes(start, lon, lat, -1)), at(_event_utc_minutes(start, lon, lat, 1)),
                    at(_event_utc_minutes(start, lon, lat, 0)))


def sunset_at(moment: datetime, lon: float = DARCHEN_LON, lat: float = DARCHEN_LAT) -> datetime | None:
    """Sunset of the Beijing-time day that contains ``moment`` (aware), at Darchen by default."""
    return sun_times(moment.astimezone(BEIJING).date(), lon, lat).sunset


def is_dark(moment: datetime, lon: float = DARCHEN_LON, lat: float = DARCHEN_LAT) -> bool:
    """True when ``moment`` falls before that day's sunrise or after its sunset."""
    t = sun_times(moment.astimezone(BEIJING).date(), lon, lat)
    if t.sunrise is None or t.sunset is None:
        return False
    return moment < t.sunrise or moment > t.sunset
