"""Text clean-up for the locator: safe length, no control characters, one width, Chinese numerals.

Every function here keeps the promise that it never raises on any ``str`` input.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 4000
"""Longer descriptions are cut; a caller's words fit easily, a pasted log does not need more."""

_DIGITS = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
_CN_NUMBER = re.compile(f"[{_NUMERAL_CHARS}]+(?:[点.][{''.join(_DIGITS)}]+)?")
_MORE_THAN_HOURS = re.compile(r"(?<![\d.])(\d+)\s*个多(小时|钟头)")
_HALF_AFTER = re.compile(r"(\d+)\s*个?半")
_LONE_HALF = re.compile(r"(?<![\d.])半(?=个?(?:小时|钟头|公里|千米|里))")
_UNIT_THEN_HALF = re.compile(r"(?<![\d.])(\d+)\s*(公里|千米|里|个小时|小时|个钟头|钟头)半")
_ZH_RANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(公里|千米|米|km)?\s*(?:到|至|-|~)\s*(\d+(?:\.\d+)?)\s*(公里|千米|米|km)")
_ABOUT_ONE = re.compile(r"个把(?=小时|钟头|公里|月)|(?<![\d.])一两(?=个?(?:小时|钟头|公里))")
_ADJACENT_TENS = re.compile(r"(?<![\d.十百千])([一二两三四五六七八九])([二三四五六七八九])([十百千])")
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_ORDINAL = re.compile(r"(?<![a-z0-9])(1st|2nd|3rd|4th)(?![a-z0-9])")
_ZH_ORDINAL = re.compile(r"第\s*([1-9])(?!\d)")
_ZH_NUMBERED = re.compile(r"(?<![\d.月])([1-9一二三四五六七八九])\s*号(?=[\u4e00-\u9fff])")
_ZH_ORDINAL_COUNTER = re.compile(r"第([一二三四五六七八九])个")
_ZH_SHARED_NOUN = re.compile(r"第([一二三四五六七八九])\s*(和|与|跟|到|至|、)\s*第([一二三四五六七八九])"
                             r"((?:朝拜|补给)(?:处|点|站))")
_EN_SHARED_NOUN = re.compile(r"\b(first|second|third|fourth)\s+(and|&|to)\s+(first|second|third|fourth)\s+"
                             r"((?:prostration|supply)\s+(?:points?|stations?))")
_DEGREE_LOOKALIKES = str.maketrans({"º": "°", "˚": "°", "⁰": "°"})  # NFKC would turn these into "o" / " ̊" / "0"
_DAYPARTS = ("早上", "上午", "中午", "下午", "晚上", "凌晨", "傍晚", "早晨", "清晨")
_FOLD = str.maketrans({"ö": "o", "ü": "u", "é": "e", "è": "e", "ā": "a", "ī": "i", "ū": "u", "ô": "o",
                       "’": "'", "‘": "'", "“": '"', "”": '"', "，": ",", "。": ".", "：": ":",
                       "；": ";", "～": "~", "⟦": "[", "⟧": "]", "⟨": "<", "⟩": ">", "—": "-", "–": "-", "‐": "-", "‑": "-", "、": ","})


def clean_text(text: object) -> tuple[str, list[str]]:
    """(cleaned text, warnings). Non-strings become "", control characters become spaces,
    width and accents are folded, and text longer than ``MAX_CHARS`` is cut (with a warning)."""
    warnings: list[str] = []
    if not isinstance(text, str):
        return "", ["the description is not text"]
    if len(text) > MAX_CHARS:
        warnings.append(f"description cut to its first {MAX_CHARS} characters (it had {len(text)})")
        text = text[:MAX_CHARS]
    text = unicodedata.normalize("NFKC", text.translate(_DEGREE_LOOKALIKES))
    if not text.isprintable() and any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") and c not in "\n\t"
                                      for c in text):  # isprintable: the usual case checked at C speed
        text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in text)
        warnings.append("control characters were removed")
    text = text.translate(_FOLD)
    lower = text.lower()  # one character lower-cased to two ("İ") would shift positions: then one by one
    text = lower if len(lower) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    text = _ORDINAL.sub(lambda m: _ORDINALS[m.group(1)], text)
    text = _ZH_ORDINAL.sub(lambda m: "第" + "零一二三四五六七八九"[int(m.group(1))], text)
    text = _ZH_NUMBERED.sub(lambda m: "第" + _zh_digit(m.group(1)), text)  # "2号朝拜点" = "第二朝拜点"
    text = _ZH_ORDINAL_COUNTER.sub(r"第\1", text)  # "第二个补给点" = "第二补给点"
    text = _ZH_SHARED_NOUN.sub(r"第\1\4\2第\3\4", text)  # "第二和第三朝拜点" = "第二朝拜点和第三朝拜点"
    text = _EN_SHARED_NOUN.sub(r"\1 \4 \2 \3 \4", text)  # "second and third prostration points"
    return re.sub(r"[ \t\r\n]+", " ", text).strip(), warnings


