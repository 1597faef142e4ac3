"""The locator's explanation in the officer's language (Chinese here; English is in ``estimate.py``).

Lines are built from the result's structured fields (clues, readings, question, notes as codes with
parameters), so a UI in either language shows the same facts. Free-text warnings that have no code
yet stay in English.
"""

from __future__ import annotations

from ..kora import Kora
from .clues import Clue

_REL_ZH = {"at": "在{n}", "near": "在{n}附近", "almost": "快到{n}", "just_past": "刚过{n}", "past": "过了{n}",
           "left": "已经过了{n}（经过/离开）", "before": "还没到{n}", "from": "距{n}", "toward": "从{n}往{o}方向",
           "between": "在{n}和{o}之间", "halfway": "在{n}和{o}之间{f}"}
_NOTES_ZH = {
    "corrected": "报警人改口（“{words}”）：只采用改口后的说法",
    "relayed": "转报：报警人在{caller_at}，按伤员所在位置定位",
    "history": "前面提到的地点是经过的地方（历史），当前位置取最后说的“现在”所在：{now_at}",
}
_UNPLACEABLE_ZH = {
    "empty description: nothing to place": "描述为空，无法定位",
    "no landmark, distance, time, height, scene or coordinates found": "没有找到地名、距离、时间、海拔、景物或坐标，无法定位",
    "cannot place: left on an earlier day, and nothing says where they are today":
        "无法定位：是前几天出发的，没有说今天到了哪里（请问最后经过的地方）",
}


def _name(kora: Kora | None, lid: str | None) -> str:
    if kora is not None and lid in kora.gazetteer:
        return kora.gazetteer.get(lid).short_zh
    return str(lid)


def describe_zh(c: Clue, kora: Kora | None = None) -> str:
    """One short Chinese phrase for a clue: "过了色雄2公里"."""
    if c.kind == "coordinates":
        co = c.coordinate
        return f"坐标 {co.lat:.5f} N {co.lon:.5f} E（{co.format}，{co.datum}）"
    if c.kind == "elevation":
        slope = {"climbing": "，上坡", "descending": "，下坡"}.get(c.slope or "", "")
        return f"海拔 {c.elevation_m:.0f} 米{slope}"
    if c.kind == "scene":
        return f"景物“{c.text}”"
    if c.kind == "time":
        h = (c.elapsed_s or 0) / 3600
        if c.relation == "to_go":
            return f"距{_name(kora, c.landmark_id)}还要走 {h:.1f} 小时"
        return f"{h:.1f} 小时前在{_name(kora, c.landmark_id)}"
    frac = f"（约{c.fraction:.0%}处）" if c.fraction is not None else "（约一半处）" if c.relation == "halfway" else ""
    phrase = _REL_ZH.get(c.relation, "{n}").format(n=_name(kora, c.landmark_id), o=_name(kora, c.other_id), f=frac)
    if c.distance_km is not None:
        phrase += f" {c.distance_km:g} 公里"
    return phrase + ("（拼写为推测）" if c.fuzzy else "")


def message_zh(result) -> str:
    """The first line: where, how sure."""
    k = result.kora
    if result.status != "placed":
        if result.message.startswith("cannot place: ") and result.not_understood:
            return "无法定位：" + "、".join(f"“{w}”" for w in result.not_understood[:3]) + "不是本站已知的转山路上的地点（在辖区外，或需加入本站沙盘）"
        return _UNPLACEABLE_ZH.get(result.message, "无法定位：" + result.message)
    if result.chainage_km is None:
        off = result.offset_m or 0.0
        return f"坐标定位：{result.lat:.5f} N, {result.lon:.5f} E，偏离路线 {off:.0f} 米"
    if k is None:
        return f"里程 {result.chainage_km:.2f} 公里"
    seg = k.segment_at(result.chainage_km)
    near = k.nearest_landmark(result.chainage_km)
    width = result.interval_length_km()
    text = (f"里程 {result.chainage_km:.2f} 公里（{seg.label_zh}），距{near.short_zh} "
            f"{k.along_distance_km(result.chainage_km, near.chainage_km):.1f} 公里；90% 在 {width:.1f} 公里范围内")
    if len(result.intervals_km) > 1:
        text += "（分几段）"
    if result.direction == "ccw":
        text += "；逆时针转山"
    return text


def explanation_zh(result) -> str:
    """The explanation lines in Chinese."""
    k = result.kora
    lines = [message_zh(result)]
    if result.used:
        lines.append("采用：" + "；".join(describe_zh(c, k) for c in result.used))
    if result.set_aside:
        lines.append("另一种可能（与其他线索不符）：" + "；".join(describe_zh(c, k) for c in result.set_aside))
    if len(result.readings) > 1:
        lines.append("可能的位置：" + "；".join(
            f"{r.landmark_zh}附近 {r.from_km:.1f}–{r.to_km:.1f} 公里（{r.probability:.0%}）" for r in result.readings))
    if result.question is not None:
        lines.append(result.question.zh)
    for code, params in result.notes:
        named = {key: _name(k, v) if isinstance(v, str) and k is not None and v in k.gazetteer else v
                 for key, v in params.items()}
        if code in _NOTES_ZH:
            lines.append("说明：" + _NOTES_ZH[code].format(**named))
    if result.not_understood:
        lines.append("未识别：" + "、".join(f"“{w}”" for w in result.not_understood))
    lines += [f"注意（英文）：{w}" for w in result.warnings]
    return "\n".join(lines)
