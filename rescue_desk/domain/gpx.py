"""GPX 1.0 / 1.1 tracks: parse a team's (or walker's) file and check it belongs to the kora.

Reads track points (``trk/trkseg/trkpt``), falling back to route points (``rte/rtept``) and then
waypoints when a file has no track. Times without an offset are UTC, as the GPX standard says.
Every failure raises ``GpxError`` with one sentence a duty officer can act on."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET  # Element and ParseError only: parsing goes through defusedxml
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

MAX_BYTES = 50 * 1024 * 1024
GPX_NAMESPACES = ("http://www.topografix.com/GPX/1/1", "http://www.topografix.com/GPX/1/0")


class GpxError(ValueError):
    """The file cannot be used as a track (broken, empty, or elsewhere); the message says why."""


@dataclass(frozen=True)
class TrackPoint:
    lon: float
    lat: float
    ele: float | None = None
    time: datetime | None = None

    def as_row(self) -> list:
        """``[iso_time|None, lon, lat, ele|None]`` — the form ``Trip.track`` stores."""
        return [self.time.isoformat() if self.time else None, self.lon, self.lat, self.ele]


@dataclass(frozen=True)
class GpxTrack:
    name: str
    points: tuple[TrackPoint, ...]
    version: str

    def lonlats(self) -> list[tuple[float, float]]:
        return [(p.lon, p.lat) for p in self.points]

    def rows(self) -> list[list]:
        return [p.as_row() for p in self.points]

    @property
    def start_time(self) -> datetime | None:
        return next((p.time for p in self.points if p.time), None)

    @property
    def end_time(self) -> datetime | None:
        return next((p.time for p in reversed(self.points) if p.time), None)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name]


def _child_text(el: ET.Element, name: str) -> str | None:
    for c in el:
        if _local(c.tag) == name:
            return (c.text or "").strip()
    return None


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def _point(el: ET.Element, index: int) -> TrackPoint:
    try:
        lat, lon = float(el.attrib["lat"]), float(el.attrib["lon"])
    except (KeyError, ValueError):
        raise GpxError(f"Point {index + 1} has no valid lat/lon attributes.") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise GpxError(f"Point {index + 1} is not a valid latitude/longitude ({lat}, {lon}).")
    ele_text = _child_text(el, "ele")
    try:
        ele = float(ele_text) if ele_text else None
    except ValueError:
        ele = None
    return TrackPoint(lon, lat, ele if ele is None or math.isfinite(ele) else None, _parse_time(_child_text(el, "time")))


def parse_gpx(data: bytes | str) -> GpxTrack:
    """All track points of a GPX 1.0/1.1 document, in file order (segments joined).
    Raises GpxError for anything that is not a GPX file with at least two usable points."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise GpxError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; is it really a GPX track?")
    if not data.strip():
        raise GpxError("The file is empty.")
    try:
        # No DTD, no entities, no external references anywhere in the file: GPX never needs them, and
        # they are how XML bombs and file-reading tricks work.
        root = safe_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise GpxError("The file declares a DTD or XML entities; GPX files never need them, so it was "
                       "refused.") from None
    except ET.ParseError as exc:
        raise GpxError(f"The file is not valid XML ({exc}); it may be cut short or not a GPX file.") from None
    if _local(root.tag) != "gpx":
        raise GpxError(f"The file is XML but not GPX (its root element is <{_local(root.tag)}>).")
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    version = root.attrib.get("version") or ("1.0" if ns.endswith("1/0") else "1.1")
    if ns and ns not in GPX_NAMESPACES:
        raise GpxError(f"Unknown GPX namespace {ns!r}; expected GPX 1.0 or 1.1.")
    name = ""
    elements: list[ET.Element] = []
    for trk in _children(root, "trk"):
        name = name or (_child_text(trk, "name") or "")
        for seg in _children(trk, "trkseg"):
            elements.extend(_children(seg, "trkpt"))
    if not elements:
        for rte in _children(root, "rte"):
            name = name or (_child_text(rte, "name") or "")
            elements.extend(_children(rte, "rtept"))
    if not elements:
        elements = _children(root, "wpt")
    points = tuple(_point(el, i) for i, el in enumerate(elements))
    if len(points) < 2:
        raise GpxError("The file holds no track (fewer than two points).")
    return GpxTrack(name=name, points=points, version=version)


def read_gpx(path: str | Path) -> GpxTrack:
    """``parse_gpx`` of a file; unreadable files raise GpxError too."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise GpxError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; is it really a GPX track?")
        data = p.read_bytes()
    except OSError as exc:
        raise GpxError(f"Cannot read {p.name}: {exc.strerror or exc}.") from None
    return parse_gpx(data)


def check_near_kora(track: GpxTrack, kora, max_offset_km: float = 3.0, min_share: float = 0.5) -> float:
    """Refuse a track that belongs elsewhere: at least ``min_share`` of its points must lie within
    ``max_offset_km`` of the kora route. Returns that share; raises GpxError otherwise."""
    step = max(1, len(track.points) // 500)
    sample = track.points[::step]
    near = 0
    nearest_km = math.inf
    for p in sample:
        off_km = kora.distance_from_route_m(p.lon, p.lat) / 1000.0
        nearest_km = min(nearest_km, off_km)
        near += off_km <= max_offset_km
    share = near / len(sample)
    if share < min_share:
        if nearest_km > max_offset_km:
            raise GpxError(f"This track is not on the kora: its nearest point is {nearest_km:.0f} km from the route.")
        raise GpxError(f"Only {share:.0%} of this track lies within {max_offset_km:g} km of the kora; "
                       "it seems to belong elsewhere.")
    return share


def check_times(track: GpxTrack, not_before: datetime | None = None, not_after: datetime | None = None) -> None:
    """Refuse a track whose timestamps fall outside [not_before, not_after] (e.g. another day's trip)."""
    start, end = track.start_time, track.end_time
    if start is None:
        return
    if not_after is not None and start > not_after:
        raise GpxError("The track starts after the trip ended (or in the future); wrong file?")
    if not_before is not None and end is not None and end < not_before:
        raise GpxError("The track ends before the call was received; it is from another trip.")
