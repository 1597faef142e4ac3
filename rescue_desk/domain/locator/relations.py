"""Relation words around a landmark mention in a text skeleton (``⟨d0⟩ past ⟦0⟧``, ``离⟦0⟧还有⟨d0⟩``).

``left_relation`` looks at the words just before a mention, ``right_relation`` at the words just
after it; the nearest cue wins. ``pair_relations`` finds two-landmark phrases (between A and B,
from A to B, halfway, A往B方向).
"""

from __future__ import annotations

import re

M = r"⟦(?P<{0}>\d+)⟧"

_LEFT_CUES = [
    ("just_past", r"\bjust (?:past|passed|after|crossed|over|beyond|left|gone past)|\brecently passed|"
                  r"\b(?:right|shortly|a (?:little|bit)|not far) (?:after|past|beyond|below)|刚刚?从|"
                  r"刚刚?(?:过了?|经过了?|翻过了?|越过了?|离开了?|走过了?|下了?(?=⟦))"),
    ("almost", r"\b(?:almost|nearly) (?:at|to|reach(?:ed)?|there at)?|\bapproaching|\babout to reach|"
               r"\bclose to reaching|\bjust before|\bjust below|\bnot far (?:before|from reaching)|"
               r"快到了?|马上(?:就)?到|就要到|快要到|即将到(?:达)?|接近"),
    ("past", r"\bfrom (?:the |our |my )?(?:hotel|guest ?house|hostel|inn|lodge|camp|tent|room|homestay)s? (?:in|at)|\bpast|\bpass?ed|\bahead of|\bafter|\bbeyond|\bcrossed|\bover|\bwent by|\bleaving|\bleft|\bsince|"
             r"过了|经过了?|翻过了?|越过了?|走过了?|离开了?|出了|下了|过"),
    ("before", r"\bbefore|\bbfore|\bbefor\b|\bb4|\bshort of|\bnot yet (?:at|reached?|to)?|\b(?:have|has)n'?t (?:yet )?reached|"
               r"\bhave not (?:yet )?reached|\bnot reached|\bto go (?:to|until|before)|\buntil|\btill|"
               r"\btowards?|\bheading (?:to|for|towards?)|\bon (?:the|our) way (?:up )?to|\bway to|"
               r"\bbelow|\bto reach|\bto get to|\bto|\bup to|\bclimbing to|\bgoing to|\bwalking to|\bfrom reaching|\bbefore reaching|\bshort of reaching|还没到|没到|未到|还没有到|还差|往|去|向|朝|前往|回(?=⟦)|到(?=⟦)"),
    ("from", r"\bfrom|\baway from|离|距离?|距|从"),
    ("near", r"\bnear(?:by)?|\baround|\bby|\bnext to|\bbeside|\bclose to|\bopposite|\boutside|\bnot far from|"
             r"\bsomewhere near"),
    ("at", r"\b(?:calling|phoning|ringing|calling you|this is) from|\bat|\bin|\binside|\bvisit(?:ing|ed)?|参观了?|\breached|\barrived at|\bon top of|\bcame to|\bgot to|\bmade it to|在|就在|位于|到了|到达了?|抵达了?|"
           r"刚刚?到|已经到|终于到|[下走爬来回赶跑]到(?=⟦)"),
]
_RIGHT_CUES = [
    ("left", r"^\s*(?:那边|这边|那里|这里|那儿)?\s*(?:出发|离开|动身|出来)"),  # "从岗加那边出来的"
    ("just_past", r"^\s*(?:再)?(?:往前|过去|前面)(?:一点点?|一些|一小段|不远)"),
    ("almost", r"^\s*(?:快到了|就到了|马上到了?|不远了?|很近了?)"),
    ("past", r"^\s*(?:之后|以后|后面|后边|后|过去|往前|再往前|向前|那边过来|(?:(?!没)[\u4e00-\u9fff]){0,3}?(?:已经|早就?|都|刚|就)?(?:走|翻|经)?过了|(?:已经|早就?|都)?在?(?:我们|咱们|我)?的?(?:后面|后边|身后)|"
             r"(?:(?:is|was|lies|are) )?(?:now )?(?:⟨d\d+⟩ )?behind)"),
    ("before", r"^\s*(?:之前|以前|前面|前边|前|还有|还差|"
               r"(?:(?:is|lies|are) )?(?:still )?(?:⟨d\d+⟩ )?(?:ahead|in front|away|further on|to go|left)\b|"
               r"(?:[a-z']+ ){0,3}(?:⟨d\d+⟩ )?(?:ahead|in front|further on|further ahead|more to go|to go)\b)"),
    ("near", r"^\s*(?:附近|旁边|边上|一带|周围|这边|那边|下面|下边|上面|上边|\bnearby|\barea|\bsurroundings)"),
    ("at", r"^\s*(?:这里|这儿|那里|那儿|里面|门口)"),
]
_LEFT = [(rel, re.compile(f"(?:{p})(?![a-z])")) for rel, p in _LEFT_CUES]  # "in" inside "injured" is no cue
_RIGHT = [(rel, re.compile(p)) for rel, p in _RIGHT_CUES]

