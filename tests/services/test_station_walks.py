"""Walked-route log: GPX import, full loops per officer, pooled officer pace factor."""

import math
from datetime import datetime, timedelta, timezone

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.domain.walked_routes import summarise_walk
from rescue_desk.services import station_walks
from rescue_desk.services.errors import ValidationError

KORA = load_kora()
MODEL = load_walking_model()
L = KORA.length_km
T0 = datetime(2025, 7, 1, 0, 30, tzinfo=timezone.utc)


def _reference_s(start: float, dist: float, direction: str) -> float:
    """Model officer P50 for whole loops plus the rest, computed here from the model directly."""
    loops, rest = divmod(dist, L)
    t = loops * MODEL.time_between(start, start + L - 1e-6, direction=direction, walker="officer").p50_s
    if rest > 0.01:
        end = start + rest if direction == "cw" else start - rest
        t += MODEL.time_between(start, end % L, direction=direction, walker="officer").p50_s
    return t


def _gpx(start: float, dist: float, direction: str = "cw", factor: float = 1.0, stop_at: float | None = None,
         stop_h: float = 0.0) -> str:
    n = int(dist / 0.1)
    total_s = factor * _reference_s(start, dist, direction)
    pts = []
    for i in range(n + 1):
        d = dist * i / n
        km = start + d if direction == "cw" else start - d
        lon, lat = KORA.point_at(km)
        t = T0 + timedelta(seconds=total_s * d / dist)
        if stop_at is not None and d > stop_at:
            t += timedelta(hours=stop_h)
        pts.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>{t.isoformat()}</time></trkpt>')
    return ('<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>walk</name>'
            f'<trkseg>{"".join(pts)}</trkseg></trk></gpx>')


def test_full_loops_are_counted_per_officer(db):
    station_walks.import_walk(db, "chief", "Tenzin", _gpx(0.3, L - 0.2), "loop1.gpx")  # ends 100 m short
    station_walks.import_walk(db, "chief", "Tenzin", _gpx(5.0, 2 * L, "ccw"), "double.gpx")
    station_walks.import_walk(db, "chief", "Li Wei", _gpx(0.3, 20.0), "half.gpx")
    rows = {r.officer: r for r in station_walks.loops_by_officer(db)}
    assert (rows["Tenzin"].walks, rows["Tenzin"].full_loops) == (2, 3)
    assert (rows["Li Wei"].walks, rows["Li Wei"].full_loops) == (1, 0)
    assert rows["Tenzin"].km == pytest.approx(3 * L - 0.2, abs=0.3)


def test_direction_and_progress_of_a_walk():
    pts = [(*KORA.point_at(km), None) for km in (10.0, 9.5, 9.0, 8.0)]
    w = summarise_walk(KORA, pts)
    assert w.direction == "ccw" and w.progress_km == pytest.approx(-2.0, abs=0.01) and w.full_loops == 0


def test_pace_factor_needs_enough_walks(db):
    station_walks.import_walk(db, "chief", "Tenzin", _gpx(0.3, L - 0.2, factor=1.2))
    pace = station_walks.officer_pace_factor(db, MODEL)
    assert not pace.enough and pace.factor == 1.0 and pace.walks == 1


def test_pooled_pace_factor_is_the_distance_weighted_geometric_mean(db):
    walks = [(0.3, L - 0.2, "cw", 1.1), (10.0, L, "ccw", 1.3), (2.0, 15.0, "cw", 0.9)]
    for start, dist, direction, f in walks:
        station_walks.import_walk(db, "chief", "Tenzin", _gpx(start, dist, direction, f))
    pace = station_walks.officer_pace_factor(db, MODEL)
    expected = math.exp(sum(d * math.log(f) for _s, d, _dir, f in walks) / sum(d for _s, d, _dir, f in walks))
    assert pace.enough and pace.walks == 3
    assert pace.factor == pytest.approx(expected, rel=0.02)


def test_an_overnight_stop_is_not_walking_time(db):
    for start in (0.3, 1.0, 2.0):
        station_walks.import_walk(db, "chief", "Dawa", _gpx(start, L - 0.5, factor=1.15, stop_at=18.4, stop_h=10))
    assert station_walks.officer_pace_factor(db, MODEL).factor == pytest.approx(1.15, rel=0.02)


def test_a_track_elsewhere_is_refused(db):
    lon, lat = KORA.point_at(3.0)
    far = ('<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
           f'<trkpt lat="{lat + 0.5}" lon="{lon}"/><trkpt lat="{lat + 0.51}" lon="{lon}"/></trkseg></trk></gpx>')
    with pytest.raises(ValidationError, match="far.gpx: This track is not on the kora"):
        station_walks.import_walk(db, "chief", "Tenzin", far, "far.gpx")
    with pytest.raises(ValidationError, match="not valid XML"):
        station_walks.import_walk(db, "chief", "Tenzin", "<gpx", "broken.gpx")
    assert station_walks.loops_by_officer(db) == []
