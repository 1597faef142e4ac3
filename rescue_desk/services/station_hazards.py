"""Hazards and conditions on sections of the kora (snow, rockfall, a flooded crossing, a closure).

One named operation per function (``station_…_hazard``), run on the calling thread. The approach/ETA
suggestion reads them with ``station.active_hazards(db, at)`` and
``rescue_desk.domain.station_layer.hazards_on_walk``."""

from __future__ import annotations

import math
from datetime import date

from rescue_desk.domain import station_layer as sl
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models_station import HazardRow

from .errors import NotFound, ValidationError
from .station import _check_choice, _check_dates
from .station_reading import _hazard_to_domain, _txt


def _check_hazard(from_km: float, to_km: float, closed: bool, speed_factor: float) -> None:
    length = load_kora().length_km
    for v, fld in ((from_km, "from_km"), (to_km, "to_km")):
        if not isinstance(v, (int, float)) or not math.isfinite(v) or not 0 <= v <= length:
            raise ValidationError(f"A chainage must lie between 0 and {length:.2f} km, not {v}.", field=fld)
    if abs(to_km - from_km) < 0.01:
        raise ValidationError("The section is empty: give different start and end chainages.", field="to_km")
    if not closed and not (1.0 <= speed_factor <= 10.0):
        raise ValidationError("The slow-down factor must lie between 1 (no effect) and 10.", field="speed_factor")


def add_hazard(db: Database, actor: str, kind: str, from_km: float, to_km: float, *, closed: bool = False,
               speed_factor: float = 1.5, valid_from: date | None = None, valid_to: date | None = None,
               note: str = "") -> int:
    """Mark the section from ``from_km`` clockwise to ``to_km`` as slowed (time × ``speed_factor``)
    or closed; returns the hazard id."""
    _check_choice(kind, sl.HAZARD_KINDS, "hazard kind", "kind")
    _check_hazard(from_km, to_km, closed, speed_factor)
    _check_dates(valid_from, valid_to)
    with db.write(actor, "station_add_hazard") as s:
        row = HazardRow(kind=kind, from_km=float(from_km), to_km=float(to_km), closed=closed,
                        speed_factor=float(speed_factor), valid_from=_txt(valid_from), valid_to=_txt(valid_to),
                        note=note, created_by=actor, created_at=utc_now())
        s.add(row)
        s.flush()
        return row.id


def update_hazard(db: Database, actor: str, hazard_id: int, **changes) -> None:
    """Change a hazard's kind, section, closed flag, factor, dates or note (one operation)."""
    allowed = {"kind", "from_km", "to_km", "closed", "speed_factor", "valid_from", "valid_to", "note"}
    if set(changes) - allowed:
        raise ValidationError(f"Cannot change {', '.join(sorted(set(changes) - allowed))} here.")
    with db.write(actor, "station_update_hazard") as s:
        row = s.get(HazardRow, hazard_id)
        if row is None:
            raise NotFound(f"There is no hazard #{hazard_id}.")
        h = _hazard_to_domain(row)
        merged = {"kind": h.kind, "from_km": h.from_km, "to_km": h.to_km, "closed": h.closed,
                  "speed_factor": h.speed_factor, "valid_from": h.valid_from, "valid_to": h.valid_to} | changes
        _check_choice(merged["kind"], sl.HAZARD_KINDS, "hazard kind", "kind")
        _check_hazard(merged["from_km"], merged["to_km"], merged["closed"], merged["speed_factor"])
        _check_dates(merged["valid_from"], merged["valid_to"])
        for k, v in changes.items():
            setattr(row, k, _txt(v) if k in ("valid_from", "valid_to") else v)


def set_hazard_retired(db: Database, actor: str, hazard_id: int, retired: bool = True) -> None:
    """Lift (retire) a hazard, or put it back with ``retired=False``."""
    with db.write(actor, "station_retire_hazard" if retired else "station_restore_hazard") as s:
        row = s.get(HazardRow, hazard_id)
        if row is None:
            raise NotFound(f"There is no hazard #{hazard_id}.")
        row.retired = retired
