"""``rescue-desk eta``: walking time between two places on the kora, one query or a JSONL batch."""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta

from rescue_desk.domain.clock import format_beijing, parse_time

from . import CliError
from .common import run_jsonl_batch

MAX_LINE_CHARS = 10_000


@dataclass(frozen=True)
class EtaQuery:
    """One validated ETA question (chainages in km, clockwise)."""

    from_km: float
    to_km: float
    depart: datetime | None = None
    walked_s: float | None = None
    walker: str = "pilgrim"
    direction: str = "cw"


# --- input parsing (pure, raises ValueError with one clear sentence) ---------------------------
def parse_place(value, kora) -> float:
    """A chainage (km, wrapped onto the loop; the data's negative town chainages allowed) or a landmark name."""
    if isinstance(value, bool) or value is None:
        raise ValueError("a place must be a chainage in km or a landmark name")
    if isinstance(value, (int, float)):
        km = float(value)
    else:
        text = str(value).strip()
        try:
            km = float(text)
        except ValueError:
            if not text:
                raise ValueError("a place must be a chainage in km or a landmark name") from None
            lm = kora.landmark(text)
            if lm is None:
                raise ValueError(f"unknown place {text[:60]!r}: give a chainage in km or a landmark name "
                                 "such as Tarboche, Chuku or Dolma La") from None
            return lm.chainage_km
    if not math.isfinite(km):
        raise ValueError("a chainage must be a finite number of km")
    if not -kora.length_km <= km <= 2 * kora.length_km:
        raise ValueError(f"chainage {km:g} km is off the loop (0 to {kora.length_km:.2f} km)")
    return km


def parse_walked(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("walked_s must be a number of seconds")
    try:
        s = float(value)
    except (TypeError, ValueError):
        raise ValueError("walked_s must be a number of seconds") from None
    if not math.isfinite(s) or s < 0 or s > 30 * 86400:
        raise ValueError("walked_s must be a number of seconds between 0 and 30 days")
    return s


def parse_depart(value) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("depart must be an ISO 8601 date and time")
    return parse_time(value)


def parse_choice(value, allowed: tuple[str, ...], name: str, default: str) -> str:
    if value is None:
        return default
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}")
    return value


def parse_batch_line(line: str, kora) -> tuple[object, EtaQuery]:
    """(id, query) from one JSONL line; ValueError (with the id when known) for anything malformed."""
    if len(line) > MAX_LINE_CHARS:
        raise ValueError("line too long")
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        raise ValueError("not a JSON object") from None
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    qid = item.get("id")
    try:
        for key in ("from_km", "to_km"):
            if key not in item:
                raise ValueError(f"missing {key}")
        query = EtaQuery(parse_place(item["from_km"], kora), parse_place(item["to_km"], kora),
                         parse_depart(item.get("depart")), parse_walked(item.get("walked_s")),
                         parse_choice(item.get("walker"), ("pilgrim", "officer"), "walker", "pilgrim"),
                         parse_choice(item.get("direction"), ("cw", "ccw"), "direction", "cw"))
    except ValueError as exc:
        raise BatchLineError(qid, str(exc)) from None
    return qid, query


class BatchLineError(ValueError):
    def __init__(self, qid, message: str):
        super().__init__(message)
        self.qid = qid


# --- running --------------------------------------------------------------------------------
def _model(args):
    from rescue_desk.domain.travel import load_walking_model, walking_model_from_file

    if args.model:
        try:
            return walking_model_from_file(args.model)
        except (OSError, ValueError, KeyError) as exc:
            raise CliError(f"cannot read the walking model {args.model}: {exc}") from None
    return load_walking_model()


def estimate(model, q: EtaQuery):
    return model.time_between(q.from_km, q.to_km, direction=q.direction, walker=q.walker,
                              depart=q.depart, walked_s=q.walked_s)


def run_eta(args) -> int:
    if args.batch:
        if args.from_ or args.to:
            raise CliError("give either --batch or --from/--to, not both")
        return _run_batch(args)
    if args.from_ is None or args.to is None:
        raise CliError("give --from and --to (a chainage in km or a landmark name), or --batch IN.jsonl")
    if args.out:
        raise CliError("--out is for --batch; a single estimate prints to the screen")
    model = _model(args)
    try:
        q = EtaQuery(parse_place(args.from_, model.kora), parse_place(args.to, model.kora),
                     parse_depart(args.depart), parse_walked(args.walked_s), args.walker, args.direction)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    est = estimate(model, q)
    if args.json:
        print(json.dumps({"from_km": round(q.from_km, 3), "to_km": round(q.to_km, 3),
                          "distance_km": round(est.distance_km, 3), "direction": q.direction,
                          "walker": q.walker, **est.as_dict(), "nights_p50": est.nights_p50}, ensure_ascii=False))
    else:
        print(_readable(model.kora, q, est))
    return 0


def _hm(seconds: float) -> str:
    minutes = int(round(seconds / 60.0))
    return f"{minutes // 60}:{minutes % 60:02d}"


def _readable(kora, q: EtaQuery, est) -> str:
    def place(km):
        lm = kora.nearest_landmark(km)
        near = kora.along_distance_km(lm.chainage_km, km)
        shown = km if 0 <= km <= kora.length_km + 0.01 else km % kora.length_km
        return f"{shown:.2f} km ({'at' if near < 0.15 else 'near'} {lm.short_en})"

    way = "clockwise" if q.direction == "cw" else "counter-clockwise"
    lines = [f"{place(q.from_km)} -> {place(q.to_km)}: {est.distance_km:.2f} km {way}, {q.walker}",
             f"walking time  P10 {_hm(est.p10_s)}   P50 {_hm(est.p50_s)}   P90 {_hm(est.p90_s)}  (h:mm)"]
    if est.nights_p50:
        lines.append(f"includes {est.nights_p50} night(s) at a lodging (pilgrims stop when the next lodging "
                     "cannot be reached before 19:30; start taken as 08:00 if --depart is not given)")
    if q.depart is not None:
        start = q.depart + timedelta(seconds=q.walked_s or 0.0)
        arr = [format_beijing(start + timedelta(seconds=s)) for s in (est.p10_s, est.p50_s, est.p90_s)]
        lines.append(f"arrival (Beijing time)  P10 {arr[0]}   P50 {arr[1]}   P90 {arr[2]}")
    return "\n".join(lines)


def _batch_record(model, line: str) -> dict:
    try:
        qid, q = parse_batch_line(line, model.kora)
        return {"id": qid, **estimate(model, q).as_dict()}
    except BatchLineError as exc:
        return {"id": exc.qid, "status": "error", "message": str(exc)}
    except ValueError as exc:
        return {"id": None, "status": "error", "message": str(exc)}


def _run_batch(args) -> int:
    model = _model(args)
    counts = run_jsonl_batch(args.batch, args.out, lambda line, _lineno: _batch_record(model, line))
    if args.out:
        print(f"{counts['ok']} estimates, {counts['error']} errors -> {args.out}", file=sys.stderr)
    return 0
