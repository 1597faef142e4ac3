"""Overnight stops for long pilgrim walks (a simple, documented rule, not fitted).

Rule: pilgrims sleep only at the lodgings (Gangjia/Drira Phuk guesthouses, Zutul Phuk, Darchen).
On reaching one, a walker stays for the night when, at their own pace, the next lodging could not
be reached before dark (19:30 Beijing time); they set off again at 07:00. Nobody else stops for
the night. The timed tracks end before Drira Phuk, so no data tests this rule.
"""

from __future__ import annotations

import numpy as np

DAY_S = 86400.0
DARK_S = 19.5 * 3600.0
RESUME_S = 7.0 * 3600.0
LODGE_IDS = ("gangjia", "zutul_phuk")


def next_resume(clock_s: np.ndarray) -> np.ndarray:
    """The first 07:00 after ``clock_s`` (seconds since local midnight of the day the walk began)."""
    return np.floor((clock_s - RESUME_S) / DAY_S + 1.0) * DAY_S + RESUME_S


def dark_of(clock_s: np.ndarray) -> np.ndarray:
    """Nightfall (19:30) of the day ``clock_s`` falls in, counting a day from 07:00."""
    return np.floor((clock_s - RESUME_S) / DAY_S) * DAY_S + DARK_S


def overnight_waits(start_clock_s: float, k: np.ndarray, lodge_ref_s: np.ndarray,
                    next_ref_s: np.ndarray, limit_ref_s: np.ndarray | float) -> np.ndarray:
    """Total seconds spent sleeping by walkers of pace factors ``k`` (see ``overnight_stays``)."""
    return overnight_stays(start_clock_s, k, lodge_ref_s, next_ref_s, limit_ref_s)[0]


def overnight_stays(start_clock_s: float, k: np.ndarray, lodge_ref_s: np.ndarray,
                    next_ref_s: np.ndarray, limit_ref_s: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """(seconds spent sleeping, number of nights) for walkers of pace factors ``k``.

    ``lodge_ref_s`` are the reference-walker times from the start to each lodging ahead (in order),
    ``next_ref_s`` the reference times from each lodging on to the next one; lodgings at or beyond
    ``limit_ref_s`` (the destination) are not slept at."""
    k = np.asarray(k, dtype=float)
    waits = np.zeros(np.broadcast(k, limit_ref_s).shape)
    nights = np.zeros(waits.shape, dtype=int)
    for lodge, onward in zip(lodge_ref_s, next_ref_s):
        arrive = start_clock_s + k * lodge + waits
        stays = (lodge < limit_ref_s) & (arrive + k * onward > dark_of(arrive))
        waits = waits + np.where(stays, next_resume(arrive) - arrive, 0.0)
        nights = nights + stays
    return waits, nights
