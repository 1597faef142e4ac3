"""Scene words a duty officer knows: what callers see, mapped to a stretch of the kora.

Each scene is a stretch given relative to landmarks (so it follows the landmark layer), with a
short note on why. Scene clues are soft: outside the stretch they keep a floor likelihood.

| scene (en / zh)                                       | stretch                                   |
|-------------------------------------------------------|-------------------------------------------|
| green/turquoise lake below, 绿色的湖 (after the pass)   | Gauri Kund -0.3 .. +0.8 km (the descent)  |
| north face right in front, 北壁 / 正对神山北面           | iron bridge fork -0.6 .. E bridge +0.3 km |
| big flagpole, 大经幡杆 / 经幡柱                          | Tarboche ±0.4 km                          |
| piles of clothes / hair, 衣服堆 / 扔衣服                 | Shiva-tsal ±0.4 km                        |
| first view of Kailash, cairn of prayer flags on ridge  | first prostration point ±0.6 km           |
| steep boulder climb, 陡坡 / 乱石坡                       | foot of the final climb -0.3 .. Dolma La  |
| see Darchen / the town below, 看到塔钦                    | Zongdui -1.5 .. first prostration point   |
| cliff path above the river, 悬崖                       | 4th prostration point -1.2 .. +0.2 km     |
| monastery on the cliff across the river, 河对岸的寺     | Chuku Gompa ±0.6 km                       |
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Scene:
    key: str
    pattern: re.Pattern
    start_landmark: str
    start_offset_km: float
    end_landmark: str
    end_offset_km: float
    label: str


def _p(s: str) -> re.Pattern:
    return re.compile(s)


SCENES = (
    Scene("lake_below", _p(r"(?:green|turquoise|emerald|blue|small|frozen)\s+(?:lake|pond|pool)|lake (?:is )?below|"
                           r"绿色的湖|绿湖|湖在下面|下面有(?:个|一个)?湖|翠绿的湖|小湖"),
          "gauri_kund", -0.3, "gauri_kund", 0.8, "lake below the pass (Gauri Kund side)"),
    Scene("north_face", _p(r"north face|face of (?:mount )?kailash|kailash (?:is )?right in front|"
                           r"北壁|北面|正对着?神山|神山就在(?:我们)?(?:眼前|面前)"),
          "drira_bridge_fork", -0.6, "drira_east_bridge", 0.3, "north face of Kailash in front (Drira Phuk area)"),
    Scene("flagpole", _p(r"(?:big|huge|large|tall|giant)\s+flag\s*pole|flagpole|大经幡|经幡杆|经幡柱|大旗杆"),
          "tarboche", -0.4, "tarboche", 0.4, "big flagpole (Tarboche)"),
    Scene("clothes", _p(r"(?:piles?|heaps?|lots) of (?:old )?cloth(?:es|ing)|clothes everywhere|衣服堆|扔衣服|很多衣服|一堆衣服"),
          "shiva_tsal", -0.4, "shiva_tsal", 0.4, "piles of clothes (Shiva-tsal)"),
    Scene("first_view", _p(r"first (?:view|sight) of (?:mount )?kailash|第一次看到神山|第一眼看到神山"),
          "first_prostration", -0.6, "first_prostration", 0.6, "first view of Kailash (first prostration point)"),
    Scene("steep_climb", _p(r"steep(?:est)? (?:boulder|rocky|climb|slope|part)|boulders? everywhere|陡坡|乱石坡|最陡"),
          "dolma_la_climb_start", -0.3, "dolma_la", 0.0, "steep final climb to the pass"),
    Scene("see_town", _p(r"(?:can )?see (?:darchen|the town)|town (?:is )?below|看到(?:了)?塔钦|看得到塔钦|看见塔钦"),
          "zongdui_supply", -1.5, "first_prostration", 0.0, "Darchen in sight"),
    Scene("cliff", _p(r"cliff (?:path|section|trail)|along (?:the|a) cliff|悬崖"),
          "fourth_prostration", -1.2, "fourth_prostration", 0.2, "cliff path (before the 4th prostration point)"),
    Scene("cliff_monastery", _p(r"monastery (?:up )?on the (?:cliff|hill) across|河对岸的寺|对岸山上的寺"),
          "chuku_gompa", -0.6, "chuku_gompa", 0.6, "monastery on the cliff across the river (Chuku)"),
)


def find_scenes(text: str) -> list[tuple[Scene, int, int]]:
    """(scene, start, end) for every scene described in ``text`` (cleaned, lower case)."""
    out = []
    for scene in SCENES:
        m = scene.pattern.search(text)
        if m:
            out.append((scene, m.start(), m.end()))
    return out
