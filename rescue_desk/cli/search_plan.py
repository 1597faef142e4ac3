"""``rescue-desk search-plan``: where a missing pilgrim may be now, by section of the kora, ranked."""

from __future__ import annotations

import json

from rescue_desk.domain.clock import format_beijing, parse_time, utc_now

from . import CliError


def _time(text: str, what: str):
    try:
        return parse_time(text)
    except ValueError:
        raise CliError(f"{what} must be an ISO 8601 date and time, e.g. 2025-07-01T14:30") from None


def _name(place: str) -> str:
    """The landmark name as typed (kept to name the sighting in messages), or "" for a chainage."""
    try:
        float(place)
    except ValueError:
        return place.strip()
    return ""


def _sightings(args):
    from rescue_desk.domain.search_plan import Sighting
    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.search_plan import resolve_place

    try:
        seen = [Sighting(resolve_place(args.last_seen), _time(args.at, "--at"), _name(args.last_seen))]
        for item in args.seen:
            place, sep, when = item.rpartition("@")
            if not sep or not place.strip():
                raise CliError(f"--seen takes PLACE@ISO, e.g. Tarboche@2025-07-01T10:30 (not {item[:40]!r})")
            seen.append(Sighting(resolve_place(place), _time(when, "the time of --seen"), _name(place)))
    except ValidationError as exc:
        raise CliError(str(exc)) from None
    return seen


def _place(end: dict) -> str:
    return f"{end['landmark']} (km {end['km']:.1f}, {end['at']})"


def run_search_plan(args) -> int:
    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.search_plan import plan_as_dict, plan_search

    sightings = _sightings(args)
    now = _time(args.now, "--now") if args.now else utc_now()
    left = _time(args.left, "--left") if args.left else None
    try:
        plan = plan_search(sightings, now, direction=args.direction, left_at=left)
    except ValidationError as exc:
        raise CliError(str(exc)) from None
    data = plan_as_dict(plan)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    way = "clockwise" if plan.direction == "cw" else "counter-clockwise"
    print(f"last seen {data['last_seen_km']:.2f} km (near {data['last_seen_landmark']}) at {data['at']}, "
          f"walking {way}; {plan.elapsed_s / 3600:.1f} h ago at {format_beijing(plan.now)}")
    pace = data["pace"]
    if pace:
        speed = f"{pace['km_h']:.1f} km/h" if pace["km_h"] is not None else "not moved"
        if pace["basis"] == "left_darchen":
            print(f"left Darchen at {pace['from']['at']} (given): their pace so far, {speed}, is used")
        else:
            print(f"pace from the sightings at {_place(pace['from'])} and {_place(pace['to'])}: {speed}, used "
                  "for the walk ahead")
    print("rank  probability  km            section")
    for s in data["sections"]:
        if s["probability"] < 0.001 and not s["top"]:
            continue
        mark = "*" if s["top"] else " "
        print(f"{s['rank']:>4}{mark} {s['probability'] * 100:6.1f} %   {s['from_km']:5.1f}-{s['to_km']:5.1f}   "
              f"{s['name_zh']} / {s['name_en']}")
    print("* = the sections holding the top 80 % of the probability; sections under 0.1 % not shown")
    if data["finished_p"] >= 0.01:
        print(f"{data['finished_p'] * 100:.0f} % may already be back in Darchen (counted in the last section)")
    return 0
