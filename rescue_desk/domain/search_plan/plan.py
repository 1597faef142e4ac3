"""Where a missing pilgrim may be now, by search section, from the walking-time model.

From the last sighting (chainage and time), the direction, their pace so far (from when they left
Darchen if known, else between the sightings, checked against each other in ``sightings.py``) and the
time now, the model's distribution of distance walked (overnight stops at the
lodgings included for pilgrims) is summed over each section; walkers who finished the loop are back
at Darchen and count in the section that ends there. The sections are ranked for the teams, and the
smallest set holding ``TOP_SHARE`` of the probability is marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from .sections import Section, section_of
from .sightings import PaceBasis, SearchPlanError, Sighting, check_sightings, pace_basis, walked_km

TOP_SHARE = 0.8
START_WINDOW_KM = 0.6      # a sighting this close after the route start counts as leaving Darchen


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
    pace: PaceBasis | None = None      # the stretch their pace so far was read from, if any

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


def left_darchen_at(kora, basis: PaceBasis | None, direction: str) -> datetime | None:
    """When they left Darchen, only as far as it was given or seen (a sighting just after the start)."""
    if basis is None:
        return None
    if basis.from_given_departure or walked_km(kora, basis.since.km, direction) <= START_WINDOW_KM:
        return basis.since.at
    return None


def walked_before(model, seen: list[Sighting], basis: PaceBasis | None, direction: str,
                  walker: str) -> tuple[datetime | None, float | None]:
    """(when their walk from Darchen began, seconds from then to the last sighting), the reading of
    the walking model's pace so far; (None, None) when their pace is unknown.

    From a given departure, or a first sighting just after the start, this is what was seen. From two
    sightings further on, the stretch before the first one is taken at the model's median walking time
    (no night: the model reads this as walking pace), so a short stretch between sightings moves their
    pace only a little from the typical walker's; the clock at the last sighting stays the true one."""
    if basis is None:
        return None, None
    last = seen[-1]
    start = basis.since
    head_km = walked_km(model.kora, start.km, direction)
    if not basis.from_given_departure and head_km > START_WINDOW_KM:
        head_s = model.moving_time_s(0.0, start.km, direction=direction, walker=walker)
    else:
        head_s = 0.0
    walked = (last.at - start.at).total_seconds() + head_s
    if walked < 0:
        raise SearchPlanError("the time they left Darchen is after the last sighting", "left_after_sighting")
    return start.at - timedelta(seconds=head_s), walked


def make_search_plan(model, sections: list[Section], sightings: list[Sighting], now: datetime, *,
                     direction: str = "cw", walker: str = "pilgrim", left_at: datetime | None = None,
                     top_share: float = TOP_SHARE) -> SearchPlan:
    """The ranked search plan from the sightings (any order; the latest is where they were last seen)."""
    if not sightings:
        raise SearchPlanError("give at least one sighting (where and when they were last seen)", "no_sighting")
    if direction not in ("cw", "ccw"):
        raise SearchPlanError("the direction must be cw (clockwise) or ccw (counter-clockwise)", "bad_direction")
    seen = sorted(sightings, key=lambda s: s.at)
    check_sightings(model.kora, seen, direction)
    last = seen[-1]
    elapsed = (now - last.at).total_seconds()
    if elapsed < 0:
        raise SearchPlanError("the time now is before the last sighting", "now_before_sighting")
    if elapsed > 10 * 86400:
        raise SearchPlanError("the last sighting is more than 10 days old: the walking model says nothing then", "sighting_too_old")
    basis = pace_basis(model.kora, seen, direction, left_at)
    began, walked = walked_before(model, seen, basis, direction, walker)
    depart = began if walked is not None else last.at
    probs, finished = section_probabilities(model, sections, last.km % model.length_km, elapsed,
                                            direction=direction, walker=walker, depart=depart, walked_s=walked)
    if elapsed < 1.0:
        probs = np.zeros(len(sections))
        probs[section_of(sections, last.km, model.length_km).index] = 1.0
    order = np.argsort(-probs, kind="stable")
    cum = np.cumsum(probs[order])
    n_top = int(np.searchsorted(cum, top_share - 1e-9) + 1)
    ranked = [RankedSection(sections[i], float(probs[i]), r + 1, r < n_top) for r, i in enumerate(order)]
    left = left_darchen_at(model.kora, basis, direction)
    return SearchPlan(last, now, direction, left, ranked, finished, basis)