_HALFWAY_TO_ZH = re.compile(r"^\s*(?:的)?(?:一半|半路)")

_PAIRS = [  # "toward" phrases say a direction; without a distance they mean "between"
    ("halfway", re.compile(r"\b(?:halfway|half way|midway|in the middle)\s+(?:between\s+|from\s+|of\s+)?" + M.format("a")
                           + r"\s*(?:and|to|&|-)\s*" + M.format("b"))),
    ("between", re.compile(r"\bbetween\s+" + M.format("a") + r"\s*(?:and|&|to|-)\s*" + M.format("b"))),
    ("toward", re.compile(r"\bfrom\s+" + M.format("a") + r"\s*(?:towards?|in the direction of|heading (?:to|for)|"
                          r"on the (?:way|road|trail) (?:to|up to|down to)|going to|to|up to|down to)\s*"
                          + M.format("b"))),
    ("toward", re.compile(M.format("a") + r"\s*(?:往|向|朝)\s*" + M.format("b") + r"\s*(?:方向|那边)")),
    ("halfway", re.compile(M.format("a") + r"\s*(?:和|与|跟|到|至|-|~|、)\s*" + M.format("b")
                           + r"\s*(?:的)?(?:正中间|一半|半路上?|中点)")),
    ("between", re.compile(M.format("a") + r"\s*(?:和|与|跟|、)\s*" + M.format("b")
                           + r"\s*(?:的)?(?:之间|中间|路上|途中|中途|路段|那?一?段路?上?)")),
    ("toward", re.compile(M.format("a") + r"\s*(?:到|至|往|去|-|~)\s*" + M.format("b")
                          + r"\s*(?:的)?(?:之间|中间|路上|途中|中途|路段|那?一?段路?上?)")),
    ("toward", re.compile(r"从\s*" + M.format("a") + r"\s*(?:那里|这里|那边|这边)?\s*(?:出发|出来|过来)?\s*(?:到|去|往|至|向|朝)\s*"
                          + M.format("b"))),
    ("between", re.compile(M.format("a") + r"\s*,?\s*on (?:the )?" + M.format("b") + r"\s*side\b")),
    ("between", re.compile(M.format("b") + r"\s*side of (?:the )?" + M.format("a"))),
    ("between", re.compile(M.format("a") + r"\s*(?:and|&)\s*" + M.format("b") + r"\s*(?:halfway|midway)?")),
]


def pair_relations(clause: str) -> list[tuple[str, int, int, tuple[int, int]]]:
    """(relation, mention a, mention b, span) for two-landmark phrases in ``clause``."""
    out, taken = [], []
    for rel, rx in _PAIRS:
        for m in rx.finditer(clause):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if rel == "between" and rx is _PAIRS[-1][1] and not re.search(r"\bbetween\b", clause[:m.start()][-12:]):
                continue
            taken.append((m.start(), m.end()))
            out.append((rel, int(m.group("a")), int(m.group("b")), (m.start(), m.end())))
    return out


