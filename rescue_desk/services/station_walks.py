"""Walked-route log: officers' GPS tracks of the kora (GPX import), full loops per officer, and the
pooled officer pace factor that refines the walking model's officer profile when there are enough.

Functions run on the calling thread (the UI uses its database worker)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from rescue_desk.domain import walked_routes as wr
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.gpx import GpxError, check_near_kora, parse_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models_station import WalkedRoute

from .errors import ValidationError


@dataclass(frozen=True)
class OfficerLoops:
    officer: str
    walks: int
    full_loops: int
    km: float


def import_walk(db: Database, actor: str, officer: str, gpx: bytes | str, source_name: str = "") -> int:
    """Store an officer's walk from a GPX file; returns its id. ValidationError when the file is not a
    usable track or does not lie on the kora."""
    officer = (officer or "").strip()
    if not officer:
        raise ValidationError("Say whose walk this is (the officer's name).", field="officer")
    kora = load_kora()
    try:
        track = parse_gpx(gpx)
        check_near_kora(track, kora, max_offset_km=1.0)
        summary = wr.summarise_walk(kora, [(p.lon, p.lat, p.time) for p in track.points])
    except (GpxError, ValueError) as exc:
        raise ValidationError(f"{source_name or 'The file'}: {exc}", field="file") from None
    with db.write(actor, "station_import_walk") as s:
        row = WalkedRoute(officer=officer, started_at=summary.started_at, ended_at=summary.ended_at,
                          direction=summary.direction, progress_km=round(summary.progress_km, 3),
                          full_loops=summary.full_loops, source_name=source_name[:200], track=track.rows(),
                          created_by=actor, created_at=utc_now())
        s.add(row)
        s.flush()
        return row.id


def loops_by_officer(db: Database) -> list[OfficerLoops]:
    """For each officer: walks logged, full loops, km walked round the kora; most loops first."""
    acc: dict[str, list] = defaultdict(lambda: [0, 0, 0.0])
    with db.read() as s:
        for officer, loops, km in s.execute(select(WalkedRoute.officer, WalkedRoute.full_loops,
                                                   WalkedRoute.progress_km)):
            a = acc[officer]
            a[0] += 1
            a[1] += loops
            a[2] += abs(km)
    out = [OfficerLoops(o, w, lp, round(km, 1)) for o, (w, lp, km) in acc.items()]
    return sorted(out, key=lambda r: (-r.full_loops, -r.km, r.officer))


def officer_pace_factor(db: Database, model=None, min_walks: int = wr.MIN_WALKS,
                        min_km: float = wr.MIN_KM) -> wr.OfficerPace:
    """The pooled officer pace factor (actual / model officer P50, distance-weighted geometric mean over
    timed walks of at least 5 km). ``enough`` is False and ``factor`` 1.0 until ``min_walks`` walks
    over ``min_km`` km exist; multiply the model's officer times by ``factor`` when ``enough``."""
    if model is None:
        from rescue_desk.domain.travel import load_walking_model

        model = load_walking_model()
    kora = load_kora()
    with db.read() as s:
        tracks = s.scalars(select(WalkedRoute.track)).all()
    ratios = []
    for track in tracks:
        pts = [(lon, lat, _time(t)) for t, lon, lat, *_ in track]
        try:
            w = wr.summarise_walk(kora, pts)
        except ValueError:
            continue
        if w.walking_s is None or abs(w.progress_km) < 5.0:
            continue
        ref = wr.model_officer_seconds(model, w)
        if ref > 0:
            ratios.append((w.walking_s / ref, abs(w.progress_km)))
    return wr.pooled_pace(ratios, min_walks, min_km)


def _time(text):
    from datetime import datetime

    return datetime.fromisoformat(text) if text else None
