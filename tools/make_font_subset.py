"""Build the fonts shipped in ``assets/fonts`` (dev tool; needs fontTools: ``pip install fonttools``).

* ``NotoSansSC-RescueDesk.otf`` (family "Rescue Desk Sans SC"): Noto Sans CJK SC Regular (Debian ``fonts-noto-cjk``) cut down to
  ASCII/Latin-1, general and CJK punctuation, GB2312, and every character the UI and data use
  (translations, code lists, shipped landmarks and access data).
* ``NotoSerifTibetan-RescueDesk.ttf`` (family "Rescue Desk Serif Tibetan"): Noto Serif Tibetan Regular (Debian ``fonts-noto-core``), the
  Tibetan block with its shaping features.

Both fonts are under the SIL Open Font License 1.1 (``assets/fonts/OFL.txt``, ``CREDITS.md``).
Run: ``python tools/make_font_subset.py`` from the repository root; re-run when new Chinese text appears."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "fonts"
CJK_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TIBETAN_TTF = Path("/usr/share/fonts/truetype/noto/NotoSerifTibetan-Regular.ttf")
TEXT_SOURCES = ("assets/kora/*.csv", "assets/kora/*.geojson", "assets/kora/*.md", "rescue_desk/domain/codes.py",
                "rescue_desk/ui/i18n/*.ts", "rescue_desk/ui/**/*.py", "rescue_desk/services/*.py")
CJK_FAMILY = "Rescue Desk Sans SC"
TIBETAN_FAMILY = "Rescue Desk Serif Tibetan"
EXTRA = "·—–…‘’“”•←→↑↓↔°±×÷≤≥≈℃№①②③④⑤⑥⑦⑧⑨⑩▲▼◆●○■□★☆✓✔✕✗⚠"


def gb2312_chars() -> set[str]:
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def used_chars(root: Path) -> set[str]:
    chars: set[str] = set()
    for pattern in TEXT_SOURCES:
        for path in root.glob(pattern):
            text = path.read_text(encoding="utf-8", errors="ignore")
            chars.update(c for c in text if ord(c) > 0x2000 and not 0x0F00 <= ord(c) <= 0x0FFF)
    return chars


def base_chars() -> set[str]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    return {chr(c) for a, b in ranges for c in range(a, b + 1)} | set(EXTRA)


def _options(layout_all: bool) -> subset.Options:
    opts = subset.Options()
    opts.layout_features = ["*"] if layout_all else ["kern", "liga", "locl", "vert", "vrt2", "ccmp", "mark",
                                                      "mkmk", "halt", "palt"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.desubroutinize = False
    return opts


def rename(font: TTFont, family: str) -> None:
    """Give the subset its own family name, so it never mixes with a full system copy of the font."""
    name = font["name"]
    style = name.getDebugName(2) or "Regular"
    for rec in list(name.names):
        if rec.nameID in (1, 16):
            rec.string = family
        elif rec.nameID == 4:
            rec.string = f"{family} {style}" if style != "Regular" else family
        elif rec.nameID == 6:
            rec.string = family.replace(" ", "") + "-" + style
        elif rec.nameID == 3:
            rec.string = f"{family.replace(' ', '')}-{style};rescue-desk-subset"
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [family.replace(" ", "") + "-" + style]


def make_cjk(src: Path, dest: Path, chars: set[str]) -> None:
    coll = TTCollection(str(src))
    font = next(f for f in coll.fonts if "Noto Sans CJK SC" in f["name"].getDebugName(1))
    sub = subset.Subsetter(_options(False))
    sub.populate(unicodes=sorted({ord(c) for c in chars}))
    sub.subset(font)
    rename(font, CJK_FAMILY)
    font.recalcTimestamp = False  # same input, same bytes
    font.save(str(dest))


def make_tibetan(src: Path, dest: Path) -> None:
    font = TTFont(str(src))
    sub = subset.Subsetter(_options(True))
    sub.populate(unicodes=list(range(0x0F00, 0x1000)) + [0x20, 0xA0, 0x25CC, 0x200B, 0x200C, 0x200D])
    sub.subset(font)
    rename(font, TIBETAN_FAMILY)
    font.recalcTimestamp = False  # same input, same bytes
    font.save(str(dest))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cjk", type=Path, default=CJK_TTC)
    parser.add_argument("--tibetan", type=Path, default=TIBETAN_TTF)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    chars = gb2312_chars() | used_chars(ROOT) | base_chars()
    chars = {c for c in chars if not re.match(r"[\ud800-\udfff]", c)}
    make_cjk(args.cjk, args.out / "NotoSansSC-RescueDesk.otf", chars)
    make_tibetan(args.tibetan, args.out / "NotoSerifTibetan-RescueDesk.ttf")
    for f in sorted(args.out.glob("*.[ot]tf")):
        print(f"{f.name}: {f.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
