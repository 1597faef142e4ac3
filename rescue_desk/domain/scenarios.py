"""Scenario files: a closed incident's story as versioned JSON, with personal data removed, to
share drills between stations. ``{"schema": "rescue-desk-scenario", "version": 1, ...}``.

Reading checks everything before anything is used: the schema and version, that the file is
complete, that every landmark it names exists here, times, positions and GPS tracks inside their
trips. Each failure raises ``ScenarioError`` with one sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .clock import BEIJING
from .replay.motion import check_track_inside_trip, track_inside_trip
from .replay.privacy import has_personal_numbers, scrub_text
from .replay.story import (CallFact, CheckinFact, EstimateFact, PersonFact, ReplayError, StatusFact, Story,
                           TripFact, parse_time)

SCHEMA = "rescue-desk-scenario"
VERSION = 1
SUPPORTED_VERSIONS = (1,)
PERSONAL_KEYS = ("caller_name", "caller_phone", "name", "phone", "document_no")
MAX_BYTES = 20 * 1024 * 1024


class ScenarioError(ValueError):
    """The scenario file cannot be used; the message says why in one sentence."""


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
        "key": scenario_key(story, station), "title": title or f"{story.category} {story.created_at:%Y-%m-%d}",
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
            text = text.decode("utf-8")
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


def _need(doc: dict, key: str, kind: type | tuple, where: str = "the file") -> Any:
    if key not in doc:
        raise ScenarioError(f"The scenario lacks {key!r} in {where}; the file is incomplete.")
    value = doc[key]
    if not isinstance(value, kind):
        raise ScenarioError(f"{key!r} in {where} has the wrong type.")
    return value


def _time(value, what: str) -> datetime | None:
    try:
        return parse_time(value)
    except ReplayError as exc:
        raise ScenarioError(f"{what}: {exc}") from None


def _lonlat(item: dict, what: str) -> tuple[float, float]:
    lon, lat = item.get("lon"), item.get("lat")
    if not isinstance(lon, (int, float)) or not isinstance(lat, (int, float)) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ScenarioError(f"{what} has no valid lon/lat.")
    return float(lon), float(lat)


def parse_scenario(text: str | bytes, kora) -> Scenario:
    """A checked scenario from file content, with personal fields dropped if a file carries any.
    Raises ScenarioError (one sentence) for an unknown schema or version, a truncated file, unknown
    landmarks, bad times or positions, and GPS tracks outside their trip."""
    doc = _load_json(text)
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise ScenarioError("This is not a Rescue Desk scenario file (its 'schema' is not "
                            f"{SCHEMA!r}).")
    version = doc.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise ScenarioError(f"Scenario format version {version!r} is not supported; this Rescue Desk reads "
                            f"version {', '.join(map(str, SUPPORTED_VERSIONS))}.")
    for key in ("key", "incident", "calls", "estimates", "trips", "persons", "statuses", "landmarks", "truth"):
        if key not in doc:
            raise ScenarioError(f"The scenario lacks {key!r}; the file is incomplete.")
    length = (doc.get("kora") or {}).get("length_km")
    if isinstance(length, (int, float)) and abs(length - kora.length_km) > 0.5:
        raise ScenarioError(f"The scenario was made on a {length:.1f} km route, this station's route is "
                            f"{kora.length_km:.1f} km; its positions would not match.")
    names = _need(doc, "landmarks", list)
    truth_doc = doc["truth"]
    if isinstance(truth_doc, dict) and truth_doc.get("landmark"):
        names = names + [truth_doc["landmark"]]
    unknown = sorted({str(n) for n in names if str(n) not in kora.gazetteer})
    if unknown:
        raise ScenarioError(f"The scenario refers to landmarks this station does not know: {', '.join(unknown)}.")
    story = _story(doc, kora)
    if not story.calls:
        raise ScenarioError("The scenario has no call, so there is nothing for a trainee to read.")
    if story.truth is None:
        raise ScenarioError("The scenario has no position for the person, so a drill cannot be scored.")
    key = str(doc["key"]).strip()
    if not key or len(key) > 80:
        raise ScenarioError("The scenario's 'key' must be 1-80 characters.")
    return Scenario(key=key, title=str(doc.get("title") or key)[:120], source=dict(doc.get("source") or {}),
                    story=story, landmarks=tuple(str(n) for n in doc["landmarks"]))


def _story(doc: dict, kora) -> Story:
    inc = _need(doc, "incident", dict)
    created = _time(_need(inc, "created_at", str, "'incident'"), "incident.created_at")
    calls = tuple(CallFact(at=_time(c.get("at"), f"call {i + 1}"), text=scrub_text(str(c.get("text") or "")),
                           channel=str(c.get("channel") or "phone"), language=str(c.get("language") or "zh"),
                           party_size=int(c.get("party_size") or 1), category=str(c.get("category") or "other"),
                           severity=int(c.get("severity") or 2))
                  for i, c in enumerate(_items(doc, "calls")))
    estimates = tuple(EstimateFact(at=_time(e.get("at"), f"estimate {i + 1}"),
                                   kind=e.get("kind") if e.get("kind") in ("estimate", "correction", "position") else "estimate",
                                   lon=_lonlat(e, f"estimate {i + 1}")[0], lat=_lonlat(e, f"estimate {i + 1}")[1],
                                   chainage_km=e.get("chainage_km"), radius_m=e.get("radius_m"),
                                   intervals_km=e.get("intervals_km"), method=str(e.get("method") or ""),
                                   confirmed=bool(e.get("confirmed")))
                      for i, e in enumerate(_items(doc, "estimates")))
    trips = []
    for i, t in enumerate(_items(doc, "trips")):
        times = {k: _time(t.get(k), f"trip {i + 1} {k}") for k in
                 ("created_at", "departed_at", "on_scene_at", "evacuating_at", "returned_at")}
        steps = [times[k] for k in ("departed_at", "on_scene_at", "evacuating_at", "returned_at") if times[k]]
        if steps != sorted(steps):
            raise ScenarioError(f"Trip {i + 1}'s times are out of order (departure, on scene, evacuation, return).")
        track = t.get("track")
        if track is not None and (not isinstance(track, list) or any(not isinstance(r, list) or len(r) < 3 for r in track)):
            raise ScenarioError(f"Trip {i + 1}'s track is not a list of [time, lon, lat, ele] rows.")
        checkins = tuple(CheckinFact(_time(c.get("at"), f"trip {i + 1} check-in"), scrub_text(str(c.get("note") or "")),
                                     c.get("lon"), c.get("lat")) for c in t.get("checkins") or [])
        trip = TripFact(id=int(t.get("id") or i + 1), approach=t.get("approach"), track=track, checkins=checkins,
                        team_size=int(t.get("team_size") or 0), **times)
        try:
            check_track_inside_trip(trip)
        except ReplayError as exc:
            raise ScenarioError(str(exc)) from None
        trips.append(trip)
    persons = tuple(PersonFact(at=_time(p.get("at"), f"person {i + 1}"), age=p.get("age"),
                               sex=str(p.get("sex") or "unknown"), origin=str(p.get("origin") or ""),
                               condition=scrub_text(str(p.get("condition") or "")), outcome=str(p.get("outcome") or ""))
                    for i, p in enumerate(_items(doc, "persons")))
    statuses = tuple(StatusFact(_time(s.get("at"), f"status {i + 1}"), str(s.get("status") or ""), s.get("outcome"))
                     for i, s in enumerate(_items(doc, "statuses")))
    truth = doc.get("truth")
    if isinstance(truth, dict) and not any(e.confirmed for e in estimates):
        lon, lat = _lonlat(truth, "'truth'")
        at = statuses[-1].at if statuses else created
        estimates = estimates + (EstimateFact(at=at, kind="position", lon=lon, lat=lat,
                                              chainage_km=truth.get("chainage_km"), method="scenario", confirmed=True),)
    return Story(incident_id=None, created_at=created, category=str(inc.get("category") or "other"),
                 severity=int(inc.get("severity") or 2), party_size=int(inc.get("party_size") or 1),
                 status=str(inc.get("status") or "closed"), outcome=inc.get("outcome"),
                 closed_at=_time(inc.get("closed_at"), "incident.closed_at"), calls=calls, estimates=estimates,
                 trips=tuple(trips), persons=persons, statuses=statuses,
                 weather_note=scrub_text(str(inc.get("weather_note") or "")),
                 synthetic=bool((doc.get("source") or {}).get("synthetic")), title=str(doc.get("title") or ""))


def _items(doc: dict, key: str) -> list[dict]:
    items = _need(doc, key, list)
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ScenarioError(f"Entry {i + 1} of {key!r} is not an object; the file is damaged.")
    return items


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
