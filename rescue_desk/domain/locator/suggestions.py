"""The rest of the intake form from the caller's words, as suggestions the officer confirms.

``suggest(text)`` reads party size ("two pilgrims", "我们三个人"), the category (codes from
``domain.codes.CATEGORIES``), severity hints (unconscious, bleeding, cannot walk) and the caller's
language. Each suggestion carries the words it was read from, so the desk can show why; nothing
here is ever written into a form without the officer accepting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..codes import CATEGORIES
from .text import chinese_integer, clean_text

_ZH_NUM = r"[一二两三四五六七八九十]{1,3}|\d{1,2}"
_EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "a couple": 2, "couple": 2}
_EN_NUM_RX = r"\d{1,2}|" + "|".join(sorted(_EN_NUM, key=len, reverse=True))
_PARTY = [
    re.compile(rf"(?:我们|一共|总共|共|一行|队里|团里)(?:一共|总共)?(?:有)?\s*(?P<n>{_ZH_NUM})\s*(?:个|位|名)(?:人|香客|游客|朝圣者)?"),
    re.compile(rf"(?P<n>{_ZH_NUM})\s*个人(?:一起|转山|走)"),
    re.compile(rf"\b(?:we are|we're|there are|we r)\s+(?:a )?(?:group of |family of |party of )?(?P<n>{_EN_NUM_RX})\b(?! ?(?:km|kilomet|hours?|minutes?|m\b|am|pm|o'clock))"),
    re.compile(rf"\b(?P<n>{_EN_NUM_RX}) of us\b"),
    re.compile(rf"\b(?:family|group|party|team) of (?P<n>{_EN_NUM_RX})\b"),
    re.compile(rf"\b(?P<n>{_EN_NUM_RX}) (?:pilgrims|yatris|trekkers|people|persons|friends|tourists|of my friends)\b"),
]
_ALONE = re.compile(r"就我一个人|我一个人|只有我|\b(?:i am|i'm) (?:alone|on my own|by myself)\b|\bjust me\b|\bsolo\b")
_COMPANION_ZH = r"(?:闺女|孩子|小孩|婆婆|公公|岳母|丈母娘|侄子|外甥|老婆|老公|爱人|媳妇|丈夫|妻子|同伴|朋友|同事|同学|室友|女朋友|男朋友|妈妈?|爸爸?|母亲|父亲|奶奶|爷爷|姥姥|外婆|儿子|女儿|哥哥?|姐姐?|弟弟?|妹妹?|表妹|表哥|舅舅|阿姨|队友|老伴)"
_COMPANION_EN = r"(?:wife|husband|friend|frnd|fren|mother-in-law|father-in-law|buddy|girlfriend|boyfriend|partner|mother|father|mum|mom|dad|son|daughter|brother|sister|colleague|uncle|aunt)"
_ONE_COMPANION = re.compile(rf"我{_COMPANION_ZH}|\bmy {_COMPANION_EN}\b")
_MANY_COMPANIONS = re.compile(r"我们几个|\bmy (?:friends|parents|kids|children|group)\b|\bour group\b|团里|队里|大家")
_RELAYED_ONE = re.compile(r"有个人|有一个人|一个人来的|有(?:个|一个|一位)(?:香客|游客|客人|小姑娘|姑娘|小伙子|老人|阿姨|喇嘛|女的|男的|大姐|大哥|老外|外国人|汉族\S{0,3}|藏族\S{0,3})|我(?:老公|老婆|丈夫|妻子|儿子|女儿|爸爸?|妈妈?|父亲|母亲)(?=\S{0,4}(?:去|在|一个人))|\ba (?:trekker|pilgrim|man|woman|lady|tourist)\b|"
                          r"\bsomeone\b|\bone of (?:our|my|the)\b|\bhis friend\b|\bher friend\b|\bclient\b")
_SOMEONE_ELSE = re.compile(r"我是\w{0,8}(?:开|卖|的喇嘛|的僧人|向导|司机|马夫|放牦牛|牧民|家属)|我帮\w{0,4}打的|替\w{0,4}打(?:的|电话)|\bcalling for (?:my|a|his|her)\b|\bi(?:'m| am) (?:a |the )?(?:guide|driver|owner|monk|herder|horseman)|"
                           r"\bi run\b|\bthis is \w+, (?:i'm|i am) a\b|跑过来说|打电话说|\bcame in\b")
_WITH_ONE = re.compile(r"\bme and my (?:wife|husband|friend|son|daughter|mother|father|mom|dad|brother|sister)\b|"
                       r"我和我(?:老婆|老公|朋友|儿子|女儿|妈|爸|哥|姐|弟|妹)|我们两口子|我俩|咱俩")

_CATEGORY_WORDS = {
    "cerebral_edema": r"说胡话|神志不清|意识模糊|糊涂|走路东倒西歪|站不稳.{0,4}头痛|confus|talking nonsense|not making sense|"
                      r"can'?t walk straight|staggering|drowsy|hace",
    "pulmonary_edema": r"咳.{0,4}(?:粉红|血|泡沫)|咳得很厉害|一直咳|躺下就喘|gurgl|coughing (?:up|blood|froth|a lot|badly)|"
                       r"wet cough|hape|rattl",
    "cardiac": r"胸口\S{0,2}(?:疼|痛|闷)|心口\S{0,2}(?:疼|痛)|胸闷|心脏|心慌|心跳\S{0,3}快|chest (?:pain|tight|pressure)|"
               r"tightness in (?:the |his |her |my )?chest|heart|palpitation",
    "hypothermia": r"发抖|浑身发抖|冻僵|冷得|失温|冰凉|哆嗦|shiver|hypotherm|freezing|so cold|can'?t stop shaking|"
                   r"(?:hands|feet) (?:are )?(?:ice|icy|freezing) cold",
    "fall_injury": r"摔|崴|扭伤|扭了|扭到|骨折|流血|出血|滑倒|跌|踢|fell|fall|slipped|twisted|sprain|broken|fracture|bleeding|injur|"
                   r"hurt (?:her|his|my)|kick|done (?:his|her|my) (?:knee|ankle|back)",
    "lost": r"迷路|走丢|走散|找不到路|失联|联系不上|打不通|没(?:有)?消息|\blost\b|missing|can'?t find (?:the|our) (?:way|path|trail)|"
            r"separated from|no (?:news|contact) (?:from|with)",
    "altitude_sickness": r"高反|高原反应|头\S{0,3}(?:疼|痛|晕|要炸)|呼吸\S{0,2}困难|站不稳|恶心|想吐|呕吐|一直吐|吐了|喘不(?:上|过)来?气?|喘得|嘴唇(?:发)?紫|缺氧|氧气|"
                         r"headache|dizzy|vomit|nause|breathless|can'?t breathe|short of breath|breathing problem|altitude|"
                         r"trouble breathing|not breathing properly|breathing (?:is )?(?:hard|difficult|heavy)|head (?:is )?(?:spinning|pounding)|"
                         r"lips? (?:are |is )?(?:blue|purple)|oxygen",
    "exhaustion": r"走不动|累瘫|累得不行|体力透支|挪不动|没劲|没力气|虚脱|虚得|腿软|抽筋|脚.{0,4}泡|exhaust|too weak|can'?t go on|can'?t continue|"
                  r"no strength|cramp|blisters?|too tired",
    "snow_trapped": r"大雪|雪太大|被雪|雪崩|snowed in|snow storm|blizzard|avalanche|trapped by snow",
}
_CATEGORY_RX = {k: re.compile(v) for k, v in _CATEGORY_WORDS.items()}
_SEVERE = [
    (4, "unconscious", re.compile(r"昏迷|叫不醒|叫\S{0,3}不\S{0,2}醒|没反应|昏过去|晕过去|晕倒|不省人事|没有呼吸|没呼吸|没了心跳|"
                                  r"unconscious|not waking|won'?t wake|not responding|unresponsive|passed out|"
                                  r"collapsed|not breathing|fainted")),
    (3, "bleeding", re.compile(r"流血|出血|血流不止|bleeding|blood")),
    (3, "cannot_walk", re.compile(r"走不了|走不动|站不起来|起不来|不能走|爬不起来|can'?t walk|cannot walk|unable to walk|"
                                  r"can'?t stand|cannot stand|can'?t get up")),
    (3, "chest_pain", re.compile(r"胸口\S{0,2}(?:疼|痛|闷)|心口(?:疼|痛)|胸闷|chest pain|chest tight|pain in (?:his|her|my) chest")),
    (3, "breathing_difficulty", re.compile(r"喘不(?:上|过)气|呼吸\S{0,2}困难|not breathing properly|trouble breathing|嘴唇(?:发)?紫|can'?t breathe|breathing problem|gasping|lips? (?:are )?blue")),
    (3, "confused", re.compile(r"说胡话|神志不清|意识模糊|反应慢|confus|not making sense|talking nonsense")),
]
SEVERITY_HINTS = {
    "unconscious": ("昏迷/叫不醒", "unconscious / not responding"),
    "bleeding": ("出血", "bleeding"),
    "cannot_walk": ("不能行走", "cannot walk"),
    "breathing_difficulty": ("呼吸困难", "breathing difficulty"),
    "chest_pain": ("胸痛", "chest pain"),
    "confused": ("意识不清", "confused"),
}


@dataclass(frozen=True)
class Suggestion:
    """A value for one form field, with the caller's words it was read from."""

    value: object
    words: str

    def to_json(self) -> dict:
        return {"value": self.value, "words": self.words}


