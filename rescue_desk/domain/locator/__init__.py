"""The locator: from a caller's words (English, Chinese, mixed) to a place on the kora with an honest
uncertainty. ``locate(text)`` -> ``LocateResult``.

Pipeline: ``parser.parse_description`` reads clues (landmarks and relations, distances, times,
heights, scene words, coordinates); ``belief`` turns each into a likelihood on a chainage grid and
fuses them; clues that contradict stronger ones are set aside and reported; the result carries the
best estimate, the >= 90 % credible intervals, a map corridor and an explanation.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import numpy as np

from ..geo import geodesic_distance_m
from ..kora import Kora, load_kora
from .belief import clue_likelihood, fuse, grid_for, hpd_runs
from .clues import Clue, ParsedDescription
from ..datums import DATUMS
from .estimate import FAR_AWAY_KM, OFF_ROUTE_M, LocateResult, describe
from .discourse import parse_speech as parse_description, said_as_reference as _said_as_reference
from .parser import BEIJING, EARLIER_DAY_ONLY
from .scenes import SCENES
from .suggestions import Suggestions, suggest
from .uncertainty import Question, Reading, mixture, question, readings

__all__ = ["locate", "LocateResult", "Clue", "ParsedDescription", "parse_description", "DATUMS", "Reading",
           "Question", "Suggestions", "suggest"]

NO_CLUE = "no landmark, distance, time, height, scene or coordinates found"
HEDGED_POWER = 0.3
"""A guessed place ("好像是宗堆吧") counts as a flatter likelihood: it narrows little."""
CONSISTENT = 0.02
"""A clue whose likelihood averages below this over the belief so far contradicts it."""


def _priority(c: Clue) -> int:
    """Which clue wins when two disagree: fixes, then exact statements, then vaguer ones; words
    said about "now" rank above the rest of the story."""
    if c.hedged:
        return 0  # a guess gives way to a scene, a sign, a time or a height that disagrees
    return _base_priority(c) + (1 if c.now else 0)


def _base_priority(c: Clue) -> int:
    if c.kind == "coordinates":
        return 6
    if c.kind == "landmark" and (c.relation == "at" or c.distance_km is not None):
        return 5
    if c.kind in ("between", "landmark") and c.relation in ("between", "halfway", "near", "almost", "just_past"):
        return 4
    if c.kind == "elevation":
        return 4
    if c.kind == "time":
        return 3
    if c.kind == "landmark":
        return 2
    return 1


def locate(text: object, *, call_time: datetime | None = None, kora: Kora | None = None,
           datum: str | None = None) -> LocateResult:
    """Where the caller described in ``text`` is. Never raises on bad text: an empty or clue-less
    description is "unplaceable", impossible coordinates are explained in the message.
    ``call_time`` anchors clock times (naive = Beijing time; default now); ``datum`` ("wgs84" |
    "gcj02" | "bd09") forces the datum of coordinates read out; ``kora`` defaults to the shipped one
    (pass one built with ``Kora.with_landmarks`` to use the station's landmark layer)."""
    kora = kora or load_kora()
    if datum is not None and datum not in DATUMS:
        raise ValueError(f"unknown datum {datum!r}; use one of {', '.join(DATUMS)}")
    pd = parse_description(text, kora, call_time, datum)
    if call_time is not None:
        aware = call_time if call_time.tzinfo else call_time.replace(tzinfo=BEIJING)
        if aware > datetime.now(timezone.utc) + timedelta(minutes=10):
            pd.warnings.append(f"the call time {aware.isoformat()} is in the future; clock times are read "
                               "relative to it")
    base = dict(direction=pd.direction, clues=list(pd.clues), warnings=pd.warnings + pd.problems,
                not_understood=pd.not_understood, kora=kora, notes=pd.notes, suggestions=suggest(text))
    if not pd.text:
        return LocateResult("unplaceable", "empty description: nothing to place", **base)
    fixes = [c for c in pd.clues if c.kind == "coordinates"]
    others = [c for c in pd.clues if c.kind != "coordinates"]
    belief = _fuse(kora, others, pd)
    if fixes:
        return _point_fix(kora, fixes, belief, pd, base)
    if belief is None:
        if pd.problems:
            base["warnings"] = pd.warnings
            return LocateResult("unplaceable", "; ".join(pd.problems), **base)
        if EARLIER_DAY_ONLY in pd.warnings:
            return LocateResult("unplaceable", f"cannot place: {EARLIER_DAY_ONLY}", **base)
        if pd.not_understood:
            named = ", ".join(f"'{w}'" for w in pd.not_understood[:3])
            return LocateResult("unplaceable", f"cannot place: {named} is not a place on the kora known to the station "
                                "(outside the station's area, or a name to add to the station layer)", **base)
        return LocateResult("unplaceable", NO_CLUE, **base)
    return _chainage_answer(kora, belief, pd, base)


def _fuse(kora: Kora, clues: list[Clue], pd: ParsedDescription):
    g = grid_for(kora)
    scored = []
    for c in clues:
        lik = clue_likelihood(g, c, pd.direction, pd.walker)
        if lik is None:
            why = "the walking-time model could not evaluate it" if c.kind == "time" else "it could not be evaluated"
            pd.warnings.append(f"could not use {describe(c, kora)} ({why})")
            continue
        if c.hedged:
            lik = lik ** HEDGED_POWER
        scored.append((c, lik))
    if not scored:
        return None
    scored.sort(key=lambda cl: -_priority(cl[0]))
    used, aside, liks, aside_liks, conflicts = [], [], [], [], []
    for c, lik in scored:
        if liks:
            p = fuse(liks)
            if float(np.dot(p, lik)) < CONSISTENT:
                aside.append(c)
                aside_liks.append(lik)
                conflicts.append(f"{describe(c, kora)} does not fit {', '.join(describe(u, kora) for u in used)}; "
                                 "kept as another reading")
                continue
        used.append(c)
        liks.append(lik)
    alternatives = [fuse([lik] + [u for u in liks if float(np.dot(fuse([u]), lik)) >= CONSISTENT])
                    for lik in aside_liks]  # the reading each contradicting clue supports
    return g, mixture(liks, alternatives), used, aside, conflicts


def _chainage_answer(kora: Kora, belief, pd: ParsedDescription, base: dict) -> LocateResult:
    g, p, used, aside, conflicts = belief
    runs = hpd_runs(g, p, 0.9, 0.3)
    runs = [r for r in runs if r[2] >= 0.005] or runs
    a, b, _m = max(runs, key=lambda r: r[2])
    cells = np.arange(a, b + 1) if a <= b else np.r_[np.arange(a, g.n), np.arange(0, b + 1)]
    cum = np.cumsum(p[cells])
    best = float(g.km[cells[int(np.searchsorted(cum, cum[-1] / 2))]])
    half = g.step / 2
    intervals = [((g.km[s] - half) % g.length, (g.km[e] + half) % g.length) for s, e, _ in runs]
    lon, lat = kora.point_at(best)
    seg = kora.segment_at(best)
    near = kora.nearest_landmark(best)
    width = sum(kora.ahead_km(s, e, "cw") for s, e in intervals)
    msg = (f"km {best:.2f} ({seg.label_en} / {seg.label_zh}), "
           f"{kora.along_distance_km(best, near.chainage_km):.1f} km from {near.short_en} {near.short_zh}; "
           f"90 % within {width:.1f} km" + (" in several pieces" if len(intervals) > 1 else "") +
           ("; direction counter-clockwise" if pd.direction == "ccw" else ""))
    if conflicts:
        msg += "; clues disagree (see conflict)"
    found = readings(kora, g, p, runs)
    ask = question(kora, found, pd.direction, width)
    base.update(used=used, set_aside=aside, conflicts=conflicts, posterior=p, readings=found, question=ask)
    radius = None
    inside = _inside_off_trail_place(kora, used, best, pd)
    if inside is not None:  # "we are inside Drira Phuk Gompa": the place itself, off the trail
        lon, lat, radius = inside.lon, inside.lat, INSIDE_RADIUS_M
        msg += f"; at {inside.short_en} {inside.short_zh} itself, {inside.offset_m:.0f} m off the trail"
    return LocateResult("placed", msg, lon=lon, lat=lat, chainage_km=best, intervals_km=intervals, radius_m=radius,
                        **base)


INSIDE_RADIUS_M = 150.0
"""A caller inside an off-trail place (a monastery across the river, the flagpole square) is within
this of its mapped point (the table gives such positions to about ±150 m)."""
_INSIDE_WORDS = re.compile(r"里面|下面|底下|门口|院子|大殿|\binside\b|\bunder\b|\bup at\b|\bin the (?:courtyard|hall)")

_WENT_THERE = re.compile(r"寺里|庙里|爬上[来去]|参观|\binside\b|\bup at\b|\bclimbed up\b|\bvisit(?:ing|ed)?\b|\bup (?:here|there)\b")
"""Words that say the caller went to an off-trail place, not only that they see it."""


def _inside_off_trail_place(kora: Kora, used: list[Clue], best_km: float, pd: ParsedDescription):
    """The off-trail place the caller is at, if the words say so: a place said with "at", else the
    place a scene describes ("climbed up to where the vultures sit") when the words say they went
    there, else a place said with "near" and such words ("曲古寺上面")."""
    gz = kora.gazetteer

    def off_trail(lid: str) -> bool:
        lm = gz.get(lid)
        return (lm.offset_m > OFF_ROUTE_M and "village" not in lm.kinds
                and kora.along_distance_km(best_km, lm.chainage_km) <= 0.6)
    plain = [c for c in used if c.kind == "landmark" and c.distance_km is None]
    scenes = {s.key: s for s in SCENES}
    said = {c.landmark_id for c in plain} | {lid for c in used if c.kind == "scene" for lid in scenes[c.scene].landmarks}
    if not any(off_trail(lid) for lid in said):
        return None
    inside, went = _INSIDE_WORDS.search(pd.text), _WENT_THERE.search(pd.text)
    choices = [{c.landmark_id for c in plain if c.relation == "at"},
               {lid for c in used if c.kind == "scene" for lid in scenes[c.scene].landmarks if off_trail(lid)}
               if went else set(),
               {c.landmark_id for c in plain if off_trail(c.landmark_id) and not _said_as_reference(pd, c)
                and ((c.relation == "near" and (inside or went)) or (c.relation == "before" and went))}]  # "climbed up behind the flagpole to the sky burial site"
    for ids in choices:
        if ids:
            return gz.get(next(iter(ids))) if len(ids) == 1 and off_trail(next(iter(ids))) else None
    return None


def _point_fix(kora: Kora, fixes: list[Clue], belief, pd: ParsedDescription, base: dict) -> LocateResult:
    fix = fixes[0].coordinate
    ch, off = kora.chainage_of(fix.lon, fix.lat)
    if len(fixes) > 1:
        base["warnings"].append("several coordinates given; the first one is used")
    conflicts, used_text = [], []
    if belief is not None:
        g, p, used_text, aside, conflicts = belief
        cell = int(np.argmin(np.abs(g.km - ch)))
        window = max(1, int(0.5 / g.step))
        idx = np.arange(cell - window, cell + window + 1) % g.n
        if p[idx].sum() < 0.01:
            conflicts = conflicts + [f"the description ({', '.join(describe(c, kora) for c in used_text)}) "
                                     f"does not fit the coordinates (km {ch:.1f}); the coordinates are used"]
    radius = fix.radius_m
    base.update(used=[fixes[0]] + list(used_text), set_aside=fixes[1:], conflicts=conflicts)
    datum_note = "" if fix.datum == "wgs84" else f" (converted from {fix.datum.upper()})"
    if off > FAR_AWAY_KM * 1000:
        dists = [(geodesic_distance_m(fix.lon, fix.lat, *kora.point_at(k)), k) for k in np.arange(0, kora.length_km, 0.5)]
        nearest, ch = min(dists)  # UTM 44 distances are wrong far from the zone: measure on the ellipsoid
        msg = (f"coordinates {fix.lat:.5f}, {fix.lon:.5f}{datum_note} are {nearest / 1000:.0f} km from the kora, "
               "far outside the station's area: check the reading (swapped or mistyped digits?)")
        return LocateResult("placed", msg, lon=fix.lon, lat=fix.lat, radius_m=radius, offset_m=nearest,
                            nearest_chainage_km=float(ch), **base)
    if off <= max(OFF_ROUTE_M, radius):
        reach = max(radius, off) / 1000.0 + 0.05
        intervals = [((ch - reach) % kora.length_km, (ch + reach) % kora.length_km)]
        msg = (f"coordinate fix{datum_note} on the trail at km {ch:.2f} ({kora.segment_at(ch).label_en}), "
               f"{off:.0f} m from the line" + (f"; read to ±{radius:.0f} m only" if radius > 100 else ""))
        return LocateResult("placed", msg, lon=fix.lon, lat=fix.lat, chainage_km=ch, intervals_km=intervals,
                            radius_m=radius, offset_m=off, nearest_chainage_km=ch, **base)
    msg = (f"coordinate fix{datum_note} {off:.0f} m off the trail; nearest trail point km {ch:.2f} "
           f"({kora.segment_at(ch).label_en})")
    return LocateResult("placed", msg, lon=fix.lon, lat=fix.lat, radius_m=radius, offset_m=off,
                        nearest_chainage_km=ch, **base)
