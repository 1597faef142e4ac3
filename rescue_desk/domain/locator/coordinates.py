"""Coordinates read out by callers: decimal degrees (either order), DMS with any symbols, degrees and
decimal minutes, UTM (zone 44 R/N), with or without N/E or 北纬/东经, in WGS84 or a Chinese map datum.

``find_coordinates`` never raises; impossible values come back as readings with a ``problem``.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass

from pyproj import Transformer

from ..datums import to_wgs84
from .text import chinese_number

_LABEL = (r"(?:(?<![a-z0-9.])(?P<{g}>[nsew])(?![a-z])|(?P<{c}>北纬|南纬|东经|西经|纬度|经度)"
          r"|(?<![a-z])(?P<{w}>latitude|longitude|lat|lon|lng|long)(?![a-z]))")
_NUM = r"\d{1,3}(?:\.\d+)?"
_MINSEC = r"\d{1,2}(?:\.\d+)?"
_COMPONENT = re.compile(
    "(?P<pre>" + _LABEL.format(g="h1", c="c1", w="w1") + r")?\s*[:=]?\s*"
    r"(?:"
    rf"(?P<sign>[+-])?(?P<d>{_NUM})\s*(?:°|º|˚|度|deg(?![a-z]))\s*"
    rf"(?:(?P<m>{_MINSEC})\s*(?:'|′|分|min(?![a-z]))?\s*"
    rf"(?:(?P<s>{_MINSEC})\s*(?:\"|′′|''|″|秒|sec(?![a-z]))?)?)?"
    rf"|(?P<d2>\d{{1,3}})(?:[\s:]+|-)(?P<m2>{_MINSEC})(?:['′]\s*|[\s:]+|-)?(?:(?P<s2>{_MINSEC})(?![\d.])(?:\"|′′|''|″)?)?"
    rf"|(?P<d3>\d{{1,3}})\s+(?P<m3>{_MINSEC})(?![\d.])\s*(?:'|′)?"
    r"|(?P<sign4>[+-])?(?P<dec>\d{1,3}\.\d+)\s*°?"
    r"|(?P<sign5>[+-])?(?P<dint>\d{1,3})(?![\d.])\s*°?"
    r")\s*"
    r"(?(pre)|(?:(?<=[0-9°'\"′″])(?P<h3>[nsew])(?![a-z])|(?<![a-z])(?P<h2>[nsew])(?![a-z0-9])"
    r"|(?P<c2>北|南|东|西)(?!纬|经))?)"
)
_UTM = re.compile(
    r"(?:utm\s*)?(?:zone\s*)?(?:(?P<zone>\d{1,2})\s*(?P<band>[c-hj-np-x])?(?![a-z]))?\s*[,:;]?\s*"
    r"(?:(?:e|easting|x)\s*[:=]?\s*)?(?P<e>0?\d{6}(?:\.\d+)?)\s*(?:m\s*)?(?:e|easting)?(?![a-z])\s*[,;/]?\s*"
    r"(?:(?:n|northing|y)\s*[:=]?\s*)?(?P<n>\d{7}(?:\.\d+)?)\s*(?:m(?![a-z]))?\s*(?:(?:n|northing)(?![a-z]))?"
)
_GAP_OK = re.compile(r"^\s*(?:[,;/&]|and|和|,?\s*(?:lat|lon|lng)\w*|,?\s*(?:东经|北纬|经度|纬度))?\s*$")
_HEM_OF = {"北纬": "n", "南纬": "s", "东经": "e", "西经": "w", "纬度": "lat", "经度": "lon",
           "latitude": "lat", "lat": "lat", "longitude": "lon", "lon": "lon", "lng": "lon", "long": "lon",
           "北": "n", "南": "s", "东": "e", "西": "w"}
_GPS_RADIUS_M = 50.0
_DATUM_NAME = re.compile(r"(?<![a-z0-9])(?:wgs\s?-?84|bd\s?-?09|gcj\s?-?02|cgcs\s?2000)(?![0-9])")
"""Datum names carry digits that are not coordinates ("wgs84 30.97,81.29")."""
_PAIR_LABEL = re.compile(r"(?<![a-z])(?:lat(?:itude)?\s*[/,&-]\s*(?:lon|lng|long)(?:gitude)?|"
                         r"(?:lon|lng|long)(?:gitude)?\s*[/,&-]\s*lat(?:itude)?|经纬度|纬经度)(?![a-z])")
"""One label for both numbers ("lat/lon: a / b") says nothing about which is which: the values decide."""
_DECIMAL_COMMA_LONG = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{4,9})(?![\d,])")  # thousands groups have 3 digits
_DECIMAL_COMMA_PAIR = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{2,3})(\s*[;/]\s*|\s+)(\d{1,3}),(\d{2,3})(?![\d,])")


@dataclass(frozen=True)
class CoordinateReading:
    """One fix found in the text. ``lon``/``lat`` are WGS84; ``raw_*`` as read (in ``datum``)."""

    lon: float
    lat: float
    raw_lon: float
    raw_lat: float
    datum: str
    format: str
    radius_m: float
    text: str
    span: tuple[int, int]
    problem: str | None = None


@dataclass
class _Component:
    value: float
    hem: str | None
    precision_deg: float
    fmt: str
    span: tuple[int, int]
    labelled: bool


def _hemisphere(m: re.Match) -> str | None:
    for g in ("h1", "h2", "h3"):
        if m.group(g):
            return m.group(g)
    for g in ("c1", "c2", "w1"):
        if m.group(g):
            return _HEM_OF.get(m.group(g))
    return None


def _decimals(s: str | None) -> int:
    return len(s.split(".")[1]) if s and "." in s else 0


def _component(m: re.Match) -> _Component | None:
    hem = _hemisphere(m)
    labelled = hem is not None
    if m.group("d") is not None:
        d, mi, se = float(m.group("d")), float(m.group("m") or 0), float(m.group("s") or 0)
        if mi >= 60 or se >= 60:
            return None
        if m.group("s"):
            fmt, prec = "dms", 10 ** -_decimals(m.group("s")) / 3600
        elif m.group("m"):
            fmt, prec = "ddm", 10 ** -_decimals(m.group("m")) / 60
        else:
            fmt, prec = "decimal", 10 ** -_decimals(m.group("d"))
        value = d + mi / 60 + se / 3600
        sign = m.group("sign")
    elif m.group("d2") is not None or m.group("d3") is not None:
        if not labelled:
            return None
        d = float(m.group("d2") or m.group("d3"))
        mi = float(m.group("m2") or m.group("m3"))
        se = float(m.group("s2") or 0)
        if mi >= 60 or se >= 60:
            return None
        fmt = "dms" if m.group("s2") else "ddm"
        prec = 10 ** -_decimals(m.group("s2")) / 3600 if m.group("s2") else 10 ** -_decimals(m.group("m2") or m.group("m3")) / 60
        value, sign = d + mi / 60 + se / 3600, None
    elif m.group("dec") is not None:
        value, sign = float(m.group("dec")), m.group("sign4")
        fmt, prec = "decimal", 10 ** -_decimals(m.group("dec"))
    elif m.group("dint") is not None:
        if not labelled:
            return None
        value, sign, fmt, prec = float(m.group("dint")), m.group("sign5"), "decimal", 1.0
    else:
        return None
    if sign == "-":
        value = -value
    if hem in ("s", "w"):
        value = -abs(value)
    return _Component(value, hem, prec, fmt, (m.start(), m.end()), labelled)


def _valid(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


def _order(a: _Component, b: _Component, home: tuple[float, float]) -> tuple[float, float, str | None]:
    """(lat, lon, problem) from two components, using labels, then validity, then closeness to home."""
    lat_first = {"n", "s", "lat"}
    if a.hem in lat_first or b.hem in ("e", "w", "lon"):
        lat, lon = a.value, b.value
    elif b.hem in lat_first or a.hem in ("e", "w", "lon"):
        lat, lon = b.value, a.value
    else:
        options = [(a.value, b.value), (b.value, a.value)]
        valid = [o for o in options if _valid(*o)]
        if not valid:
            return a.value, b.value, _impossible(a.value, b.value)
        lat, lon = min(valid, key=lambda o: abs(o[0] - home[1]) + abs(o[1] - home[0]))
    return lat, lon, None if _valid(lat, lon) else _impossible(lat, lon)


def _impossible(lat: float, lon: float) -> str:
    if not -90 <= lat <= 90:
        return f"latitude {lat:g} is impossible (it must lie between -90 and 90 degrees)"
    return f"longitude {lon:g} is impossible (it must lie between -180 and 180 degrees)"


_per_thread = threading.local()


def _utm_to_wgs(epsg: int) -> Transformer:
    """UTM zone ``epsg`` -> WGS84, one transformer per thread (pyproj ones must not be shared)."""
    cache = getattr(_per_thread, "utm", None)
    if cache is None:
        cache = _per_thread.utm = {}
    if epsg not in cache:
        cache[epsg] = Transformer.from_crs(f"EPSG:{epsg}", "EPSG:4326", always_xy=True)
    return cache[epsg]


def _find_utm(text: str) -> list[CoordinateReading]:
    out = []
    for m in _UTM.finditer(text):
        zone = int(m.group("zone")) if m.group("zone") else 44
        if not 1 <= zone <= 60:
            continue
        band = m.group("band")
        south = band is not None and band < "n"
        e, n = float(m.group("e")), float(m.group("n"))
        lon, lat = _utm_to_wgs((32700 if south else 32600) + zone).transform(e, n)
        problem = None if math.isfinite(lon) and math.isfinite(lat) and _valid(lat, lon) else \
            f"UTM {zone} {e:.0f} {n:.0f} is not a possible position"
        prec = 10 ** -_decimals(m.group("e"))
        out.append(CoordinateReading(lon if problem is None else float("nan"), lat if problem is None else float("nan"),
                                     lon, lat, "wgs84", "utm", max(_GPS_RADIUS_M, 3 * prec),
                                     m.group(0).strip(), (m.start(), m.end()), problem))
    return out


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))  # keeps every position


def decimal_commas(text: str) -> str:
    """European decimal commas as points, keeping every position: "31,0647 81,2845" -> "31.0647 81.2845".
    Commas followed by 4+ digits are decimal commas; with 2-3 digits only in a pair of such numbers."""
    text = _DECIMAL_COMMA_LONG.sub(r"\1.\2", text)
    return _DECIMAL_COMMA_PAIR.sub(r"\1.\2\3\4.\5", text)


_ZH_NUMBER_BEFORE_UNIT = re.compile(r"[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?(?=\s*(?:度|分|秒))")
_ZH_DECIMAL_AFTER_LABEL = re.compile(r"(?<=北纬|南纬|东经|西经|纬度|经度)(\s*(?:是|为|:|：)?\s*)"
                                     r"([零〇一二两三四五六七八九十百]+点[零〇一二三四五六七八九]+)")
"""Decimal degrees read out in words: "北纬三十一点零五四二"."""
_EN_DMS_WORDS = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)(\s*)(degrees?|deg\.?)(?![a-z])"
                           r"(?:(\s*,?\s*)(\d{1,2}(?:\.\d+)?)(\s*)(minutes?|mins?\.?)(?![a-z])"
                           r"(?:(\s*,?\s*(?:and\s+)?)(\d{1,2}(?:\.\d+)?)(\s*)(seconds?|secs?\.?)(?![a-z]))?)?"
                           r"(?:(\s*)(north|south|east|west)(?![a-z]))?")


_DECIMAL_THEN_WORD = re.compile(r"(?<![\d.])(\d{1,3}\.\d{2,}\s*°?|\d{1,3}\s*°)(\s*)(north|south|east|west)(?![a-z])")


def _padded(new: str, old: str) -> str:
    return new + " " * (len(old) - len(new)) if len(new) <= len(old) else old


def spoken_degrees(text: str) -> str:
    """Degrees, minutes and seconds said in words ("三十一度", "31 degrees 5 minutes 58 seconds") as
    numbers and symbols, keeping every position (the spans of readings refer to the caller's text)."""
    def zh(m: re.Match) -> str:
        v = chinese_number(m.group(0))
        return m.group(0) if v is None else _padded(str(int(v)) if v == int(v) else f"{v:g}", m.group(0))

    def en(m: re.Match) -> str:
        g = m.groups()
        out = g[0] + g[1] + _padded("°", g[2])
        if g[4] is not None:
            out += g[3] + g[4] + g[5] + _padded("'", g[6])
        if g[8] is not None:
            out += g[7] + g[8] + g[9] + _padded('"', g[10])
        if g[12] is not None:
            out += g[11] + _padded(g[12][0], g[12])
        return out
    def zh_decimal(m: re.Match) -> str:
        v = chinese_number(m.group(2))
        return m.group(0) if v is None else m.group(1) + _padded(f"{v}", m.group(2))
    text = _ZH_DECIMAL_AFTER_LABEL.sub(zh_decimal, text)
    text = _EN_DMS_WORDS.sub(en, _ZH_NUMBER_BEFORE_UNIT.sub(zh, text))
    return _DECIMAL_THEN_WORD.sub(lambda m: m.group(1) + m.group(2) + _padded(m.group(3)[0], m.group(3)), text)


def find_coordinates(text: str, datum: str = "wgs84",
                     home: tuple[float, float] = (81.31, 31.04)) -> list[CoordinateReading]:
    """Every coordinate pair in ``text`` (already cleaned: lower case, NFKC), converted from ``datum``
    to WGS84. ``home`` (lon, lat) decides the order of two unlabelled numbers that could be either."""
    text = _DATUM_NAME.sub(_blank, _PAIR_LABEL.sub(_blank, decimal_commas(spoken_degrees(text))))
    readings = _find_utm(text)
    taken = [r.span for r in readings]
    comps: list[_Component] = []
    for m in _COMPONENT.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or m.end() == m.start():
            continue
        c = _component(m)
        if c is not None:
            comps.append(c)
    i = 0
    while i < len(comps) - 1:
        a, b = comps[i], comps[i + 1]
        gap = text[a.span[1]:b.span[0]]
        if len(gap) > 12 or not _GAP_OK.match(gap):
            i += 1
            continue
        lat, lon, problem = _order(a, b, home)
        vague = any(c.fmt == "decimal" and c.precision_deg > 0.005 for c in (a, b))
        if vague and not (a.labelled or b.labelled) and (problem or abs(lat - home[1]) + abs(lon - home[0]) > 1.0) \
                and not _in_china(abs(lat), abs(lon)):
            i += 1  # "2.5, 3.75" is not a position; "31.04, 81.28" near the station is, "29.65, 91.13" far off too
            continue
        prec_m = max(a.precision_deg, b.precision_deg) * 111_320 / 2
        radius = max(_GPS_RADIUS_M, 1.5 * prec_m)
        wlon, wlat = (to_wgs84(lon, lat, datum) if problem is None else (float("nan"), float("nan")))
        fmt = a.fmt if a.fmt == b.fmt else f"{a.fmt}/{b.fmt}"
        span = (a.span[0], b.span[1])
        readings.append(CoordinateReading(wlon, wlat, lon, lat, datum, fmt, radius, text[span[0]:span[1]].strip(),
                                          span, problem))
        i += 2
    return sorted(readings, key=lambda r: r.span)


def _in_china(lat: float, lon: float) -> bool:
    """Roughly inside China's box: two short numbers there are a (wrong or far) position to report."""
    return 18.0 <= lat <= 54.0 and 73.0 <= lon <= 135.0


_GCJ_WORDS = ("高德", "amap", "gaode", "autonavi", "腾讯", "tencent", "qq地图", "微信", "wechat", "weixin",
              "gcj", "火星")
_BD_WORDS = ("百度", "baidu", "bd09", "bd-09", "bd 09")
_WGS_WORDS = ("wgs", "gps", "garmin", "奥维", "谷歌地球", "google earth", "两步路", "2bulu")


def datum_from_words(text: str) -> str | None:
    """The datum the wording implies ("gcj02" | "bd09" | "wgs84"), or None when nothing is said."""
    if any(w in text for w in _BD_WORDS):
        return "bd09"
    if any(w in text for w in _GCJ_WORDS):
        return "gcj02"
    if any(w in text for w in _WGS_WORDS):
        return "wgs84"
    return None
