"""How a caller's story is told, read like an experienced officer reads it.

``parse_speech`` wraps ``parser.parse_description`` (which reads clues clause by clause) with what
only the whole story shows:

* a self-correction ("不对不对, 已经过了…", "no wait, we're already past it") replaces what it
  corrects: the words before it keep only what the caller has walked past, as history;
* where they are now is the latest place said about the present; places said in the past tense
  ("中午在色雄吃的面", "we had lunch at…") are history: they constrain (behind us), not locate;
* a relayed call (a shopkeeper, guide, herder, driver, monk reporting someone else) places the
  casualty: the caller's own place is only the origin of "1 km on towards X" / "2 km behind me";
* a place the caller says they are not at ("不是岗加那边", "not at Gangjia") is not a clue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from ..kora import Kora
from .clues import Clue, ParsedDescription
from .expressions import find_expressions
from .mentions import scanner_for
from .parser import INFERRED_CCW, infer_direction, parse_description
from .scenes import SCENES
from .text import convert_chinese_numerals, convert_english_numbers

CORRECTION = re.compile(
    r"不对(?!劲)|不不|[哦噢哎]\s*不(?=[\s,，。!！]|$)|说错了|搞错了|讲错了|[啊哦噢哎呀嗯]\s*不是|不是不是|我是说|应该是(?=第|[\u4e00-\u9fff]{0,6}(?:处|点|寺))|"
    r"\bno,? wait\b|\bno,? sorry\b|\bsorry,? (?=(?:i mean|it'?s|we'?re|the|make that)\b)|\bwait,? no\b|\bsorry,? no\b|\bno no\b|\bi mean\b|\bcorrection\b|\bactually,? no\b|"
    r"\bmy mistake\b|\bscratch that\b|\bhold on\b[^.!?]{0,40}?\bno\b|\bsays no\b|\bnot (?:that|this) one\b")
_HISTORY_RELATIONS = ("past", "just_past", "left")
_LOCATING = ("at", "near", "almost", "before", "from", "past", "just_past", "toward", "between", "halfway")
_NOT_HERE = re.compile(r"(?:不是|不在|\bnot (?:at|in|near)\b|\bisn'?t\b|\bnot\b)\s*(?:the\s+)?$")

_OTHER_PERSON = re.compile(
    r"他说|她说|他们说|跑(?:过来|下来|上来)?说|来说|打电话(?:来)?说|客人|香客|游客|一个人|有个人|有人|他同伴|她同伴|"
    r"他老婆|她老公|他朋友|掉队|\bhe says\b|\bshe says\b|\bhe said\b|\bshe said\b|\btold me\b|\bhis (?:friend|wife)\b|"
    r"\bher (?:friend|husband)\b|\bclient\b|\bone of (?:our|my)\b|\ba trekker\b|\bsomeone\b|\bjust (?:phoned|called)\b|"
    r"\bcame (?:in|down|running)\b|\b(?:one|a|two|three) (?:member|of (?:my|our) (?:group|members|clients|guests))|"
    r"\bmy (?:client|passenger|guest|customer|group member)s?\b|\bour (?:client|passenger|guest|customer)s?\b|团员|队员|客户|乘客|"
    r"\bstayed behind\b|\bpilgrim came\b|\bthe (?:lady|woman|man|girl|boy|pilgrim|trekker|tourist|yatri)\b|\bporter\b")
_CALLER_AT = [
    re.compile(r"我是[^,.!?]{0,4}?(?P<m>⟦\d+⟧)[^,.!?⟦]{0,8}?(?:开|卖|做|的(?:喇嘛|僧人|老板|向导|司机|医生|牧民))"),
    re.compile(r"我(?:现在|这会儿)?(?:人)?在(?P<m>⟦\d+⟧)[^,.!?⟦]{0,8}?(?:等|守|开店|看店|上班)"),
    re.compile(r"(?:开|卖)[^,.!?⟦]{0,6}?的[^,.!?⟦]{0,4}?在(?P<m>⟦\d+⟧)[^,.!?⟦]{0,3}?(?:这|那)"),
    re.compile(r"在(?P<m>⟦\d+⟧)(?:这|那)?(?:边|里|儿)?等"),
    re.compile(r"\bi(?:'m| am)\b[^.!?⟦]{0,40}?\b(?:at|in|of)\s+(?:the\s+)?(?P<m>⟦\d+⟧)"),
    re.compile(r"\b(?:owner|keeper|manager|monk|lama|driver|guide|shopkeeper|herder|doctor|porter|staff)\s+(?:at|in|of|from)"
               r"\s+(?:the\s+)?(?P<m>⟦\d+⟧)"),
    re.compile(r"\bthis is (?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:at|in|from)\s+(?:the\s+)?(?P<m>⟦\d+⟧)"),
    re.compile(r"\bi (?:run|own|keep|have)\b[^.!?⟦]{0,30}?\b(?:at|in)\s+(?:the\s+)?(?P<m>⟦\d+⟧)"),
    re.compile(r"\b(?:calling|phoning|ringing) from\b[^.!?⟦]{0,30}?(?P<m>⟦\d+⟧)"),
    re.compile(r"\bwe(?:'re| are) (?:already|now) (?:at|in)\s+(?:the\s+)?(?P<m>⟦\d+⟧)"),
    re.compile(r"我们已经到了?(?P<m>⟦\d+⟧)"),
    re.compile(r"\bwe(?:'re| are) (?:waiting )?(?:at|in)\s+(?:the\s+)?(?P<m>⟦\d+⟧)[^.!?]{0,30}\bwaiting\b"),
]
_TOWARD = r"(?:往|向|朝|towards?|back towards?|in the direction of|the way to)\s*(?:the\s+)?"
_BEHIND_CALLER = re.compile(r"我(?:们)?后面|在我后头|\bbehind (?:me|us)\b|\bback (?:down )?the trail\b")
_AHEAD_CALLER = re.compile(r"我(?:们)?前面|\bahead of (?:me|us)\b")


def _marked(clean: str, kora: Kora) -> tuple[str, list]:
    """``clean`` with each landmark mention replaced by ⟦i⟧, and the mentions."""
    mentions = scanner_for(kora.gazetteer).find(clean)
    out, pos = [], 0
    for i, m in enumerate(mentions):
        out.append(clean[pos:m.start])
        out.append(f"⟦{i}⟧")
        pos = m.end
    out.append(clean[pos:])
    return "".join(out), mentions


def _position(pd: ParsedDescription, c: Clue) -> int:
    head = c.text.split(" … ")[0].split(" @ ")[0].split(" in ")[0]
    p = pd.text.rfind(head) if head else -1
    return p if p >= 0 else -1


def parse_speech(text: object, kora: Kora, call_time: datetime | None = None,
                 datum: str | None = None) -> ParsedDescription:
    """Every clue in ``text``, with corrections, tense, relayed calls and negations applied.
    Never raises on any input."""
    pd = parse_description(text, kora, call_time, datum)
    if not pd.text or any(c.kind == "coordinates" for c in pd.clues):
        return pd
    _apply_correction(pd, kora, call_time, datum)
    _drop_negated(pd)
    _apply_relay(pd, kora)
    _history_from_tense(pd)
    _distance_from_passed_place(pd, kora)
    _drop_naming_scenes(pd)
    _infer_direction_again(pd, kora)
    return pd


def _infer_direction_again(pd: ParsedDescription, kora: Kora) -> None:
    """The walking direction inferred from the clues as the story reads them now (a relayed caller's
    own place, a visit told as history no longer count)."""
    if pd.direction_said:
        return
    pd.warnings = [w for w in pd.warnings if not w.startswith(INFERRED_CCW)]
    pd.direction = "cw"
    infer_direction(pd, kora)


_HEADING = re.compile(r"(?:往|向|朝)\w{0,2}\s*$|\b(?:towards?|heading (?:to|for)|climbing (?:up )?to|"
                      r"(?:down|up|on the way) to)\s+(?:the\s+)?$")


def _distance_from_passed_place(pd: ParsedDescription, kora: Kora) -> None:
    """"过了宗堆 往塔钦那边又走了一公里" / "came over the pass, 500 m down towards Shiva-tsal": a
    direction word sets the direction; the distance counts from the place just passed."""
    for c in list(pd.clues):
        if c.kind != "landmark" or c.relation != "before" or c.distance_km is None:
            continue
        p = pd.text.find(c.text.split(" … ")[0])
        if p < 0 or not _HEADING.search(pd.text[max(0, p - 16):p]):
            continue
        passed = [a for a in pd.clues if a.kind == "landmark" and a.landmark_id != c.landmark_id and a.distance_km is None
                  and a.relation in ("past", "just_past", "left")]
        kx = kora.gazetteer.get(c.landmark_id).chainage_km
        gaps = [(kora.ahead_km(kora.gazetteer.get(a.landmark_id).chainage_km, kx, pd.direction), k)
                for k, a in enumerate(passed)]
        gaps = [(g, k) for g, k in gaps if 0.1 < g < 15.0]
        if not gaps:
            continue
        a = passed[min(gaps)[1]]  # "came over the pass from the Phakna Rigzin side": the pass was passed last
        pd.clues = [x for x in pd.clues if x is not a and x is not c] + [
            Clue("landmark", f"{a.text} … {c.text}", relation="toward", landmark_id=a.landmark_id,
                 other_id=c.landmark_id, distance_km=c.distance_km, distance_qualifier=c.distance_qualifier)]
        return


def _drop_naming_scenes(pd: ParsedDescription) -> None:
    """"过了第一朝拜处 就是第一次看到神山那个玛尼堆 又走了一公里": the scene only says which place
    was passed; the caller is no longer there, so it is not a clue about where they are."""
    scenes = {s.key: s for s in SCENES}
    places = [c for c in pd.clues if c.kind == "landmark" and
              (c.distance_km is not None or c.relation in ("past", "left"))]  # "just past it", "almost there": still in view
    keep = []
    for c in pd.clues:
        sc = scenes.get(c.scene) if c.kind == "scene" else None
        if sc is not None:
            named = sc.landmarks | {target for _kind, target in sc.resolves}
            if any(p.landmark_id in named for p in places):
                continue
        keep.append(c)
    pd.clues = keep


def _apply_correction(pd: ParsedDescription, kora: Kora, call_time, datum) -> None:
    hits = list(CORRECTION.finditer(pd.text))
    if not hits:
        return
    cut = hits[-1]
    before, after = pd.text[:cut.start()], pd.text[cut.end():]
    pa = parse_description(after, kora, call_time, datum, context=before)
    located = [c for c in pa.clues if c.kind in ("landmark", "between", "time", "elevation", "scene")]
    if _ORDINAL_SAID.search(after) and re.search(r"\b(?:first|second|third|fourth)\b|第[一二三四]", before):
        located = []  # "no, it's the first one": the ordinal of what was said is corrected
    if located:
        pb = parse_description(before, kora, call_time, datum)
        said_after = {c.landmark_id for c in pa.clues} | {c.other_id for c in pa.clues}
        history = [replace(c, relation="left", distance_km=None, now=False) for c in pb.clues
                   if c.kind == "landmark" and c.relation in _HISTORY_RELATIONS and c.landmark_id not in said_after]
        pd.clues = history + pa.clues
        if pa.direction_said:
            pd.direction = pa.direction
        pd.warnings.append(f"the caller corrected themselves ('{cut.group(0).strip()}'); "
                           "only what follows the correction is used")
        pd.notes.append(("corrected", {"words": cut.group(0).strip()}))
        return
    _correct_in_place(pd, before, after, cut.group(0).strip(), kora, call_time, datum)


_NOW_PAST = re.compile(r"已经过了|早就?过了|过了|翻过|\balready (?:past|passed|over|crossed)\b|\bwe(?:'re| are) past\b|"
                       r"\bpassed it\b|\bcrossed it\b|\bpast it\b|\bbelow the top\b|\bgoing down\b")
_NOW_BEFORE = re.compile(r"还没到|没到|\bnot yet\b|\bhaven'?t (?:yet )?reached\b|\bbefore it\b|\bshort of it\b")
_ORDINAL_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ORDINAL_ZH = "一二三四"
_ORDINAL_SAID = re.compile(r"\b(first|second|third|fourth) one\b|第([一二三四])个?(?![\u4e00-\u9fff]{2})")


def _correct_in_place(pd: ParsedDescription, before: str, after: str, words: str, kora: Kora, call_time, datum) -> None:
    """A correction that names no new place: "已经过了, 过了三四百米" / "no, it's the first one" /
    "是两公里": it changes the relation, the number or the ordinal of what was said before."""
    ordinal = _ORDINAL_SAID.search(after)
    if ordinal:
        n = _ORDINAL_EN[ordinal.group(1)] if ordinal.group(1) else _ORDINAL_ZH.index(ordinal.group(2)) + 1
        swapped = re.sub(r"\b(?:first|second|third|fourth)\b", list(_ORDINAL_EN)[n - 1], before)
        swapped = re.sub(r"第[一二三四]", "第" + _ORDINAL_ZH[n - 1], swapped)
        if swapped != before:  # what follows the ordinal still counts: "是第三个 过了有两百米"
            pf = parse_description(swapped + " " + _ORDINAL_SAID.sub(" ", after, count=1), kora, call_time, datum)
            if pf.clues:
                pd.clues = pf.clues
                pd.notes.append(("corrected", {"words": words}))
                return
    pb = parse_description(before, kora, call_time, datum)
    last = next((c for c in reversed(pb.clues) if c.kind == "landmark"), None)
    if last is None:
        return
    dists = find_expressions(convert_english_numbers(convert_chinese_numerals(after))).distances
    rel = "past" if _NOW_PAST.search(after) else "before" if _NOW_BEFORE.search(after) else None
    if rel is None and not dists:
        return
    fixed = replace(last, relation=rel or last.relation,
                    distance_km=dists[0].km if dists else (last.distance_km if rel in (None, last.relation) else None),
                    distance_qualifier=dists[0].qualifier if dists else last.distance_qualifier)
    if fixed.relation in ("at", "near") and fixed.distance_km is not None:
        fixed = replace(fixed, relation="from")
    pd.clues = [c for c in pb.clues if c is not last] + [fixed]
    pd.notes.append(("corrected", {"words": words}))


def _drop_negated(pd: ParsedDescription) -> None:
    """"不是岗加那边" / "not at Gangjia": the caller rules the place out."""
    keep = []
    for c in pd.clues:
        if c.kind == "landmark" and c.relation in ("at", "near") and c.distance_km is None:
            p = _position(pd, c)
            if p > 0 and _NOT_HERE.search(pd.text[max(0, p - 8):p]):
                continue
        keep.append(c)
    if len(keep) < len(pd.clues) and any(c.kind == "landmark" for c in keep):
        pd.clues = keep


def _apply_relay(pd: ParsedDescription, kora: Kora) -> None:
    if not _OTHER_PERSON.search(pd.text):
        return
    marked, mentions = _marked(pd.text, kora)
    caller = None
    for rx in _CALLER_AT:
        m = rx.search(marked)
        if m:
            caller = mentions[int(m.group("m")[1:-1])].landmark_id
            break
    if caller is None:
        return
    pd.notes.append(("relayed", {"caller_at": caller}))
    others = [c for c in pd.clues if not (c.kind == "landmark" and c.landmark_id == caller
                                          and c.relation in ("at", "near", "left", "before") and c.distance_km is None)]
    out = []
    for c in others:
        if c.kind == "landmark" and c.distance_km is not None and c.landmark_id != caller:
            name_at = next((i for i, m in enumerate(mentions) if m.landmark_id == c.landmark_id), None)
            if name_at is not None and re.search(_TOWARD + rf"⟦{name_at}⟧", marked):
                # "往尊珠寺那边走大概一公里": from the caller's place, that far towards the named place
                out.append(Clue("landmark", f"{kora.gazetteer.get(caller).short_en} … {c.text}", relation="toward",
                                landmark_id=caller, other_id=c.landmark_id, distance_km=c.distance_km,
                                distance_qualifier=c.distance_qualifier))
                continue
        if c.kind == "landmark" and c.landmark_id == caller and c.distance_km is not None:
            if _BEHIND_CALLER.search(pd.text):
                c = replace(c, relation="before")  # "他在我后面两公里"
            elif _AHEAD_CALLER.search(pd.text):
                c = replace(c, relation="past")
        out.append(c)
    behind, ahead = _BEHIND_CALLER.search(pd.text), _AHEAD_CALLER.search(pd.text)
    if (behind or ahead) and not any(c.distance_km is not None for c in out if c.kind == "landmark"):
        dists = find_expressions(convert_english_numbers(convert_chinese_numerals(pd.text))).distances
        if dists:  # "he is about 2 km behind me"
            d = dists[0]
            out.append(Clue("landmark", f"{kora.gazetteer.get(caller).short_en} … {d.text}",
                            relation="before" if behind else "past", landmark_id=caller, distance_km=d.km,
                            distance_qualifier=d.qualifier))
            out = [c for c in out if not (c.kind == "landmark" and c.landmark_id == caller and c.distance_km is None)]
    toward = next((m for i, m in enumerate(mentions) if m.landmark_id != caller
                   and re.search(_TOWARD + rf"⟦{i}⟧", marked)), None)
    if toward is not None and not any(c.distance_km is not None for c in out if c.kind == "landmark"):
        dists = find_expressions(convert_english_numbers(convert_chinese_numerals(pd.text))).distances
        if dists:  # "collapsed about two kilometres back, towards Zutul Phuk" (from the caller's place)
            d = dists[0]
            out = [c for c in out if not (c.kind == "landmark" and c.landmark_id in (caller, toward.landmark_id)
                                          and c.distance_km is None)]
            out.append(Clue("landmark", f"{kora.gazetteer.get(caller).short_en} … {toward.text}", relation="toward",
                            landmark_id=caller, other_id=toward.landmark_id, distance_km=d.km,
                            distance_qualifier=d.qualifier))
    landmarks = [c for c in out if c.kind in ("landmark", "between")]
    if landmarks and all(c.relation in _HISTORY_RELATIONS and c.distance_km is None for c in landmarks) \
            and len({c.landmark_id for c in landmarks}) == 1:
        out = [replace(c, relation="near") if c in landmarks else c for c in out]  # "stayed behind at X"
    if not [c for c in out if c.kind != "scene"]:
        out = [Clue("landmark", kora.gazetteer.get(caller).short_en, relation="near", landmark_id=caller)]
        pd.warnings.append("the casualty's own place is not said; the caller's place is used")
    pd.clues = out


_DONE_THERE = re.compile(r"[^,.!?;]{0,8}?(?:了|过(?![了去])|\b(?:had|did|took|was|were|stopped|rested)\b)")
"""Words right after a place that tell what was done there, in the past ("在湖边拍了照")."""
_DONE_BEFORE = re.compile(r"(?:到了|去了|早上|上午|中午|昨天|\bthis morning\b|\bearlier\b|\bwe were\b|\bwe had\b)"
                          r"[^,.!?;]{0,4}$")
_REFERENCE_BEFORE = re.compile(r"\b(?:above|below|behind|beyond|across from|opposite)\s+(?:the\s+)?$")
_REFERENCE_AFTER = re.compile(r"^\s*(?:的)?(?:上面|上边|后面|后边|对面|背后)(?:那个|的)?\s*(?:坡|山|山坡|山上)")


def said_as_reference(pd: ParsedDescription, c: Clue) -> bool:
    """"on the hill above the flagpole", "大经幡杆上面那个坡上": the place only says where the other is."""
    p = _position(pd, c)
    if p < 0:
        return False
    return bool(_REFERENCE_BEFORE.search(pd.text[max(0, p - 16):p])
                or _REFERENCE_AFTER.search(pd.text[p + len(c.text):p + len(c.text) + 10]))


def _history_from_tense(pd: ParsedDescription) -> None:
    """The latest place said about the present locates; earlier "at" places are history."""
    at = [c for c in pd.clues if c.kind == "landmark" and c.relation in ("at", "near") and c.distance_km is None
          and not (c.relation == "near" and said_as_reference(pd, c))]
    moved_on = [c for c in pd.clues if c.kind == "landmark" and c.distance_km is not None
                and c.relation in ("past", "just_past", "toward")]
    if at and moved_on:  # "在湖边拍了照 … 下到不动地钉 吃了饭 又走了四五百米": walked on from a later place
        last = max(_position(pd, c) for c in moved_on)
        first = lambda c: pd.text.find(c.text)  # noqa: E731  (a place said twice: the earlier saying)
        earlier = [c for c in at if 0 <= first(c) < last and (_DONE_THERE.match(pd.text, first(c) + len(c.text))
                                                               or _DONE_BEFORE.search(pd.text[max(0, first(c) - 10):first(c)]))]
        if earlier:
            pd.clues = [replace(c, relation="left") if c in earlier else c for c in pd.clues]
            at = [c for c in at if c not in earlier]
            if not at:
                pd.notes.append(("history", {"now_at": max(moved_on, key=lambda c: _position(pd, c)).landmark_id}))
                return
    if len({c.landmark_id for c in at}) < 2:
        return
    now = [c for c in at if c.now]
    current = now[-1] if now else max(at, key=lambda c: _position(pd, c))
    pd.clues = [replace(c, relation="left") if c in at and c.landmark_id != current.landmark_id else c
                for c in pd.clues]
    pd.notes.append(("history", {"now_at": current.landmark_id}))
