"""The station layer as GeoJSON (RFC 7946, WGS84 longitude/latitude): export, strict reading, diff.

File format (stable; ``format_version`` 1)::

    {"type": "FeatureCollection", "rescue_desk_layer": "station", "format_version": 1,
     "features": [...]}

Landmark features — geometry ``Point`` [lon, lat(, ele)]; properties:
  ``feature_type`` "landmark"; ``key`` (the exporting station's id, informative); ``shipped_id``
  (id of the shipped landmark this corrects, or null for a station addition); ``corrected``
  (false: only the aliases are the station's, the position is the shipped one); ``name_en``,
  ``name_zh``, ``name_bo``; ``aliases`` [{``text``, ``lang`` "en"|"zh"|"other", ``valid_from``,
  ``valid_to``}]; ``kinds`` [str]; ``source`` (gps_walk|memory|caller|import|other);
  ``confidence`` (high|medium|low); ``note``; ``valid_from``/``valid_to`` ("YYYY-MM-DD" or null,
  Beijing days, inclusive); ``retired`` (bool); ``medical_post`` (bool); ``vehicle_access``
  (yes|probable|no); ``chainage_km``, ``offset_m`` (informative).
Hazard features — geometry ``LineString`` along the route section (informative) or null;
properties: ``feature_type`` "hazard"; ``kind`` (snow|rockfall|flooded_crossing|ice|closed|other);
``from_km``, ``to_km`` (clockwise chainage, authoritative); ``closed`` (bool); ``speed_factor``
(walking time multiplier); ``valid_from``/``valid_to``; ``note``; ``retired``.

Merging: a station addition matches an existing one by its English or Chinese name; a correction
by ``shipped_id``. A landmark missing from the file is left alone (absence is not retirement);
``retired: true`` retires it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .json_fields import JsonFields, is_number, load_json
from .landmarks import normalize_name
from .station_layer import ALIAS_LANGS, CONFIDENCES, HAZARD_KINDS, SOURCES, Hazard, StationAlias, StationLandmark, parse_day

FORMAT_VERSION = 1
VEHICLE_ACCESS = ("yes", "probable", "no")
WGS84_CRS_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "CRS84", "OGC:CRS84",
                   "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:6.6:4326"}


class LayerFormatError(ValueError):
    """The file cannot be read as a station layer; the message says why and where."""


_F = JsonFields(LayerFormatError)


# --- export -------------------------------------------------------------------------------------

def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _alias_json(a: StationAlias) -> dict:
    return {"text": a.text, "lang": a.lang, "valid_from": _day(a.valid_from), "valid_to": _day(a.valid_to)}


def export_layer(kora, landmarks: list[StationLandmark], aliases: list[StationAlias],
                 hazards: list[Hazard]) -> dict:
    """The station layer as a GeoJSON FeatureCollection (retired entries included, marked)."""
    feats = []
    live_aliases = [a for a in aliases if not a.retired]
    keys_with_rows = {s.key for s in landmarks}
    for s in landmarks:
        km, off = kora.chainage_of(s.lon, s.lat)
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(s.lon, 7), round(s.lat, 7)]},
                      "properties": {
                          "feature_type": "landmark", "key": s.key, "shipped_id": s.shipped_id, "corrected": True,
                          "name_en": s.name_en, "name_zh": s.name_zh, "name_bo": s.name_bo,
                          "aliases": [_alias_json(a) for a in live_aliases if a.landmark_key == s.key],
                          "kinds": list(s.kinds), "source": s.source, "confidence": s.confidence, "note": s.note,
                          "valid_from": _day(s.valid_from), "valid_to": _day(s.valid_to), "retired": s.retired,
                          "medical_post": s.medical_post, "vehicle_access": s.vehicle_access,
                          "chainage_km": round(km, 3), "offset_m": round(off, 1)}})
    for key in sorted({a.landmark_key for a in live_aliases} - keys_with_rows):
        if key not in kora.gazetteer:
            continue
        lm = kora.gazetteer.get(key)
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lm.lon, lm.lat]},
                      "properties": {
                          "feature_type": "landmark", "key": key, "shipped_id": key, "corrected": False,
                          "name_en": lm.name_en, "name_zh": lm.name_zh, "name_bo": lm.name_bo,
                          "aliases": [_alias_json(a) for a in live_aliases if a.landmark_key == key],
                          "kinds": list(lm.kinds), "source": "other", "confidence": lm.confidence, "note": "",
                          "valid_from": None, "valid_to": None, "retired": False,
                          "medical_post": lm.medical_post, "vehicle_access": lm.vehicle_access,
                          "chainage_km": lm.chainage_km, "offset_m": lm.offset_m}})
    for h in hazards:
        feats.append({"type": "Feature", "geometry": _section_line(kora, h.from_km, h.to_km),
                      "properties": {"feature_type": "hazard", "kind": h.kind, "from_km": h.from_km,
                                     "to_km": h.to_km, "closed": h.closed, "speed_factor": h.speed_factor,
                                     "valid_from": _day(h.valid_from), "valid_to": _day(h.valid_to),
                                     "note": h.note, "retired": h.retired}})
    return {"type": "FeatureCollection", "rescue_desk_layer": "station", "format_version": FORMAT_VERSION,
            "features": feats}


def _section_line(kora, from_km: float, to_km: float) -> dict:
    span = kora.ahead_km(from_km, to_km, "cw")
    n = max(2, int(span / 0.1) + 1)
    pts = [kora.point_at(from_km + span * i / (n - 1)) for i in range(n)]
    return {"type": "LineString", "coordinates": [[round(x, 7), round(y, 7)] for x, y in pts]}


# --- reading ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IncomingLandmark:
    lon: float
    lat: float
    shipped_id: str | None
    corrected: bool
    name_en: str
    name_zh: str
    name_bo: str = ""
    aliases: tuple[tuple[str, str, date | None, date | None], ...] = ()  # (text, lang, from, to)
    kinds: tuple[str, ...] = ()
    source: str = "import"
    confidence: str = "medium"
    note: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    retired: bool = False
    medical_post: bool = False
    vehicle_access: str = "no"

    @property
    def label(self) -> str:
        return self.name_en or self.name_zh or str(self.shipped_id)


@dataclass(frozen=True)
class IncomingHazard:
    kind: str
    from_km: float
    to_km: float
    closed: bool = False
    speed_factor: float = 1.0
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""
    retired: bool = False


@dataclass(frozen=True)
class IncomingLayer:
    landmarks: tuple[IncomingLandmark, ...] = ()
    hazards: tuple[IncomingHazard, ...] = ()


def _check_crs(doc: dict) -> None:
    crs = doc.get("crs")
    if crs is None:
        return
    name = None
    if isinstance(crs, dict):
        props = _F.obj(crs, "properties", "the file's 'crs'", {})
        name = props.get("name") or props.get("href") or crs.get("type")
    if not isinstance(name, str) or name not in WGS84_CRS_NAMES:
        raise LayerFormatError(
            f"The file uses the coordinate system {name!r}; Rescue Desk reads only WGS84 longitude/latitude "
            "(GeoJSON's CRS84). Reproject the file to WGS84 first; nothing was imported.")


def _position(coords, where: str) -> tuple[float, float]:
    if not isinstance(coords, list) or len(coords) < 2 or not all(is_number(v) for v in coords[:3]):
        raise LayerFormatError(f"{where}: the geometry has no valid position (need [longitude, latitude]).")
    lon, lat = float(coords[0]), float(coords[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise LayerFormatError(f"{where}: ({lon}, {lat}) is not a longitude/latitude; the file may be in a "
                               "projected coordinate system (metres). Reproject it to WGS84 first.")
    return lon, lat


def _dates(p: dict, where: str) -> tuple[date | None, date | None]:
    days = []
    for key in ("valid_from", "valid_to"):
        try:
            days.append(parse_day(_F.text(p, key, where, None)))
        except ValueError as exc:
            raise LayerFormatError(f"{where}: {key!r} is {exc}.") from None
    return days[0], days[1]


def _alias(a: dict, where: str) -> tuple[str, str, date | None, date | None]:
    text = _F.text(a, "text", where, "").strip()
    if not text:
        raise LayerFormatError(f"{where}: every alias needs a text.")
    return (text, _F.choice(a, "lang", where, ALIAS_LANGS, "other"), *_dates(a, where))


def _landmark(f: dict, p: dict, where: str) -> IncomingLandmark:
    g = f.get("geometry")
    if not isinstance(g, dict) or g.get("type") != "Point":
        raise LayerFormatError(f"{where}: a landmark needs a Point geometry, not {(g or {}).get('type') if isinstance(g, dict) else g!r}.")
    lon, lat = _position(g.get("coordinates"), where)
    aliases = tuple(_alias(a, f"{where}, alias {i}") for i, a in enumerate(_F.objects(p, "aliases", where, []), start=1))
    name_en, name_zh = _F.text(p, "name_en", where, "").strip(), _F.text(p, "name_zh", where, "").strip()
    shipped_id = _F.text(p, "shipped_id", where, "").strip() or None
    if not (name_en or name_zh or shipped_id):
        raise LayerFormatError(f"{where}: a landmark needs a name (name_en or name_zh).")
    vf, vt = _dates(p, where)
    return IncomingLandmark(
        lon=lon, lat=lat, shipped_id=shipped_id, corrected=_F.flag(p, "corrected", where, True),
        name_en=name_en, name_zh=name_zh, name_bo=_F.text(p, "name_bo", where, ""), aliases=aliases,
        kinds=tuple(_F.texts(p, "kinds", where, [])),
        source=_F.choice(p, "source", where, tuple(SOURCES), "import"),
        confidence=_F.choice(p, "confidence", where, tuple(CONFIDENCES), "medium"),
        note=_F.text(p, "note", where, ""), valid_from=vf, valid_to=vt, retired=_F.flag(p, "retired", where, False),
        medical_post=_F.flag(p, "medical_post", where, False),
        vehicle_access=_F.choice(p, "vehicle_access", where, VEHICLE_ACCESS, "no"))


def _hazard(f: dict, p: dict, where: str) -> IncomingHazard:
    g = f.get("geometry")
    if g is not None:
        if not isinstance(g, dict) or g.get("type") != "LineString" or not isinstance(g.get("coordinates"), list) \
                or len(g["coordinates"]) < 2:
            raise LayerFormatError(f"{where}: a hazard's geometry must be a LineString of two or more positions (or null).")
        for c in g["coordinates"]:
            _position(c, where)
    vf, vt = _dates(p, where)
    return IncomingHazard(_F.choice(p, "kind", where, tuple(HAZARD_KINDS), "other"),
                          _F.number(p, "from_km", where), _F.number(p, "to_km", where),
                          _F.flag(p, "closed", where, False), _F.number(p, "speed_factor", where, 1.0),
                          vf, vt, _F.text(p, "note", where, ""), _F.flag(p, "retired", where, False))


def read_layer(text: str | bytes) -> IncomingLayer:
    """Parse and check a station-layer GeoJSON file completely; LayerFormatError on the first problem
    (foreign CRS, broken geometry, unknown codes, a field of the wrong type…), naming the feature."""
    doc = load_json(text, LayerFormatError)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise LayerFormatError("The file is not a GeoJSON FeatureCollection.")
    _check_crs(doc)
    if "format_version" in doc:
        version = _F.whole(doc, "format_version", "the file", lo=1)
        if version > FORMAT_VERSION:
            raise LayerFormatError(f"The file uses layer format {version}; this Rescue Desk reads up to "
                                   f"{FORMAT_VERSION}. Update the program.")
    lms, hzs = [], []
    for i, f in enumerate(doc["features"], start=1):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise LayerFormatError(f"Feature {i} is not a GeoJSON Feature.")
        p = _F.obj(f, "properties", f"Feature {i}", {})
        name = next((n for n in (p.get("name_en"), p.get("name_zh")) if isinstance(n, str) and n.strip()), "")
        where = f"Feature {i}" + (f" ({name.strip()})" if name else "")
        kind = _F.choice(p, "feature_type", where, ("landmark", "hazard"), "landmark")
        if kind == "landmark":
            lms.append(_landmark(f, p, where))
        else:
            hzs.append(_hazard(f, p, where))
    return IncomingLayer(tuple(lms), tuple(hzs))


# --- diff ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One line of an import diff: ``action`` "add"|"change"|"retire"|"alias"|"add_hazard"|"change_hazard"."""

    action: str
    label: str
    details: str = ""
    target_key: str | None = None  # the landmark key here (for change/retire/alias)
    landmark: IncomingLandmark | None = None
    alias: tuple | None = None
    hazard: IncomingHazard | None = None
    hazard_id: int | None = None
    fields: dict = field(default_factory=dict)


