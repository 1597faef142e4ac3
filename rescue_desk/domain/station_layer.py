"""The station's own landmark layer on top of the shipped one, and its hazards.

Pure: the storage rows arrive as the dataclasses below. ``merge_landmarks`` gives the landmark list a
``Kora.with_landmarks`` needs for a given day: station additions, corrections of shipped landmarks
(moved/renamed, ``origin="station"``), aliases and retirements that are valid on that day.
Dates are Beijing calendar days; ``valid_from``/``valid_to`` are inclusive, ``None`` means open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable, Literal

from .clock import to_beijing
from .landmarks import Landmark, normalize_name

MAX_OFFSET_KM = 5.0  # a station landmark lies within this distance of the kora route

SOURCES = {
    "gps_walk": ("GPS实地测量", "Walked with GPS"),
    "memory": ("民警记忆", "Officer's memory"),
    "caller": ("报警人描述", "Caller"),
    "import": ("外部导入", "Imported"),
    "other": ("其他", "Other"),
}
CONFIDENCES = {"high": ("高", "High"), "medium": ("中", "Medium"), "low": ("低", "Low")}
HAZARD_KINDS = {
    "snow": ("积雪", "snow"),
    "rockfall": ("落石", "rockfall"),
    "flooded_crossing": ("涉水处涨水", "flooded crossing"),
    "ice": ("结冰", "ice"),
    "closed": ("封闭", "closure"),
    "other": ("危险", "danger"),
}
ALIAS_LANGS = ("en", "zh", "other")

When = date | datetime | None | Literal["any"]


def day_of(at: date | datetime | None) -> date | None:
    """The Beijing calendar day of ``at`` (a datetime is converted; a date is kept)."""
    if at is None or (isinstance(at, date) and not isinstance(at, datetime)):
        return at
    return to_beijing(at).date() if at.tzinfo else at.date()


def parse_day(text: str | None) -> date | None:
    """``"2025-06-01"`` -> date; empty -> None. Raises ValueError with a clear message."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def valid_on(valid_from: date | None, valid_to: date | None, at: When) -> bool:
    """True when the day of ``at`` lies in [valid_from, valid_to]; ``"any"`` ignores the dates."""
    if at == "any":
        return True
    d = day_of(at)
    if d is None:
        d = day_of(datetime.now().astimezone())
    return (valid_from is None or valid_from <= d) and (valid_to is None or d <= valid_to)


def check_dates(valid_from: date | None, valid_to: date | None) -> None:
    """Raises ValueError when the period ends before it starts."""
    if valid_from and valid_to and valid_to < valid_from:
        raise ValueError(f"the end date {valid_to} is before the start date {valid_from}")


@dataclass(frozen=True)
class StationLandmark:
    """One landmark as the station keeps it: an addition (``shipped_id`` None) or a correction."""

    station_id: int
    key: str  # the landmark id in the layer: the shipped id for a correction, "station_<n>" otherwise
    name_en: str
    name_zh: str
    lon: float
    lat: float
    shipped_id: str | None = None
    name_bo: str = ""
    kinds: tuple[str, ...] = ()
    elevation_m: float | None = None
    source: str = "memory"
    confidence: str = "medium"
    note: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    retired: bool = False
    medical_post: bool = False
    vehicle_access: str = "no"

    def in_use(self, at: When) -> bool:
        return not self.retired and valid_on(self.valid_from, self.valid_to, at)


@dataclass(frozen=True)
class StationAlias:
    """Another name callers use for a landmark (shipped or station), in ``lang`` "en"|"zh"|"other"."""

    alias_id: int
    landmark_key: str
    text: str
    lang: str = "other"
    valid_from: date | None = None
    valid_to: date | None = None
    retired: bool = False

    def in_use(self, at: When) -> bool:
        return not self.retired and valid_on(self.valid_from, self.valid_to, at)


