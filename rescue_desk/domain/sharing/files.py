"""GPX 1.1 and KML files for a team's phone or GPS: the incident waypoint, its 90 % corridor along
the trail (or the circle round a point fix) and the suggested approach from the road end.

GPX: the waypoint is a ``wpt``, the approach a ``rte`` (turn points along the trail), the corridor a
``trk`` with one segment per piece. KML: Placemarks with a Point, LineStrings and a Polygon."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime

from shapely.geometry import LineString, Point
from shapely.ops import substring

from ..geo import lonlat_to_utm, utm_to_lonlat
from ..kora import Kora
from .position import SharedPosition

GPX_NS = "http://www.topografix.com/GPX/1/1"
KML_NS = "http://www.opengis.net/kml/2.2"
CREATOR = "Rescue Desk (Tarchen mountain-rescue station)"
SIMPLIFY_M = 5.0
LonLat = tuple[float, float]


@dataclass(frozen=True)
class FieldGeometry:
    """What the files carry: the pin, the corridor lines/rings and the approach line with its words."""

    name: str
    position: SharedPosition
    description: str = ""
    corridor_lines: list[list[LonLat]] = field(default_factory=list)
    corridor_ring: list[LonLat] = field(default_factory=list)
    approach: list[LonLat] = field(default_factory=list)
    approach_name: str = ""
    elevation_m: float | None = None
    time: datetime | None = None


def _lonlats(line) -> list[LonLat]:
    simple = line.simplify(SIMPLIFY_M)
    return [tuple(round(v, 6) for v in utm_to_lonlat(x, y)) for x, y in simple.coords]


def route_between(kora: Kora, from_km: float, to_km: float, direction: str = "cw") -> list[LonLat]:
    """The trail from ``from_km`` to ``to_km`` walking ``direction`` ("cw" | "ccw"), as lon/lat."""
    length_m = kora.length_km * 1000.0
    a, b = kora.wrap(from_km) * 1000.0, kora.wrap(to_km) * 1000.0
    start, end = (a, b) if direction == "cw" else (b, a)
    pieces = [(start, end)] if start <= end else [(start, length_m), (0.0, end)]
    coords: list[tuple[float, float]] = []
    for s, e in pieces:
        part = substring(kora.line, s, max(e, s + 0.5))
        if isinstance(part, LineString) and not part.is_empty:
            coords.extend(part.coords if not coords else list(part.coords)[1:])
    if len(coords) < 2:
        return [kora.point_at(from_km), kora.point_at(to_km)]
    line = _lonlats(LineString(coords))
    return line if direction == "cw" else line[::-1]


def corridor_lines(kora: Kora, intervals_km) -> list[list[LonLat]]:
    """The trail within each clockwise [from, to] interval (``from > to`` wraps past 0)."""
    return [route_between(kora, float(a), float(b), "cw") for a, b in intervals_km or ()]


def circle_ring(lon: float, lat: float, radius_m: float, n: int = 36) -> list[LonLat]:
    """A closed ring of ``radius_m`` round (lon, lat): a point fix's uncertainty."""
    x, y = lonlat_to_utm(lon, lat)
    ring = [utm_to_lonlat(x + radius_m * math.cos(2 * math.pi * i / n), y + radius_m * math.sin(2 * math.pi * i / n))
            for i in range(n)]
    ring = [(round(a, 6), round(b, 6)) for a, b in ring]
    return ring + ring[:1]


def approach_line(kora: Kora, access_km: float, access_lonlat: LonLat | None, target_km: float,
                  direction: str, target_lonlat: LonLat) -> list[LonLat]:
    """From the road end along the trail in ``direction`` to the incident (off-trail last leg kept)."""
    line = route_between(kora, access_km, target_km, direction)
    if access_lonlat is not None:
        line = [access_lonlat] + line
    if Point(lonlat_to_utm(*line[-1])).distance(Point(lonlat_to_utm(*target_lonlat))) > 1.0:
        line.append(target_lonlat)
    return line


def _xml(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- GPX ----------------------------------------------------------------------------------------
def _sub(parent: ET.Element, tag: str, text: str | None = None, ns: str = GPX_NS, **attrib) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ns}}}{tag}", attrib)
    if text is not None:
        el.text = text
    return el


def _pt(parent: ET.Element, tag: str, lon: float, lat: float) -> ET.Element:
    return _sub(parent, tag, lat=f"{lat:.6f}", lon=f"{lon:.6f}")


