"""Filling translated strings and naming places, the one way the UI does both.

Translated strings use Qt's numbered placeholders (``%1``, ``%2``…, which translators may reorder);
``fill`` puts the values in. ``place_text`` is how a chainage reads everywhere: "km 24.9 · 托吉错"."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

_PLACEHOLDER = re.compile(r"%(\d+)")
translate = QCoreApplication.translate  # translate("Context", "text"): the call pyside6-lupdate collects


def fill(template: str, *values: Any) -> str:
    """``template`` with ``%1``… replaced by ``values`` in one pass (a value containing "%2" stays as is)."""
    def sub(m: re.Match) -> str:
        i = int(m.group(1)) - 1
        return str(values[i]) if 0 <= i < len(values) else m.group(0)

    return _PLACEHOLDER.sub(sub, template)


def landmark_name(lm, lang: str) -> str:
    return lm.short_zh if lang == "zh" else lm.short_en


def place_text(kora, km: float | None, lang: str) -> str:
    """"km 24.9 · <nearest landmark>" in ``lang``, or "not placed"."""
    if km is None:
        return translate("Place", "not placed")
    return f"km {km:.1f} · {landmark_name(kora.nearest_landmark(km), lang)}"
