"""``rescue-desk locate``: where is the caller? One description, or a JSONL batch (a stable contract).

Batch input lines: ``{"id", "text", "time"?, "lang"?, "datum"?}``; output, one line per input:
``{"id", "status": "placed"|"unplaceable"|"error", "lon", "lat", "chainage_km", "intervals_km",
"radius_m", "clues", "message"}``. A bad line gives an ``error`` record and the batch goes on.
Times without an offset are Beijing time.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime

from rescue_desk.domain.clock import BEIJING, parse_time, utc_now
from rescue_desk.domain.locator import DATUMS, LocateResult, locate
from rescue_desk.domain.locator.estimate import describe
from rescue_desk.domain.locator.explain import message_zh

from . import CliError
from .common import run_jsonl_batch, text_lang
from .station_layer import station_koras

_ERROR_FIELDS = {"lon": None, "lat": None, "chainage_km": None, "intervals_km": [], "radius_m": None, "clues": []}


def _locate(args) -> int:
    if args.batch:
        if args.text:
            raise CliError("give either a description or --batch, not both")
        return _run_batch(args)
    if args.out:
        raise CliError("--out is for --batch; a single description prints to the screen")
    if args.text is None:
        raise CliError('give the caller\'s description in quotes, e.g. rescue-desk locate "2 km past Sershong", '
                       "or --batch IN.jsonl")
    call_time = _call_time(args.time)
    result = locate(args.text, call_time=call_time, kora=station_koras(args)(call_time), datum=args.datum)
    if args.json:
        rec = result.to_record(None)
        rec["explanation"] = rec.pop("message")
        rec["explanation_zh"] = rec.pop("message_zh")
        rec["message"] = result.message
        rec["message_zh"] = message_zh(result)
        rec["corridor"] = result.corridor()
        print(json.dumps(rec, ensure_ascii=False, indent=2))
    else:
        print(readable_zh(result) if text_lang(args) == "zh" else readable(result))
    return 0


def _call_time(text: str | None) -> datetime:
    if text is None:
        return utc_now().astimezone(BEIJING)
    try:
        return parse_time(text)
    except ValueError as exc:
        raise CliError(f"--time: {exc}") from None


_STATUS = {"placed": "PLACED 已定位", "unplaceable": "UNPLACEABLE 无法定位", "error": "ERROR 错误"}


def readable_zh(r: LocateResult) -> str:
    """The screen lines in Chinese only (``--lang zh``): the officer's explanation, with the position."""
    head, *rest = r.explanation("zh").splitlines()
    lines = [("已定位：" if r.placed else "无法定位：" if r.status == "unplaceable" else "错误：") + head.removeprefix("无法定位：")]
    if r.placed:
        lines.append(f"  位置：北纬 {r.lat:.5f}，东经 {r.lon:.5f}（WGS84）")
        if r.intervals_km:
            pieces = "、".join(f"{a:.2f}–{b:.2f}" for a, b in r.intervals_km)
            lines.append(f"  90% 区间：第 {pieces} 公里（共 {r.interval_length_km():.1f} 公里）")
    lines += [f"  {x}" for x in rest]
    return "\n".join(lines)


