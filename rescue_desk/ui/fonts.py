"""Fonts shipped in ``assets/fonts`` (subsets of Noto Sans SC and a Tibetan font, see CREDITS.md there),
registered at start so Chinese and Tibetan render on a fresh machine without system CJK fonts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from rescue_desk.domain.assets import asset

log = logging.getLogger(__name__)
_families: list[str] = []


def register_fonts() -> list[str]:
    """Add every shipped font to the application font database (once); returns the families added."""
    if _families:
        return list(_families)
    folder = asset("fonts")
    if not folder.is_dir():
        log.warning("no shipped fonts found; Chinese text relies on system fonts")
        return []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.lower().endswith((".otf", ".ttf")):
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
            if font_id < 0:
                log.warning("could not load font %s", entry.name)
                continue
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _families:
                    _families.append(family)
    return list(_families)


def cjk_family() -> str | None:
    return next((f for f in register_fonts() if f.endswith(" SC") or "CJK" in f), None)


def tibetan_family() -> str | None:
    return next((f for f in register_fonts() if "Tibetan" in f), None)


def install_fonts(point_size: float | None = None) -> QFont:
    """Register the shipped fonts and make them the application font's first choices (CJK, then
    Tibetan, then the platform default as fallback). Needs a QGuiApplication."""
    app = QGuiApplication.instance()
    font = QFont(app.font())
    families = [f for f in (cjk_family(), tibetan_family()) if f]
    if families:
        font.setFamilies(families + [f for f in font.families() if f not in families])
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font
