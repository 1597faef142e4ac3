"""Undoable station-layer edits: each ``apply(db, actor)`` performs one named operation and returns
the edit that undoes it, computed from the state just before (so undo of an undo is a redo).
No Qt here: the editor's QUndoCommand is a thin wrapper that runs these on the database worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from rescue_desk.storage import Database

from . import station, station_hazards
from .station import LandmarkInput


class Edit(Protocol):
    text: str

    def apply(self, db: Database, actor: str) -> "Edit": ...


def _row_state(db: Database, key: str) -> tuple[float, float, dict[str, Any]]:
    """(lon, lat, editable fields) of landmark ``key`` as in use now (station row, else shipped)."""
    layer = station.load_layer(db)
    for s in layer.landmarks:
        if s.key == key:
            return s.lon, s.lat, {"name_en": s.name_en, "name_zh": s.name_zh, "name_bo": s.name_bo,
                                  "note": s.note, "source": s.source, "confidence": s.confidence,
                                  "valid_from": s.valid_from, "valid_to": s.valid_to}
    from rescue_desk.domain.kora import load_kora

    lm = load_kora().gazetteer.get(key)
    return lm.lon, lm.lat, {"name_en": lm.name_en, "name_zh": lm.name_zh, "name_bo": lm.name_bo,
                            "note": lm.notes, "source": "other", "confidence": lm.confidence,
                            "valid_from": None, "valid_to": None}


@dataclass
class AddLandmark:
    data: LandmarkInput
    text: str = "add landmark"
    key: str | None = None

    def apply(self, db: Database, actor: str) -> Edit:
        self.key = station.add_landmark(db, actor, self.data)
        return SetRetired(self.key, True, self.text)


@dataclass
class SetRetired:
    key: str
    retired: bool
    text: str = "retire landmark"

    def apply(self, db: Database, actor: str) -> Edit:
        (station.retire_landmark if self.retired else station.restore_landmark)(db, actor, self.key)
        return SetRetired(self.key, not self.retired, self.text)


@dataclass
class MoveLandmark:
    key: str
    lon: float
    lat: float
    text: str = "move landmark"

    def apply(self, db: Database, actor: str) -> Edit:
        lon, lat, _fields = _row_state(db, self.key)
        station.move_landmark(db, actor, self.key, self.lon, self.lat)
        return MoveLandmark(self.key, lon, lat, self.text)


@dataclass
class UpdateLandmark:
    key: str
    changes: dict[str, Any] = field(default_factory=dict)
    text: str = "edit landmark"

    def apply(self, db: Database, actor: str) -> Edit:
        _lon, _lat, before = _row_state(db, self.key)
        station.update_landmark(db, actor, self.key, **self.changes)
        return UpdateLandmark(self.key, {k: before.get(k) for k in self.changes}, self.text)


@dataclass
class AddAlias:
    key: str
    alias: str
    lang: str = "other"
    text: str = "add alias"

    def apply(self, db: Database, actor: str) -> Edit:
        alias_id = station.add_alias(db, actor, self.key, self.alias, self.lang)
        return SetAliasRetired(alias_id, True, self.text)


@dataclass
class SetAliasRetired:
    alias_id: int
    retired: bool
    text: str = "remove alias"

    def apply(self, db: Database, actor: str) -> Edit:
        (station.remove_alias if self.retired else station.restore_alias)(db, actor, self.alias_id)
        return SetAliasRetired(self.alias_id, not self.retired, self.text)


@dataclass
class AddHazard:
    kind: str
    from_km: float
    to_km: float
    closed: bool = False
    speed_factor: float = 1.5
    valid_from: Any = None
    valid_to: Any = None
    note: str = ""
    text: str = "add hazard"

    def apply(self, db: Database, actor: str) -> Edit:
        hid = station_hazards.add_hazard(db, actor, self.kind, self.from_km, self.to_km, closed=self.closed,
                                         speed_factor=self.speed_factor, valid_from=self.valid_from,
                                         valid_to=self.valid_to, note=self.note)
        return SetHazardRetired(hid, True, self.text)


@dataclass
class SetHazardRetired:
    hazard_id: int
    retired: bool
    text: str = "lift hazard"

    def apply(self, db: Database, actor: str) -> Edit:
        station_hazards.set_hazard_retired(db, actor, self.hazard_id, self.retired)
        return SetHazardRetired(self.hazard_id, not self.retired, self.text)


@dataclass(frozen=True)
class EditorRow:
    """One landmark as the editor lists it. ``origin``: "shipped", "corrected" or "station"."""

    key: str
    name_en: str
    name_zh: str
    chainage_km: float
    lon: float
    lat: float
    origin: str
    confidence: str
    source: str
    note: str
    valid_from: Any
    valid_to: Any
    retired: bool
    shipped_aliases: tuple[str, ...]
    station_aliases: tuple[tuple[int, str, str], ...]  # (alias id, lang, text) in use


def editor_rows(layer: station.StationLayer) -> list[EditorRow]:
    """Every landmark (shipped, corrected, station; retired ones too), by chainage."""
    from rescue_desk.domain.kora import load_kora

    kora = load_kora()
    rows_by_key = {s.key: s for s in layer.landmarks}
    aliases: dict[str, list] = {}
    for a in layer.aliases:
        if not a.retired:
            aliases.setdefault(a.landmark_key, []).append((a.alias_id, a.lang, a.text))
    out = []
    keys = [lm.id for lm in kora.gazetteer] + [s.key for s in layer.landmarks if not s.shipped_id]
    for key in keys:
        s = rows_by_key.get(key)
        base = kora.gazetteer.get(key) if key in kora.gazetteer else None
        shipped_aliases = tuple(base.aliases_en + base.aliases_zh) if base else ()
        if s is None:
            out.append(EditorRow(key, base.name_en, base.name_zh, base.chainage_km, base.lon, base.lat, "shipped",
                                 base.confidence, "", base.notes, None, None, False, shipped_aliases,
                                 tuple(aliases.get(key, ()))))
            continue
        km, _off = kora.chainage_of(s.lon, s.lat)
        out.append(EditorRow(key, s.name_en, s.name_zh, round(km, 3), s.lon, s.lat,
                             "corrected" if s.shipped_id else "station", s.confidence, s.source, s.note,
                             s.valid_from, s.valid_to, s.retired, shipped_aliases, tuple(aliases.get(key, ()))))
    return sorted(out, key=lambda r: r.chainage_km)
