"""Place names as a pinyin input method types them: homophones (色熊 for 色雄, 尊主寺 for 尊珠寺) and
toneless pinyin in Latin letters (zhuomala, sexiong).

Chinese names are compared syllable by syllable on a loose pinyin key (pypinyin, every reading of
a character; zh/ch/sh and -ng folded, as many speakers and IMEs confuse them). Guard for short names:
a two-syllable name only matches when at least one character is the same as in the name (色熊 for
色雄), so everyday words that happen to sound like a short name do not become places. Filler words
said inside a name (马头明王那个驿站) are skipped.

pypinyin spends about a second loading its dictionaries, so the readings of the shipped names come
from ``assets/kora/pinyin_keys.json`` (written by ``tools/build_pinyin_keys.py``, checked fresh against
pypinyin by a test); pypinyin is only imported for other Chinese characters (a caller's words, a
station's own names).
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..assets import asset_text

PINYIN_KEYS = ("kora", "pinyin_keys.json")
_CJK = re.compile(r"[\u4e00-\u9fff]")
FILLERS = ("那个", "这个", "就是", "那边的", "这边的", "那里的", "呃", "嗯")
"""Words a caller says inside a place name while thinking ("马头明王那个驿站")."""
_FILLER_RX = re.compile("|".join(FILLERS) + r"|\s+")


def _loose(syllable: str) -> str:
    s = syllable.lower()
    s = re.sub(r"^([zcs])h", r"\1", s)
    s = re.sub(r"ng$", "n", s)
    return s


@lru_cache(maxsize=1)
def shipped_keys() -> dict[str, dict[str, object]]:
    """``{"chars": {char: [loose keys]}, "names": {name: "zhuo ma la"}}`` for the shipped names."""
    return json.loads(asset_text(*PINYIN_KEYS))


@lru_cache(maxsize=8192)
def char_keys(ch: str) -> frozenset[str]:
    """Every loose pinyin reading of one Chinese character (empty for anything else)."""
    if not _CJK.fullmatch(ch):
        return frozenset()
    known = shipped_keys()["chars"].get(ch)
    return frozenset(known) if known is not None else pypinyin_char_keys(ch)


@lru_cache(maxsize=1)
def _char_readings() -> dict[int, str]:
    """pypinyin's table of every reading of each character ("le,liǎo,liào"), read from its data file
    without importing the package: ``import pypinyin`` also loads 400,000 phrases (about 0.6 s),
    which the readings of single characters do not need."""
    package = importlib.util.find_spec("pypinyin")
    spec = importlib.util.spec_from_file_location(
        "_rescue_desk_pinyin_dict", Path(package.submodule_search_locations[0]) / "pinyin_dict.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pinyin_dict


def _toneless(reading: str) -> str:
    """"liǎo" -> "liao", "lǜ" -> "lv", "ế" -> "ê" (as pypinyin's Style.NORMAL writes them)."""
    out: list[str] = []
    for c in unicodedata.normalize("NFD", reading.translate(_U_WITH_TONES)):
        if c == "\u0302" and out and out[-1] == "e":
            out[-1] = "ê"
        elif not unicodedata.combining(c):
            out.append(c)
    return "".join(out)


_U_WITH_TONES = str.maketrans(dict.fromkeys("üǖǘǚǜ", "v"))


def pypinyin_char_keys(ch: str) -> frozenset[str]:
    """Every loose reading of ``ch`` from pypinyin's character table (empty when it has none)."""
    readings = _char_readings().get(ord(ch))
    if readings is None:
        return frozenset()
    return frozenset(_loose(_toneless(r)) for r in readings.split(","))


def latin_pinyin(name: str) -> str | None:
    """"zhuo ma la" for 卓玛拉 (None when the name is not all Chinese)."""
    if not name or not all(_CJK.match(c) for c in name):
        return None
    known = shipped_keys()["names"].get(name)
    return known if known is not None else pypinyin_latin(name)


def pypinyin_latin(name: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(name))


def squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without fillers and spaces between Chinese characters, and for each kept character
    its index in ``text``."""
    if not _FILLER_RX.search(text):
        return text, list(range(len(text)))
    keep: list[int] = []
    out: list[str] = []
    pos = 0
    for m in _FILLER_RX.finditer(text):
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if not (_CJK.match(before or " ") and _CJK.match(after or " ")):
            continue
        for i in range(pos, m.start()):
            out.append(text[i])
            keep.append(i)
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        keep.append(i)
    return "".join(out), keep


class PinyinNames:
    """Chinese names of the gazetteer indexed by the loose key of their first character."""

    def __init__(self, names: list[tuple[str, str]]):
        self._by_first: dict[str, list[tuple[str, str, list[frozenset[str]]]]] = {}
        for name, lid in names:
            if len(name) < 2 or not all(_CJK.match(c) for c in name):
                continue
            keys = [char_keys(c) for c in name]
            for k in keys[0]:
                self._by_first.setdefault(k, []).append((name, lid, keys))
        for cands in self._by_first.values():
            cands.sort(key=lambda c: -len(c[0]))

    def find(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, landmark id, sounds-alike) for names in ``text`` said exactly or as
        homophones; indices are into ``text``."""
        if not _CJK.search(text):
            return []
        keys = [char_keys(ch) for ch in text]
        n = len(text)
        hits = []
        for i in range(n):
            first = keys[i]
            if not first:
                continue
            for k in first:
                hit = None
                for name, lid, name_keys in self._by_first.get(k, ()):
                    size = len(name)
                    if i + size > n:
                        continue
                    if all(name_keys[j] & keys[i + j] for j in range(1, size)):
                        said = text[i:i + size]
                        same = sum(a == b for a, b in zip(said, name))
                        if same == size or size > 2 or same >= 1:
                            hit = (i, i + size, lid, same < size)
                            break
                if hit:
                    hits.append(hit)
                    break
        return hits
