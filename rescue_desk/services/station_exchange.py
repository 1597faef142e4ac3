"""Share the station layer: GeoJSON export, import preview (a diff) and all-or-nothing apply.

Run on the calling thread (the UI uses its database worker). ``preview_import`` raises
``LayerFormatError`` for an unreadable file; ``apply_import`` checks every change of the diff first
(the first refused change raises ValidationError naming it, and nothing is written), then writes them
in short transactions so that a desk logging a call meanwhile waits a fraction of a second."""

from __future__ import annotations

import time
from collections import deque

from rescue_desk.domain import geojson_layer as gl
from rescue_desk.domain import station_layer as sl
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models_station import HazardRow

from . import station
from .errors import ValidationError
from .station import LandmarkInput, _txt

LayerFormatError = gl.LayerFormatError
BATCH_SECONDS = 0.4  # one transaction of an import holds the write lock about this long
PAUSE_SECONDS = 0.12  # then lets go long enough for a waiting desk's busy-retry to take the lock


def export_geojson(db: Database) -> dict:
    """The station layer (retired entries marked) as a GeoJSON FeatureCollection."""
    layer = station.load_layer(db)
    return gl.export_layer(load_kora(), list(layer.landmarks), list(layer.aliases), list(layer.hazards))


def preview_import(db: Database, text: str | bytes) -> gl.LayerDiff:
    """What importing this GeoJSON text would change; nothing is written."""
    incoming = gl.read_layer(text)
    layer = station.load_layer(db)
    return gl.diff_layer(incoming, list(layer.landmarks), list(layer.aliases), list(layer.hazards), load_kora())


def _landmark_input(inc) -> LandmarkInput:
    return LandmarkInput(inc.lon, inc.lat, inc.name_en, inc.name_zh, inc.name_bo, inc.kinds, None, inc.source,
                         inc.confidence, inc.note, inc.valid_from, inc.valid_to, inc.medical_post, inc.vehicle_access)


def _apply_change(s, actor: str, c: gl.Change, new_keys: dict[int, str], names: sl.NameIndex) -> None:
    inc = c.landmark
    if c.action == "add":
        new_keys[id(inc)] = station.add_landmark_in(s, actor, _landmark_input(inc), names=names)
    elif c.action == "retire":
        station.set_retired_in(s, actor, c.target_key, True)
    elif c.action == "change":
        f = dict(c.fields)
        if f.pop("retired", None) is False:
            station.set_retired_in(s, actor, c.target_key, False)
        pos = f.pop("position", None)
        if pos is not None:
            station.move_landmark_in(s, actor, c.target_key, pos[0], pos[1])
        if f:
            station.update_landmark_in(s, actor, c.target_key, **f)
    elif c.action == "alias":
        key = c.target_key or new_keys.get(id(inc))
        if key is None:
            raise ValidationError(f"The alias '{c.alias[0]}' belongs to {inc.label}, which is not imported.")
        text, lang, af, at = c.alias
        station.add_alias_in(s, actor, key, text, lang, af, at, note="imported", names=names)
    elif c.action == "add_hazard":
        h = c.hazard
        s.add(HazardRow(kind=h.kind, from_km=h.from_km, to_km=h.to_km, closed=h.closed, speed_factor=h.speed_factor,
                        valid_from=_txt(h.valid_from), valid_to=_txt(h.valid_to), note=h.note, created_by=actor))
    elif c.action == "change_hazard":
        row = s.get(HazardRow, c.hazard_id)
        for k, v in c.fields.items():
            setattr(row, k, _txt(v) if k in ("valid_from", "valid_to") else v)


def _check_all(db: Database, diff: gl.LayerDiff) -> None:
    """Refuse the import before anything is written when any change would be refused: hazards, and
    for new landmarks and aliases position, dates, codes and names (against one index of every name,
    including the import's own)."""
    from .station_hazards import _check_hazard

    names = sl.NameIndex(station.merged_landmarks(station.load_layer(db), "any"))
    for n, c in enumerate(diff.changes):
        try:
            if c.hazard is not None:
                _check_hazard(c.hazard.from_km, c.hazard.to_km, c.hazard.closed, c.hazard.speed_factor)
            if c.action == "add":
                data = _landmark_input(c.landmark)
                station.check_position(data.lon, data.lat)
                station._check_dates(data.valid_from, data.valid_to)
                station._check_choice(data.source, sl.SOURCES, "source", "source")
                station._check_choice(data.confidence, sl.CONFIDENCES, "confidence", "confidence")
                station._check_names(names, [data.name_en, data.name_zh], None)
                names.register(f"new {n}", data.name_en, data.name_zh, [data.name_en, data.name_zh])
            elif c.action == "alias":
                owner = names.owner(c.alias[0])
                if owner is not None:
                    raise ValidationError(f"The alias {c.alias[0]!r} collides with a name of "
                                          f"{owner.short_en or owner.name_zh} ({owner.id}).", field="alias")
                names.register(c.target_key or f"alias {n}", "", "", [c.alias[0]])
        except ValidationError as exc:
            raise ValidationError(f"{c.label}: {exc} Nothing was imported.", field=exc.field) from None


def apply_import(db: Database, actor: str, diff: gl.LayerDiff, batch_seconds: float = BATCH_SECONDS,
                 pause_seconds: float = PAUSE_SECONDS) -> int:
    """Apply a previewed diff; returns the number of changes applied.

    Every change is checked first: a refused one (duplicate name, alias collision, point far from the
    route…) raises ValidationError and nothing is written. The changes are then written in
    transactions of about ``batch_seconds`` each, with a pause between them, so a desk's write never
    waits long for the lock. Should the database fail between two batches, the earlier batches stay
    written; importing the same file again applies the rest (the preview compares with what is there)."""
    _check_all(db, diff)
    new_keys: dict[int, str] = {}
    pending = deque(diff.changes)
    done, names = 0, None
    while pending:
        with db.write(actor, "station_import_layer") as s:
            if names is None:  # built once; rebuilt only after a change that may rename
                names = sl.NameIndex(station._all_landmarks(s))
            started = time.monotonic()
            while pending and time.monotonic() - started < batch_seconds:
                c = pending[0]
                try:
                    _apply_change(s, actor, c, new_keys, names)
                except ValidationError as exc:
                    written = f" The {done} changes before it were imported." if done else " Nothing was imported."
                    raise ValidationError(f"{c.label}: {exc}{written}", field=exc.field) from None
                s.flush()
                pending.popleft()
                if c.action == "change":
                    names = None
                    break
                done += 1
        if pending:
            time.sleep(pause_seconds)
    return done


def write_geojson(doc: dict, path) -> None:
    """Write ``doc`` to ``path`` (services/export_files.py: whole or not at all; a pipe or device in
    place; a read-only file refused); OSError on failure."""
    import json

    from .export_files import write_export_text

    write_export_text(path, json.dumps(doc, ensure_ascii=False, indent=1))