def _zh_digit(c: str) -> str:
    return "零一二三四五六七八九"[int(c)] if c.isdigit() else c


def chinese_integer(s: str) -> int | None:
    """Value of a Chinese integer numeral ("两" 2, "十五" 15, "五百" 500, "一千二" 1200), else None."""
    if not s or any(c not in _DIGITS and c not in _UNITS for c in s):
        return None
    if all(c in _DIGITS for c in s):
        return int("".join(str(_DIGITS[c]) for c in s))
    total, section, digit, last_unit = 0, 0, None, None
    for c in s:
        if c in _DIGITS:
            if digit is not None and _DIGITS[c] != 0 and digit != 0:
                return None
            digit = _DIGITS[c]
        else:
            unit = _UNITS[c]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
            last_unit = unit
    if digit is not None:
        # "一千二" means 1200, "两百五" 250: a trailing digit counts in the next unit down
        section += digit * (last_unit // 10 if last_unit and last_unit >= 100 and s[-2] in _UNITS else 1)
    return total + section


def chinese_number(s: str) -> float | None:
    """Value of a Chinese numeral with an optional decimal part ("三点五" 3.5), else None."""
    if "点" in s or "." in s:
        whole, _, frac = s.replace(".", "点").partition("点")
        w = chinese_integer(whole)
        if w is None or not frac or any(c not in _DIGITS for c in frac):
            return None
        return float(f"{w}.{''.join(str(_DIGITS[c]) for c in frac)}")
    v = chinese_integer(s)
    return None if v is None else float(v)


def _format(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _replace_numeral(m: re.Match) -> str:
    s = m.group(0)
    prev = m.string[m.start() - 1] if m.start() else ""
    if prev == "第" or s in ("一", "万"):
        # ordinals (第一) and the bare "一" (一起, 一下, 一直) stay words; "一公里" is handled below
        nxt = m.string[m.end():m.end() + 2]
        daypart = m.string[max(0, m.start() - 2):m.start()] in _DAYPARTS
        if not (s == "一" and prev != "第" and (re.match(r"(个|公里|千米|米|小时|里|km)", nxt) or daypart)):
            return s
    if len(s) == 2 and s[0] in _DIGITS and s[1] in _DIGITS and _DIGITS[s[1]] - _DIGITS[s[0]] == 1 \
            and _DIGITS[s[0]] > 0:
        return f"{_DIGITS[s[0]]}-{_DIGITS[s[1]]}"  # "两三公里": two or three km
    if "点" in s:
        decimal = chinese_number(s)
        nxt = m.string[m.end():m.end() + 3]
        if decimal is not None and re.match(r"\s*(公里|千米|km|米|小时|个小时|钟头|里)", nxt):
            return _format(decimal)
        whole, _, frac = s.partition("点")
        wi, fi = chinese_integer(whole), chinese_integer(frac)
        if wi is None:
            return s
        if len(frac) >= 3 and all(c in _DIGITS for c in frac):  # "三十一点零五四二": a coordinate, never a clock
            return f"{wi}." + "".join(str(_DIGITS[c]) for c in frac)
        return f"{wi}点" + (str(fi) if fi is not None else frac)
    v = chinese_integer(s)
    return s if v is None else str(v)


def convert_chinese_numerals(text: str) -> str:
    """Chinese numerals to digits where they count something: "两公里" -> "2公里",
    "五百米" -> "500米", "一个半小时" -> "1.5小时", "三点五公里" -> "3.5公里", "七点半" -> "7点半".
    Ordinals (第一) and idioms with a bare 一 are left alone."""
    text = _ABOUT_ONE.sub(lambda m: "1" if m.group(0) == "个把" else "1-2", text)  # "个把小时": about an hour
    text = _ADJACENT_TENS.sub(_adjacent_range, text)  # "三四百米": 300-400 m
    out = _CN_NUMBER.sub(_replace_numeral, text)
    out = _HALF_AFTER.sub(lambda m: f"{m.group(1)}.5", out)
    out = _MORE_THAN_HOURS.sub(lambda m: f"{int(m.group(1)) + 0.3:g}个{m.group(2)}", out)  # "三个多小时": 3 h and some
    out = _UNIT_THEN_HALF.sub(lambda m: f"{m.group(1)}.5{m.group(2)}", out)  # "一公里半": 1.5 km
    out = _ZH_RANGE.sub(_joined_range, out)  # "1.5公里到2公里": one range
    return _LONE_HALF.sub("0.5", out)


def _adjacent_range(m: re.Match) -> str:
    a, b, unit = _DIGITS[m.group(1)], _DIGITS[m.group(2)], _UNITS[m.group(3)]
    if b - a != 1:
        return m.group(0)
    return f"{a * unit}-{b * unit}"


def _joined_range(m: re.Match) -> str:
    lo, u1, hi, u2 = m.groups()
    if u1 and u1 != u2:
        return m.group(0)
    return f"{lo}-{hi}{u2}"


_EN_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
               "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a couple of": 2, "couple of": 2, "couple": 2}
_EN_WORD = re.compile(r"(?<![a-z])(" + "|".join(sorted(_EN_NUMBERS, key=len, reverse=True)) + r")(?![a-z])")
_EN_MORE_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) (more|further|extra) (hours?|hrs?|minutes?|mins?|km|kilomet\w*)")
_EN_HALF = re.compile(r"(\d+)\s+and\s+a\s+half")
_EN_A_UNIT = re.compile(r"(?<![a-z0-9.])(?:an?|half\s+an?|half\s+a|(?<!a )half)\s+(?=(?:hour|km|kilomet|mile|minute|k\b))")
_EN_HUNDRED_RANGE = re.compile(r"(?<![\d.])([1-9])\s*(?:,|or|to|-)\s*([1-9])\s+100(?=\s*(?:m|meter|metre))")
_EN_HUNDRED = re.compile(r"(\d+)\s+100(?=\s*(?:m|meter|metre))")
_EN_FEW_HUNDRED = re.compile(r"(?:a\s+)?few\s+hundred(?=\s*(?:m|meter|metre))")
_EN_CLOCK_PAST = re.compile(r"\b(?:(a )?quarter|half|(\d{1,2})(?: minutes)?) past (\d{1,2})(?![\d:]|\.\d)")
_EN_CLOCK_SPACED = re.compile(r"(?<![\d.:])([1-9]|1[0-2]) ([0-5][05])(?![\d.:])"
                              r"(?=\s*(?:$|[,.!?;]|now|this|in the|am|pm|a\.m|p\.m|and|when|o'?clock))")