def left_relation(window: str) -> tuple[str | None, int]:
    """(relation, distance in chars from the mention) of the nearest cue at the end of ``window``."""
    best, best_gap, best_len = None, 10 ** 6, 0
    marked = window + "⟦"  # cues may look ahead at the mention ("到⟦0⟧")
    for rel, rx in _LEFT:
        for m in rx.finditer(marked, 0, len(marked)):
            if m.end() > len(window):
                continue
            gap = len(window) - m.end()
            if gap < best_gap or (gap == best_gap and m.end() - m.start() > best_len):
                best, best_gap, best_len = rel, gap, m.end() - m.start()
    return best, best_gap


def says_halfway_to(left: str, right: str) -> bool:
    """"halfway to ⟦B⟧" / "走到⟦B⟧的一半": the walker is half way from an earlier place to this one."""
    return bool(re.search(r"\b(?:half\s?way|midway)\s+(?:to|towards?|up to)\s*$", left)
                or _HALFWAY_TO_ZH.search(right))


def right_relation(window: str) -> str | None:
    """The relation a cue right after a mention gives ("⟦0⟧之后", "⟦0⟧还有", "⟦0⟧附近"), or None."""
    for rel, rx in _RIGHT:
        if rx.search(window):
            return rel
    return None


_FRACTIONS = [(re.compile(r"[三3]分之[一1]|\b(?:a|one|1) third\b|1/3"), 1 / 3),
              (re.compile(r"[三3]分之[二2]|\b(?:two|2) thirds?\b|2/3"), 2 / 3),
              (re.compile(r"[四4]分之[一1]|\b(?:a|one|1) quarter\b|1/4"), 0.25),
              (re.compile(r"[四4]分之[三3]|\b(?:three|3) quarters?\b|3/4"), 0.75),
              (re.compile(r"一半|半路|正中间|\bhalf\s?way\b|\bmidway\b|\bin the middle\b"), 0.5)]


_REMAINING_BEFORE = re.compile(r"(?:剩|剩下|还有|还差)\s*(?:大概|差不多|约)?\s*$")
_REMAINING_AFTER = re.compile(r"^\s*(?:of (?:the|it) )?(?:left|to go|remaining|still to)")
_CLOSER = re.compile(r"离(\w{1,8}?)(?:比较|更)?近")


def way_fraction(text: str, a: set[int], b: set[int], names: tuple[str, str] = ("", "")) -> float | None:
    """How far from A towards B the words put the walker: "三分之一" 1/3, "离B近一点" / "closer to B"
    0.75, "刚过A没多远" / "just past A" 0.25, "快到B" 0.8 (``a`` / ``b``: the mention numbers of A and B;
    ``names``: how A and B were said, for "离驿站近一点" said with part of a name). The first fraction
    said counts; "还剩三分之一" is the part still to walk."""
    said = sorted((m.start(), m.end(), f) for rx, f in _FRACTIONS for m in rx.finditer(text))
    if said:
        start, end, f = said[0]
        remaining = _REMAINING_BEFORE.search(text[max(0, start - 8):start]) or _REMAINING_AFTER.search(text[end:end + 20])
        return 1 - f if remaining else f
    for ids, near_f, name in ((b, 0.75, names[1]), (a, 0.25, names[0])):
        for i in ids:
            m = f"⟦{i}⟧"
            if re.search(f"离{m}(?:比较|更)?近|(?:closer|nearer) to (?:the )?{m}|{m}\\s*(?:更|比较)近", text):
                return near_f
        part = _CLOSER.search(text)
        if part and len(part.group(1)) >= 2 and "⟦" not in part.group(1) and part.group(1) in name:
            return near_f  # "马头明王驿站 … 离驿站近一点"
    for i in a:
        if re.search(f"刚过了?{'⟦'}{i}⟧|just (?:past|after|crossed) (?:the )?⟦{i}⟧", text):
            return 0.25
    for i in b:
        if re.search(f"快到了?⟦{i}⟧|almost at (?:the )?⟦{i}⟧|nearly at (?:the )?⟦{i}⟧", text):
            return 0.8
    return None
