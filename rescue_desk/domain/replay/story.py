"""What happened in one incident, as plain facts folded from the event log (or read from a
scenario file): calls, position estimates and corrections, trips with their times and tracks,
check-ins, persons, status changes. Replay, drills and scenarios all work on a ``Story``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Iterable, Optional


class ReplayError(ValueError):
    """The incident or scenario cannot be replayed; the message says why in one sentence."""


@dataclass(frozen=True)
class EventRecord:
    """One row of the event log as plain data (see ``storage/events.py``)."""

    id: int
    at: datetime
    entity: str
    entity_id: Optional[int]
    action: str
    incident_id: Optional[int]
    before: Optional[dict[str, Any]] = None
    after: Optional[dict[str, Any]] = None
    actor: str = ""
    operation: str = ""


@dataclass(frozen=True)
class CallFact:
    at: datetime
    text: str
    channel: str = "phone"
    language: str = "zh"
    party_size: int = 1
    category: str = "other"
    severity: int = 2
    caller_name: str = ""
    caller_phone: str = ""


@dataclass(frozen=True)
class EstimateFact:
    """A position the desk held from ``at`` on. ``kind``: "estimate" (first), "correction" (a later
    estimate) or "position" (a reported/confirmed position, e.g. the team's GPS on scene)."""

    at: datetime
    kind: str
    lon: float
    lat: float
    chainage_km: Optional[float] = None
    radius_m: Optional[float] = None
    intervals_km: Optional[list] = None
    method: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class CheckinFact:
    at: datetime
    note: str = ""
    lon: Optional[float] = None
    lat: Optional[float] = None


@dataclass(frozen=True)
class TripFact:
    """A rescue trip. ``track`` rows are ``[iso_time, lon, lat, ele]`` as ``Trip.track`` stores them."""

    id: int
    created_at: Optional[datetime] = None
    departed_at: Optional[datetime] = None
    on_scene_at: Optional[datetime] = None
    evacuating_at: Optional[datetime] = None
    returned_at: Optional[datetime] = None
    approach: Optional[dict] = None
    track: Optional[list] = None
    checkins: tuple[CheckinFact, ...] = ()
    team_size: int = 0


@dataclass(frozen=True)
class PersonFact:
    at: datetime
    age: Optional[int] = None
    sex: str = "unknown"
    origin: str = ""
    condition: str = ""
    outcome: str = ""
    name: str = ""
    phone: str = ""
    document_no: str = ""


@dataclass(frozen=True)
class StatusFact:
    at: datetime
    status: str
    outcome: Optional[str] = None


@dataclass(frozen=True)
class Story:
    incident_id: Optional[int]
    created_at: datetime
    category: str = "other"
    severity: int = 2
    party_size: int = 1
    status: str = "new"
    outcome: Optional[str] = None
    closed_at: Optional[datetime] = None
    calls: tuple[CallFact, ...] = ()
    estimates: tuple[EstimateFact, ...] = ()
    trips: tuple[TripFact, ...] = ()
    persons: tuple[PersonFact, ...] = ()
    statuses: tuple[StatusFact, ...] = ()
    weather_note: str = ""
    drill: bool = False
    synthetic: bool = False
    title: str = ""

    @property
    def truth(self) -> Optional[EstimateFact]:
        """Where the person really was: the last confirmed position, else the last position held."""
        confirmed = [e for e in self.estimates if e.confirmed]
        if confirmed:
            return confirmed[-1]
        return self.estimates[-1] if self.estimates else None

    @property
    def first_estimate(self) -> Optional[EstimateFact]:
        return self.estimates[0] if self.estimates else None

    def without_personal_data(self) -> "Story":
        """The same story with caller names/phones and person names/phones/documents emptied and
        phone or document numbers masked in free text."""
        from .privacy import scrub_text

        names = [c.caller_name for c in self.calls] + [p.name for p in self.persons]
        calls = tuple(replace(c, caller_name="", caller_phone="", text=scrub_text(c.text, names)) for c in self.calls)
        persons = tuple(replace(p, name="", phone="", document_no="", condition=scrub_text(p.condition, names))
                        for p in self.persons)
        trips = tuple(replace(t, checkins=tuple(replace(c, note=scrub_text(c.note, names)) for c in t.checkins))
                      for t in self.trips)
        return replace(self, calls=calls, persons=persons, trips=trips,
                       weather_note=scrub_text(self.weather_note, names))


def parse_time(value: Any) -> Optional[datetime]:
    """An ISO time (or datetime) as an aware UTC datetime; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        t = value
    else:
        try:
            t = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise ReplayError(f"{value!r} is not a date and time in ISO 8601 form.") from None
    if t.tzinfo is None:
        raise ReplayError(f"The time {value!r} has no timezone.")
    return t.astimezone(timezone.utc)


_EST_KEYS = ("est_lon", "est_lat", "est_chainage_km", "est_uncertainty_m", "est_intervals", "est_method")
_POS_KEYS = ("pos_lon", "pos_lat", "pos_chainage_km", "pos_source", "pos_confirmed")
_TRIP_TIMES = ("created_at", "departed_at", "on_scene_at", "evacuating_at", "returned_at")


def story_from_events(events: Iterable[EventRecord]) -> Story:
    """Fold one incident's events (any order; sorted by time then id) into a ``Story``.
    Raises ReplayError when there are no events or the incident's creation is missing."""
    events = sorted(events, key=lambda e: (e.at, e.id))
    if not events:
        raise ReplayError("This incident has no events in the log, so there is nothing to replay.")
    incident: dict[str, Any] = {}
    estimates: list[EstimateFact] = []
    statuses: list[StatusFact] = []
    calls: dict[int, dict] = {}
    trips: dict[int, dict] = {}
    checkins: dict[int, dict] = {}
    persons: dict[int, dict] = {}
    created_at: dict[tuple[str, int], datetime] = {}  # when the desk logged a trip or person
    for ev in events:
        after = ev.after or {}
        if ev.entity == "incidents":
            if ev.action == "delete":
                raise ReplayError("This incident was deleted; it cannot be replayed.")
            incident.update(after)
            if any(k in after for k in _EST_KEYS) and None not in (incident.get("est_lon"), incident.get("est_lat")):
                estimates.append(EstimateFact(
                    at=parse_time(ev.at), kind="correction" if any(not e.confirmed for e in estimates) else "estimate",
                    lon=incident["est_lon"], lat=incident["est_lat"], chainage_km=incident.get("est_chainage_km"),
                    radius_m=incident.get("est_uncertainty_m"), intervals_km=incident.get("est_intervals"),
                    method=incident.get("est_method") or ""))
            if any(k in after for k in _POS_KEYS) and None not in (incident.get("pos_lon"), incident.get("pos_lat")):
                estimates.append(EstimateFact(
                    at=parse_time(ev.at), kind="position", lon=incident["pos_lon"], lat=incident["pos_lat"],
                    chainage_km=incident.get("pos_chainage_km"), method=incident.get("pos_source") or "",
                    confirmed=bool(incident.get("pos_confirmed"))))
            if "status" in after or "outcome" in after:
                if not statuses or statuses[-1].status != incident.get("status") or "outcome" in after:
                    statuses.append(StatusFact(parse_time(ev.at), incident.get("status", "new"), incident.get("outcome")))
        else:
            table = {"calls": calls, "trips": trips, "checkins": checkins, "persons": persons}.get(ev.entity)
            if table is None or ev.entity_id is None:
                continue
            if ev.action == "delete":
                table.pop(ev.entity_id, None)
            else:
                table.setdefault(ev.entity_id, {}).update(after)
                if ev.entity in ("persons", "trips") and ev.action == "create":
                    created_at.setdefault((ev.entity, ev.entity_id), parse_time(ev.at))
    if "created_at" not in incident:
        raise ReplayError("The log lacks this incident's creation, so it cannot be replayed from the start.")
    trip_facts = []
    for tid, t in sorted(trips.items()):
        cks = sorted((CheckinFact(parse_time(c.get("at")), c.get("note") or "", c.get("lon"), c.get("lat"))
                      for c in checkins.values() if c.get("trip_id") == tid), key=lambda c: c.at)
        times = {k: parse_time(t.get(k)) for k in _TRIP_TIMES}
        times["created_at"] = created_at.get(("trips", tid), times["created_at"])
        trip_facts.append(TripFact(id=tid, approach=t.get("approach"), track=t.get("track"), checkins=tuple(cks),
                                   team_size=len(t.get("members") or []), **times))
    call_facts = sorted((CallFact(at=parse_time(c["received_at"]), text=c.get("text") or "",
                                  channel=c.get("channel") or "phone", language=c.get("language") or "zh",
                                  party_size=c.get("party_size") or 1, category=c.get("category") or "other",
                                  severity=c.get("severity") or 2, caller_name=c.get("caller_name") or "",
                                  caller_phone=c.get("caller_phone") or "")
                         for c in calls.values() if c.get("received_at")), key=lambda c: c.at)
    person_facts = tuple(PersonFact(at=created_at.get(("persons", pid), parse_time(incident["created_at"])), age=p.get("age"), sex=p.get("sex") or "unknown",
                                    origin=p.get("origin") or "", condition=p.get("condition") or "",
                                    outcome=p.get("outcome") or "", name=p.get("name") or "",
                                    phone=p.get("phone") or "", document_no=p.get("document_no") or "")
                         for pid, p in sorted(persons.items()))
    return Story(incident_id=events[0].incident_id, created_at=parse_time(incident["created_at"]),
                 category=incident.get("category") or "other", severity=incident.get("severity") or 2,
                 party_size=incident.get("party_size") or 1, status=incident.get("status") or "new",
                 outcome=incident.get("outcome"), closed_at=parse_time(incident.get("closed_at")),
                 calls=tuple(call_facts), estimates=tuple(estimates), trips=tuple(trip_facts),
                 persons=person_facts, statuses=tuple(statuses), drill=bool(incident.get("drill")),
                 synthetic=bool(incident.get("synthetic")), weather_note=weather_from_notes(incident.get("notes") or ""))


def weather_from_notes(notes: str) -> str:
    """The weather line of an incident's notes ("weather: …" / "天气：…"), or ""."""
    for line in notes.splitlines():
        low = line.strip().lower()
        if low.startswith(("weather", "天气")):
            return line.split(":", 1)[-1].split("：", 1)[-1].strip()
    return ""
