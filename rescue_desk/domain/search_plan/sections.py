"""Search sections of the kora: the anchor-to-anchor stretches, long ones cut into pieces a team can
sweep (at most ``MAX_SECTION_KM``), each named by its ends in Chinese and English."""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_SECTION_KM = 2.0


@dataclass(frozen=True)
class Section:
    """Clockwise chainages ``from_km`` -> ``to_km`` (``to_km`` may pass the loop length once)."""

    index: int
    from_km: float
    to_km: float
    name_en: str
    name_zh: str

    @property
    def length_km(self) -> float:
        return self.to_km - self.from_km

    def contains(self, km: float, loop_km: float) -> bool:
        k = (km - self.from_km) % loop_km
        return k < self.length_km


def kora_sections(kora, max_km: float = MAX_SECTION_KM) -> list[Section]:
    """The whole loop in search sections, in clockwise order from Darchen."""
    out: list[Section] = []
    for seg in kora.segments():
        length = (seg.to_km - seg.from_km) % kora.length_km
        parts = max(1, math.ceil(length / max_km - 1e-9))
        for p in range(parts):
            a = seg.from_km + length * p / parts
            b = seg.from_km + length * (p + 1) / parts
            suffix = f" ({p + 1}/{parts})" if parts > 1 else ""
            out.append(Section(len(out), a, b, seg.label_en + suffix, seg.label_zh + suffix))
    return out


def section_of(sections: list[Section], km: float, loop_km: float) -> Section:
    """The section holding chainage ``km`` (any chainage, wrapped onto the loop)."""
    for s in sections:
        if s.contains(km, loop_km):
            return s
    return min(sections, key=lambda s: min(abs((km - s.from_km) % loop_km), abs((s.from_km - km) % loop_km)))
