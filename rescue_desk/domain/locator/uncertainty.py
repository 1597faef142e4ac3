"""Honest uncertainty: every plausible reading kept, and the question that tells them apart.

* When a clue contradicts the stronger ones it is not silently dropped: the reading it supports
  (that clue with the clues it agrees with) keeps ``ALT_WEIGHT`` of the probability, so the 90 %
  intervals hold it too, in a piece of its own where it lies elsewhere.
* The fused posterior is tempered (``TEMPER``): the clue models describe careful statements, real
  callers round, guess and misremember. The value is calibrated on held-out colloquial calls so
  that the truth falls inside the stated 90 % about 90 % of the time (see README, *Locator*).
* ``readings`` lists the pieces with their probability; ``question`` picks what to ask the caller
  to decide between the two most likely ones ("have you passed Gangjia yet?").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..kora import Kora
from .belief import Grid, fuse

ALT_WEIGHT = 0.3
TEMPER = 0.9
MIN_READING = 0.03
"""Pieces holding less probability than this are not listed as readings of their own."""


@dataclass(frozen=True)
class Reading:
    """One plausible place: a piece of the 90 % region, its most likely point and its probability."""

    from_km: float
    to_km: float
    chainage_km: float
    probability: float
    landmark_id: str
    landmark_en: str
    landmark_zh: str
    offset_km: float  # signed, clockwise from the landmark

    def to_json(self) -> dict:
        return {"from_km": round(self.from_km, 3), "to_km": round(self.to_km, 3),
                "chainage_km": round(self.chainage_km, 3), "probability": round(self.probability, 3),
                "near": self.landmark_id, "near_en": self.landmark_en, "near_zh": self.landmark_zh,
                "offset_km": round(self.offset_km, 2)}


@dataclass(frozen=True)
class Question:
    """What to ask the caller: ``code`` with ``params`` for any UI language, and ready ``en``/``zh``."""

    code: str
    params: dict
    en: str
    zh: str

    def to_json(self) -> dict:
        return {"code": self.code, "params": self.params, "en": self.en, "zh": self.zh}


def mixture(used: list[np.ndarray], alternatives: list[np.ndarray]) -> np.ndarray:
    """The tempered posterior of the used clues, with each alternative reading (already fused)
    keeping ``ALT_WEIGHT`` of the mass."""
    p = temper(fuse(used))
    if not alternatives:
        return p
    w = min(ALT_WEIGHT * len(alternatives), 0.45)
    alt = sum(temper(a) for a in alternatives) / len(alternatives)
    return (1 - w) * p + w * alt


def temper(p: np.ndarray, power: float | None = None) -> np.ndarray:
    q = np.power(np.clip(p, 1e-300, None), TEMPER if power is None else power)
    return q / q.sum()


def readings(kora: Kora, g: Grid, p: np.ndarray, runs: list[tuple[int, int, float]]) -> list[Reading]:
    """The pieces of the 90 % region as readings, most likely first."""
    out = []
    half = g.step / 2
    for s, e, mass in runs:
        if mass < MIN_READING:
            continue
        cells = np.arange(s, e + 1) if s <= e else np.r_[np.arange(s, g.n), np.arange(0, e + 1)]
        best = float(g.km[cells[int(np.argmax(p[cells]))]])
        lm = kora.nearest_landmark(best)
        off = (best - lm.chainage_km + g.length / 2) % g.length - g.length / 2
        out.append(Reading((g.km[s] - half) % g.length, (g.km[e] + half) % g.length, best, mass, lm.id,
                           lm.short_en, lm.short_zh, off))
    return sorted(out, key=lambda r: -r.probability)


def question(kora: Kora, found: list[Reading], direction: str, spread_km: float) -> Question | None:
    """What to ask so that the two most likely readings can be told apart; for one wide reading,
    ask for the last landmark passed."""
    if len(found) >= 2:
        a, b = sorted(found[:2], key=lambda r: r.chainage_km if direction == "cw" else -r.chainage_km)
        way = direction
        between = [lm for lm in kora.gazetteer.by_chainage()
                   if 0.1 < kora.ahead_km(a.chainage_km, lm.chainage_km, way) < kora.ahead_km(a.chainage_km, b.chainage_km, way) - 0.1]
        if any(lm.id == "dolma_la" for lm in between):
            return Question("crossed_pass", {"landmark": "dolma_la"}, "ask: have you crossed the pass (Dolma La) yet?",
                            "请问：你们翻过卓玛拉山口了吗？")
        if between:
            mid = kora.ahead_km(a.chainage_km, b.chainage_km, way) / 2
            lm = min(between, key=lambda x: abs(kora.ahead_km(a.chainage_km, x.chainage_km, way) - mid))
            return Question("passed_landmark", {"landmark": lm.id},
                            f"ask: have you passed {lm.short_en} yet?", f"请问：你们过了{lm.short_zh}没有？")
        return Question("which_place", {"a": a.landmark_id, "b": b.landmark_id},
                        f"ask: are you nearer {a.landmark_en} or {b.landmark_en}?",
                        f"请问：你们离{a.landmark_zh}近还是离{b.landmark_zh}近？")
    if spread_km > 3.0:
        return Question("last_landmark", {}, "ask: what was the last landmark you passed, and how long ago?",
                        "请问：你们最后经过的是哪个地方？过了多久？")
    return None
