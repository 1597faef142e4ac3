"""Scene words a duty officer knows: what callers see, mapped to a stretch of the kora.

The vocabulary is data (``assets/kora/scenes.csv``), built from the notes of the landmark table
(the clothes left at Shiva-tsal, the milky side-river, the lake under the pass, the first and last
views of the summit, the monastery on the cliff across the river, the great flagpole, the
prostration points), in English and Chinese. Each row gives:

* ``landmarks``: one id, ``a..b`` for the stretch from a to b, or ``a|b|c`` for "one of these"
  (the caller did not say which: the likelihood has one piece per place);
* ``from_km`` / ``to_km``: the stretch around each landmark (clockwise offsets);
* ``resolves``: generic words the scene settles ("bridge:gendun_lachu_bridge": a bridge said next to
  the milky river is the Gendun Lachu bridge);
* ``words_en`` / ``words_zh``: regular expressions on the cleaned (lower-case) text.

Scene clues are soft: outside the stretch they keep a floor likelihood.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from ..assets import asset_text


@dataclass(frozen=True)
class Scene:
    key: str
    pattern: re.Pattern
    pieces: tuple[tuple[str, str], ...]  # (from landmark, to landmark) per piece
    from_km: float
    to_km: float
    resolves: tuple[tuple[str, str], ...]
    label_en: str
    label_zh: str

    @property
    def landmarks(self) -> set[str]:
        return {x for piece in self.pieces for x in piece}

    @property
    def label(self) -> str:
        return self.label_en


def _pieces(spec: str) -> tuple[tuple[str, str], ...]:
    if ".." in spec:
        a, b = spec.split("..", 1)
        return ((a, b),)
    return tuple((x, x) for x in spec.split("|") if x)


@lru_cache(maxsize=1)
def load_scenes() -> tuple[Scene, ...]:
    """The shipped scene vocabulary."""
    out = []
    for row in csv.DictReader(io.StringIO(asset_text("kora", "scenes.csv"))):
        words = "|".join(w for w in (row["words_en"], row["words_zh"]) if w)
        resolves = tuple(tuple(x.split(":", 1)) for x in row["resolves"].split(";") if ":" in x)
        out.append(Scene(row["key"], re.compile(words), _pieces(row["landmarks"]), float(row["from_km"]),
                         float(row["to_km"]), resolves, row["label_en"], row["label_zh"]))
    return tuple(out)


SCENES = load_scenes()
_ANY_SCENE = re.compile("|".join(f"(?:{s.pattern.pattern})" for s in SCENES))
"""One search tells most descriptions (no scene at all) apart at once."""


def find_scenes(text: str) -> list[tuple[Scene, int, int]]:
    """(scene, start, end) for every scene described in ``text`` (cleaned, lower case)."""
    if not _ANY_SCENE.search(text):
        return []
    out = []
    for scene in SCENES:
        m = scene.pattern.search(text)
        if m:
            out.append((scene, m.start(), m.end()))
    return out
