"""Sightings of a missing walker checked against each other, and their pace so far read from them.

Sightings are put in time order and every consecutive pair must be walkable: the later one may not
lie behind the earlier one in the walking direction (a walker on the kora only moves on towards
Darchen), and the distance between them must not need more than ``MAX_SUSTAINED_KMH``. The pace used
for the walk ahead is taken over the longest span known: from the given Darchen departure, or else
from the first sighting, to the last one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..clock import format_beijing


class SearchPlanError(ValueError):
    """A search plan cannot be made from these inputs: ``code`` and ``params`` for any UI language;
    ``str()`` is the English sentence the CLI prints."""

    def __init__(self, message: str, code: str = "search_plan", **params):
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Sighting:
    """Seen at clockwise chainage ``km`` at ``at`` (aware datetime)."""

    km: float
    at: datetime
    note: str = ""


# Faster than a fit runner on the flat; sustained over a stretch of the kora nobody walks this.
MAX_SUSTAINED_KMH = 6.0
# A landmark names a stretch of trail a few hundred metres long, so two sightings this close count
# as the same place (neither "behind" nor adding distance).
PLACE_SLACK_KM = 0.3


@dataclass(frozen=True)
class PaceBasis:
    """The stretch their pace so far is read from: ``since`` (the given Darchen departure or the
    earlier sighting) to ``until`` (the last sighting), ``km`` apart along the kora."""

    since: Sighting
    until: Sighting
    km: float
    from_given_departure: bool

    @property
    def hours(self) -> float:
        return (self.until.at - self.since.at).total_seconds() / 3600.0

    @property
    def km_h(self) -> float | None:
        return self.km / self.hours if self.hours > 0 else None


def walked_km(kora, km: float, direction: str) -> float:
    """Distance from Darchen (the route start) to chainage ``km`` for a walker going ``direction``."""
    return km % kora.length_km if direction == "cw" else kora.to_ccw(km)


def place_name(kora, sighting: Sighting) -> str:
    """The place as it was given, else the nearest landmark's English name."""
    return sighting.note or kora.nearest_landmark(sighting.km).name_en


def describe(kora, sighting: Sighting) -> str:
    return f"{place_name(kora, sighting)} (km {sighting.km % kora.length_km:.1f}) at {format_beijing(sighting.at)}"


def check_sightings(kora, seen: list[Sighting], direction: str) -> None:
    """SearchPlanError (one sentence) for the first pair of time-ordered sightings nobody could walk."""
    way = "clockwise" if direction == "cw" else "counter-clockwise"
    for earlier, later in zip(seen, seen[1:]):
        gap_km = walked_km(kora, later.km, direction) - walked_km(kora, earlier.km, direction)
        hours = (later.at - earlier.at).total_seconds() / 3600.0
        if gap_km < -PLACE_SLACK_KM:
            raise SearchPlanError(f"the sightings contradict each other: {describe(kora, later)} is "
                                  f"{-gap_km:.1f} km behind {describe(kora, earlier)}, seen earlier, for a "
                                  f"walker going {way}; check the times, the places and the direction",
                                  "sighting_behind", behind_km=round(-gap_km, 1), earlier_km=round(earlier.km, 1),
                                  later_km=round(later.km, 1))
        moved_km = max(gap_km - PLACE_SLACK_KM, 0.0)
        if moved_km > 0 and (hours <= 0 or moved_km / hours > MAX_SUSTAINED_KMH):
            speed = "at the same time" if hours <= 0 else f"{gap_km / hours:.1f} km/h"
            raise SearchPlanError(f"the sightings contradict each other: {describe(kora, earlier)} and "
                                  f"{describe(kora, later)} are {gap_km:.1f} km apart along the kora, "
                                  f"{speed}, faster than anyone walks it (at most {MAX_SUSTAINED_KMH:.0f} km/h "
                                  "sustained); check the times and the places",
                                  "sightings_too_fast", apart_km=round(gap_km, 1), earlier_km=round(earlier.km, 1),
                                  later_km=round(later.km, 1), max_kmh=MAX_SUSTAINED_KMH)


def pace_basis(kora, seen: list[Sighting], direction: str, left_at: datetime | None) -> PaceBasis | None:
    """The stretch their pace so far is read from, or None with a single sighting and no departure."""
    last = seen[-1]
    if left_at is not None:
        darchen = Sighting(0.0, left_at, "Darchen")
        return PaceBasis(darchen, last, walked_km(kora, last.km, direction), True)
    if len(seen) < 2:
        return None
    first = seen[0]
    gap_km = walked_km(kora, last.km, direction) - walked_km(kora, first.km, direction)
    return PaceBasis(first, last, max(gap_km, 0.0), False)