@dataclass(frozen=True)
class Hazard:
    """A section from ``from_km`` clockwise to ``to_km`` (may wrap past 0) that is slow or closed.

    ``speed_factor`` multiplies walking time through it (1.5 = half again as long)."""

    hazard_id: int
    kind: str
    from_km: float
    to_km: float
    closed: bool = False
    speed_factor: float = 1.0
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""
    retired: bool = False

    def in_use(self, at: When) -> bool:
        return not self.retired and valid_on(self.valid_from, self.valid_to, at)

    def label(self, lang: str = "en") -> str:
        """"slowed by snow 22–25 km" / "因积雪减速 22–25 km", or "closed (rockfall) …"."""
        zh, en = HAZARD_KINDS.get(self.kind, HAZARD_KINDS["other"])
        span = f"{self.from_km:g}–{self.to_km:g} km"
        if self.closed:
            return f"{span} 因{zh}封闭" if lang == "zh" else f"closed ({en}) {span}"
        return f"因{zh}减速 {span}" if lang == "zh" else f"slowed by {en} {span}"

    def as_map_item(self, lang: str = "en") -> dict:
        """The dict ``MapController.set_hazards`` draws."""
        return {"from_km": self.from_km, "to_km": self.to_km, "kind": self.kind, "closed": self.closed,
                "label": self.label(lang)}


def _landmark_from_station(s: StationLandmark, kora, base: Landmark | None, aliases: list[StationAlias]) -> Landmark:
    km, offset_m = kora.chainage_of(s.lon, s.lat)
    extra = {"station_id": s.station_id, "station_key": s.key}
    if base is not None:
        extra["shipped"] = {"lon": base.lon, "lat": base.lat, "name_en": base.name_en, "name_zh": base.name_zh}
    en = tuple(a.text for a in aliases if a.lang == "en")
    zh = tuple(a.text for a in aliases if a.lang == "zh")
    if base is not None:  # a renamed shipped landmark keeps answering to its shipped names
        en = tuple(n for n in (base.name_en, base.short_en) if n and n != s.name_en) + en
        zh = tuple(n for n in (base.name_zh, base.short_zh) if n and n != s.name_zh) + zh
    other = tuple(a.text for a in aliases if a.lang not in ("en", "zh"))
    return Landmark(
        id=s.key, name_en=s.name_en, name_zh=s.name_zh, name_bo=s.name_bo or (base.name_bo if base else ""),
        lon=s.lon, lat=s.lat, chainage_km=round(km, 3), offset_m=round(offset_m, 1),
        elevation_m=s.elevation_m if s.elevation_m is not None else (base.elevation_m if base else None),
        aliases_en=(base.aliases_en if base else ()) + en, aliases_zh=(base.aliases_zh if base else ()) + zh,
        aliases_other=(base.aliases_other if base else ()) + other,
        kinds=s.kinds or (base.kinds if base else ()), confidence=s.confidence,
        medical_post=s.medical_post, vehicle_access=s.vehicle_access,
        source=f"station landmark #{s.station_id} ({s.source})", notes=s.note, origin="station", extra=extra,
    )


def merge_landmarks(shipped: Iterable[Landmark], station: Iterable[StationLandmark],
                    aliases: Iterable[StationAlias], kora, at: When = None) -> list[Landmark]:
    """The landmark set in use on the day of ``at``: shipped landmarks, replaced by the station's
    correction where one is in use, dropped where the correction is retired, plus station additions
    and aliases in use. Station entries come out with ``origin="station"`` and their station id in
    ``source`` and ``extra["station_id"]``. ``kora`` supplies chainage (``chainage_of``)."""
    by_key: dict[str, Landmark] = {lm.id: lm for lm in shipped}
    alias_by_key: dict[str, list[StationAlias]] = {}
    for a in aliases:
        if a.in_use(at):
            alias_by_key.setdefault(a.landmark_key, []).append(a)
    out: dict[str, Landmark] = dict(by_key)
    for s in station:
        base = by_key.get(s.shipped_id) if s.shipped_id else None
        if s.retired:
            out.pop(s.key, None)
            continue
        if not s.in_use(at):
            if base is None:
                out.pop(s.key, None)
            continue
        out[s.key] = _landmark_from_station(s, kora, base, alias_by_key.pop(s.key, []))
    for key, extra_aliases in alias_by_key.items():
        lm = out.get(key)
        if lm is None:
            continue
        out[key] = lm.with_changes(
            aliases_en=lm.aliases_en + tuple(a.text for a in extra_aliases if a.lang == "en"),
            aliases_zh=lm.aliases_zh + tuple(a.text for a in extra_aliases if a.lang == "zh"),
            aliases_other=lm.aliases_other + tuple(a.text for a in extra_aliases if a.lang not in ("en", "zh")),
        )
    return list(out.values())