_EN_CLOCK_TO = re.compile(r"\b(?:(a )?quarter|(5|10|20|25)(?: minutes)?) to (\d{1,2})(?![\d:]|\.\d)"
                          r"(?=\s*(?:$|[,.!?;]|now|this|in the|and|when|[ap]\.?m\b|o'?clock))")


def _clock_past(m: re.Match) -> str:
    word = m.group(0).split()[0]
    minutes = 15 if "quarter" in m.group(0).split(" past")[0] else 30 if word == "half" else int(m.group(2))
    return f"{int(m.group(3))}:{minutes:02d}" if minutes < 60 else m.group(0)


def _clock_to(m: re.Match) -> str:
    minutes = 15 if "quarter" in m.group(0).split(" to")[0] else int(m.group(2))
    hour = int(m.group(3))
    if not 0 < minutes < 60 or not 0 < hour <= 24:
        return m.group(0)
    return f"{hour - 1 if hour > 1 else 12}:{60 - minutes:02d}"


def convert_english_numbers(text: str) -> str:
    """Number words to digits where they may count something: "two km" -> "2 km",
    "an hour and a half" handled as "1.5 hour", "half a km" -> "0.5 km", "five hundred m" -> "500 m"."""
    t = _EN_FEW_HUNDRED.sub("300", text)
    t = _EN_WORD.sub(lambda m: str(_EN_NUMBERS[m.group(1)]), t)
    t = _EN_HUNDRED_RANGE.sub(r"\g<1>00-\g<2>00", t)  # "five, six hundred metres" = 500-600 m
    t = _EN_HUNDRED.sub(lambda m: str(int(m.group(1)) * 100), t)
    t = _EN_A_UNIT.sub(lambda m: "0.5 " if m.group(0).startswith("half") else "1 ", t)
    t = re.sub(r"(?<![\d.])(\d+) (hours?|km|kilomet\w*|miles?) and a half", r"\1.5 \2", t)
    t = _EN_HALF.sub(lambda m: f"{m.group(1)}.5", t)
    t = _EN_CLOCK_PAST.sub(_clock_past, t)  # "quarter past eight" -> "8:15", "ten to nine" -> "8:50"
    t = _EN_CLOCK_TO.sub(_clock_to, t)
    t = _EN_CLOCK_SPACED.sub(r"\1:\2", t)  # "six thirty this morning" -> "6:30 this morning"
    return _EN_MORE_UNIT.sub(r"\1 \3 \2", t)  # "2 more hours" -> "2 hours more"
