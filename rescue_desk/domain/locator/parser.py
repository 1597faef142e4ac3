"""From a caller's free text (English, Chinese or both) to clues: ``parse_description``."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from ..kora import Kora
from .clues import Clue, ParsedDescription
from .coordinates import datum_from_words, find_coordinates
from .expressions import Expressions, find_expressions
from .mentions import Mention, scanner_for
from .relations import left_relation, pair_relations, right_relation, says_halfway_to, way_fraction
from .generic_places import resolve_generic
from .scenes import find_scenes
from .time_clues import DEPART, time_clues
from .text import clean_text, convert_chinese_numerals, convert_english_numbers
from .unknown_words import unknown_words

BEIJING = ZoneInfo("Asia/Shanghai")

_CCW = re.compile(r"counter[\s-]?clock\s?wise|anti[\s-]?clock\s?wise|\bccw\b|reverse (?:direction|way|kora|circuit)|counter[\s-]?kora|"
                  r"the other way (?:round|around)|\bbon(?:po)?\b|逆时针|反着转|反向|反方向|倒着转|苯教|逆转|反转")
_CW = re.compile(r"(?<!counter)(?<!counter-)(?<!counter )(?<!anti)(?<!anti-)(?<!anti )clock\s?wise|顺时针")
_CLAUSE = re.compile(r"(?<!\d)\.(?!\d)|[!?;,\n]|(?<=\s)(?:and then|then|but|so)\b")
_CLIMB = re.compile(r"\bclimb|\bascend|\bgoing up|\buphill|\bup to(?:wards?)? the pass|\btowards? the pass|"
                    r"上坡|往上|爬坡|向上|上山|在爬|爬升|往垭口")
_DESCEND = re.compile(r"\bdescend|\bgoing down|\bdownhill|\bcoming down|\bdown from|下坡|往下|下山|下降|下来|下撤")
_ORPHAN_BEFORE = re.compile(r"^\s*(?:about |around |maybe |roughly )?⟨d\d+⟩ (?:before|short)\b|"
                            r"\bto go\b|\bleft\b|\bmore\b|\bremaining|\baway\b|\bbefore it|\bshort of it|"
                            r"\bstill\b|还有|还差|没到")
_WALKED_ON = (r"(?:(?:又|再|继续|然后|接着|往下|往上)\s*(?:往前|往下|往上)?\s*(?:走|爬)了|"
              r"\bthen (?:we )?(?:walked|went|continued)(?: on)?(?: for)?(?![a-z])|\bwalked on(?: for)?(?![a-z]))")
"""Walking on from the place said before: "又走了", "往下走了", "then walked", "walked on for"."""
_ORPHAN_PAST = re.compile(r"^\s*(?:about |around |maybe |roughly )?⟨d\d+⟩ (?:after|past|beyond|further)\b|"
                          r"\bpast it|\bafter it|\bbeyond it|\bago\b|\bfurther\b|\bon from|过了|之后|以后|往前|再走|"
                          + _WALKED_ON + r"|\bkept (?:on )?walking\b|\bcarried on\b")
_NOW = re.compile(r"\bnow\b|\bcurrently\b|\bright now\b|\bat the moment\b|现在|目前|此刻|这会儿")
_EARLIER = re.compile(r"\byesterday\b|\blast night\b|\bstayed\b|\bslept\b|\bspent the night|\bovernight\b|"
                      r"昨天|昨晚|前天|住了|过夜|睡在|(?:本来|原来|本)想")  # "我们住在X" alone: staying there now
_WALKED = re.compile(r"\binto the kora\b|\bwalked\b|\bhiked\b|\bcovered\b|\bdone\b|走了|已经走|转了")
_MIDDLE = re.compile(r"一半|正中间|中点|\bhalf\s?way\b|\bmidway\b|\bin the middle\b")
_STILL = re.compile(r"\bstill\b|\byet\b|\bto go\b|\bmore\b|\bahead\b|\bsign(?:post| ?board)?\b|还有|还差|还要|牌子|路牌|写着")
_SIGN = re.compile(r"\bsign(?:post| ?board)?s?\b|\b(?:board|marker|milestone)s?\b|牌子|路牌|指示牌|标牌|里程碑")
_FURTHER_ON = re.compile(r"(?:又|再|继续|往前)\w{0,4}\s*$|\b(?:another|further|more)\s*$|"
                         + _WALKED_ON + r"\s*(?:about|maybe|around|roughly)?\s*$")
_DID_THERE = re.compile(r"\s*[\u4e00-\u9fff]{1,3}了")
_HEDGE = re.compile(r"好像|应该是|应该到|可能是|可能在|也许|似乎|\bi think\b|\bi guess\b|\bprobably\b|\bnot sure\b|"
                    r"\b(?:guide|he|she|they|driver) (?:says|said|thinks|reckons)\b")
_HEDGE_AFTER = re.compile(r"\s*(?:了)?\s*(?:应该|吧|\?)")  # "快到尊珠寺了应该", "到宗堆了吧"
_STILL_TO_GO = re.compile(r"(?:就|才|就能|就可以|便)到\s*$")  # "再走四公里就到⟦0⟧了": not there yet
_FILLER_BEFORE_PLACE = re.compile(r"(?:那个|这个|就是)\s*(?=⟦)")
_ARTICLE = re.compile(r"\b(?:the|a|an)\s+(?=⟦)")



def _mark(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for s, e, token in sorted(spans):
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(token)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def parse_description(text: object, kora: Kora, call_time: datetime | None = None,
                      datum: str | None = None, context: str = "") -> ParsedDescription:
    """Every clue in ``text``; never raises on any input. ``call_time`` (aware, or naive = Beijing
    time) anchors clock times; ``datum`` forces the datum of coordinates read out; ``context`` (words
    said before ``text``, e.g. before a self-correction) only helps to read generic words."""
    clean, warnings = clean_text(text)
    pd = ParsedDescription(clean, warnings=warnings)
    if not clean:
        return pd
    if call_time is None:
        call_time = datetime.now(BEIJING)
    elif call_time.tzinfo is None:
        call_time = call_time.replace(tzinfo=BEIJING)
    if _CCW.search(clean):
        pd.direction, pd.direction_said = "ccw", _CCW.search(clean).group(0)
    elif _CW.search(clean):
        pd.direction_said = _CW.search(clean).group(0)
    pd.datum = datum or datum_from_words(clean) or "wgs84"

    spans: list[tuple[int, int, str]] = []
    home = kora.point_at(kora.length_km * 0.3)
    for r in find_coordinates(clean, pd.datum, home):
        spans.append((r.span[0], r.span[1], " ⟨c⟩ "))
        if r.problem:
            pd.problems.append(r.problem)
        else:
            pd.clues.append(Clue("coordinates", r.text, coordinate=r))
    masked = _mark(clean, [(s, e, " " * (e - s)) for s, e, _ in spans])
    scanner = scanner_for(kora.gazetteer)
    mentions = scanner.find(masked)
    for k, m in enumerate(mentions):
        lid = scanner.ordinal_supply(m.text, pd.direction)
        if lid:
            mentions[k] = replace(m, landmark_id=lid)
            pd.warnings.append(f"'{m.text}' read as the supply point of that number from Darchen "
                               f"({kora.gazetteer.get(lid).short_en}); check with the caller")
    scenes = [x for x in find_scenes(masked) if all(lid in kora.gazetteer for lid in x[0].landmarks)]
    earlier = scanner.find(clean_text(context)[0]) if context else []
    mentions = resolve_generic(mentions, masked, scenes, kora, pd.direction, earlier)
    for scene, start, end in scenes:
        inside = [m for m in mentions if m.start < end and start < m.end]
        if any(m.landmark_id in scene.landmarks for m in inside):
            continue  # "Tarboche flagpole" is the landmark itself, not a scene
        mentions = [m for m in mentions if m not in inside]  # "we can see Darchen" is a view, not a place
        pd.clues.append(Clue("scene", masked[start:end], scene=scene.key))
    for i, m in enumerate(mentions):
        spans.append((m.start, m.end, f"⟦{i}⟧"))
    skeleton = _ARTICLE.sub("", _mark(clean, spans))  # "between the ⟦0⟧ and the ⟦1⟧"
    skeleton = _FILLER_BEFORE_PLACE.sub("", skeleton)  # "到那个⟦1⟧之间"
    skeleton = convert_english_numbers(convert_chinese_numerals(skeleton))
    ex = find_expressions(skeleton)
    _relations(pd, ex, mentions, kora, call_time)
    _drop_a_departure_on_an_earlier_day(pd, skeleton)
    unknown_words(pd, _mark(clean, spans))
    if not pd.direction_said:
        infer_direction(pd, kora)
    return pd


INFERRED_CCW = "walking counter-clockwise (inferred"
_DEPARTED_DAYS_AGO = re.compile(
    r"(?:昨天|前天|大前天|(?:[两三几]|\d+)天前)[^，,。.!?！？]{0,10}(?:出发|离开|动身|走的|开始转)|"
    r"(?:出发|离开|动身)[^，,。.!?！？]{0,6}(?:已经)?(?:两|三|几|\d+)天|"
    r"\b(?:left|set off|set out|started|departed)\b[^.,;!?]{0,30}\b(?:yesterday|the day before|days ago)\b|"
    r"\b(?:yesterday|the day before yesterday|\w+ days ago)\b[^.,;!?]{0,30}\b(?:left|set off|set out|started|departed)\b")
EARLIER_DAY_ONLY = "left on an earlier day, and nothing says where they are today"


def _drop_a_departure_on_an_earlier_day(pd: ParsedDescription, skeleton: str) -> None:
    """"We left Darchen yesterday and don't know where we are": a night's stop anywhere lies between
    that departure and now, so the place left says nothing of where they are. It is set aside when it
    is the only place said and nothing else (a distance, a time, a height, a scene) is."""
    if not pd.clues or not _DEPARTED_DAYS_AGO.search(skeleton):
        return
    if len({c.landmark_id for c in pd.clues}) == 1 and all(
            c.kind == "landmark" and c.relation in ("left", "past", "just_past") and c.distance_km is None
            for c in pd.clues):
        pd.clues = []
        pd.warnings.append(EARLIER_DAY_ONLY)


def infer_direction(pd: ParsedDescription, kora: Kora) -> None:
    """"Passed Zongdui, heading for Zutul Phuk" can only be walked counter-clockwise."""
    behind = [c for c in pd.clues if c.kind == "landmark" and c.relation in ("past", "just_past", "left")]
    ahead = [c for c in pd.clues if c.kind == "landmark" and c.relation in ("before", "almost")]
    where = lambda c: pd.text.find(c.text.split(" … ")[0])  # noqa: E731
    for a in behind:
        for b in ahead:
            if where(b) < where(a):
                continue  # "day one to Dirapuk, then the pass": a place said earlier in the story is no heading
            ka, kb = (kora.gazetteer.get(x).chainage_km for x in (a.landmark_id, b.landmark_id))
            cw, ccw = kora.ahead_km(ka, kb, "cw"), kora.ahead_km(ka, kb, "ccw")
            if ccw < 0.5 * cw and ccw > 0.3:
                pd.direction = "ccw"
                pd.warnings.append(f"{INFERRED_CCW}: {a.text} behind, {b.text} ahead)")
                return


def _relations(pd: ParsedDescription, ex: Expressions, mentions: list[Mention], kora: Kora,
               call_time: datetime) -> None:
    used: set[int] = set()
    last_depart: int | None = None
    slope = "climbing" if _CLIMB.search(ex.skeleton) else "descending" if _DESCEND.search(ex.skeleton) else None
    for e in ex.elevations:
        if e.problem:
            pd.problems.append(e.problem)
        else:
            pd.clues.append(Clue("elevation", e.text, elevation_m=e.metres, slope=slope))
    clauses = [c for c in _CLAUSE.split(ex.skeleton) if c and c.strip()]
    history: list[int] = []  # mentions of earlier clauses where the walker was ("passed X", "stayed at X")
    for n, clause in enumerate(clauses):
        first_new = len(pd.clues)
        ids = [int(x) for x in re.findall(r"⟦(\d+)⟧", clause)]
        dists = [(int(m.group(1)), m.start()) for m in re.finditer(r"⟨d(\d+)⟩", clause)]
        if not ids and dists:
            _orphan_distance(pd, ex, clause, dists[0][0])
            continue
        for rel, a, b, span in pair_relations(clause):
            if a in used or b in used or mentions[a].landmark_id == mentions[b].landmark_id:
                continue
            if rel == "between" and _MIDDLE.search(clause + " " + (clauses[n + 1] if n + 1 < len(clauses) else "")):
                rel = "halfway"  # "在A和B中间，大概一半的位置"
            used.update((a, b))
            d = next((k for k, pos in dists), None) if rel == "toward" else None
            if rel == "toward" and d is None:
                rel = "between"
            fraction = None
            if rel in ("between", "halfway"):
                same = lambda k: {j for j, m in enumerate(mentions) if m.landmark_id == mentions[k].landmark_id}
                fraction = way_fraction(ex.skeleton, same(a), same(b), (mentions[a].text, mentions[b].text))
                if fraction is not None:
                    rel = "halfway"
                    used.update(same(a) | same(b))  # "离铁桥近一点" only qualifies the stretch
            pd.clues.append(Clue("between" if rel != "toward" else "landmark",
                                 f"{mentions[a].text} … {mentions[b].text}", relation=rel,
                                 landmark_id=mentions[a].landmark_id, other_id=mentions[b].landmark_id,
                                 distance_km=ex.distances[d].km if d is not None else None,
                                 distance_qualifier=ex.distances[d].qualifier if d is not None else "",
                                 fuzzy=mentions[a].fuzzy or mentions[b].fuzzy, fraction=fraction))
            if d is not None:
                dists = [x for x in dists if x[0] != d]
        following = clauses[n + 1] if n + 1 < len(clauses) else ""
        last_depart = time_clues(pd, ex, clause, following, mentions, used, call_time, last_depart, history)
        for i in ids:
            if i in used:
                continue
            used.add(i)
            pos = clause.find(f"⟦{i}⟧")
            end = pos + len(f"⟦{i}⟧")
            left = clause[:pos]
            prev_m = list(re.finditer(r"⟦\d+⟧", left))
            if prev_m:
                left = left[prev_m[-1].end():]
            right = clause[end:]
            nxt = re.search(r"⟦\d+⟧", right)
            if nxt:
                right = right[:nxt.start()]
            lrel, gap = left_relation(left[-40:])
            if gap > 25:
                lrel = None
            rrel = right_relation(right[:32])
            rel = lrel
            ahead = rrel == "before" and re.match(r"\s*(?:is |are )?(?:about |maybe )?⟨d\d+⟩\s*(?:ahead|to go|away|还有)", right)
            behind = rrel == "past" and lrel == "before" and gap > 2  # "往下走了一段 ⟦1⟧已经在我们后面了"
            if rrel and (lrel in (None, "at", "near", "from") or (lrel == "before" and rrel == "before") or ahead or behind):
                rel = rrel if not (lrel == "from" and rrel == "before") else "before"
            dist = None
            if dists:
                k, dpos = min(dists, key=lambda x: abs(x[1] - pos))
                owner = re.search(rf"离⟦(\d+)⟧\s*(?:还有|还差|有|大概|大约|差不多|\s)*⟨d{k}⟩|"
                                  rf"⟨d{k}⟩\s*(?:[a-z]+\s+){{0,2}}?(?:towards?|往|向|朝)\s*⟦(\d+)⟧|"
                                  rf"⟦(\d+)⟧[^⟦⟨]{{0,12}}?{_WALKED_ON}\s*(?:大概|大约|差不多|maybe|about|around)?\s*⟨d{k}⟩",
                                  clause)  # "翻过⟦0⟧ 往下走了⟨d0⟩ ⟦1⟧已经在后面": walked on from ⟦0⟧
                owner_i = int(next(g for g in owner.groups() if g)) if owner else None
                if owner and owner_i != i:
                    pass  # "离⟦0⟧还有两公里 ⟦1⟧早上就过了": the distance is ⟦0⟧'s
                elif owner or _nearest_mention(clause, dpos, ids) == i:
                    dist = k
                    dists = [x for x in dists if x[0] != k]
            if rel == "from" and dist is None:
                rel = "left"  # "came from X": X is behind, somewhere
            if rel == "from" and _STILL.search(clause):
                rel = "before"  # "2 km from Gangjia still"
            if rel == "before" and dist is None and left.rstrip().endswith("去") and _DID_THERE.match(right):
                rel = "left"  # "先是去曲古寺拜了拜": a visit told as history
            if rel == "before" and left.rstrip().endswith("到") and right.lstrip().startswith("了") \
                    and not (dist is not None and _STILL_TO_GO.search(left)):
                rel = "at"  # "到⟦0⟧了": arrived
            said_last = next((c for c in reversed(pd.clues) if c.kind in ("landmark", "time")), None)
            if rel is None and dist is None and said_last is not None and said_last.landmark_id == mentions[i].landmark_id:
                continue  # "crossed the Polonggu camp, the third chaktsal gang": one place named twice
            if rel is None:
                rel = "near" if dist is None else "from"
            if rel in ("past", "at") and DEPART.search(left[-12:] if left else "") and dist is None:
                last_depart = i
                rel = "left"
            if rel == "just_past" and dist is not None:
                rel = "past"
            if rel == "almost" and dist is not None:
                rel = "before"
            if rel in ("at", "near") and dist is not None and _FURTHER_ON.search(clause.split(f"⟨d{dist}⟩")[0][-24:]):
                rel = "past"  # "下到⟦0⟧ 吃了饭 又走了四五百米": that much further on
            if rel in ("at", "near") and dist is not None:
                rel = "from"
            signpost = _SIGN.search(clause) or _SIGN.search(clauses[n - 1] if n else "")
            if dist is not None and signpost and re.search(rf"⟦{i}⟧\s*(?:is\s+|还有|还剩)?⟨d{dist}⟩", clause):
                rel = "before"  # "the sign said Shiva-tsal 1 km": still to walk, whatever was passed
            if rel == "from" and dist is not None and (_STILL.search(clause) or signpost):
                rel = "before"  # "还有1公里就到⟦0⟧" / "⟦0⟧ is still 1.5 km ahead" / a signpost's distance
            d = ex.distances[dist] if dist is not None else None
            if rel in ("at", "near") and d is None and _EARLIER.search(left[-10:] + " " + right[:14]) \
                    and not _NOW.search(left[-10:]):
                rel = "left"  # "昨天住在岗加": where they were, not where they are
            earlier = history[-1] if history else last_depart
            if rel in ("before", "almost", "near", "at") and dist is None and earlier is not None \
                    and says_halfway_to(left, right):
                a = earlier
                if mentions[a].landmark_id != mentions[i].landmark_id:
                    pd.clues.append(Clue("between", f"{mentions[a].text} … {mentions[i].text}", relation="halfway",
                                         landmark_id=mentions[a].landmark_id, other_id=mentions[i].landmark_id,
                                         fuzzy=mentions[a].fuzzy or mentions[i].fuzzy))
                    continue
            if rel in ("past", "just_past", "left", "at"):
                history.append(i)
            if any(c.kind == "landmark" and c.landmark_id == mentions[i].landmark_id and c.relation == rel
                   and c.distance_km == (d.km if d else None) for c in pd.clues):
                continue  # the same place said twice ("Darchen (town)") is one clue
            pd.clues.append(Clue("landmark", mentions[i].text, relation=rel, landmark_id=mentions[i].landmark_id,
                                 distance_km=d.km if d else None, distance_qualifier=d.qualifier if d else "",
                                 fuzzy=mentions[i].fuzzy,
                                 hedged=bool(_HEDGE.search(left[-28:]) or _HEDGE_AFTER.match(right))))
        if _NOW.search(clause):
            pd.clues[first_new:] = [replace(c, now=True) for c in pd.clues[first_new:]]


def _nearest_mention(clause: str, pos: int, ids: list[int]) -> int | None:
    best, best_gap = None, 10 ** 6
    for i in ids:
        p = clause.find(f"⟦{i}⟧")
        gap = abs(p - pos)
        if gap < best_gap:
            best, best_gap = i, gap
    return best


def _orphan_distance(pd: ParsedDescription, ex: Expressions, clause: str, k: int) -> None:
    """"…almost at Dolma La, 500 m to go" / "…Hayagriva, 200 m past it": a distance in a clause of its
    own refines the last landmark clue when the clause says which way."""
    last = next((i for i in range(len(pd.clues) - 1, -1, -1) if pd.clues[i].kind == "landmark"), None)
    if last is None and _WALKED.search(clause) and not pd.clues:
        d = ex.distances[k]  # "大约走了8公里", "8 km into the kora": from the start in Darchen
        pd.clues.append(Clue("landmark", f"(start of the kora) … {d.text}", relation="past", landmark_id="darchen",
                             distance_km=d.km, distance_qualifier=d.qualifier))
        pd.warnings.append("no start place said; the distance is counted from Darchen")
        return
    if last is None or pd.clues[last].distance_km is not None:
        return
    before = _ORPHAN_BEFORE.search(clause)
    if before and not (before.group(0) == "more" and _WALKED.search(clause)):  # "walked 1 km more": further on
        rel = "before"
    elif _ORPHAN_PAST.search(clause) or before:  # "walked 1 km more": further on
        rel = "past"
    elif pd.clues[last].relation in ("past", "just_past", "left", "before", "almost"):
        rel = "before" if pd.clues[last].relation in ("before", "almost") else "past"  # "过了X, about 1 km"
    else:
        return
    d = ex.distances[k]
    pd.clues[last] = replace(pd.clues[last], relation=rel, distance_km=d.km, distance_qualifier=d.qualifier,
                             text=f"{pd.clues[last].text} … {d.text}")

