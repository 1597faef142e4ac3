"""Time clues of one clause: a clock time or a duration tied to a landmark by a departure or passing
word ("left Darchen at 7:40", "两个小时前经过曲古桥"), or a time still to walk ("还有两个小时到宗堆")."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .clues import Clue, ParsedDescription
from .expressions import ClockTime, Expressions
from .mentions import Mention

_WALKED_SO_FAR = re.compile(r"已经走了|一共走了|总共走了|走了有|(?<!过)走了(?=\s*⟨u\d+⟩[^⟦]*⟦)|\bwe(?:'ve| have)? walked (?:for )?(?=⟨u\d+⟩[^⟦]*⟦)|\bwe(?:'ve| have) (?:been )?walk(?:ed|ing) for\b")
_AT_PLACE = re.compile(r"(?:在|\bat\s|\bin\s)\s*$")
MAX_ELAPSED_S = 16 * 3600.0
"""A clock time further back than this is taken as a mistake (a kora day is shorter)."""
DEPART = re.compile(r"\bleft\b|\bleave|\b(?:walk(?:ed|ing)?|hik(?:ed|ing)|came|coming) from\b|\bstart(?:ed)?\b|"
                     r"\bbeg[au]n\b|\bset (?:off|out)|\bdepart|\bsetting off|"
                     r"出发|离开|动身|开始走|开始转|走的")
_PASS = re.compile(r"\bpass(?:ed)?\b|\bwent (?:past|by)|\bwere at\b|\bwas at\b|\breach(?:ed)?\b|\barrived?\b|"
                   r"\bcross(?:ed)?\b|\bgot to\b|\bcame (?:through|to|past|by)|经过|路过|过了|到了|到达|抵达|在|"
                   r"[过到]的|⟦\d+⟧\s*(?:at|@)\s*⟨t\d+⟩")
_DURATION_CUE = re.compile(r"\bago\b|\bback\b|\bearlier\b|\bsince\b|\bfor\b|\bfrom\b|\bwalk(?:ed|ing)?\b|"
                           r"\bhik(?:ed|ing)\b|\bafter\b|\bpast\b|"
                           r"\bbeyond\b|\bstarted\b|\bset off\b|走了|已经|前|以来|之后|后|过了|出发|动身|翻过|越过|经过|路过|"
                           r"⟨u\d+⟩\s*了")
_START_VERB = re.compile(r"\bstart(?:ed)?\b|\bbeg[au]n\b|\bset (?:off|out)|\bdepart|出发|动身|开始走|开始转")
_TO_GO = re.compile(r"⟨u\d+⟩\s*(?:away )?(?:from|to|before)\s*⟦\d+⟧[^⟦]{0,12}\b(?:still|left|to go)\b|(?:还有|还要|还差|还得|再走)[^⟨⟦,.!?]{0,6}⟨u\d+⟩|⟨u\d+⟩[^⟨⟦,.!?]{0,4}(?:就到|才到|才能到|能到)|⟨u\d+⟩\s*(?:left|more|to go|remaining|away|ahead|further|still)|"
                    r"\b(?:more|still|another)\s+⟨u\d+⟩|\bstill\b[^⟦]*\bto (?:walk|go|reach)\b")
_SINCE_CLOCK = re.compile(r"\b(?:walk|hik|go|climb)\w* since\s*⟨t\d+⟩|\bon the (?:road|trail|way) since\s*⟨t\d+⟩|"
                          r"从\s*⟨t\d+⟩\s*(?:就|开始)?(?:一直)?(?:走|转|爬)")
""""walking since 6:45", "从七点就一直走": the clock says when the walk began."""
_SINCE = re.compile(r"\bago\b|\bsince\b|前|以来|之后|以后|走了")
_CLOCK_IS_NOW = re.compile(r"(?:现在|目前|这会儿)(?:是|已经)?\s*$|\b(?:now|it'?s|it is)\s*(?:already\s*)?(?:about|around|almost|nearly|just|roughly)?\s*$")


def _resolve_clock(c: ClockTime, call_time: datetime) -> tuple[datetime | None, str | None]:
    """The most recent moment at or before ``call_time`` that the clock reading can mean."""
    hours = [c.hour] if c.explicit else [c.hour, c.hour + 12]
    cands = []
    for day in (0, -1):
        base = (call_time + timedelta(days=day)).replace(second=0, microsecond=0)
        for h in hours:
            if h > 23:
                continue
            t = base.replace(hour=h, minute=c.minute)
            if t <= call_time + timedelta(minutes=2):
                cands.append(t)
    cands = [t for t in cands if (call_time - t).total_seconds() <= MAX_ELAPSED_S]
    if not cands:
        return None, (f"the time '{c.text}' is after the call time {call_time:%H:%M} "
                      "or too long ago; not used")
    return max(cands), None


def _drop_vague_behind(pd: ParsedDescription, lid: str) -> None:
    """A time since leaving a place says more than "left X" / "past X" without a distance: keep one."""
    pd.clues[:] = [c for c in pd.clues if not (c.kind == "landmark" and c.landmark_id == lid and c.distance_km is None
                                               and c.relation in ("left", "past", "just_past"))]


def time_clues(pd: ParsedDescription, ex: Expressions, clause: str, following: str, mentions: list[Mention],
                used: set[int], call_time: datetime, last_depart: int | None, history: list[int]) -> int | None:
    """Time clues of one clause: a clock time or a duration tied to a landmark by a departure or
    passing word ("left Darchen at 7:40", "两个小时前经过曲古桥"). Returns the last departure mention."""
    tokens = [("t", int(m.group(1)), m.start()) for m in re.finditer(r"⟨t(\d+)⟩", clause)]
    tokens += [("u", int(m.group(1)), m.start()) for m in re.finditer(r"⟨u(\d+)⟩", clause)]
    depart = DEPART.search(clause) or _SINCE_CLOCK.search(clause)
    for kind, k, pos in tokens:
        if kind == "u" and _TO_GO.search(clause) and not _SINCE.search(clause):
            _time_to_go(pd, ex.durations[k], clause, pos, mentions, used, call_time)
            continue
        if kind == "u" and not _DURATION_CUE.search(clause):
            continue
        if kind == "t" and not (depart or _PASS.search(clause)):
            continue
        if kind == "t" and _CLOCK_IS_NOW.search(clause[max(0, pos - 12):pos]):
            continue  # "现在十点二十" / "it's 11 now": the call time, not an event
        if kind == "t":
            clock = ex.clocks[k]
            event, problem = _resolve_clock(clock, call_time)
            if problem:
                pd.problems.append(problem)
                continue
            elapsed, text = (call_time - event).total_seconds(), clock.text
        else:
            dur = ex.durations[k]
            elapsed, text = dur.seconds, dur.text
            event = call_time - timedelta(seconds=elapsed)
            if elapsed > MAX_ELAPSED_S:
                pd.problems.append(f"'{dur.text}' is longer than a walking day; not used")
                continue
        cands = [int(x.group(1)) for x in re.finditer(r"⟦(\d+)⟧", clause)]
        cands = [i for i in cands if i not in used] or cands
        ahead = re.search(r"⟦(\d+)⟧", following)
        if not cands and ahead and DEPART.search(following) and not re.search(r"⟨[tu]\d+⟩", following):
            i = int(ahead.group(1))
            used.add(i)
            last_depart = i
            lid, words = mentions[i].landmark_id, mentions[i].text
        elif cands and kind == "u" and not depart and _WALKED_SO_FAR.search(clause) and \
                _AT_PLACE.search(clause[:clause.find(f"⟦{min(cands, key=lambda j: abs(clause.find(f'⟦{j}⟧') - pos))}⟧")]):
            lid, words = "darchen", "(start of the kora)"  # "我们在色雄 已经走了五个小时": walked in all, not since
            pd.warnings.append("a time walked in all: counted from the start in Darchen")
        elif cands:
            i = min(cands, key=lambda j: abs(clause.find(f"⟦{j}⟧") - pos))
            used.add(i)
            if depart:
                last_depart = i
            lid, words = mentions[i].landmark_id, mentions[i].text
        elif last_depart is not None:
            lid, words = mentions[last_depart].landmark_id, mentions[last_depart].text
            _drop_vague_behind(pd, lid)
        elif history:
            lid, words = mentions[history[-1]].landmark_id, mentions[history[-1]].text
            _drop_vague_behind(pd, lid)
        elif _START_VERB.search(clause) or (kind == "t" and depart):
            lid, words = "darchen", "(start of the kora)"
            pd.warnings.append("no start place said; the walk is taken to start in Darchen")
        else:
            pd.warnings.append(f"'{text}' is not tied to a place; not used")
            continue
        pd.clues.append(Clue("time", f"{words} @ {text}", relation="since", landmark_id=lid,
                             elapsed_s=max(elapsed, 0.0), event_time=event))
    return last_depart


def _time_to_go(pd: ParsedDescription, dur, clause: str, pos: int, mentions: list[Mention], used: set[int],
                call_time: datetime) -> None:
    """"还有两个小时到宗堆" / "2 more hours to Gangjia": the walker is that far (in walking time) before
    the place named in the clause."""
    cands = [int(x.group(1)) for x in re.finditer(r"⟦(\d+)⟧", clause)]
    cands = [i for i in cands if i not in used] or cands
    if not cands:
        ahead = next((c for c in reversed(pd.clues) if c.kind == "landmark" and c.relation in ("before", "almost")), None)
        if ahead is None:
            pd.warnings.append(f"'{dur.text}' to go, but to where is not said; not used")
            return
        pd.clues.append(Clue("time", f"{ahead.text} in {dur.text}", relation="to_go", landmark_id=ahead.landmark_id,
                             elapsed_s=dur.seconds, event_time=call_time))  # "快到宗堆了，还有一个小时"
        return
    if dur.seconds > MAX_ELAPSED_S:
        pd.problems.append(f"'{dur.text}' is longer than a walking day; not used")
        return
    i = min(cands, key=lambda j: abs(clause.find(f"⟦{j}⟧") - pos))
    used.add(i)
    pd.clues.append(Clue("time", f"{mentions[i].text} in {dur.text}", relation="to_go",
                         landmark_id=mentions[i].landmark_id, elapsed_s=dur.seconds, event_time=call_time))
