"""Masking personal data in free text (caller's words, notes) for training views and scenarios."""

from __future__ import annotations

import re
from typing import Iterable

# Mainland mobile / landline numbers, resident ID numbers (18 chars), passport-like numbers.
_PATTERNS = [
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    re.compile(r"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)"),
    re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"),
    re.compile(r"(?<![0-9A-Za-z])[A-Z]{1,2}\d{7,8}(?![0-9A-Za-z])"),
    re.compile(r"(?<![\d.])\d{7,}(?![\d.])"),
]
MASK = "▒▒▒"


def scrub_text(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with phone, ID and passport numbers and the given ``names`` replaced by a mask."""
    if not text:
        return text
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(MASK, text)
    return text


def has_personal_numbers(text: str) -> bool:
    """True when ``text`` still holds something that looks like a phone, ID or passport number."""
    return any(p.search(text or "") for p in _PATTERNS)