def to_gpx(geom: FieldGeometry) -> str:
    """GPX 1.1 text (valid against the TopoGrafix schema), UTF-8."""
    ET.register_namespace("", GPX_NS)
    root = ET.Element(f"{{{GPX_NS}}}gpx", {"version": "1.1", "creator": CREATOR})
    meta = _sub(root, "metadata")
    _sub(meta, "name", geom.name)
    if geom.time is not None:
        _sub(meta, "time", geom.time.replace(microsecond=0).isoformat())
    p = geom.position
    wpt = _pt(root, "wpt", p.lon, p.lat)
    if geom.elevation_m is not None:
        _sub(wpt, "ele", f"{geom.elevation_m:.0f}")
    _sub(wpt, "name", geom.name)
    if geom.description:
        _sub(wpt, "desc", geom.description)
    _sub(wpt, "sym", "Flag, Red")
    if len(geom.approach) >= 2:
        rte = _sub(root, "rte")
        _sub(rte, "name", geom.approach_name or "Approach")
        for lon, lat in geom.approach:
            _pt(rte, "rtept", lon, lat)
    pieces = geom.corridor_lines or ([geom.corridor_ring] if geom.corridor_ring else [])
    if pieces:
        trk = _sub(root, "trk")
        _sub(trk, "name", f"{geom.name} · 90 %")
        for piece in pieces:
            seg = _sub(trk, "trkseg")
            for lon, lat in piece:
                _pt(seg, "trkpt", lon, lat)
    return _xml(root)


# --- KML ----------------------------------------------------------------------------------------
def _coords(points: list[LonLat]) -> str:
    return " ".join(f"{lon:.6f},{lat:.6f}" for lon, lat in points)


def _style(doc: ET.Element, sid: str, colour: str, width: float, fill: str | None = None) -> None:
    style = _sub(doc, "Style", ns=KML_NS, id=sid)
    line = _sub(style, "LineStyle", ns=KML_NS)
    _sub(line, "color", colour, ns=KML_NS)
    _sub(line, "width", f"{width:g}", ns=KML_NS)
    if fill:
        poly = _sub(style, "PolyStyle", ns=KML_NS)
        _sub(poly, "color", fill, ns=KML_NS)


def _placemark(doc: ET.Element, name: str, style: str, description: str = "") -> ET.Element:
    pm = _sub(doc, "Placemark", ns=KML_NS)
    _sub(pm, "name", name, ns=KML_NS)
    if description:
        _sub(pm, "description", description, ns=KML_NS)
    _sub(pm, "styleUrl", f"#{style}", ns=KML_NS)
    return pm


def to_kml(geom: FieldGeometry) -> str:
    """KML 2.2 text: pin, corridor (trail pieces, or the circle of a point fix) and approach."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc = _sub(root, "Document", ns=KML_NS)
    _sub(doc, "name", geom.name, ns=KML_NS)
    _style(doc, "corridor", "9f00a5ff", 10, fill="4000a5ff")  # KML colours are aabbggrr: orange
    _style(doc, "approach", "ffb4771f", 4)  # blue
    icon = _sub(_sub(doc, "Style", ns=KML_NS, id="incident"), "IconStyle", ns=KML_NS)
    _sub(icon, "color", "ff2c18b2", ns=KML_NS)  # red
    p = geom.position
    pin = _placemark(doc, geom.name, "incident", geom.description)
    point = _sub(pin, "Point", ns=KML_NS)
    _sub(point, "coordinates", f"{p.lon:.6f},{p.lat:.6f}", ns=KML_NS)
    if geom.corridor_lines:
        pm = _placemark(doc, f"{geom.name} · 90 %", "corridor")
        multi = _sub(pm, "MultiGeometry", ns=KML_NS)
        for piece in geom.corridor_lines:
            ls = _sub(multi, "LineString", ns=KML_NS)
            _sub(ls, "tessellate", "1", ns=KML_NS)
            _sub(ls, "coordinates", _coords(piece), ns=KML_NS)
    elif geom.corridor_ring:
        pm = _placemark(doc, f"{geom.name} · 90 %", "corridor")
        poly = _sub(pm, "Polygon", ns=KML_NS)
        ring = _sub(_sub(poly, "outerBoundaryIs", ns=KML_NS), "LinearRing", ns=KML_NS)
        _sub(ring, "coordinates", _coords(geom.corridor_ring), ns=KML_NS)
    if len(geom.approach) >= 2:
        pm = _placemark(doc, geom.approach_name or "Approach", "approach")
        ls = _sub(pm, "LineString", ns=KML_NS)
        _sub(ls, "tessellate", "1", ns=KML_NS)
        _sub(ls, "coordinates", _coords(geom.approach), ns=KML_NS)
    return _xml(root)
