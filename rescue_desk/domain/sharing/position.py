"""One position in every form a team's phone or radio operator can use: WGS84 decimal, DMS and
degrees-decimal-minutes, UTM 44N, GCJ-02 (Amap, WeChat, Tencent) and BD-09 (Baidu), km along the
kora with the nearest landmark in Chinese, English and Tibetan, a ``geo:`` URI (RFC 5870) and an
Amap marker link. Plain Python: the CLI, the share dialog and the incident sheet all read this."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..datums import in_china, wgs84_to_bd09, wgs84_to_gcj02
from ..geo import lonlat_to_utm
from ..kora import Kora
from ..landmarks import Landmark

ON_TRAIL_M = 100.0
"""Farther than this from the trail, the text says how far off the trail the position lies."""
AMAP_MARKER = "https://uri.amap.com/marker"


class ShareError(ValueError):
    """The position cannot be shared (e.g. the incident has none); the message is one sentence."""


@dataclass(frozen=True)
class NearestLandmark:
    """The on-trail landmark nearest along the route, and how far past it (km, + clockwise)."""

    landmark: Landmark
    along_km: float

    def to_json(self) -> dict[str, Any]:
        lm = self.landmark
        return {"id": lm.id, "name_zh": lm.short_zh, "name_en": lm.short_en, "name_bo": lm.name_bo,
                "along_km": round(self.along_km, 2)}

    def phrase(self, lang: str) -> str:
        """"0.4 km clockwise from Drira Phuk" / "自止热寺顺时针 0.4 公里"; "at …" within 50 m."""
        lm, d = self.landmark, abs(self.along_km)
        if d < 0.05:
            return f"在{lm.short_zh}" if lang == "zh" else f"at {lm.short_en}"
        if lang == "zh":
            way = "顺时针" if self.along_km > 0 else "逆时针"
            return f"自{lm.short_zh}{way} {d:.1f} 公里"
        way = "clockwise" if self.along_km > 0 else "counter-clockwise"
        return f"{d:.1f} km {way} from {lm.short_en}"


@dataclass(frozen=True)
class SharedPosition:
    """A WGS84 position with its other forms. ``chainage_km``/``offset_m`` place it on the kora."""

    lon: float
    lat: float
    gcj02: tuple[float, float]
    bd09: tuple[float, float]
    utm44n: tuple[float, float]
    in_china: bool
    chainage_km: float | None = None
    offset_m: float | None = None
    nearest: NearestLandmark | None = None
    label: str = ""

    # --- the formats -----------------------------------------------------------------------
    def decimal(self) -> str:
        return f"{self.lat:.6f}, {self.lon:.6f}"

    def dms(self) -> str:
        return f"{format_dms(self.lat, 'NS')} {format_dms(self.lon, 'EW')}"

    def ddm(self) -> str:
        return f"{format_ddm(self.lat, 'NS')} {format_ddm(self.lon, 'EW')}"

    def utm(self) -> str:
        e, n = self.utm44n
        return f"44N {e:.0f} E {n:.0f} N"

    def gcj02_text(self) -> str:
        return f"{self.gcj02[1]:.6f}, {self.gcj02[0]:.6f}"

    def bd09_text(self) -> str:
        return f"{self.bd09[1]:.6f}, {self.bd09[0]:.6f}"

    def geo_uri(self) -> str:
        """RFC 5870 ``geo:lat,lon`` (WGS84), opened by Android map apps, OsmAnd, Organic Maps."""
        return f"geo:{self.lat:.6f},{self.lon:.6f}"

    def amap_link(self) -> str:
        """Amap's marker link in GCJ-02 (``coordinate=gaode``): opens Amap or its web map at the pin."""
        name = quote(self.label or "Rescue Desk", safe="")
        return (f"{AMAP_MARKER}?position={self.gcj02[0]:.6f},{self.gcj02[1]:.6f}&name={name}"
                "&coordinate=gaode&callnative=1")

    def kora_phrase(self, lang: str) -> str:
        """"转山路 18.42 公里处，止热寺顺时针方向 0.4 公里" / "km 18.42 of the kora, 0.4 km …"."""
        if self.chainage_km is None:
            return ""
        if lang == "zh":
            text = f"转山路 {self.chainage_km:.2f} 公里处"
            if self.nearest:
                text += f"，{self.nearest.phrase('zh')}"
            if self.offset_m is not None and self.offset_m > ON_TRAIL_M:
                text += f"（偏离步道 {self.offset_m:.0f} 米）"
            return text
        text = f"km {self.chainage_km:.2f} of the kora"
        if self.nearest:
            text += f", {self.nearest.phrase('en')}"
        if self.offset_m is not None and self.offset_m > ON_TRAIL_M:
            text += f" ({self.offset_m:.0f} m off the trail)"
        return text

    def datum_note(self, lang: str) -> str:
        """Empty inside China; outside it says GCJ-02 is the same as WGS84 there."""
        if self.in_china:
            return ""
        if lang == "zh":
            return "此位置在中国境外：GCJ-02 与 WGS84 相同，高德/微信直接使用 WGS84 坐标。"
        return "This position is outside China: GCJ-02 is identical to WGS84 there."

    def lines(self, lang: str = "zh") -> list[tuple[str, str]]:
        """(label, value) rows of the text block, in ``lang`` ("zh" | "en")."""
        zh = lang == "zh"
        rows = []
        if self.chainage_km is not None:
            rows.append(("位置" if zh else "Where", self.kora_phrase(lang)))
            if self.nearest and self.nearest.landmark.name_bo:
                rows.append(("藏文地名" if zh else "Tibetan name", self.nearest.landmark.name_bo))
        rows += [
            ("WGS84 十进制" if zh else "WGS84 decimal", self.decimal()),
            ("WGS84 度分秒" if zh else "WGS84 DMS", self.dms()),
            ("WGS84 度分" if zh else "WGS84 deg-min", self.ddm()),
            ("UTM 44N", self.utm()),
            ("GCJ-02（高德/微信）" if zh else "GCJ-02 (Amap/WeChat)", self.gcj02_text()),
            ("BD-09（百度）" if zh else "BD-09 (Baidu)", self.bd09_text()),
            ("geo 链接" if zh else "geo URI", self.geo_uri()),
            ("高德链接" if zh else "Amap link", self.amap_link()),
        ]
        note = self.datum_note(lang)
        if note:
            rows.append(("注意" if zh else "Note", note))
        return rows

    def text_block(self, lang: str = "zh", title: str = "") -> str:
        """The whole block to paste into a message to the team."""
        head = [title] if title else []
        return "\n".join(head + [f"{k}: {v}" for k, v in self.lines(lang)])