@dataclass
class Suggestions:
    party_size: Suggestion | None = None
    category: Suggestion | None = None
    severity: Suggestion | None = None  # 1-4 (codes.SEVERITIES)
    severity_hints: list[Suggestion] = field(default_factory=list)  # codes of SEVERITY_HINTS
    language: Suggestion | None = None  # "zh" | "en" | "mixed" | "bo"

    def to_json(self) -> dict:
        out = {}
        for key in ("party_size", "category", "severity", "language"):
            v = getattr(self, key)
            if v is not None:
                out[key] = v.to_json()
        if self.severity_hints:
            out["severity_hints"] = [h.to_json() for h in self.severity_hints]
        return out


def _number(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if s in _EN_NUM:
        return _EN_NUM[s]
    return chinese_integer(s)


def _party(t: str) -> Suggestion | None:
    for rx in _PARTY:
        m = rx.search(t)
        if m:
            n = _number(m.group("n"))
            if n and 1 <= n <= 60:
                return Suggestion(n, m.group(0).strip())
    m = _ALONE.search(t)
    if m:
        return Suggestion(1, m.group(0))
    m = _WITH_ONE.search(t)
    if m:
        return Suggestion(2, m.group(0))
    if _SOMEONE_ELSE.search(t):  # a relayed call about one person
        m = _RELAYED_ONE.search(t)
        return Suggestion(1, m.group(0)) if m else None
    companions = {x.group(0) for x in _ONE_COMPANION.finditer(t)}
    if len(companions) == 1 and not _MANY_COMPANIONS.search(t):  # the caller and one companion
        return Suggestion(2, companions.pop())
    return None


def _language(raw: str) -> Suggestion | None:
    han = sum(1 for c in raw if "\u4e00" <= c <= "\u9fff")
    tib = sum(1 for c in raw if "\u0f00" <= c <= "\u0fff")
    latin = len(re.findall(r"[A-Za-z]{2,}", raw))
    if tib > max(han, 3):
        return Suggestion("bo", "Tibetan script")
    if han and latin >= 2 and han >= 2:
        return Suggestion("mixed", "Chinese and English words")
    if han:
        return Suggestion("zh", "Chinese")
    if latin:
        return Suggestion("en", "English")
    return None


def suggest(text: object) -> Suggestions:
    """Suggestions for the form from ``text`` (any object; never raises)."""
    out = Suggestions()
    t, _w = clean_text(text)
    if not t:
        return out
    out.party_size = _party(t)
    best, best_pos = None, None
    for code, rx in _CATEGORY_RX.items():  # ordered from the most specific to the most general
        m = rx.search(t)
        if m and code in CATEGORIES:
            best, best_pos = code, m
            break
    if best is not None:
        out.category = Suggestion(best, best_pos.group(0))
    for level, code, rx in _SEVERE:
        m = rx.search(t)
        if m:
            out.severity_hints.append(Suggestion(code, m.group(0)))
            if out.severity is None or level > out.severity.value:
                out.severity = Suggestion(level, m.group(0))
    out.language = _language(text if isinstance(text, str) else "")
    return out
