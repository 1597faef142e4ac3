"""Words that look like a place the gazetteer does not know ("Kangri camp", "we passed Selung",
"过了拉曲"): reported to the officer as not understood, never used as clues."""

from __future__ import annotations

import re

from .clues import ParsedDescription
from .mentions import STOP_WORDS

_UNKNOWN_EN = re.compile(r"\b([a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,})?)\s+(?:monastery|gompa|temple|bridge|camp|"
                         r"guesthouse|guest house|village|lodge|hotel|supply point|station|chorten|stupa)\b")
_UNKNOWN_ZH = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:寺|湖|桥|补给点|驿站|村|宾馆|客栈|营地|朝拜处|天葬台|山口|垭口|宫|镇)")
_CUED_EN = re.compile(r"\b(?:at|near|past|passed|after|before|beyond|towards?|reached|reaching|approaching)\s+"
                      r"(?:the\s+)?([a-z][a-z'-]{3,}(?:\s+[a-z][a-z'-]{3,})?)")
_CUED_ZH = re.compile(r"(?:过了|经过|快到|到了)([\u4e00-\u9fff]{2,4}?)(?:附近|旁边|门口|之后|以后|了|,|\.|$)|"
                      r"(?:在|离)([\u4e00-\u9fff]{2,6}?)(?:附近|旁边|门口|那里|这里|边上|县城|镇上|村里)")
_NOT_NAME_ZH = re.compile(r"[一二三四五六七八九十两半公里米小时个有往的了在走爬下上]")
_COMMON_WORDS = frozenset("""least last first home night once times time moment while ones everything something
nothing anything someone everyone noon midnight dawn dusk sunset sunrise lunch breakfast dinner morning evening
afternoon hours minutes because them this that these those which what where other another kora trail path road
river lake mountain pass valley camp hill summit top bottom side edge middle half halfway bridge monastery temple rock
rocks stones snow water tent tents yaks horse horses walking climbing going coming looking feeling being getting
taking having around about maybe really very""".split())
_COMMON_ZH = frozenset("我们 我 他们 他 她 路上 山上 河边 这里 那里 这儿 那儿 现在 半路 中间 路边 山下 山顶 下面 上面 前面 后面 "
                       "附近 旁边 一起 一直 哪里 哪儿 什么 地方 帐篷 车上 家里 县城 途中 往前 垭口 山口".split())
_EN_STOP = re.compile(r"^(?:the|a|an|this|that|big|small|old|new|iron|first|second|third|fourth|next|last|our|"
                      r"near|at|by|to|from|past|some|any|one|other|another)(?:\s|$)")


def unknown_words(pd: ParsedDescription, marked: str) -> None:
    """Add to ``pd.not_understood`` the words in ``marked`` (the text with found places and numbers
    replaced by placeholders) that look like a place the gazetteer does not know."""
    for m in _UNKNOWN_EN.finditer(marked):
        words = m.group(1).split()
        while words and _EN_STOP.match(words[0]):
            words.pop(0)
        if words and "⟦" not in m.group(0):
            pd.not_understood.append(" ".join(words) + m.group(0)[len(m.group(1)):])
    for m in _UNKNOWN_ZH.finditer(marked):
        if "⟦" not in m.group(0) and "⟨" not in m.group(0):
            pd.not_understood.append(m.group(0))
    # words where a place would stand ("we passed Selung", "过了拉曲") that no landmark name matched
    for m in _CUED_EN.finditer(marked):
        words = [w for w in m.group(1).split() if w not in STOP_WORDS and w not in _COMMON_WORDS]
        phrase = " ".join(words)
        if words and not any(phrase in w for w in pd.not_understood):
            pd.not_understood.append(phrase)
    for m in _CUED_ZH.finditer(marked):
        w = m.group(1) or m.group(2)
        if w not in _COMMON_ZH and not _NOT_NAME_ZH.search(w) and not any(w in x or x in w for x in pd.not_understood):
            pd.not_understood.append(w)
