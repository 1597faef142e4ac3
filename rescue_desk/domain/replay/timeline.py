"""The ordered timeline of an incident and the replay player's model: what the desk knew and where
the teams were at any playhead time."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional

from .motion import TeamMotion, TeamPosition
from .story import EstimateFact, ReplayError, Story

KINDS = ("call", "estimate", "correction", "position", "dispatch", "departed", "checkin", "on_scene",
         "evacuating", "returned", "person", "status", "closed")
_ORDER = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened. ``summary`` is a short English line (CLI, logs); the UI builds its
    own translated text from ``kind`` and ``data``."""

    at: datetime
    kind: str
    summary: str
    data: dict = field(default_factory=dict)
    trip_id: Optional[int] = None


def _fmt_km(km: Optional[float]) -> str:
    return "?" if km is None else f"{km:.2f} km"


def build_timeline(story: Story, show_personal: bool = False) -> list[TimelineEntry]:
    """Every fact of ``story`` as an entry, ordered by time (ties in the natural order of a rescue).
    Caller names and phone numbers appear only with ``show_personal``."""
    out: list[TimelineEntry] = []
    for c in story.calls:
        data = {"text": c.text, "channel": c.channel, "language": c.language, "party_size": c.party_size,
                "category": c.category, "severity": c.severity}
        if show_personal:
            data.update(caller_name=c.caller_name, caller_phone=c.caller_phone)
        out.append(TimelineEntry(c.at, "call", f"Call ({c.channel}): {c.text}", data))
    for e in story.estimates:
        data = {"lon": e.lon, "lat": e.lat, "chainage_km": e.chainage_km, "radius_m": e.radius_m,
                "intervals_km": e.intervals_km, "method": e.method, "confirmed": e.confirmed}
        label = {"estimate": "Position estimate", "correction": "Estimate corrected",
                 "position": "Position confirmed" if e.confirmed else "Position reported"}[e.kind]
        out.append(TimelineEntry(e.at, e.kind, f"{label}: {_fmt_km(e.chainage_km)}"
                                 + (f" ± {e.radius_m:.0f} m" if e.radius_m else "") + (f" ({e.method})" if e.method else ""),
                                 data))
    for t in story.trips:
        approach = t.approach or {}
        base = approach.get("road_end_km")
        if t.created_at is not None:
            out.append(TimelineEntry(t.created_at, "dispatch",
                                     f"Trip {t.id} dispatched ({t.team_size} officers"
                                     + (f", road end {_fmt_km(base)} {approach.get('direction', '')}" if base is not None else "")
                                     + ")", {"approach": approach, "team_size": t.team_size}, t.id))
        for kind, when, label in (("departed", t.departed_at, "departed"), ("on_scene", t.on_scene_at, "on scene"),
                                  ("evacuating", t.evacuating_at, "evacuation started"),
                                  ("returned", t.returned_at, "returned")):
            if when is not None:
                out.append(TimelineEntry(when, kind, f"Trip {t.id} {label}", {}, t.id))
        for c in t.checkins:
            out.append(TimelineEntry(c.at, "checkin", f"Trip {t.id} check-in: {c.note}",
                                     {"note": c.note, "lon": c.lon, "lat": c.lat}, t.id))
    for p in story.persons:
        data = {"age": p.age, "sex": p.sex, "origin": p.origin, "condition": p.condition, "outcome": p.outcome}
        if show_personal:
            data.update(name=p.name, phone=p.phone, document_no=p.document_no)
        out.append(TimelineEntry(p.at, "person", f"Person logged: {p.sex}, {p.age or '?'} y, {p.outcome or 'no outcome'}",
                                 data))
    trip_states = {"dispatched", "on_scene", "evacuating"} if story.trips else set()
    for s in story.statuses:
        if s.status == "closed":
            out.append(TimelineEntry(s.at, "closed", f"Incident closed: {s.outcome or '?'}", {"outcome": s.outcome}))
        elif s.status not in trip_states and s.status != "new":
            out.append(TimelineEntry(s.at, "status", f"Status: {s.status}", {"status": s.status}))
    closed = [e for e in out if e.kind == "closed"]
    out = [e for e in out if e.kind != "closed"] + closed[-1:]
    out.sort(key=lambda e: (e.at, _ORDER[e.kind]))
    return out


