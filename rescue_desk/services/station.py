"""The station's sand table: landmarks, aliases and hazards the officers keep themselves.

Each public function that changes something is one named operation (``station_…``, needs the
``edit_station`` permission once accounts exist) = one committed transaction, with a version entry
for the landmark it touched. They run on the calling thread (the UI calls them from its database
worker). ``station_kora(db, at)`` is the kora the locator should use: shipped landmarks plus the
station layer in use on that day.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from rescue_desk.domain import station_layer as sl
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.landmarks import Landmark
from rescue_desk.storage import Database
from rescue_desk.storage.models_station import StationAliasRow, StationLandmarkRow, StationLandmarkVersion

from .errors import NotFound, ValidationError
from .station_reading import (  # noqa: F401  (callers read the layer through this module too)
    StationKoras, StationLayer, VersionEntry, _day, _layer, _txt, active_hazards, history, load_layer,
    merged_landmarks, station_kora)

SHIPPED_ACTOR = "shipped data"


@dataclass
class LandmarkInput:
    """What an officer fills in for a station landmark. Dates are Beijing days (inclusive)."""

    lon: float
    lat: float
    name_en: str = ""
    name_zh: str = ""
    name_bo: str = ""
    kinds: tuple[str, ...] = ()
    elevation_m: Optional[float] = None
    source: str = "memory"
    confidence: str = "medium"
    note: str = ""
    valid_from: Optional[date] = None
    valid_to: Optional[date] = None
    medical_post: bool = False
    vehicle_access: str = "no"


# --- validation ---------------------------------------------------------------------------------

def check_position(lon: float, lat: float, kora: Kora | None = None) -> tuple[float, float]:
    """(chainage km, offset m) of a valid landmark position; ValidationError when it is not a
    position or lies more than ``MAX_OFFSET_KM`` from the kora route."""
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat)) \
            or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValidationError(f"({lon}, {lat}) is not a longitude/latitude position.", field="position")
    km, offset_m = (kora or load_kora()).chainage_of(lon, lat)
    if offset_m > sl.MAX_OFFSET_KM * 1000:
        raise ValidationError(
            f"The point ({lon:.5f}, {lat:.5f}) is {offset_m / 1000:.1f} km from the kora route; station "
            f"landmarks must lie within {sl.MAX_OFFSET_KM:g} km of it (check the coordinates and their order).",
            field="position")
    return km, offset_m


def _check_dates(valid_from, valid_to) -> None:
    try:
        sl.check_dates(valid_from, valid_to)
    except ValueError as exc:
        raise ValidationError(f"The validity period is wrong: {exc}.", field="valid_to") from None


def _check_choice(value: str, table: dict, what: str, fld: str) -> None:
    if value not in table:
        raise ValidationError(f"Unknown {what} {value!r}; use one of: {', '.join(table)}.", field=fld)


def _check_names(index: sl.NameIndex, names: list[str], key: str | None) -> None:
    if not any(n.strip() for n in names):
        raise ValidationError("A landmark needs a name (English or Chinese).", field="name_en")
    for n in names:
        if not n.strip():
            continue
        owner = index.owner(n, ignore_key=key)
        if owner is not None:
            raise ValidationError(f"The name {n!r} is already used by the landmark "
                                  f"{owner.short_en or owner.name_zh} ({owner.id}).", field="name_en")


def _all_landmarks(s: Session) -> list[Landmark]:
    """Every landmark not retired, whatever its season: the set names must be unique in."""
    return merged_landmarks(_layer(s), "any")


# --- writing ------------------------------------------------------------------------------------

def _snapshot_row(r: StationLandmarkRow, s: Session, aliases: list | None = None) -> dict[str, Any]:
    if aliases is None:
        aliases = s.scalars(select(StationAliasRow).where(StationAliasRow.landmark_key == r.key,
                                                          StationAliasRow.retired.is_(False))).all()
    km, off = load_kora().chainage_of(r.lon, r.lat)
    return {"name_en": r.name_en, "name_zh": r.name_zh, "name_bo": r.name_bo, "lon": r.lon, "lat": r.lat,
            "chainage_km": round(km, 3), "offset_m": round(off, 1), "source": r.source,
            "confidence": r.confidence, "note": r.note, "valid_from": r.valid_from, "valid_to": r.valid_to,
            "retired": r.retired, "aliases": [[a.lang, a.text] for a in aliases]}


def _snapshot_shipped(lm: Landmark) -> dict[str, Any]:
    return {"name_en": lm.name_en, "name_zh": lm.name_zh, "name_bo": lm.name_bo, "lon": lm.lon, "lat": lm.lat,
            "chainage_km": lm.chainage_km, "offset_m": lm.offset_m, "source": lm.source,
            "confidence": lm.confidence, "note": lm.notes, "valid_from": "", "valid_to": "", "retired": False,
            "aliases": [["en", a] for a in lm.aliases_en] + [["zh", a] for a in lm.aliases_zh]}


def _record(s: Session, key: str, action: str, actor: str, data: dict) -> None:
    last = s.scalar(select(StationLandmarkVersion.version_no).where(StationLandmarkVersion.landmark_key == key)
                    .order_by(StationLandmarkVersion.version_no.desc()).limit(1))
    s.add(StationLandmarkVersion(landmark_key=key, version_no=(last if last is not None else 0) + 1,
                                 action=action, by=actor, at=utc_now(), data=data))


def _row_for(s: Session, key: str, actor: str, create_correction: bool = True) -> StationLandmarkRow:
    """The station row of ``key``; for a shipped landmark not yet corrected, a new correction row
    starting from the shipped values (and version 0 = the shipped value)."""
    if key.startswith("station_") and key[8:].isdigit():
        row = s.get(StationLandmarkRow, int(key[8:]))
        if row is None:
            raise NotFound(f"There is no station landmark {key}.")
        return row
    row = s.scalar(select(StationLandmarkRow).where(StationLandmarkRow.shipped_id == key))
    if row is not None:
        return row
    shipped = load_kora().gazetteer
    if key not in shipped or not create_correction:
        raise NotFound(f"There is no landmark {key!r}.")
    lm = shipped.get(key)
    row = StationLandmarkRow(shipped_id=key, name_en=lm.name_en, name_zh=lm.name_zh, name_bo=lm.name_bo,
                             kinds=list(lm.kinds), lon=lm.lon, lat=lm.lat, elevation_m=lm.elevation_m,
                             source="other", confidence=lm.confidence, note=lm.notes, medical_post=lm.medical_post,
                             vehicle_access=lm.vehicle_access, created_by=actor, updated_by=actor)
    s.add(row)
    s.add(StationLandmarkVersion(landmark_key=key, version_no=0, action="shipped", by=SHIPPED_ACTOR,
                                 at=utc_now(), data=_snapshot_shipped(lm)))
    s.flush()
    return row


def _touch(row: StationLandmarkRow, actor: str) -> None:
    row.updated_by, row.updated_at = actor, utc_now()


def add_landmark(db: Database, actor: str, data: LandmarkInput) -> str:
    """Add a station landmark; returns its key ("station_<n>"). ValidationError on a duplicate name,
    a point too far from the route, wrong dates or codes."""
    with db.write(actor, "station_add_landmark") as s:
        return add_landmark_in(s, actor, data)


def add_landmark_in(s: Session, actor: str, data: LandmarkInput, names: sl.NameIndex | None = None) -> str:
    """``add_landmark`` inside an open unit of work. An import passes one ``names`` index for all its
    changes (kept up to date here), so names are not re-read per landmark."""
    check_position(data.lon, data.lat)
    _check_dates(data.valid_from, data.valid_to)
    _check_choice(data.source, sl.SOURCES, "source", "source")
    _check_choice(data.confidence, sl.CONFIDENCES, "confidence", "confidence")
    index = names if names is not None else sl.NameIndex(_all_landmarks(s))
    _check_names(index, [data.name_en, data.name_zh], None)
    fields = asdict(data)
    fields["kinds"] = list(data.kinds)
    fields["valid_from"], fields["valid_to"] = _txt(data.valid_from), _txt(data.valid_to)
    row = StationLandmarkRow(**fields, created_by=actor, updated_by=actor)
    s.add(row)
    s.flush()
    _record(s, row.key, "add", actor, _snapshot_row(row, s, aliases=[]))
    index.register(row.key, row.name_en, row.name_zh, [row.name_en, row.name_zh])
    return row.key


def move_landmark(db: Database, actor: str, key: str, lon: float, lat: float, source: str | None = None,
                  confidence: str | None = None) -> None:
    """Move a landmark (station or shipped: a shipped one keeps its shipped position as version 0)."""
    with db.write(actor, "station_move_landmark") as s:
        move_landmark_in(s, actor, key, lon, lat, source, confidence)


def move_landmark_in(s: Session, actor: str, key: str, lon: float, lat: float, source: str | None = None,
                     confidence: str | None = None) -> None:
    check_position(lon, lat)
    if source is not None:
        _check_choice(source, sl.SOURCES, "source", "source")
    if confidence is not None:
        _check_choice(confidence, sl.CONFIDENCES, "confidence", "confidence")
    row = _row_for(s, key, actor)
    row.lon, row.lat = float(lon), float(lat)
    row.source = source or row.source
    row.confidence = confidence or row.confidence
    _touch(row, actor)
    s.flush()
    _record(s, key, "move", actor, _snapshot_row(row, s))


def update_landmark(db: Database, actor: str, key: str, **changes: Any) -> None:
    """Change names, note, source, confidence, kinds or validity dates of a landmark (one operation).
    Keys of ``changes``: name_en, name_zh, name_bo, note, source, confidence, kinds, valid_from,
    valid_to, elevation_m, medical_post, vehicle_access."""
    action = "rename" if set(changes) & {"name_en", "name_zh", "name_bo"} else "edit"
    with db.write(actor, f"station_{action}_landmark") as s:
        update_landmark_in(s, actor, key, **changes)


def update_landmark_in(s: Session, actor: str, key: str, **changes: Any) -> None:
    allowed = {"name_en", "name_zh", "name_bo", "note", "source", "confidence", "kinds", "valid_from",
               "valid_to", "elevation_m", "medical_post", "vehicle_access"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} here.")
    if "source" in changes:
        _check_choice(changes["source"], sl.SOURCES, "source", "source")
    if "confidence" in changes:
        _check_choice(changes["confidence"], sl.CONFIDENCES, "confidence", "confidence")
    action = "rename" if set(changes) & {"name_en", "name_zh", "name_bo"} else "edit"
    row = _row_for(s, key, actor)
    vf = changes.get("valid_from", _day(row.valid_from))
    vt = changes.get("valid_to", _day(row.valid_to))
    _check_dates(vf, vt)
    names = [changes.get("name_en", row.name_en), changes.get("name_zh", row.name_zh)]
    if action == "rename":
        _check_names(sl.NameIndex(_all_landmarks(s)), names, key)
    for k, v in changes.items():
        if k in ("valid_from", "valid_to"):
            v = _txt(v)
        elif k == "kinds":
            v = list(v)
        setattr(row, k, v)
    _touch(row, actor)
    s.flush()
    _record(s, key, action, actor, _snapshot_row(row, s))


def rename_landmark(db: Database, actor: str, key: str, name_en: str | None = None,
                    name_zh: str | None = None) -> None:
    """Rename a landmark; a renamed shipped landmark still answers to its shipped names."""
    changes = {k: v for k, v in (("name_en", name_en), ("name_zh", name_zh)) if v is not None}
    update_landmark(db, actor, key, **changes)


def _set_retired(db: Database, actor: str, key: str, retired: bool) -> None:
    with db.write(actor, "station_retire_landmark" if retired else "station_restore_landmark") as s:
        set_retired_in(s, actor, key, retired)


def set_retired_in(s: Session, actor: str, key: str, retired: bool) -> None:
    row = _row_for(s, key, actor)
    if row.retired == retired:
        raise ValidationError(f"The landmark {key} is already {'retired' if retired else 'in use'}.")
    if not retired:
        _check_names(sl.NameIndex(_all_landmarks(s)), [row.name_en, row.name_zh], key)
    row.retired = retired
    _touch(row, actor)
    s.flush()
    _record(s, key, "retire" if retired else "restore", actor, _snapshot_row(row, s))


def retire_landmark(db: Database, actor: str, key: str) -> None:
    """Stop using a landmark (station or shipped); it stays in the history and can be restored."""
    _set_retired(db, actor, key, True)


def restore_landmark(db: Database, actor: str, key: str) -> None:
    """Use a retired landmark again (refused if its name has since been given to another)."""
    _set_retired(db, actor, key, False)


def add_alias(db: Database, actor: str, key: str, text: str, lang: str = "other",
              valid_from: date | None = None, valid_to: date | None = None, note: str = "") -> int:
    """Give landmark ``key`` another name callers use; returns the alias id. ValidationError when
    the text is empty or already a name or alias of any landmark."""
    with db.write(actor, "station_add_alias") as s:
        return add_alias_in(s, actor, key, text, lang, valid_from, valid_to, note)


def add_alias_in(s: Session, actor: str, key: str, text: str, lang: str = "other",
                 valid_from: date | None = None, valid_to: date | None = None, note: str = "",
                 names: sl.NameIndex | None = None) -> int:
    text = (text or "").strip()
    if not text:
        raise ValidationError("The alias is empty.", field="alias")
    _check_choice(lang, {k: k for k in sl.ALIAS_LANGS}, "alias language", "lang")
    _check_dates(valid_from, valid_to)
    index = names if names is not None else sl.NameIndex(_all_landmarks(s))
    if key not in index.ids:
        raise NotFound(f"There is no landmark {key!r} in use.")
    owner = index.owner(text)
    if owner is not None:
        where = "this landmark" if owner.id == key else f"the landmark {owner.short_en or owner.name_zh} ({owner.id})"
        raise ValidationError(f"The alias {text!r} collides with a name of {where}.", field="alias")
    alias = StationAliasRow(landmark_key=key, text=text, lang=lang, valid_from=_txt(valid_from),
                            valid_to=_txt(valid_to), note=note, created_by=actor)
    s.add(alias)
    s.flush()
    _record(s, key, "alias", actor, _alias_snapshot(s, key) | {"alias": [lang, text]})
    index.register(key, "", "", [text])
    return alias.id


def _alias_snapshot(s: Session, key: str) -> dict[str, Any]:
    row = s.scalar(select(StationLandmarkRow).where(
        StationLandmarkRow.shipped_id == key if not key.startswith("station_") else
        StationLandmarkRow.id == int(key[8:])))
    if row is not None:
        return _snapshot_row(row, s)
    aliases = s.scalars(select(StationAliasRow).where(StationAliasRow.landmark_key == key,
                                                      StationAliasRow.retired.is_(False))).all()
    return {"aliases": [[a.lang, a.text] for a in aliases]}


def _set_alias_retired(db: Database, actor: str, alias_id: int, retired: bool) -> None:
    with db.write(actor, "station_remove_alias" if retired else "station_restore_alias") as s:
        alias = s.get(StationAliasRow, alias_id)
        if alias is None:
            raise NotFound(f"There is no alias #{alias_id}.")
        if not retired:
            owner = sl.name_owner(_all_landmarks(s), alias.text)
            if owner is not None:
                raise ValidationError(f"The alias {alias.text!r} is now a name of {owner.id}.", field="alias")
        alias.retired = retired
        s.flush()
        _record(s, alias.landmark_key, "unalias" if retired else "alias", actor,
                _alias_snapshot(s, alias.landmark_key) | {"alias": [alias.lang, alias.text]})


def remove_alias(db: Database, actor: str, alias_id: int) -> None:
    """Stop using an alias (kept in the history; ``restore_alias`` brings it back)."""
    _set_alias_retired(db, actor, alias_id, True)


def restore_alias(db: Database, actor: str, alias_id: int) -> None:
    _set_alias_retired(db, actor, alias_id, False)
