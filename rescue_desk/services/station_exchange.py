"""Share the station layer: GeoJSON export, import preview (a diff) and all-or-nothing apply.

Run on the calling thread (the UI uses its database worker). ``preview_import`` raises
``LayerFormatError`` for an unreadable file; ``apply_import`` applies every change of the diff in one
transaction or none of them (the first refused change raises ValidationError naming it)."""

from __future__ import annotations

from rescue_desk.domain import geojson_layer as gl
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models_station import HazardRow

from . import station
from .errors import ValidationError
from .station import LandmarkInput, _txt

LayerFormatError = gl.LayerFormatError


def export_geojson(db: Database) -> dict:
    """The station layer (retired entries marked) as a GeoJSON FeatureCollection."""
    layer = station.load_layer(db)
    return gl.export_layer(load_kora(), list(layer.landmarks), list(layer.aliases), list(layer.hazards))


def preview_import(db: Database, text: str | bytes) -> gl.LayerDiff:
    """What importing this GeoJSON text would change; nothing is written."""
    incoming = gl.read_layer(text)
    layer = station.load_layer(db)
    return gl.diff_layer(incoming, list(layer.landmarks), list(layer.aliases), list(layer.hazards), load_kora())


def _apply_change(s, actor: str, c: gl.Change, new_keys: dict[int, str]) -> None:
    inc = c.landmark
    if c.action == "add":
        new_keys[id(inc)] = station.add_landmark_in(s, actor, LandmarkInput(
            inc.lon, inc.lat, inc.name_en, inc.name_zh, inc.name_bo, inc.kinds, None, inc.source,
            inc.confidence, inc.note, inc.valid_from, inc.valid_to, inc.medical_post, inc.vehicle_access))
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
        station.add_alias_in(s, actor, key, text, lang, af, at, note="imported")
    elif c.action == "add_hazard":
        h = c.hazard
        s.add(HazardRow(kind=h.kind, from_km=h.from_km, to_km=h.to_km, closed=h.closed, speed_factor=h.speed_factor,
                        valid_from=_txt(h.valid_from), valid_to=_txt(h.valid_to), note=h.note, created_by=actor))
    elif c.action == "change_hazard":
        row = s.get(HazardRow, c.hazard_id)
        for k, v in c.fields.items():
            setattr(row, k, _txt(v) if k in ("valid_from", "valid_to") else v)


def apply_import(db: Database, actor: str, diff: gl.LayerDiff) -> int:
    """Apply a previewed diff in one transaction; returns the number of changes applied. Any refused
    change (duplicate name, alias collision, point far from the route…) raises ValidationError and
    nothing at all is applied."""
    from .station_hazards import _check_hazard

    for c in diff.changes:
        if c.hazard is not None:
            try:
                _check_hazard(c.hazard.from_km, c.hazard.to_km, c.hazard.closed, c.hazard.speed_factor)
            except ValidationError as exc:
                raise ValidationError(f"{c.label}: {exc}") from None
    with db.write(actor, "station_import_layer") as s:
        new_keys: dict[int, str] = {}
        for c in diff.changes:
            try:
                _apply_change(s, actor, c, new_keys)
            except ValidationError as exc:
                raise ValidationError(f"{c.label}: {exc} Nothing was imported.", field=exc.field) from None
            s.flush()
    return len(diff.changes)


def write_geojson(doc: dict, path) -> None:
    """Write ``doc`` to ``path`` atomically (a temporary file renamed over it); OSError on failure."""
    import json
    import os
    import tempfile
    from pathlib import Path

    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