@dataclass(frozen=True)
class LayerDiff:
    changes: tuple[Change, ...] = ()
    unchanged: int = 0

    @property
    def added(self) -> list[Change]:
        return [c for c in self.changes if c.action in ("add", "alias", "add_hazard")]

    @property
    def changed(self) -> list[Change]:
        return [c for c in self.changes if c.action in ("change", "change_hazard")]

    @property
    def retired(self) -> list[Change]:
        return [c for c in self.changes if c.action == "retire"]

    def is_empty(self) -> bool:
        return not self.changes

    def lines(self) -> list[str]:
        """The diff as text lines for a terminal or a dialog."""
        sym = {"add": "+", "alias": "+", "add_hazard": "+", "change": "~", "change_hazard": "~", "retire": "-"}
        out = [f"{sym[c.action]} {c.label}" + (f": {c.details}" if c.details else "") for c in self.changes]
        out.append(f"{len(self.added)} added, {len(self.changed)} changed, {len(self.retired)} retired, "
                   f"{self.unchanged} unchanged")
        return out


_COMPARED = ("name_en", "name_zh", "name_bo", "source", "confidence", "note", "valid_from", "valid_to",
             "medical_post", "vehicle_access")


def _landmark_changes(cur: StationLandmark, inc: IncomingLandmark, kora) -> dict:
    ch = {k: getattr(inc, k) for k in _COMPARED if getattr(inc, k) != getattr(cur, k)}
    if tuple(inc.kinds) != tuple(cur.kinds):
        ch["kinds"] = inc.kinds
    from .geo import geodesic_distance_m
    if geodesic_distance_m(cur.lon, cur.lat, inc.lon, inc.lat) > 1.0:
        ch["position"] = (inc.lon, inc.lat)
    return ch


