"""Scenario files: a closed incident's story as versioned JSON, with personal data removed, to
share drills between stations. ``{"schema": "rescue-desk-scenario", "version": 1, ...}``.

Reading checks everything before anything is used: the schema and version, that the file is
complete, that every landmark it names exists here, times, positions and GPS tracks inside their
trips. Each failure raises ``ScenarioError`` with one sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .clock import BEIJING
from . import codes
from .codes import SEVERITIES
from .json_fields import REQUIRED, JsonFields, is_number
from .replay.motion import check_track_inside_trip, track_inside_trip
from .replay.privacy import has_personal_numbers, scrub_text
from .replay.story import (CallFact, CheckinFact, EstimateFact, PersonFact, ReplayError, StatusFact, Story,
                           TripFact, parse_time)

SCHEMA = "rescue-desk-scenario"
VERSION = 1
SUPPORTED_VERSIONS = (1,)
PERSONAL_KEYS = ("caller_name", "caller_phone", "name", "phone", "document_no")
MAX_BYTES = 20 * 1024 * 1024
TOP = "the scenario file"
TIME = "a time as ISO 8601 text"
ESTIMATE_KINDS = ("estimate", "correction", "position")
TRIP_TIMES = ("created_at", "departed_at", "on_scene_at", "evacuating_at", "returned_at")
EARLIEST, LATEST = datetime(1900, 1, 1, tzinfo=timezone.utc), datetime(2200, 1, 1, tzinfo=timezone.utc)


class ScenarioError(ValueError):
    """The scenario file cannot be used; the message says why in one sentence."""


_F = JsonFields(ScenarioError)


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    source: dict
    story: Story
    landmarks: tuple[str, ...]


def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat()


def scenario_key(story: Story, station: str = "") -> str:
    day = story.created_at.astimezone(BEIJING).strftime("%Y-%m-%d")
    slug = "".join(ch for ch in station.lower() if ch.isascii() and ch.isalnum())[:16] or "station"
    return f"{slug}-{day}-{story.incident_id}"


def _default_title(story: Story) -> str:
    """"高原反应 / Altitude sickness 2025-09-21": readable at this station and the next."""
    zh, en = codes.label(codes.CATEGORIES, story.category, "zh"), codes.label(codes.CATEGORIES, story.category, "en")
    return f"{zh} / {en} {story.created_at.astimezone(BEIJING):%Y-%m-%d}"


def story_to_scenario(story: Story, kora, title: str = "", station: str = "") -> dict[str, Any]:
    """The scenario document for ``story``. Names, phone and document numbers are left out, and
    numbers that look personal are masked in free text."""
    story = story.without_personal_data()
    truth = story.truth
    landmarks = []
    truth_doc = None
    if truth is not None:
        km = truth.chainage_km if truth.chainage_km is not None else kora.chainage_of(truth.lon, truth.lat)[0]
        lm = kora.nearest_landmark(km)
        landmarks.append(lm.id)
        truth_doc = {"lon": truth.lon, "lat": truth.lat, "chainage_km": round(km, 4), "landmark": lm.id,
                     "landmark_offset_km": round(km - lm.chainage_km, 3)}
    doc = {
        "schema": SCHEMA, "version": VERSION,
        "key": scenario_key(story, station), "title": title or _default_title(story),
        "source": {"station": station, "incident_id": story.incident_id, "synthetic": story.synthetic},
        "kora": {"length_km": round(kora.length_km, 3)},
        "incident": {"created_at": _iso(story.created_at), "category": story.category, "severity": story.severity,
                     "party_size": story.party_size, "status": story.status, "outcome": story.outcome,
                     "closed_at": _iso(story.closed_at), "weather_note": story.weather_note},
        "calls": [{"at": _iso(c.at), "text": c.text, "channel": c.channel, "language": c.language,
                   "party_size": c.party_size, "category": c.category, "severity": c.severity} for c in story.calls],
        "estimates": [{"at": _iso(e.at), "kind": e.kind, "lon": e.lon, "lat": e.lat, "chainage_km": e.chainage_km,
                       "radius_m": e.radius_m, "intervals_km": e.intervals_km, "method": e.method,
                       "confirmed": e.confirmed} for e in story.estimates],
        "truth": truth_doc,
        "trips": [{"id": t.id, "created_at": _iso(t.created_at), "departed_at": _iso(t.departed_at),
                   "on_scene_at": _iso(t.on_scene_at), "evacuating_at": _iso(t.evacuating_at),
                   "returned_at": _iso(t.returned_at), "approach": t.approach,
                   "track": track_inside_trip(t) if t.track else None,
                   "team_size": t.team_size,
                   "checkins": [{"at": _iso(c.at), "note": c.note, "lon": c.lon, "lat": c.lat} for c in t.checkins]}
                  for t in story.trips],
        "persons": [{"at": _iso(p.at), "age": p.age, "sex": p.sex, "origin": p.origin, "condition": p.condition,
                     "outcome": p.outcome} for p in story.persons],
        "statuses": [{"at": _iso(s.at), "status": s.status, "outcome": s.outcome} for s in story.statuses],
        "landmarks": landmarks,
    }
    return doc


def dump_scenario(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False)


def _load_json(text: str | bytes) -> Any:
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise ScenarioError("The scenario file is larger than 20 MB; it is not a scenario.")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ScenarioError("The scenario file is not UTF-8 text.") from None
    if not text.strip():
        raise ScenarioError("The scenario file is empty.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if not text.rstrip().endswith("}"):
            raise ScenarioError(f"The scenario file is truncated: it ends in the middle (line {exc.lineno}).") from None
        raise ScenarioError(f"The scenario file is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg}).") from None
    except RecursionError:
        raise ScenarioError("The scenario file is nested too deeply to be a scenario.") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise ScenarioError(f"The scenario file is not valid JSON ({exc}).") from None


def _when(obj: dict, key: str, where: str, required: bool = True) -> datetime | None:
    """``obj[key]`` as an aware UTC time (None only when not required)."""
    return _time_value(_F.value(obj, key, where, REQUIRED if required else None, TIME), where, key)


def _time_value(value: Any, where: str, key: str) -> datetime | None:
    """An ISO text as an aware UTC time between EARLIEST and LATEST; None stays None."""
    if value is None:
        return None
    place = f"{where[:1].upper()}{where[1:]}, {key!r}"
    if not isinstance(value, str):
        _F.fail(where, key, TIME, value)
    try:
        t = parse_time(value)
    except ReplayError as exc:
        raise ScenarioError(f"{place}: {exc}") from None
    except OverflowError:  # valid ISO text whose UTC time lies outside years 1-9999
        t = None
    if t is None or not EARLIEST <= t < LATEST:
        raise ScenarioError(f"{place}: {value!r} is not a plausible time (years {EARLIEST.year}-{LATEST.year - 1}).")
    return t


def _lonlat(obj: dict, where: str) -> tuple[float, float]:
    return _F.number(obj, "lon", where, lo=-180, hi=180), _F.number(obj, "lat", where, lo=-90, hi=90)


def parse_scenario(text: str | bytes, kora) -> Scenario:
    """A checked scenario from file content, with personal fields dropped if a file carries any.
    Raises ScenarioError (one sentence) for an unknown schema or version, a truncated file, a field
    of the wrong type, unknown landmarks, bad times or positions, and GPS tracks outside their trip."""
    doc = _load_json(text)
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise ScenarioError("This is not a Rescue Desk scenario file (its 'schema' is not "
                            f"{SCHEMA!r}).")
    version = doc.get("version")
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        raise ScenarioError(f"Scenario format version {version!r} is not supported; this Rescue Desk reads "
                            f"version {', '.join(map(str, SUPPORTED_VERSIONS))}.")
    for key in ("key", "incident", "calls", "estimates", "trips", "persons", "statuses", "landmarks", "truth"):
        if key not in doc:
            raise ScenarioError(f"The scenario lacks {key!r}; the file is incomplete.")
    length = _F.number(_F.obj(doc, "kora", TOP, {}), "length_km", "the scenario's 'kora'", None, lo=0)
    if length is not None and abs(length - kora.length_km) > 0.5:
        raise ScenarioError(f"The scenario was made on a {length:.1f} km route, this station's route is "
                            f"{kora.length_km:.1f} km; its positions would not match.")
    key = _F.text(doc, "key", TOP).strip()
    if not key or len(key) > 80:
        raise ScenarioError("The scenario's 'key' must be 1-80 characters.")
    names = _F.texts(doc, "landmarks", TOP)
    truth = _F.obj(doc, "truth", TOP, None)
    truth_landmark = _F.text(truth, "landmark", "the scenario's 'truth'", "") if truth else ""
    unknown = sorted({n for n in names + [truth_landmark] if n and n not in kora.gazetteer})
    if unknown:
        raise ScenarioError(f"The scenario refers to landmarks this station does not know: {', '.join(unknown)}.")
    source_doc = _F.obj(doc, "source", TOP, {})
    source = {"station": _F.text(source_doc, "station", "the scenario's 'source'", ""),
              "incident_id": _F.whole(source_doc, "incident_id", "the scenario's 'source'", None),
              "synthetic": _F.flag(source_doc, "synthetic", "the scenario's 'source'", False)}
    title = _F.text(doc, "title", TOP, "")
    story = _story(doc, kora, truth, title, source["synthetic"])
    if not story.calls:
        raise ScenarioError("The scenario has no call, so there is nothing for a trainee to read.")
    if story.truth is None:
        raise ScenarioError("The scenario has no position for the person, so a drill cannot be scored.")
    return Scenario(key=key, title=(title or key)[:120], source=source, story=story, landmarks=tuple(names))


def _story(doc: dict, kora, truth: dict | None, title: str, synthetic: bool) -> Story:
    inc = _F.obj(doc, "incident", TOP)
    where = "the scenario's 'incident'"
    created = _when(inc, "created_at", where)
    max_km = kora.length_km + 0.5
    calls = tuple(_call(c, f"call {i}") for i, c in enumerate(_F.objects(doc, "calls", TOP), start=1))
    estimates = tuple(_estimate(e, f"estimate {i}", max_km)
                      for i, e in enumerate(_F.objects(doc, "estimates", TOP), start=1))
    trips = tuple(_trip(t, i, max_km) for i, t in enumerate(_F.objects(doc, "trips", TOP), start=1))
    persons = tuple(_person(p, f"person {i}") for i, p in enumerate(_F.objects(doc, "persons", TOP), start=1))
    statuses = tuple(StatusFact(_when(s, "at", f"status {i}"), _F.text(s, "status", f"status {i}", ""),
                                _F.text(s, "outcome", f"status {i}", None))
                     for i, s in enumerate(_F.objects(doc, "statuses", TOP), start=1))
    if truth is not None:
        lon, lat = _lonlat(truth, "the scenario's 'truth'")
        km = _F.number(truth, "chainage_km", "the scenario's 'truth'", None, lo=0, hi=max_km)
        if not any(e.confirmed for e in estimates):
            at = statuses[-1].at if statuses else created
            estimates = estimates + (EstimateFact(at=at, kind="position", lon=lon, lat=lat, chainage_km=km,
                                                  method="scenario", confirmed=True),)
    return Story(incident_id=None, created_at=created, category=_F.text(inc, "category", where, "other"),
                 severity=_F.whole(inc, "severity", where, 2, lo=min(SEVERITIES), hi=max(SEVERITIES)),
                 party_size=_F.whole(inc, "party_size", where, 1, lo=1),
                 status=_F.text(inc, "status", where, "closed"), outcome=_F.text(inc, "outcome", where, None),
                 closed_at=_when(inc, "closed_at", where, required=False), calls=calls, estimates=estimates,
                 trips=trips, persons=persons, statuses=statuses,
                 weather_note=scrub_text(_F.text(inc, "weather_note", where, "")), synthetic=synthetic, title=title)


def _call(c: dict, where: str) -> CallFact:
    return CallFact(at=_when(c, "at", where), text=scrub_text(_F.text(c, "text", where, "")),
                    channel=_F.text(c, "channel", where, "phone"), language=_F.text(c, "language", where, "zh"),
                    party_size=_F.whole(c, "party_size", where, 1, lo=1),
                    category=_F.text(c, "category", where, "other"),
                    severity=_F.whole(c, "severity", where, 2, lo=min(SEVERITIES), hi=max(SEVERITIES)))


def _estimate(e: dict, where: str, max_km: float) -> EstimateFact:
    at = _when(e, "at", where)
    lon, lat = _lonlat(e, where)
    intervals = _F.items(e, "intervals_km", where, None)
    for pair in intervals or ():
        if not (isinstance(pair, list) and len(pair) == 2 and all(is_number(v) for v in pair)):
            _F.fail(where, "intervals_km", "a pair of numbers [from_km, to_km]", pair, "each entry of 'intervals_km'")
    return EstimateFact(at=at, kind=_F.choice(e, "kind", where, ESTIMATE_KINDS, "estimate"), lon=lon, lat=lat,
                        chainage_km=_F.number(e, "chainage_km", where, None, lo=0, hi=max_km),
                        radius_m=_F.number(e, "radius_m", where, None, lo=0),
                        intervals_km=None if intervals is None else [[float(a), float(b)] for a, b in intervals],
                        method=_F.text(e, "method", where, ""), confirmed=_F.flag(e, "confirmed", where, False))


def _trip(t: dict, i: int, max_km: float) -> TripFact:
    where = f"trip {i}"
    times = {k: _when(t, k, where, required=False) for k in TRIP_TIMES}
    steps = [times[k] for k in TRIP_TIMES[1:] if times[k]]
    if steps != sorted(steps):
        raise ScenarioError(f"Trip {i}'s times are out of order (departure, on scene, evacuation, return).")
    approach = _F.obj(t, "approach", where, None)
    if approach is not None:
        _F.number(approach, "road_end_km", f"trip {i}'s 'approach'", None, lo=0, hi=max_km)
        _F.choice(approach, "direction", f"trip {i}'s 'approach'", ("cw", "ccw"), None)
    track = _F.items(t, "track", where, None)
    for n, row in enumerate(track or (), start=1):
        _track_row(row, f"trip {i}'s track, fix {n}")
    checkins = tuple(_checkin(c, f"trip {i} check-in {n}")
                     for n, c in enumerate(_F.objects(t, "checkins", where, []), start=1))
    trip = TripFact(id=_F.whole(t, "id", where, i, lo=1), approach=approach, track=track, checkins=checkins,
                    team_size=_F.whole(t, "team_size", where, 0, lo=0), **times)
    try:
        check_track_inside_trip(trip)
    except ReplayError as exc:
        raise ScenarioError(str(exc)) from None
    return trip


def _track_row(row, where: str) -> None:
    if not isinstance(row, list) or len(row) < 3:
        _F.fail(where, None, "a [time, lon, lat, ele] row", row, "the fix")
    _time_value(row[0], where, "time")
    _F.number_value(row[1], where, "lon", -180, 180)
    _F.number_value(row[2], where, "lat", -90, 90)
    if len(row) > 3 and row[3] is not None:
        _F.number_value(row[3], where, "ele")


def _checkin(c: dict, where: str) -> CheckinFact:
    lon, lat = (None, None) if c.get("lon") is None and c.get("lat") is None else _lonlat(c, where)
    return CheckinFact(_when(c, "at", where), scrub_text(_F.text(c, "note", where, "")), lon, lat)


def _person(p: dict, where: str) -> PersonFact:
    return PersonFact(at=_when(p, "at", where), age=_F.whole(p, "age", where, None, lo=0, hi=130),
                      sex=_F.text(p, "sex", where, "unknown"), origin=_F.text(p, "origin", where, ""),
                      condition=scrub_text(_F.text(p, "condition", where, "")),
                      outcome=_F.text(p, "outcome", where, ""))


def personal_data_found(doc: dict) -> list[str]:
    """Where a scenario document still holds personal data (keys or number-like text); [] when clean."""
    found = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                if k in PERSONAL_KEYS and v:
                    found.append(f"{path}.{k}")
                walk(v, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if not (path.endswith(".track") and isinstance(v, list)):
                    walk(v, f"{path}[{i}]")
        elif isinstance(value, str) and has_personal_numbers(value):
            found.append(path)

    walk(doc, "$")
    return found