def readable(r: LocateResult) -> str:
    """A few labelled lines (Chinese and English) for the screen."""
    lines = [f"{_STATUS[r.status]}: {r.message}"]
    if r.placed:
        lines.append(f"  position 位置:      {r.lat:.5f} N, {r.lon:.5f} E (WGS84)")
        if r.chainage_km is not None:
            lines.append(f"  chainage 里程:      km {r.chainage_km:.2f} (clockwise from Darchen 顺时针自塔钦)")
        if r.intervals_km:
            pieces = ", ".join(f"{a:.2f}-{b:.2f}" + (" (wraps 跨起点)" if a > b else "") for a, b in r.intervals_km)
            lines.append(f"  90 % interval 区间: km {pieces} ({r.interval_length_km():.1f} km)")
        if r.radius_m is not None:
            lines.append(f"  radius 半径:        {r.radius_m:.0f} m")
        if r.offset_m is not None and r.chainage_km is None:
            off = f"{r.offset_m:.0f} m" if r.offset_m < 10_000 else f"{r.offset_m / 1000:.0f} km"
            lines.append(f"  off trail 偏离路线: {off} (nearest km {r.nearest_chainage_km:.2f})")
    if r.used:
        lines.append("  clues used 已用线索: " + "; ".join(describe(c, r.kora) for c in r.used))
    if r.set_aside:
        lines.append("  set aside 未采用:    " + "; ".join(describe(c, r.kora) for c in r.set_aside))
    for c in r.conflicts:
        lines.append(f"  conflict 矛盾:      {c}")
    if len(r.readings) > 1:
        lines.append("  readings 可能位置:  " + "; ".join(
            f"{x.landmark_en} {x.landmark_zh} km {x.from_km:.1f}-{x.to_km:.1f} ({x.probability:.0%})" for x in r.readings))
    if r.question is not None:
        lines.append(f"  ask 询问:           {r.question.en} / {r.question.zh}")
    sugg = r.suggestions.to_json() if r.suggestions is not None else {}
    if sugg:
        lines.append("  suggest 建议:       " + "; ".join(
            f"{k}={v['value'] if isinstance(v, dict) else ', '.join(str(h['value']) for h in v)}" for k, v in sugg.items()))
    if r.not_understood:
        lines.append("  not understood 未识别: " + ", ".join(r.not_understood))
    for w in r.warnings:
        lines.append(f"  note 注意:          {w}")
    return "\n".join(lines)


def batch_record(line: str, lineno: int, kora, datum: str | None, now: datetime) -> dict:
    """The output record for one batch input line (an ``error`` record for a bad line; never raises).
    ``kora`` is a Kora or a function ``call_time -> Kora`` (the station layer in use that day)."""
    try:
        item = json.loads(line)
    except RecursionError:
        return {"id": None, "status": "error", **_ERROR_FIELDS, "message": f"line {lineno}: JSON nested too deeply"}
    except ValueError as exc:
        return {"id": None, "status": "error", **_ERROR_FIELDS, "message": f"line {lineno}: not valid JSON ({exc})"}
    if not isinstance(item, dict):
        return {"id": None, "status": "error", **_ERROR_FIELDS, "message": f"line {lineno}: not a JSON object"}
    rid = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": rid, "status": "error", **_ERROR_FIELDS, "message": f"line {lineno}: no \"text\" string"}
    line_datum = item.get("datum", datum)
    if line_datum is not None and line_datum not in DATUMS:
        return {"id": rid, "status": "error", **_ERROR_FIELDS,
                "message": f"line {lineno}: unknown datum {line_datum!r} (use {', '.join(DATUMS)})"}
    call_time = now
    if item.get("time") is not None:
        try:
            call_time = parse_time(str(item["time"]))
        except ValueError as exc:
            return {"id": rid, "status": "error", **_ERROR_FIELDS, "message": f"line {lineno}: time: {exc}"}
    try:
        kora_then = kora(call_time) if callable(kora) else kora  # station layer in use on the call's day
        return locate(text, call_time=call_time, kora=kora_then, datum=line_datum).to_record(rid)
    except Exception as exc:  # one bad line must never stop a logbook import
        return {"id": rid, "status": "error", **_ERROR_FIELDS,
                "message": f"line {lineno}: could not be located ({type(exc).__name__}: {exc})"}


def _run_batch(args) -> int:
    kora = station_koras(args)
    now = _call_time(args.time)
    counts = run_jsonl_batch(args.batch, args.out,
                             lambda line, lineno: batch_record(line, lineno, kora, args.datum, now))
    if args.out:
        print(f"{counts['placed']} placed, {counts['unplaceable']} unplaceable, {counts['error']} errors -> {args.out}",
              file=sys.stderr)
    return 0