def format_dms(value: float, hemispheres: str) -> str:
    """30°58'35.0"N: degrees, minutes, seconds to 0.1" (about 3 m)."""
    hem = hemispheres[0] if value >= 0 else hemispheres[1]
    tenths = round(abs(value) * 36000)
    d, rest = divmod(tenths, 36000)
    m, s10 = divmod(rest, 600)
    return f"{d}°{m:02d}'{s10 / 10:04.1f}\"{hem}"


def format_ddm(value: float, hemispheres: str) -> str:
    """30°58.583'N: degrees and decimal minutes to 0.001' (about 2 m), as handheld GPS show them."""
    hem = hemispheres[0] if value >= 0 else hemispheres[1]
    thousandths = round(abs(value) * 60000)
    d, m = divmod(thousandths, 60000)
    return f"{d}°{m / 1000:06.3f}'{hem}"


def signed_along_km(kora: Kora, from_km: float, to_km: float) -> float:
    """Shortest signed distance along the loop from ``from_km`` to ``to_km`` (+ clockwise)."""
    d = (to_km - from_km) % kora.length_km
    return d if d <= kora.length_km / 2 else d - kora.length_km


def share_position(lon: float, lat: float, kora: Kora | None = None, label: str = "") -> SharedPosition:
    """Every form of the WGS84 position (lon, lat); with ``kora``, its km and nearest landmark.
    Raises ShareError for a value that is not a position on Earth."""
    if not (math.isfinite(lon) and math.isfinite(lat) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ShareError(f"({lat}, {lon}) is not a latitude/longitude on Earth.")
    e, n = lonlat_to_utm(lon, lat)
    km = offset = nearest = None
    if kora is not None:
        km, offset = kora.chainage_of(lon, lat)
        lm = kora.nearest_landmark(km)
        nearest = NearestLandmark(lm, signed_along_km(kora, lm.chainage_km, km))
    return SharedPosition(lon, lat, wgs84_to_gcj02(lon, lat), wgs84_to_bd09(lon, lat), (e, n), in_china(lon, lat),
                          km, offset, nearest, label)