@dataclass(frozen=True)
class Frame:
    """What the replay shows at one playhead time."""

    at: datetime
    elapsed_s: float
    entry_index: int  # last entry at or before ``at``; -1 before the first
    teams: tuple[TeamPosition, ...]
    estimate: Optional[EstimateFact]


class Replay:
    """The player's model: ordered entries, team motions and the estimate held at any time."""

    def __init__(self, story: Story, kora, show_personal: bool = False):
        self.story = story
        self.kora = kora
        self.entries = build_timeline(story, show_personal)
        if not self.entries:
            raise ReplayError("This incident has no calls or other entries to replay.")
        self.start = self.entries[0].at
        self.end = max(e.at for e in self.entries)
        truth = story.truth
        scene_km = truth.chainage_km if truth is not None else None
        if truth is not None and scene_km is None:
            scene_km = kora.chainage_of(truth.lon, truth.lat)[0]
        self.motions = [TeamMotion(t, kora, scene_km) for t in story.trips]
        self.warnings = [w for m in self.motions for w in m.warnings]
        self._entry_ts = [e.at.timestamp() for e in self.entries]
        self._est_ts = [e.at.timestamp() for e in story.estimates]

    @property
    def duration_s(self) -> float:
        return (self.end - self.start).total_seconds()

    def time_at(self, elapsed_s: float) -> datetime:
        return datetime.fromtimestamp(self.start.timestamp() + elapsed_s, tz=timezone.utc)

    def frame_at(self, at: datetime | float) -> Frame:
        """The frame at ``at`` (a datetime, or seconds since the start of the replay)."""
        t = self.start.timestamp() + at if isinstance(at, (int, float)) else at.timestamp()
        idx = bisect.bisect_right(self._entry_ts, t) - 1
        e_idx = bisect.bisect_right(self._est_ts, t) - 1
        teams = tuple(p for p in (m.position_at(t) for m in self.motions) if p is not None)
        return Frame(datetime.fromtimestamp(t, tz=timezone.utc), t - self.start.timestamp(), idx, teams,
                     self.story.estimates[e_idx] if e_idx >= 0 else None)

    def to_json(self) -> dict[str, Any]:
        """The ordered timeline with, for each entry, the teams' positions and the estimate held."""
        rows = []
        for e in self.entries:
            f = self.frame_at(e.at)
            rows.append({
                "at": e.at.isoformat(), "elapsed_s": round(f.elapsed_s, 1), "kind": e.kind, "trip_id": e.trip_id,
                "summary": e.summary, "data": e.data,
                "teams": [{"trip_id": p.trip_id, "lon": round(p.lon, 6), "lat": round(p.lat, 6),
                           "chainage_km": None if p.chainage_km is None else round(p.chainage_km, 3),
                           "phase": p.phase, "source": p.source} for p in f.teams],
                "estimate": None if f.estimate is None else {
                    "lon": round(f.estimate.lon, 6), "lat": round(f.estimate.lat, 6), "kind": f.estimate.kind,
                    "chainage_km": None if f.estimate.chainage_km is None else round(f.estimate.chainage_km, 3),
                    "radius_m": f.estimate.radius_m},
            })
        return {"incident_id": self.story.incident_id, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "duration_s": round(self.duration_s, 1), "category": self.story.category,
                "outcome": self.story.outcome, "synthetic": self.story.synthetic, "warnings": self.warnings,
                "tracks": {m.trip.id: m.source for m in self.motions}, "entries": rows}
