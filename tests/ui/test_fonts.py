"""The shipped fonts cover the Chinese and Tibetan the UI shows, and become the application font."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QRawFont

from rescue_desk.domain import codes
from rescue_desk.domain.assets import asset, asset_text
from rescue_desk.ui import fonts

I18N = Path(__file__).resolve().parents[2] / "rescue_desk" / "ui" / "i18n"


def _shipped(suffix: str) -> bytes:
    files = [e for e in asset("fonts").iterdir() if e.name.endswith(suffix)]
    assert files, f"no shipped {suffix} font"
    return files[0].read_bytes()


def _ui_chinese() -> set[str]:
    text = [lbl[0] for table in (codes.CATEGORIES, codes.STATUSES, codes.CHANNELS, codes.SEVERITIES,
                                 codes.PERSON_OUTCOMES, codes.INCIDENT_OUTCOMES, codes.POSITION_SOURCES)
            for lbl in table.values()]
    for row in csv.DictReader(io.StringIO(asset_text("kora", "landmarks.csv"))):
        text += [row["name_zh"], row["aliases_zh"]]
    for ts in I18N.glob("*_zh_CN.ts"):
        text += [t.text or "" for t in ET.parse(ts).getroot().iter("translation")]
    return {c for c in "".join(text) if "\u4e00" <= c <= "\u9fff"}


def test_cjk_subset_has_a_glyph_for_every_chinese_character_the_ui_uses(qapp):
    raw = QRawFont(_shipped(".otf"), 12)
    assert raw.isValid()
    chars = _ui_chinese() | set("塔钦派出所冈仁波齐卓玛拉山口救援调度台")
    missing = [c for c in sorted(chars) if not raw.supportsCharacter(ord(c))]
    assert not missing, f"shipped CJK font lacks {''.join(missing)}"
    assert len(chars) > 150


def test_tibetan_subset_covers_the_landmark_names(qapp):
    raw = QRawFont(_shipped(".ttf"), 12)
    names = [r["name_bo"] for r in csv.DictReader(io.StringIO(asset_text("kora", "landmarks.csv"))) if r["name_bo"]]
    assert names
    missing = {c for n in names for c in n if not raw.supportsCharacter(ord(c))}
    assert not missing


def test_application_font_renders_chinese_with_real_glyphs_not_boxes(qapp):
    fonts.install_fonts()
    families = fonts.register_fonts()
    assert "Rescue Desk Sans SC" in families and "Rescue Desk Serif Tibetan" in families
    app_font = qapp.font()
    assert app_font.families()[0] == fonts.cjk_family()
    fm = QFontMetrics(app_font)
    assert all(fm.inFontUcs4(ord(c)) for c in "塔钦派出所")

    def render(text: str) -> QImage:
        img = QImage(64, 32, QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setFont(QFont(fonts.cjk_family(), 16))
        p.setPen(QColor("black"))
        p.drawText(2, 24, text)
        p.end()
        return img

    hanzi, box, other = render("塔"), render("\ue000"), render("钦")
    assert hanzi != box, "a Chinese character renders like the missing-glyph box"
    assert hanzi != other
    assert hanzi != render(" ")


@pytest.mark.parametrize("suffix", [".otf", ".ttf"])
def test_shipped_fonts_are_small_and_licensed(suffix):
    assert len(_shipped(suffix)) < 4_500_000
    names = {e.name for e in asset("fonts").iterdir()}
    assert {"OFL.txt", "CREDITS.md"} <= names
