"""Personal data in free text (a caller's words, notes): find it and mask it.

Callers give phone numbers the way people speak and type them — ``139 1234 5678``, ``139.1234.5678``,
``+1 415 555 0100``, ``一三九一二三四五六七八`` — plus e-mail addresses, ID card numbers (18 characters,
the last may be X) and their names (``我叫王小明``, ``my name is John Smith``). ``scrub_text`` masks all
of these and leaves what the training views need: times, dates, heights, km and coordinates.

A run of digits joined by spaces, dots, dashes or brackets is a number when it holds 7 or more digits,
unless it reads as a date (``2025-09-21``) or as decimal numbers (``31.0669 81.3119``, one dot each)."""

from __future__ import annotations

import re
from typing import Iterable

MASK = "▒▒▒"

_CN_DIGITS = "〇零一二三四五六七八九幺两洞"
_DIGIT = rf"[0-9０-９\u0f20-\u0f29{_CN_DIGITS}]"
_SEP = r"[ \t.\-–—()（）·]"
# A run of digit groups: "+86 139-1234-5678", "(0897) 260 0000", "139.1234.5678", "一三九 一二三四".
_RUN = re.compile(rf"(?<![0-9A-Za-z０-９\u0f20-\u0f29{_CN_DIGITS}])(?:\+|＋)?{_DIGIT}+(?:{_SEP}{{1,2}}{_DIGIT}+)*")
_EMAIL = re.compile(r"[\w.+\-]+(?:@|＠)[\w\-]+(?:\.[\w\-]+)+", re.ASCII)
_PASSPORT = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{1,2}\d{7,8}(?![0-9A-Za-z])")
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{6}[ \-]?\d{8}[ \-]?\d{3}[\dXx](?![0-9A-Za-z])")
_DATE = re.compile(r"^(?:19|20|21)\d\d[.\-/](?:0?[1-9]|1[0-2])[.\-/](?:0?[1-9]|[12]\d|3[01])(?:[ T.\-]\d{1,3})?$")
_DECIMALS = re.compile(r"^-?\d+(?:\.\d+)?(?:[ \t]+-?\d+(?:\.\d+)?)*$")

_HAN = r"[\u3400-\u9fff]"
# Characters that end a Chinese name: what usually follows it in a sentence.
_NAME_STOP = "在从的是了我你他她们现今刚和跟带要想已正被把给就也都还到去来说叫"
_ZH_NAME = rf"(?:(?![{_NAME_STOP}]){_HAN}){{2,4}}"
_ZH_INTRO = re.compile(rf"(我叫|我的名字(?:是|叫)|名字(?:是|叫)|姓名[:：]?\s*|本人)\s*({_ZH_NAME})")
# Common surnames and the first syllables of Tibetan given names: "我是" + one of these is a name,
# "我是游客" / "我是从拉萨来的" is not.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
             "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
             "覃武戴莫孔向汤")
_TIBETAN_STARTS = ("扎西", "次仁", "格桑", "达瓦", "旦增", "丹增", "尼玛", "多吉", "卓玛", "拉巴", "央金", "顿珠",
                   "索朗", "白玛", "平措", "巴桑", "普布", "边巴", "米玛", "洛桑", "强巴", "德吉", "仁增", "才旦",
                   "群培", "贡布", "次旦", "拉姆", "曲珍", "益西", "阿旺", "罗布", "琼达", "普琼", "加措")
_ZH_IAM = re.compile(rf"(我是|我姓)\s*((?:[{_SURNAMES}]|{'|'.join(_TIBETAN_STARTS)})(?:(?![{_NAME_STOP}]){_HAN}){{0,3}})")
_EN_NAME = r"[A-Z][a-zA-Z'\-]+(?:\s+[A-Z][a-zA-Z'\-]+){0,2}"
_EN_INTRO = re.compile(rf"(\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame:|[Cc]all me|I am|I'm)\s+)({_EN_NAME})")
_EN_NOT_NAMES = {"Chinese", "Tibetan", "Indian", "Nepali", "English", "German", "French", "American", "Lost",
                 "Darchen", "Tarchen", "Dolma", "Kailash", "Drirapuk", "Zutulpuk", "Here", "OK", "Okay", "The",
                 "A", "An", "At", "In", "On", "Near", "Not", "With", "From", "Still", "Going", "Now"}


def _is_number_to_hide(run: str) -> bool:
    digits = sum(1 for ch in run if ch.isdigit() or ch in _CN_DIGITS)
    if digits < 7:
        return False
    plain = run.strip(" \t.-–—()（）·")
    if _DATE.match(plain) or (_DECIMALS.match(plain) and "." in plain):
        return False
    return True


_DATE_IN_TEXT = re.compile(r"(?<![0-9])(?:19|20|21)\d\d([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![0-9])")


def _numbers(text: str) -> str:
    """Mask long digit runs; dates are left out of the runs, so "#12  2025-07-01" stays as it is."""
    def hide(m: re.Match) -> str:
        run = m.group(0)
        stripped = run.rstrip(" \t.-–—(（·")
        tail = run[len(stripped):]
        return MASK + tail if _is_number_to_hide(stripped) else run

    out, last = [], 0
    for date in _DATE_IN_TEXT.finditer(text):
        out.append(_RUN.sub(hide, text[last:date.start()]))
        out.append(date.group(0))
        last = date.end()
    out.append(_RUN.sub(hide, text[last:]))
    return "".join(out)


def _en_name(m: re.Match) -> str:
    words = m.group(2).split()
    if words[0] in _EN_NOT_NAMES:
        return m.group(0)
    return m.group(1) + MASK


def scrub_text(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with phone, ID and passport numbers, e-mail addresses, self-introduced names and the
    given ``names`` replaced by a mask."""
    if not text:
        return text
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, MASK)
    text = _EMAIL.sub(MASK, text)
    text = _ID_CARD.sub(MASK, text)
    text = _PASSPORT.sub(MASK, text)
    text = _numbers(text)
    text = _ZH_INTRO.sub(lambda m: m.group(1) + MASK, text)
    text = _ZH_IAM.sub(lambda m: m.group(1) + MASK, text)
    return _EN_INTRO.sub(_en_name, text)


def has_personal_data(text: str) -> bool:
    """True when ``text`` still holds something ``scrub_text`` would mask (number, e-mail, name)."""
    return bool(text) and scrub_text(text) != text


has_personal_numbers = has_personal_data
