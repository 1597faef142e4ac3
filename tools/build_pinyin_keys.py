"""Write ``assets/kora/pinyin_keys.json``: the pinyin readings of every Chinese name the locator's mention
scanner builds from the shipped landmarks, so ``locate`` does not load pypinyin's dictionaries (about a
second) for them. Run after changing the shipped names or the scanner's name variants:

    python tools/build_pinyin_keys.py          # rewrite the file
    python tools/build_pinyin_keys.py --check  # exit 1 if it is stale (no writes)

tests/domain/locator/test_pinyin_keys.py runs the --check comparison."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "kora" / "pinyin_keys.json"


def fresh_keys() -> dict:
    """Builds the shipped scanner with an empty table and keeps every reading it asked pypinyin for."""
    from rescue_desk.domain.kora import load_kora
    from rescue_desk.domain.locator import pinyin_names
    from rescue_desk.domain.locator.mentions import MentionScanner

    chars: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    from_pypinyin_char, from_pypinyin_name = pinyin_names.pypinyin_char_keys, pinyin_names.pypinyin_latin

    def char_reading(ch: str) -> frozenset[str]:
        keys = from_pypinyin_char(ch)
        chars[ch] = sorted(keys)
        return keys

    def name_reading(name: str) -> str:
        names[name] = from_pypinyin_name(name)
        return names[name]

    pinyin_names.char_keys.cache_clear()
    try:
        with mock.patch.object(pinyin_names, "shipped_keys", lambda: {"chars": {}, "names": {}}), \
                mock.patch.object(pinyin_names, "pypinyin_char_keys", char_reading), \
                mock.patch.object(pinyin_names, "pypinyin_latin", name_reading):
            MentionScanner(load_kora().gazetteer)
    finally:
        pinyin_names.char_keys.cache_clear()
    return {"chars": dict(sorted(chars.items())), "names": dict(sorted(names.items()))}


def render(keys: dict) -> str:
    """One entry a line, so a changed name shows as a small diff."""
    sections = []
    for section, entries in keys.items():
        lines = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                           for k, v in entries.items())
        sections.append(f' {json.dumps(section)}: {{\n{lines}\n }}')
    return "{\n" + ",\n".join(sections) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the file is stale (exit 1 if so)")
    args = parser.parse_args(argv)
    text = render(fresh_keys())
    if args.check:
        stale = not OUT.exists() or OUT.read_text(encoding="utf-8") != text
        print(f"stale: {OUT.relative_to(ROOT)}" if stale else f"fresh: {OUT.relative_to(ROOT)}")
        return 1 if stale else 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
