"""Find landmark mentions in a caller's text, by any name, alias or misspelling, in any language.

The scanner is built from ``kora.gazetteer.names()``, so a station landmark layer added with
``Kora.with_landmarks`` is recognised at once. A few generic words officers and callers use for a
landmark are added here (``GENERIC_NAMES``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..landmarks import Gazetteer, phonetic_key
from .pinyin_names import PinyinNames, latin_pinyin, squeeze
from .text import clean_text

# Words callers use for a landmark that are not (and should not be) aliases in the data.
GENERIC_NAMES: dict[str, tuple[str, ...]] = {
    "dolma_la": ("the pass", "pass", "top of the pass", "垭口", "山口", "卓玛拉", "dolma"),
    "gangjia": ("drira phuk", "dirapuk", "dira-puk", "diraphuk", "driraphuk", "dira puk", "deraphuk",
                "drira puk", "直热", "止热", "芝热"),
    "gauri_kund": ("the lake", "湖边", "那个湖", "湖那", "湖旁"),  # the only lake beside the trail
    "zutul_phuk": ("zuthulphuk", "zutrulphuk", "zutulphuk"),
    "darchen": ("town", "镇上", "tarchen town"),  # not 县城: the county town is Purang, 100 km away
    "chuku_bridge_supply": ("曲古",),  # the Chuku area, said without 寺 or 桥: the trail point
    "kora_gate": ("检票口", "检票处", "售票处", "ticket gate", "entrance gate", "kora gate", "景区门口", "景区大门"),
    "tarboche": ("大经幡", "经幡杆", "经幡广场", "big flagpole", "the flagpole", "flagpole", "flag pole"),
}
# "Drira Phuk" said alone means the Gangjia lodgings; saying monastery/gompa/寺 means the monastery.
_MONASTERY_WORDS = ("gompa", "monastery", "temple", "寺", "gonpa")
_STOP = frozenset("""a about above after again all almost along already also am an and any are around as at away
back be been before behind below between beyond bit both bridge but by came can cannot come coming could day did do
does down each east even far feel few find for from friend get go going got group had has have he help her here him
his hour hours how i if in into is it its just km know last left like little lost man me meters metres more morning
most much must my near need next no north not now of off on one only or our out over past people phone please point
right road said says see she should since so some south still stop such supply than that the their them then there
these they this those though through to today too toward towards trail tried under up us very walk walked walking
want was water way we well went were west what when where which while who why will with woman would yes yet you
your""".split())
STOP_WORDS = _STOP
"""Everyday English words that never start or end a place name."""
_GENERIC_TAIL = re.compile(r"(?:\s+(?:supply\s+)?point|\s+supply|\s+guest\s?houses?|(?:\s+iron)?\s+bridge|补给点|处)$",
                           re.I)
_GENERIC_WORDS = frozenset("valley supply point station guesthouse guesthouses gompa monastery temple the of".split())
_CJK_SUFFIX_TWINS = (("处", "点"),)  # "第二朝拜点" is said for "第二朝拜处"
ORDINAL_SUPPLY = re.compile(
    r"第([一二三四五六七八九])(?:个)?补给(?:点|站)|(?<![a-z])(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"\s+supply\s*(?:point|station|stop)?")
_ORDINAL_VALUE = {w: i + 1 for i, w in enumerate("一二三四五六七八九")} | {
    w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split())}
_TOWN_BEFORE_OK = "在到回去的往进出个了"
_OTHER_TOWN = re.compile(r"(?<![a-z])(?!(?:darchen|tarchen|" + "|".join(sorted(_STOP)) + r")\s+$)[a-z]{2,}\s+$|"
                         f"[\u4e00-\u9fff](?<![{_TOWN_BEFORE_OK}])$")
# "where you pass through", "we will pass it": the verb, not the pass (Dolma La).
_PASS_VERB_BEFORE = re.compile(r"(?<![a-z])(?:i|you|we|they|he|she|people|pilgrims|to|will|can|could|must|should|would|"
                               r"did|didn't|cannot|can't|not)\s+$")
_PASS_VERB_AFTER = re.compile(r"\s*(?:through|by|it|them|him|her|us|me|under|between|along|out|away)(?![a-z])")
# "our group leader Dolma went ahead": Dolma is also a woman's name; said alone it is the pass only
# where nothing marks it as a person.
_PERSON_BEFORE = re.compile(r"(?<![a-z])(?:leader|guide|friend|sister|wife|mother|mom|mum|daughter|aunt|auntie|ani|"
                            r"named|called|name is|cousin|girl|lady|woman|mrs|ms|miss)\s+$")
_PERSON_AFTER = re.compile(r"\s*(?:went|said|says|told|is our|was our|has gone|has|who|called|phoned|ran|walked|"
                           r"and i|and me|,? our)(?![a-z])")
_OTHER_SENSE = {"dolma": (_PERSON_BEFORE, _PERSON_AFTER), "pass": (_PASS_VERB_BEFORE, _PASS_VERB_AFTER)}
"""Generic names that are also a common word: (words just before, words just after) that mean the word."""
_LATIN_WORD = re.compile(r"[a-z][a-z'\-]*")
_WORD_START = re.compile(r"(?<![a-z0-9])[a-z0-9]")
_SEPARATORS = re.compile(r"[\s\-'.,/()]+")


def _latin_key(text: str, pos: int) -> str:
    """First four letters/digits from ``pos`` on, skipping the separators a name may contain."""
    return _SEPARATORS.sub("", text[pos:pos + 16])[:4]


@dataclass(frozen=True)
class Mention:
    """``landmark_id`` named at ``text[start:end]``; ``fuzzy`` when matched despite a misspelling."""

    landmark_id: str
    start: int
    end: int
    text: str
    fuzzy: bool = False
    generic: bool = False


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    """Name patterns are compiled when a word first starts like them: compiling all of them up front
    was a third of a second of every ``locate`` command, for the few a description can match."""
    return re.compile(pattern)


def _latin_pattern(name: str) -> str | None:
    parts = re.findall(r"[a-z0-9]+", name.lower())
    if not parts or sum(len(p) for p in parts) < 4:
        return None
    return r"(?<![a-z0-9])" + r"[\s\-'.,/()]*".join(re.escape(p) for p in parts) + r"(?:s|es)?(?![a-z0-9])"


def _variants(names: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Shorter ways callers say a name: the Latin core without generic words ("medicine buddha" for
    "Medicine Buddha Valley supply point"; kept only when no other landmark has the same core) and
    Chinese names with a twin suffix ("朝拜点" for "朝拜处")."""
    cores: dict[str, set[str]] = {}
    out = []
    for n, lid, generic in names:
        if n.isascii() and not generic:
            words = re.findall(r"[a-z0-9]+", n.lower())
            core = " ".join(w for w in words if w not in _GENERIC_WORDS)
            if core and core != " ".join(words) and len(core.replace(" ", "")) >= 6:
                cores.setdefault(core, set()).add(lid)
        elif not n.isascii():
            for a, b in _CJK_SUFFIX_TWINS:
                if n.endswith(a) and len(n) >= 3:
                    out.append((n[:-1] + b, lid, generic))
    taken = {n.lower() for n, _, _ in names}
    out += [(core, next(iter(lids)), False) for core, lids in cores.items() if len(lids) == 1 and core not in taken]
    return out


