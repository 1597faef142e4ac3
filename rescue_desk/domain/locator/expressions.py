"""Numbers with meaning in a caller's text: distances, durations, clock times and elevations.

Each finder replaces what it found with a placeholder token (``⟨d0⟩``, ``⟨u0⟩``, ``⟨t0⟩``,
``⟨e0⟩``) so that the relation parser sees a short skeleton such as ``⟨d0⟩ past ⟦0⟧``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ELEVATION_RANGE_M = (4400.0, 5900.0)
"""Heights a caller on this kora can read (route 4,668-5,630 m, with GPS error and side trips)."""

_APPROX = r"(?:about|around|roughly|approximately|approx\.?|maybe|some|nearly|almost|~|大概|大约|约|差不多|估计)?\s*"
_DISTANCE = re.compile(
    r"(?P<cap>不到|不足|less than|(?:just |a bit |a little )?under|(?:a bit |a little |just )?(?:more than|over)|超过)?\s*" + _APPROX +
    r"(?:(?P<lo>\d+(?:\.\d+)?)\s*(?:-|~|to|or|到|至|或)\s*)?"
    r"(?P<v>\d+(?:\.\d+)?)\s*(?P<u>kms?|kilomet(?:er|re)s?|k(?![a-z])|公里|千米|里(?!程|面|边)|km|"
    r"m(?![a-z])|meters?|metres?|米|miles?)\s*(?P<more>多|左右)?")
_DURATION = re.compile(
    _APPROX + r"(?:(?P<hlo>\d+(?:\.\d+)?)\s*(?:-|~|to|or|到|至|或)\s*)?"
    r"(?P<h>\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h(?![a-z0-9])|小时|个小时|个钟头|钟头)"
    r"(?:\s*(?:and\s*)?(?P<hm>\d{1,2})\s*(?:minutes?|mins?|分钟|分))?"
    r"|" + _APPROX + r"(?P<m>\d{1,3})\s*(?:minutes?|mins?|分钟)")
_DAYPART = r"(?P<dp>早上|上午|中午|下午|晚上|凌晨|傍晚|早晨|清晨|今早|今天早上|今天上午|今天下午|this morning|in the morning)?\s*"
_CLOCK = re.compile(
    _DAYPART +
    r"(?:(?P<h>\d{1,2})\s*[:：h](?P<mi>\d{2})(?!\d)\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?![a-z])"
    r"|(?P<h2>\d{1,2})\s*(?P<ap2>a\.?m\.?|p\.?m\.?|o'?clock)(?![a-z])"
    r"|(?P<h3>\d{1,2})\s*[点時时](?:\s*(?P<half>半)|\s*(?P<q>一刻|1刻|三刻|3刻)|\s*(?P<mi3>\d{1,2})\s*分?)?"
    r"|(?P<noon>\bnoon\b|\bmidday\b)"
    r"|(?:(?<=\bat )|(?<=\baround ))(?P<h5>\d{1,2})\.(?P<mi5>\d{2})(?!\d)(?!\s*(?:km|kilomet|k\b|m\b|meter|metre|hour|hr|h\b|min))"
    r"|(?<=\bat )(?P<h4>\d{1,2})(?![\d.:]|,\d|\s*(?:km|kilomet|k\b|m\b|meter|metre|hour|hr|h\b|min|米|公里|小时)))")
_ELEV_CONTEXT = re.compile(
    r"(?:海拔|高度|高程|altitude|elevation|altimeter|height|alt\.?)(?:[^\d⟦⟧⟨⟩]{0,16}?)"
    r"(?P<v>\d{3,5}(?:\.\d+)?)\s*(?P<u>m(?![a-z])|meters?|metres?|米|ft|feet|英尺)?")
_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,2}),(\d{3})(?=\s*(?:m(?![a-z])|meters?|metres?|米|ft|feet|英尺))")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,2}),(\d{1,2})(?=\s*(?:kms?\b|kilomet|k\b|公里|千米|hours?|hrs?|h\b|小时))")
_ELEV_BARE = re.compile(r"(?P<v>\d{4,5}(?:\.\d+)?)\s*(?P<u>m(?![a-z])|meters?|metres?|米|ft|feet|英尺)"
                        r"(?:\s*(?:asl|a\.s\.l\.|above sea level|high|altitude|elevation))?")


@dataclass(frozen=True)
class Distance:
    km: float
    text: str
    qualifier: str = ""  # "less" | "more" | ""


@dataclass(frozen=True)
class Duration:
    seconds: float
    text: str


@dataclass(frozen=True)
class ClockTime:
    hour: int
    minute: int
    explicit: bool  # am/pm or a day part said: the hour is not ambiguous
    text: str


@dataclass(frozen=True)
class Elevation:
    metres: float
    text: str
    problem: str | None = None


@dataclass
class Expressions:
    distances: list[Distance]
    durations: list[Duration]
    clocks: list[ClockTime]
    elevations: list[Elevation]
    skeleton: str


def _elevation(m: re.Match) -> Elevation:
    v = float(m.group("v"))
    if (m.group("u") or "") in ("ft", "feet", "英尺"):
        v *= 0.3048
    lo, hi = ELEVATION_RANGE_M
    problem = None if lo <= v <= hi else (
        f"elevation {v:.0f} m is outside the kora's range ({lo:.0f}-{hi:.0f} m); not used")
    return Elevation(v, m.group(0).strip(), problem)


def _clock(m: re.Match) -> ClockTime | None:
    dp = m.group("dp") or ""
    if m.group("h") is not None:
        h, mi, ap = int(m.group("h")), int(m.group("mi")), (m.group("ap") or "")
    elif m.group("h2") is not None:
        h, mi, ap = int(m.group("h2")), 0, m.group("ap2")
        if ap.startswith("o"):
            ap = ""
    elif m.group("noon") is not None:
        h, mi, ap, dp = 12, 0, "pm", dp or "noon"
    elif m.group("h5") is not None:
        h, mi, ap = int(m.group("h5")), int(m.group("mi5")), ""
    elif m.group("h4") is not None:
        h, mi, ap = int(m.group("h4")), 0, ""
    else:
        h, ap = int(m.group("h3")), ""
        mi = 30 if m.group("half") else int(m.group("mi3") or 0)
        if m.group("q"):
            mi = 15 if m.group("q") in ("一刻", "1刻") else 45
        if not dp and not m.group("mi3") and not m.group("half") and h == 1:
            return None  # "一点" is usually "a bit", not one o'clock
    if h > 23 or mi > 59:
        return None
    explicit = bool(ap or dp) or h > 12 or h == 0
    pm = ap.startswith("p") or dp in ("下午", "晚上", "傍晚", "今天下午") or (dp == "中午" and h < 4)
    if pm and h < 12:
        h += 12
    if (ap.startswith("a") or dp in ("凌晨",)) and h == 12:
        h = 0
    return ClockTime(h, mi, explicit, m.group(0).strip())


def find_expressions(text: str) -> Expressions:
    """Distances, durations, clock times and elevations in ``text`` (digits already converted),
    with the skeleton in which each is replaced by its placeholder."""
    elevations: list[Elevation] = []
    clocks: list[ClockTime] = []
    durations: list[Duration] = []
    distances: list[Distance] = []

    def sub_elev(m: re.Match) -> str:
        elevations.append(_elevation(m))
        return f" ⟨e{len(elevations) - 1}⟩ "

    def sub_bare_elev(m: re.Match) -> str:
        v = float(m.group("v")) * (0.3048 if m.group("u") in ("ft", "feet", "英尺") else 1.0)
        if v < 3000:
            return m.group(0)
        return sub_elev(m)

    def sub_clock(m: re.Match) -> str:
        c = _clock(m)
        if c is None:
            return m.group(0)
        clocks.append(c)
        return f" ⟨t{len(clocks) - 1}⟩ "

    def sub_duration(m: re.Match) -> str:
        if m.group("h") is not None:
            h = float(m.group("h"))
            if m.group("hlo") is not None and float(m.group("hlo")) < h:
                h = (float(m.group("hlo")) + h) / 2
            s = h * 3600 + float(m.group("hm") or 0) * 60
        else:
            s = float(m.group("m")) * 60
        durations.append(Duration(s, m.group(0).strip()))
        return f" ⟨u{len(durations) - 1}⟩ "

    def sub_distance(m: re.Match) -> str:
        v, u = float(m.group("v")), m.group("u")
        if m.group("lo") is not None and float(m.group("lo")) < v:
            v = (float(m.group("lo")) + v) / 2  # "1-2 km": the middle; the spread grows with it anyway
        if u in ("m", "meter", "meters", "metre", "metres", "米"):
            km = v / 1000
        elif u == "里":
            km = v / 2
        elif u.startswith("mile"):
            km = v * 1.609
        else:
            km = v
        cap = m.group("cap") or ""
        qual = "less" if cap in ("不到", "不足", "less than") or cap.endswith("under") else \
            "more" if cap.endswith(("more than", "over")) or cap == "超过" or m.group("more") == "多" else ""
        distances.append(Distance(km, m.group(0).strip(), qual))
        return f" ⟨d{len(distances) - 1}⟩ "

    t = _THOUSANDS.sub(r"\1\2", text)
    t = _DECIMAL_COMMA.sub(r"\1.\2", t)
    t = _ELEV_CONTEXT.sub(sub_elev, t)
    t = _ELEV_BARE.sub(sub_bare_elev, t)
    t = _CLOCK.sub(sub_clock, t)
    t = _DURATION.sub(sub_duration, t)
    t = _DISTANCE.sub(sub_distance, t)
    return Expressions(distances, durations, clocks, elevations, re.sub(r"\s+", " ", t).strip())
