"""Where a missing pilgrim may be now, by search section, from the walking-time model.

From the last sighting (chainage and time), the direction, when they left Darchen if known (their
pace so far) and the time now, the model's distribution of distance walked (overnight stops at the
lodgings included for pilgrims) is summed over each section; walkers who finished the loop are back
at Darchen and count in the section that ends there. The sections are ranked for the teams, and the
smallest set holding ``TOP_SHARE`` of the probability is marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from .sections import Section, section_of

TOP_SHARE = 0.8
START_WINDOW_KM = 0.6      # a sighting this close after the route start counts as leaving Darchen


class SearchPlanError(ValueError):
    """A search plan cannot be made from these inputs (the message says why, in one sentence)."""


@dataclass(frozen=True)
class Sighting:
    """Seen at clockwise chainage ``km`` at ``at`` (aware datetime)."""

    km: float
    at: datetime
    note: str = ""


@dataclass(frozen=True)
class RankedSection:
    section: Section
    probability: float
    rank: int
    in_top: bool


@dataclass(frozen=True)
class SearchPlan:
    last_seen: Sighting
    now: datetime
    direction: str
    left_at: datetime | None
    sections: list[RankedSection] = field(default_factory=list)   # ranked, most likely first
    finished_p: float = 0.0

    @property
    def elapsed_s(self) -> float:
        return (self.now - self.last_seen.at).total_seconds()

    @property
    def top(self) -> list[RankedSection]:
        return [r for r in self.sections if r.in_top]

    def probability_by_index(self) -> dict[int, float]:
        return {r.section.index: r.probability for r in self.sections}


def section_probabilities(model, sections: list[Section], from_km: float, elapsed_s: float, *,
                          direction: str, walker: str, depart: datetime | None,
                          walked_s: float | None) -> tuple[np.ndarray, float]:
    """(probability of each section in ``sections`` order, probability of having finished the loop)."""
    loop = model.length_km
    lo = np.array([s.from_km for s in sections])
    hi = np.array([s.to_km for s in sections])
    if direction == "cw":
        enter, leave = (lo - from_km) % loop, (hi - from_km) % loop
    else:
        enter, leave = (from_km - hi) % loop, (from_km - lo) % loop
    a = model._walk_pos(from_km, direction)
    end = loop - a if a > 1e-9 else loop
    passed = model.passed_probability(from_km, elapsed_s, np.r_[enter, leave, end], direction=direction,
                                      walker=walker, depart=depart, walked_s=walked_s)
    n = len(sections)
    s_in, s_out, finished = passed[:n], passed[n:2 * n], float(passed[-1])
    holds_start = enter > leave                       # the section the walker was last seen in
    holds_end = (enter < end) & (leave >= end - 1e-6) & ~holds_start
    s_out = np.where(holds_end, 0.0, s_out)            # finishers wait at Darchen, in this section
    mass = np.where(holds_start, 1.0 - s_out + np.where(leave >= end - 1e-6, 0.0, s_in), s_in - s_out)
    mass = np.clip(mass, 0.0, None)
    total = mass.sum()
    return (mass / total if total > 0 else mass), finished


def walked_before(model, sightings: list[Sighting], direction: str, walker: str,
                  left_at: datetime | None) -> tuple[datetime | None, float | None]:
    """(when they left Darchen, seconds from then to the last sighting) when the pace is known:
    from ``left_at``, a sighting just after the start, or else two sightings (the walk before the
    first one taken at the median pace)."""
    last = sightings[-1]
    if left_at is None:
        for s in sightings[:-1]:
            if model.kora.ahead_km(0.0, s.km % model.length_km, direction) <= START_WINDOW_KM:
                left_at = s.at
                break
    if left_at is not None:
        walked = (last.at - left_at).total_seconds()
        if walked < 0:
            raise SearchPlanError("the time they left Darchen is after the last sighting")
        return left_at, walked
    if len(sightings) >= 2:
        first = sightings[0]
        head = model.time_between(0.0, first.km, direction=direction, walker=walker).p50_s
        return first.at, (last.at - first.at).total_seconds() + head
    return None, None


def make_search_plan(model, sections: list[Section], sightings: list[Sighting], now: datetime, *,
                     direction: str = "cw", walker: str = "pilgrim", left_at: datetime | None = None,
                     top_share: float = TOP_SHARE) -> SearchPlan:
    """The ranked search plan from the sightings (any order; the latest is where they were last seen)."""
    if not sightings:
        raise SearchPlanError("give at least one sighting (where and when they were last seen)")
    if direction not in ("cw", "ccw"):
        raise SearchPlanError("the direction must be cw (clockwise) or ccw (counter-clockwise)")
    seen = sorted(sightings, key=lambda s: s.at)
    last = seen[-1]
    elapsed = (now - last.at).total_seconds()
    if elapsed < 0:
        raise SearchPlanError("the time now is before the last sighting")
    if elapsed > 10 * 86400:
        raise SearchPlanError("the last sighting is more than 10 days old: the walking model says nothing then")
    left, walked = walked_before(model, seen, direction, walker, left_at)
    depart = left if walked is not None else last.at
    probs, finished = section_probabilities(model, sections, last.km % model.length_km, elapsed,
                                            direction=direction, walker=walker, depart=depart, walked_s=walked)
    if elapsed < 1.0:
        probs = np.zeros(len(sections))
        probs[section_of(sections, last.km, model.length_km).index] = 1.0
    order = np.argsort(-probs, kind="stable")
    cum = np.cumsum(probs[order])
    n_top = int(np.searchsorted(cum, top_share - 1e-9) + 1)
    ranked = [RankedSection(sections[i], float(probs[i]), r + 1, r < n_top) for r, i in enumerate(order)]
    return SearchPlan(last, now, direction, left if walked is not None else None, ranked, finished)