class MentionScanner:
    """Finds landmark mentions; build once per gazetteer (``scanner_for`` caches it)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        entries: dict[str, tuple[str, bool]] = {}
        names = []
        for n, _lang, lid in gazetteer.names():
            names.append((n, lid, False))
            for part in re.split(r"\s*[/,;]\s*|\s*[(（].*?[)）]\s*", n):
                if part and part != n and len(part) >= 4:
                    names.append((part, lid, False))
        names += [(n, lid, True) for lid, ns in GENERIC_NAMES.items() if lid in gazetteer for n in ns]
        for n, lid, generic in list(names):
            short = _GENERIC_TAIL.sub("", n)
            if short != n and len(short) >= (4 if short.isascii() else 2):
                names.append((short, lid, generic))  # "First prostration" for "First prostration point"
        names += _variants(names)
        cjk = [(clean_text(n)[0], lid) for n, lid, generic in names if not generic and not n.isascii()]
        cjk += [(n[:-1], lid) for n, lid in cjk if len(n) >= 4 and n[-1] in "口处点站"]  # "铁桥分岔(口)"
        cjk += [(n[:-2], lid) for n, lid in cjk if len(n) >= 5 and n[-2:] in ("驿站", "茶馆")]  # "马头明王(驿站)"
        self._pinyin = PinyinNames(cjk)
        names += [(p, lid, False) for n, lid in cjk if (p := latin_pinyin(n)) and len(p.replace(" ", "")) >= 6]
        self._phonetic: dict[str, str] = {}
        self._choices: dict[str, tuple[list[str], list[str]]] = {}
        self._bigrams: dict[str, list[tuple[str, frozenset, str]]] = {}
        for name, lid, generic in names:
            n = clean_text(name)[0]
            if n.isascii():
                pat = _latin_pattern(n)
                if pat is None:
                    continue
                entries.setdefault(pat, (lid, generic))
                if not generic:
                    key = phonetic_key(n)
                    if len(key) >= 5:
                        self._phonetic.setdefault(key, lid)
                        self._bigrams.setdefault(key[0], []).append(
                            (key, frozenset(key[i:i + 2] for i in range(len(key) - 1)), lid))
            elif len(n) >= 2:
                entries.setdefault(re.escape(n), (lid, generic))
        self._supplies = [lm.id for lm in gazetteer.by_chainage() if "supply" in lm.kinds]
        self._latin: dict[str, list[tuple[str, str, bool, int]]] = {}
        self._cjk: dict[str, list[tuple[str, str, bool]]] = {}
        for pat, (lid, generic) in entries.items():
            if pat.startswith("(?<!"):
                key = _latin_key(re.sub(r"\\(.)", r"\1", re.sub(r"\[[^\]]*\]\*|\(\?<?[!=][^)]*\)", "", pat)), 0)
                self._latin.setdefault(key, []).append((pat, lid, generic, len(pat)))
            else:
                name = re.sub(r"\\(.)", r"\1", pat)
                self._cjk.setdefault(name[0], []).append((name, lid, generic))
        for cands in self._latin.values():
            cands.sort(key=lambda c: -c[3])
        for cands in self._cjk.values():
            cands.sort(key=lambda c: -len(c[0]))

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text`` (cleaned: lower case, NFKC), non-overlapping, in order."""
        hits: list[tuple[int, int, str, bool]] = []
        self._alike: set[tuple[int, str]] = set()
        for w in _WORD_START.finditer(text):
            for pat, lid, generic, _n in self._latin.get(_latin_key(text, w.start()), ()):
                m = _compiled(pat).match(text, w.start())
                if m:
                    hits.append((m.start(), m.end(), lid, generic))
                    break
        for i, ch in enumerate(text):
            if ch in self._cjk:
                for name, lid, generic in self._cjk[ch]:
                    if text.startswith(name, i):
                        hits.append((i, i + len(name), lid, generic))
                        break
        squeezed, where = squeeze(text)
        for s, e, lid, alike in self._pinyin.find(squeezed):  # homophones and names broken by fillers
            hits.append((where[s], where[e - 1] + 1, lid, False))
            if alike:
                self._alike.add((where[s], lid))
        for m in ORDINAL_SUPPLY.finditer(text):  # "第二个补给点": the 2nd supply point from Darchen, clockwise
            lid = self.ordinal_supply(m.group(0))
            if lid:
                hits.append((m.start(), m.end(), lid, True))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        found: list[Mention] = []
        end = -1
        for s, e, lid, generic in hits:
            if generic and lid == "darchen" and _OTHER_TOWN.search(text[max(0, s - 16):s]):
                continue  # "Purang town", "普兰镇上": another town, not Darchen
            other = _OTHER_SENSE.get(text[s:e]) if generic else None
            if other and (other[0].search(text[max(0, s - 12):s]) or other[1].match(text, e)):
                continue  # "leader Dolma went", "where you pass through": a person, a verb
            if s >= end:
                found.append(Mention(self._remap(lid, text, e), s, e, text[s:e], (s, lid) in self._alike, generic))
                end = e
        found += self._fuzzy(text, found)
        return sorted(found, key=lambda x: x.start)

    def ordinal_supply(self, words: str, direction: str = "cw") -> str | None:
        """The landmark "第N个补给点" / "Nth supply point" means: the Nth supply point met walking from
        Darchen in ``direction`` (None if the words are not such a phrase or N is too large)."""
        m = ORDINAL_SUPPLY.fullmatch(words.strip())
        if not m:
            return None
        n = _ORDINAL_VALUE[m.group(1) or m.group(2)]
        order = self._supplies if direction == "cw" else self._supplies[::-1]
        return order[n - 1] if n <= len(order) else None

    def _remap(self, lid: str, text: str, end: int) -> str:
        if lid == "drira_phuk_gompa" and "gangjia" in self.gazetteer:
            tail = text[end:end + 12]
            if not any(w in tail for w in _MONASTERY_WORDS) and "寺" not in text[max(0, end - 3):end]:
                return "gangjia"
        return lid

    def _fuzzy(self, text: str, exact: list[Mention]) -> list[Mention]:
        words = [(w.group(0), w.start(), w.end()) for w in _LATIN_WORD.finditer(text)]
        taken = [(m.start, m.end) for m in exact]
        out: list[Mention] = []
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                chunk = words[i:i + n]
                if chunk[0][0] in _STOP or chunk[-1][0] in _STOP:
                    continue
                s, e = chunk[0][1], chunk[-1][2]
                if any(a < e and s < b for a, b in taken):
                    continue
                lid = self._match(" ".join(w for w, _, _ in chunk))
                if lid:
                    out.append(Mention(self._remap(lid, text, e), s, e, text[s:e], True))
                    taken.append((s, e))
        return out

    def _match(self, words: str) -> str | None:
        key = phonetic_key(words)
        if len(key) < 5:
            return None
        if key in self._phonetic:
            return self._phonetic[key]
        choices = self._choices.get(key[0])
        if choices is None:
            entries = self._bigrams.get(key[0], ())
            choices = self._choices[key[0]] = ([c for c, _g, _l in entries], [lid for _c, _g, lid in entries])
        # short keys need a closer match: one letter off in five is another word, not a spelling
        cutoff = 84 if len(key) >= 7 else 90
        best = process.extractOne(key, choices[0], scorer=fuzz.ratio, score_cutoff=cutoff)
        return choices[1][best[2]] if best else None


_CACHE: dict[int, tuple[Gazetteer, MentionScanner]] = {}


def scanner_for(gazetteer: Gazetteer) -> MentionScanner:
    """The scanner for this gazetteer object (built on first use, then reused)."""
    hit = _CACHE.get(id(gazetteer))
    if hit is None or hit[0] is not gazetteer:
        if len(_CACHE) > 16:
            _CACHE.clear()
        hit = (gazetteer, MentionScanner(gazetteer))
        _CACHE[id(gazetteer)] = hit
    return hit[1]