def diff_layer(incoming: IncomingLayer, landmarks: list[StationLandmark], aliases: list[StationAlias],
               hazards: list[Hazard], kora) -> LayerDiff:
    """What importing ``incoming`` would change in the current station layer (``kora`` = shipped)."""
    by_shipped = {s.shipped_id: s for s in landmarks if s.shipped_id}
    by_name: dict[str, StationLandmark] = {}
    for s in landmarks:
        if not s.shipped_id:
            for n in (s.name_en, s.name_zh):
                if n:
                    by_name.setdefault(normalize_name(n), s)
    known_alias = {(a.landmark_key, normalize_name(a.text)) for a in aliases if not a.retired}
    changes, unchanged = [], 0
    for inc in incoming.landmarks:
        if inc.shipped_id:
            if inc.shipped_id not in kora.gazetteer:
                raise LayerFormatError(f"{inc.label}: corrects the shipped landmark {inc.shipped_id!r}, which this "
                                       "Rescue Desk does not know.")
            cur, key = by_shipped.get(inc.shipped_id), inc.shipped_id
        else:
            cur = by_name.get(normalize_name(inc.name_en)) if inc.name_en else None
            cur = cur or (by_name.get(normalize_name(inc.name_zh)) if inc.name_zh else None)
            key = cur.key if cur else None
        touched = False
        if cur is None and not inc.shipped_id:
            if not inc.retired:
                changes.append(Change("add", inc.label, f"new landmark at {inc.lat:.5f} N {inc.lon:.5f} E", None, inc))
                touched = True
        elif inc.corrected or cur is not None:
            if cur is None:
                base = kora.gazetteer.get(inc.shipped_id)
                cur = StationLandmark(0, inc.shipped_id, base.name_en, base.name_zh, base.lon, base.lat,
                                      shipped_id=inc.shipped_id, name_bo=base.name_bo, kinds=base.kinds,
                                      source="other", confidence=base.confidence, note=base.notes,
                                      medical_post=base.medical_post, vehicle_access=base.vehicle_access)
            if inc.retired and not cur.retired:
                changes.append(Change("retire", inc.label, "", key, inc))
                touched = True
            elif inc.corrected:
                ch = _landmark_changes(cur, inc, kora)
                if cur.retired and not inc.retired:
                    ch["retired"] = False
                if ch:
                    changes.append(Change("change", inc.label, ", ".join(sorted(ch)), key, inc, fields=ch))
                    touched = True
        for text, lang, af, at in inc.aliases:
            if key is not None and (key, normalize_name(text)) in known_alias:
                continue
            changes.append(Change("alias", f"alias '{text}' → {inc.label}", lang, key, inc, alias=(text, lang, af, at)))
            touched = True
        unchanged += not touched
    for h in incoming.hazards:
        same = [x for x in hazards if x.kind == h.kind and abs(x.from_km - h.from_km) < 0.01
                and abs(x.to_km - h.to_km) < 0.01]
        label = Hazard(0, h.kind, h.from_km, h.to_km, h.closed).label("en")
        if not same:
            if not h.retired:
                changes.append(Change("add_hazard", label, h.note, hazard=h))
            continue
        x = same[0]
        ch = {k: getattr(h, k) for k in ("closed", "speed_factor", "valid_from", "valid_to", "note", "retired")
              if getattr(h, k) != getattr(x, k)}
        if ch:
            changes.append(Change("change_hazard", label, ", ".join(sorted(ch)), hazard=h, hazard_id=x.hazard_id, fields=ch))
        else:
            unchanged += 1
    return LayerDiff(tuple(changes), unchanged)