def name_owner(landmarks: Iterable[Landmark], name: str, ignore_key: str | None = None) -> Landmark | None:
    """The landmark (other than ``ignore_key``) that already has ``name`` as a name or alias, or None."""
    key = normalize_name(name)
    if not key:
        return None
    for lm in landmarks:
        if lm.id == ignore_key:
            continue
        if any(normalize_name(n) == key for _lang, n in lm.all_names() if n):
            return lm
    return None


@dataclass(frozen=True)
class NameOwner:
    id: str
    short_en: str
    name_zh: str


class NameIndex:
    """Every name and alias of a set of landmarks, normalised, so that checking and registering many
    new names (an import of a thousand landmarks) takes linear time, not a scan of all per name."""

    def __init__(self, landmarks: Iterable[Landmark] = ()):
        self._owners: dict[str, NameOwner] = {}
        self._by_id: dict[str, NameOwner] = {}
        for lm in landmarks:
            self.register(lm.id, lm.short_en, lm.name_zh, [n for _lang, n in lm.all_names()])

    def register(self, key: str, short_en: str, name_zh: str, names: Iterable[str]) -> None:
        owner = self._by_id.setdefault(key, NameOwner(key, short_en, name_zh))
        for n in names:
            norm = normalize_name(n) if n else ""
            if norm:
                self._owners.setdefault(norm, owner)

    @property
    def ids(self):
        return self._by_id.keys()

    def owner(self, name: str, ignore_key: str | None = None) -> NameOwner | None:
        """Who already has ``name`` (other than ``ignore_key``), or None."""
        found = self._owners.get(normalize_name(name)) if name else None
        return None if found is None or found.id == ignore_key else found


@dataclass(frozen=True)
class HazardPassage:
    """A hazard met on a walk from ``from_km`` to ``to_km``: how many km of it lie on the way."""

    hazard: Hazard
    overlap_km: float
    enter_km: float  # distance walked from the start to the hazard
    messages: dict = field(default_factory=dict, compare=False)


def _arc(from_km: float, to_km: float, length: float) -> tuple[float, float]:
    """Clockwise arc as (start, extent) with start in [0, length)."""
    start = from_km % length
    return start, (to_km - from_km) % length


def hazards_on_walk(hazards: Iterable[Hazard], from_km: float, to_km: float, direction: str,
                    length_km: float, at: When = None) -> list[HazardPassage]:
    """Hazards in use on ``at`` that the walk from ``from_km`` to ``to_km`` in ``direction`` crosses,
    in the order met. ``overlap_km`` is the length walked inside each."""
    d = (to_km - from_km) % length_km  # the same arithmetic as Kora.ahead_km
    w_len = d if direction == "cw" else (length_km - d) % length_km
    w_start = from_km % length_km if direction == "cw" else (from_km - w_len) % length_km
    out = []
    for h in hazards:
        if not h.in_use(at):
            continue
        h_start, h_len = _arc(h.from_km, h.to_km, length_km)
        pieces = []  # the walk may meet both ends of a hazard that wraps round past its start
        for shift in (-length_km, 0.0, length_km):
            a = max(w_start, h_start + shift)
            b = min(w_start + w_len, h_start + shift + h_len)
            if b > a + 1e-9:
                pieces.append((a, b))
        if not pieces:
            continue
        overlap = sum(b - a for a, b in pieces)
        enter = (min(a for a, _b in pieces) - w_start) if direction == "cw" else \
            (w_start + w_len - max(b for _a, b in pieces))
        out.append(HazardPassage(h, overlap, enter, {"en": h.label("en"), "zh": h.label("zh")}))
    return sorted(out, key=lambda p: p.enter_km)


def hazard_time_factor(passages: list[HazardPassage], walk_km: float) -> float:
    """Overall walking-time factor from slow hazards, by distance share (closed ones excluded)."""
    if walk_km <= 0:
        return 1.0
    extra = sum(p.overlap_km * (p.hazard.speed_factor - 1.0) for p in passages if not p.hazard.closed)
    return 1.0 + extra / walk_km
