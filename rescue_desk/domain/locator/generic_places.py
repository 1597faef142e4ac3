"""Generic words for a place ("the bridge", 桥, 寺, "the supply point") resolved from context.

There are four bridges, many supply points and three monasteries on the kora. A generic word is
read as a landmark only when the rest of the description settles which one:

1. a scene said with it ("an iron bridge over a milky river": the Gendun Lachu bridge; the scene
   table says which generic words it settles);
2. a place of that kind named earlier ("改则茶馆 … 就在茶馆里面": the same one);
3. for a generic name ("the iron bridge", 铁桥): the place said before it (the first such landmark after it, in the walking direction), or the
   place said after it (the last one before that place: "the iron bridge on the way to Gangjia");
4. words of the landmark's own name said with it ("the bridge where the path forks").

Otherwise the word is left alone (an already matched name keeps its reading).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..kora import Kora
from .mentions import Mention

MAX_CONTEXT_KM = 10.0
NAMED_BY_KM = 1.0
"""A generic word after another place's name ("the Chuku bridge", "Tarboche sky burial") is the one
of that kind within this of the named place."""
_GENERIC = {
    "bridge": re.compile(r"(?:the |an? )?(?:iron |metal |small |big )?bridge\b|铁?桥(?:头)?"),
    "monastery": re.compile(r"(?:the |a )?(?:monastery|gompa|temple)\b|寺(?:庙)?"),
    "supply": re.compile(r"(?:the |a )?(?:supply point|tea ?house|tea shop)\b|补给点|补给站|茶馆"),
    "stupa": re.compile(r"(?:the |a )?(?:white )?(?:stupa|chorten)\b|白塔|(?<![\u4e00-\u9fff])塔(?![钦尔庆青波])|(?<=[过了那个的到在])塔(?![钦尔庆青波])"),
    "sky_burial": re.compile(r"(?:the |a )?sky[- ]?burial(?: site| ground| place)?\b|天葬台|天葬场"),
}
_FORK = re.compile(r"fork|path (?:splits|divides)|分岔|岔口|岔路")


_CANDIDATES: dict[int, tuple[object, dict[str, list[str]]]] = {}


def _candidates(kora: Kora, kind: str) -> list[str]:
    """Landmarks of ``kind`` in chainage order (kept per gazetteer: asked for every generic word)."""
    cached = _CANDIDATES.get(id(kora.gazetteer))
    if cached is None or cached[0] is not kora.gazetteer:
        if len(_CANDIDATES) > 16:
            _CANDIDATES.clear()
        cached = _CANDIDATES[id(kora.gazetteer)] = (kora.gazetteer, {})
    if kind not in cached[1]:
        cached[1][kind] = _find_candidates(kora, kind)
    return cached[1][kind]


def _find_candidates(kora: Kora, kind: str) -> list[str]:
    out = []
    for lm in kora.gazetteer.by_chainage():
        en, zh = lm.name_en.lower(), lm.name_zh
        if kind == "bridge" and ("bridge" in en or "桥" in zh):
            out.append(lm.id)
        elif kind == "monastery" and ("gompa" in en or "寺" in zh):
            out.append(lm.id)
        elif kind in lm.kinds and kind != "bridge":  # supply points, sky burial grounds
            out.append(lm.id)
    return out


_AFTER_NAME = re.compile(r"^\s*(?:(?P<after>after|past|beyond)|(?P<before>before|on the way to|towards?))\s+(?:the\s+)?$")
_NAME_THEN_AFTER = re.compile(r"^(?:(?P<after>后面|之后|过去|后)|(?P<before>前面|之前|前))的?(?:那座|那个|那)?\s*$")


def _next_of_kind(kora: Kora, cands: list[str], text: str, start: int, end: int, named: list[Mention],
                  direction: str) -> str | None:
    """The landmark of this kind just after (or before) a place named right next to the generic word."""
    gz, sign = kora.gazetteer, (1 if direction == "cw" else -1)
    for n in named:
        if n.start < 0:
            continue
        m = (_AFTER_NAME.match(text[end:n.start]) if 0 <= n.start - end <= 16 else None) or \
            (_NAME_THEN_AFTER.match(text[n.end:start]) if 0 <= start - n.end <= 6 else None)
        if not m:
            continue
        ref, ahead = gz.get(n.landmark_id).chainage_km, bool(m.group("after"))
        gaps = [((sign * (gz.get(c).chainage_km - ref) * (1 if ahead else -1)) % kora.length_km, c) for c in cands]
        best = min(((d, c) for d, c in gaps if 0.05 < d <= MAX_CONTEXT_KM), default=None)
        return best[1] if best else None
    return None


def _kind_of(words: str) -> str | None:
    for kind, rx in _GENERIC.items():
        if rx.fullmatch(words.strip()):
            return kind
    return None


def resolve_generic(mentions: list[Mention], text: str, scenes: list, kora: Kora, direction: str,
                    earlier: list[Mention] = ()) -> list[Mention]:
    """``mentions`` with generic words read as the landmark the context settles (new mentions are
    added for bare generic words that the context settles); ``earlier``: places said before ``text``."""
    generic = [(m.start, m.end, _kind_of(m.text), m) for m in mentions if _kind_of(m.text)]
    for kind, rx in _GENERIC.items():
        cands = set(_candidates(kora, kind))
        for g in rx.finditer(text):
            # "Drira Phuk monastery", "曲古寺": a generic word right after a name of that kind belongs to it;
            # after a name of another kind ("the Tarboche sky burial") the name says which one
            touching = [m for m in mentions if m.start < g.end() and g.start() < m.end + 3]
            if not touching:
                generic.append((g.start(), g.end(), kind, None))
            elif len(touching) == 1 and touching[0].end <= g.start() and touching[0].landmark_id not in cands \
                    and not _kind_of(touching[0].text):
                generic.append((g.start(), g.end(), kind, Mention("", g.start(), g.end(), text[g.start():g.end()])))
    if not generic:
        return mentions
    said_before = [replace(m, start=-1, end=-1) for m in earlier if not _kind_of(m.text)]
    named = said_before + [m for m in mentions if not _kind_of(m.text)]
    out = [m for m in mentions if _kind_of(m.text) is None]
    length = kora.length_km
    gz = kora.gazetteer
    for start, end, kind, m in generic:
        lid = None
        by_scene = {k: target for scene, _s, _e in scenes for k, target in scene.resolves}
        cands = [c for c in _candidates(kora, kind) if c in gz]
        if kind in by_scene and by_scene[kind] in gz:
            lid = by_scene[kind]
        elif kind == "bridge" and _FORK.search(text[end:end + 24]):
            lid = next((c for c in cands if "fork" in gz.get(c).name_en.lower()), None)
        earlier = [n for n in named if n.end <= start and n.landmark_id in cands]
        if lid is None and earlier:
            lid = earlier[-1].landmark_id  # "改则茶馆 … 就在茶馆里面": the one just named
        if lid is None and m is None:  # "the bridge after Gangjia", "过了岗加的那座桥": the next one on
            lid = _next_of_kind(kora, cands, text, start, end, named, direction)
        if lid is None and m is not None and not m.landmark_id:  # "Tarboche sky burial": the one by that name
            named_by = [n for n in named if start - 3 <= n.end <= start]
            ref = gz.get(named_by[-1].landmark_id).chainage_km if named_by else None
            best = min(((kora.along_distance_km(ref, gz.get(c).chainage_km), c) for c in cands), default=None) \
                if ref is not None else None
            lid = best[1] if best and best[0] <= NAMED_BY_KM else None
        if lid is None and m is not None and m.landmark_id:  # only a said name ("the iron bridge") moves with the story
            before = [n for n in named if n.end <= start]
            after = [n for n in named if n.start >= end]
            sign = 1 if direction == "cw" else -1
            if before:
                ref = gz.get(before[-1].landmark_id).chainage_km
                ahead = [(sign * (gz.get(c).chainage_km - ref)) % length for c in cands]
                best = min(((d, c) for d, c in zip(ahead, cands) if 0.05 < d <= MAX_CONTEXT_KM), default=None)
                lid = best[1] if best else None
            elif after:
                ref = gz.get(after[0].landmark_id).chainage_km
                behind = [(sign * (ref - gz.get(c).chainage_km)) % length for c in cands]
                best = min(((d, c) for d, c in zip(behind, cands) if 0.05 < d <= MAX_CONTEXT_KM), default=None)
                lid = best[1] if best else None
        if lid is not None and m is not None:
            # "the Tarboche sky burial site": a name just before a generic word that settles to another
            # place only says which one
            modifier = [n for n in out if start - 2 <= n.end <= start and n.landmark_id != lid and not _kind_of(n.text)]
            if modifier:
                out = [n for n in out if n is not modifier[0]]
                m = replace(m, start=modifier[0].start, text=text[modifier[0].start:end])
        if lid is not None:
            out.append(replace(m, landmark_id=lid, generic=True) if m is not None else
                       Mention(lid, start, end, text[start:end], False, True))
        elif m is not None and m.landmark_id:
            out.append(m)
    return sorted(out, key=lambda x: x.start)
