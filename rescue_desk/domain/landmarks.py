"""Landmarks and the gazetteer: find a landmark by any of its names, in any language, misspelt or not."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Iterable, Iterator


@dataclass(frozen=True)
class Landmark:
    """A named place near the kora. ``chainage_km`` uses the one chainage definition (see kora.py)."""

    id: str
    name_en: str
    name_zh: str
    lon: float
    lat: float
    chainage_km: float
    offset_m: float = 0.0
    elevation_m: float | None = None
    name_bo: str = ""
    aliases_en: tuple[str, ...] = ()
    aliases_zh: tuple[str, ...] = ()
    aliases_other: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    confidence: str = "medium"
    medical_post: bool = False
    vehicle_access: str = "no"
    source: str = ""
    notes: str = ""
    origin: str = "shipped"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def short_en(self) -> str:
        """English name without the bracketed explanation: "Sershong", "Chuku bridge supply point"."""
        return re.sub(r"\s*\(.*?\)\s*", " ", self.name_en).strip()

    @property
    def short_zh(self) -> str:
        return re.sub(r"\s*（.*?）\s*", "", self.name_zh).strip()

    @property
    def on_trail(self) -> bool:
        return self.offset_m <= 100

    @property
    def along_uncertainty_m(self) -> float:
        """How far along the trail the true place may lie from ``chainage_km`` (data README)."""
        return {"high": 50.0, "medium": 250.0, "low": 450.0}.get(self.confidence, 300.0)

    def all_names(self) -> Iterator[tuple[str, str]]:
        """Every name with its language: ("en"|"zh"|"bo"|"other", text)."""
        yield "en", self.name_en
        yield "en", self.short_en
        for a in self.aliases_en:
            yield "en", a
        yield "zh", self.name_zh
        yield "zh", self.short_zh
        for a in self.aliases_zh:
            yield "zh", a
        if self.name_bo:
            yield "bo", self.name_bo
        for a in self.aliases_other:
            yield "other", a

    def with_changes(self, **changes) -> "Landmark":
        return replace(self, **changes)


_FOLD = str.maketrans({"ö": "o", "ü": "u", "é": "e", "ā": "a", "ī": "i", "ū": "u"})
_TRANSLIT = [
    (re.compile(r"([bcdgkpt])h"), r"\1"),  # ph->p, th->t, kh->k, dh->d: romanisations vary
    (re.compile(r"oo"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
    (re.compile(r"w"), "v"),
]


def normalize_name(text: str) -> str:
    """Fold case, width, accents, spacing, hyphens and punctuation: "Drölma-La" -> "drolmala"."""
    t = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c) or "\u0f00" <= c <= "\u0fff")
    return re.sub(r"[\s\-‐‑–—'’`\"“”·.,()（）/]+", "", t)


def phonetic_key(text: str) -> str:
    """A looser key for Latin names so common transliteration variants meet: "Zuthulphuk" ~ "Zutulpuk"."""
    k = normalize_name(text)
    if not k.isascii():
        return k
    for pattern, repl in _TRANSLIT:
        k = pattern.sub(repl, k)
    return k


class Gazetteer:
    """Looks landmarks up by name. Built from the shipped layer plus any station layer on top."""

    def __init__(self, landmarks: Iterable[Landmark]):
        self._by_id: dict[str, Landmark] = {}
        for lm in landmarks:
            self._by_id[lm.id] = lm
        self._exact: dict[str, str] = {}
        self._phonetic: dict[str, str] = {}
        for lm in self._by_id.values():
            for _lang, name in lm.all_names():
                if not name:
                    continue
                self._exact.setdefault(normalize_name(name), lm.id)
                self._phonetic.setdefault(phonetic_key(name), lm.id)

    def __iter__(self) -> Iterator[Landmark]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, landmark_id: str) -> bool:
        return landmark_id in self._by_id

    def get(self, landmark_id: str) -> Landmark:
        return self._by_id[landmark_id]

    def by_chainage(self) -> list[Landmark]:
        return sorted(self._by_id.values(), key=lambda lm: lm.chainage_km)

    def names(self) -> Iterator[tuple[str, str, str]]:
        """(name, language, landmark id) for every name and alias; for scanning free text."""
        for lm in self._by_id.values():
            for lang, name in lm.all_names():
                if name:
                    yield name, lang, lm.id

    def lookup(self, name: str, cutoff: float = 0.82) -> Landmark | None:
        """The landmark called ``name`` (any language, alias, spacing or common misspelling), or None."""
        key = normalize_name(name)
        if not key:
            return None
        if key in self._exact:
            return self._by_id[self._exact[key]]
        pkey = phonetic_key(name)
        if pkey in self._phonetic:
            return self._by_id[self._phonetic[pkey]]
        best, best_score = None, cutoff
        for cand, lid in self._phonetic.items():
            if abs(len(cand) - len(pkey)) > max(2, len(pkey) // 3):
                continue
            score = SequenceMatcher(None, pkey, cand).ratio()
            if score > best_score:
                best, best_score = lid, score
        return self._by_id[best] if best else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def parse_landmarks_csv(text: str) -> list[Landmark]:
    """Read the shipped ``landmarks.csv`` format (see assets/kora/SOURCES.md)."""
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        out.append(
            Landmark(
                id=row["id"],
                name_en=row["name_en"],
                name_zh=row["name_zh"],
                name_bo=row.get("name_bo", ""),
                aliases_en=_split(row.get("aliases_en", "")),
                aliases_zh=_split(row.get("aliases_zh", "")),
                kinds=_split(row.get("kind", "")),
                lon=float(row["lon"]),
                lat=float(row["lat"]),
                elevation_m=float(row["elevation_m"]) if row.get("elevation_m") else None,
                chainage_km=float(row["chainage_km"]),
                offset_m=float(row.get("offset_m") or 0),
                source=row.get("source", ""),
                confidence=row.get("confidence", "medium"),
                medical_post=row.get("medical_post") == "yes",
                vehicle_access=row.get("vehicle_access", "no"),
                notes=row.get("notes", ""),
            )
        )
    return out
