"""Reading the station's sand table: the layer as domain values, and the kora it gives on any day.

``station_kora(db, at)`` is the kora the locator should use: shipped landmarks plus the station
layer in use on that day. ``StationKoras`` builds those koras once per distinct set of entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rescue_desk.domain import station_layer as sl
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.landmarks import Landmark
from rescue_desk.storage import Database
from rescue_desk.storage.models_station import HazardRow, StationAliasRow, StationLandmarkRow, StationLandmarkVersion


@dataclass(frozen=True)
class StationLayer:
    """Everything the station keeps, as domain values (retired entries included)."""

    landmarks: tuple[sl.StationLandmark, ...] = ()
    aliases: tuple[sl.StationAlias, ...] = ()
    hazards: tuple[sl.Hazard, ...] = ()


@dataclass(frozen=True)
class VersionEntry:
    version_no: int
    action: str
    by: str
    at: datetime
    data: dict = field(default_factory=dict)


def _day(text: str) -> date | None:
    return sl.parse_day(text) if text else None


def _txt(d: date | None) -> str:
    return d.isoformat() if d else ""


def _to_domain(r: StationLandmarkRow) -> sl.StationLandmark:
    return sl.StationLandmark(
        station_id=r.id, key=r.key, shipped_id=r.shipped_id, name_en=r.name_en, name_zh=r.name_zh,
        name_bo=r.name_bo, kinds=tuple(r.kinds or ()), lon=r.lon, lat=r.lat, elevation_m=r.elevation_m,
        source=r.source, confidence=r.confidence, note=r.note, valid_from=_day(r.valid_from),
        valid_to=_day(r.valid_to), retired=r.retired, medical_post=r.medical_post, vehicle_access=r.vehicle_access)


def _alias_to_domain(a: StationAliasRow) -> sl.StationAlias:
    return sl.StationAlias(a.id, a.landmark_key, a.text, a.lang, _day(a.valid_from), _day(a.valid_to), a.retired)


def _hazard_to_domain(h: HazardRow) -> sl.Hazard:
    return sl.Hazard(h.id, h.kind, h.from_km, h.to_km, h.closed, h.speed_factor, _day(h.valid_from),
                     _day(h.valid_to), h.note, h.retired)


def _layer(s: Session) -> StationLayer:
    lms = s.scalars(select(StationLandmarkRow).order_by(StationLandmarkRow.id)).all()
    als = s.scalars(select(StationAliasRow).order_by(StationAliasRow.id)).all()
    hzs = s.scalars(select(HazardRow).order_by(HazardRow.id)).all()
    return StationLayer(tuple(map(_to_domain, lms)), tuple(map(_alias_to_domain, als)),
                        tuple(map(_hazard_to_domain, hzs)))


def load_layer(db: Database) -> StationLayer:
    """The whole station layer (retired and out-of-season entries included)."""
    with db.read() as s:
        return _layer(s)


def merged_landmarks(layer: StationLayer, at: sl.When = None, kora: Kora | None = None) -> list[Landmark]:
    """Shipped plus station landmarks in use on the day of ``at`` ("any" ignores seasons)."""
    base = kora or load_kora()
    shipped = [lm for lm in load_kora().gazetteer]
    return sl.merge_landmarks(shipped, layer.landmarks, layer.aliases, base, at)


def station_kora(db: Database, at: date | datetime | None = None) -> Kora:
    """The kora with the station layer in use on the day of ``at`` (default today, Beijing time).
    Give it to ``locate(..., kora=)`` so a new alias or a moved landmark counts at once."""
    return load_kora().with_landmarks(merged_landmarks(load_layer(db), at))


def active_hazards(db: Database, at: date | datetime | None = None) -> list[sl.Hazard]:
    """Hazards in use on the day of ``at`` (default today)."""
    return [h for h in load_layer(db).hazards if h.in_use(at)]


def history(db: Database, key: str) -> list[VersionEntry]:
    """The versions of landmark ``key``, oldest first (version 0 of a corrected shipped landmark is
    the shipped value)."""
    with db.read() as s:
        rows = s.scalars(select(StationLandmarkVersion).where(StationLandmarkVersion.landmark_key == key)
                         .order_by(StationLandmarkVersion.version_no, StationLandmarkVersion.id)).all()
        return [VersionEntry(r.version_no, r.action, r.by, r.at, dict(r.data)) for r in rows]



class StationKoras:
    """Koras with the station layer in use on each day, built once per distinct set of entries in use
    (a batch of calls over a season re-uses them). Pure once constructed: no database access."""

    def __init__(self, layer: StationLayer):
        self.layer = layer
        self._cache: dict[tuple, Kora] = {}

    def at(self, when: date | datetime | None = None) -> Kora:
        in_use = (tuple(s.station_id for s in self.layer.landmarks if s.in_use(when)),
                  tuple(a.alias_id for a in self.layer.aliases if a.in_use(when)))
        if in_use not in self._cache:
            self._cache[in_use] = load_kora().with_landmarks(merged_landmarks(self.layer, when))
        return self._cache[in_use]
