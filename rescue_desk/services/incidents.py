"""Duty-desk use cases: log a call, place, dispatch, log times, persons, close. Each function is one
named operation = one committed transaction with its events; they run on the calling thread (the UI
calls them from its database worker)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any, Iterable, Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain import codes
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.incident import TRIP_STEPS, RuleError, TripStep, check_time, status_after_step, status_from_steps
from rescue_desk.domain.incident_views import IncidentSummary
from rescue_desk.domain.kora import load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, CheckIn, Incident, Officer, Person, Trip, Vehicle

from .errors import ConcurrentChange, NotFound, ValidationError
from .incident_records import summary, trip_record

STATION_AREA_KM = 60.0  # 4,086 km² around the kora: nothing the station serves lies farther


@dataclass
class Position:
    lon: float
    lat: float
    source: str = "officer"

    def chainage(self) -> tuple[float, float]:
        return load_kora().chainage_of(self.lon, self.lat)


@dataclass
class CallInput:
    received_at: datetime
    text: str = ""
    channel: str = "phone"
    caller_name: str = ""
    caller_phone: str = ""
    language: str = "zh"
    party_size: int = 1
    category: str = "other"
    severity: int = 2
    datum: str = "wgs84"
    estimate: Optional[dict[str, Any]] = None  # the locator's answer as JSON (see locate --json)
    position: Optional[Position] = None  # the officer's final position, if any
    drill: bool = False
    synthetic: bool = False


@dataclass
class PersonInput:
    age: Optional[int] = None
    sex: str = "unknown"
    origin: str = "domestic"
    condition: str = ""
    outcome: str = ""
    name: str = ""
    phone: str = ""
    document_no: str = ""
    trip_id: Optional[int] = None


def _check_time(value: datetime, name: str, not_before: datetime | None = None, label: str = "call") -> None:
    try:
        check_time(value, utc_now(), name, not_before, label)
    except RuleError as exc:
        raise ValidationError.from_rule(exc) from None


def _without_nul(data):
    """A copy of the dataclass ``data`` with NUL characters removed from its text fields (a pasted
    NUL would be refused by PostgreSQL as a database error rather than saved)."""
    changes = {f.name: v.replace("\x00", "") for f in fields(data)
               if isinstance(v := getattr(data, f.name), str) and "\x00" in v}
    return replace(data, **changes) if changes else data


def _validate_call(data: CallInput) -> None:
    _check_time(data.received_at, "received_at")
    if data.party_size < 1:
        raise ValidationError("Party size must be at least 1.", "party_size", "party_size_too_small")
    if data.category not in codes.CATEGORIES:
        raise ValidationError(f"Unknown category {data.category!r}.", "category")
    if data.severity not in codes.SEVERITIES:
        raise ValidationError("Severity must be 1–4.", "severity")
    if data.channel not in codes.CHANNELS:
        raise ValidationError(f"Unknown channel {data.channel!r}.", "channel")
    if data.datum not in codes.DATUMS:
        raise ValidationError(f"Unknown coordinate datum {data.datum!r}.", "datum")
    if data.position is not None:
        _validate_position(data.position)


def _validate_position(pos: Position) -> None:
    if not (-90 <= pos.lat <= 90 and -180 <= pos.lon <= 180):
        raise ValidationError("The position is not a valid latitude/longitude.", "position")
    if pos.source not in codes.POSITION_SOURCES:
        raise ValidationError(f"Unknown position source {pos.source!r}.", "position")
    _km, offset_m = pos.chainage()
    if offset_m > STATION_AREA_KM * 1000:
        raise ValidationError(f"The position is {offset_m / 1000:,.0f} km from the kora, outside the station's "
                              "area; check the coordinates and their datum.", "position", "position_outside_area",
                              km=round(offset_m / 1000))


def _apply_estimate(incident: Incident, estimate: dict[str, Any] | None) -> None:
    if not estimate or estimate.get("status") != "placed":
        return
    incident.est_lon, incident.est_lat = estimate.get("lon"), estimate.get("lat")
    incident.est_chainage_km = estimate.get("chainage_km")
    incident.est_method = estimate.get("method") or "words"
    incident.est_uncertainty_m = estimate.get("radius_m") or estimate.get("uncertainty_m")
    incident.est_intervals = estimate.get("intervals_km")


def _apply_position(incident: Incident, pos: Position | None) -> None:
    if pos is None:
        return
    km, _off = pos.chainage()
    incident.pos_lon, incident.pos_lat, incident.pos_chainage_km = pos.lon, pos.lat, km
    incident.pos_source = pos.source
    incident.pos_confirmed = pos.source in ("team_gps", "officer")


def log_call(db: Database, actor: str, data: CallInput, incident_id: int | None = None,
             expected_version: int | None = None) -> tuple[int, int]:
    """Save a call; it opens a new incident unless ``incident_id`` links it to an open one.
    With ``expected_version`` a link is refused (ConcurrentChange) when the incident changed since
    that version was read. Returns (call id, incident id)."""
    data = _without_nul(data)
    _validate_call(data)
    with db.write(actor, "log_call") as s:
        if incident_id is None:
            incident = Incident(created_at=data.received_at, category=data.category, severity=data.severity,
                                party_size=data.party_size, drill=data.drill, synthetic=data.synthetic)
            s.add(incident)
        else:
            incident = _incident(s, incident_id, expected_version)
            if incident.status == "closed":
                raise ValidationError(f"Incident {incident_id} is closed; a new call cannot be linked to it.",
                                      "link", "incident_closed", incident=incident_id)
            incident.severity = max(incident.severity, data.severity)
            incident.party_size = max(incident.party_size, data.party_size)
        if incident_id is None or incident.est_lon is None:
            _apply_estimate(incident, data.estimate)
        _apply_position(incident, data.position)
        call = Call(incident=incident, received_at=data.received_at, channel=data.channel,
                    caller_name=data.caller_name, caller_phone=data.caller_phone, language=data.language,
                    party_size=data.party_size, category=data.category, severity=data.severity,
                    text=data.text, datum=data.datum, estimate=data.estimate, drill=data.drill)
        s.add(call)
        s.flush()
        return call.id, incident.id


def nearby_open_incidents(db: Database, lon: float, lat: float, at: datetime, within_km: float = 2.0,
                          within_hours: float = 12.0) -> list[int]:
    """Open incidents placed within ``within_km`` along the route (or straight line when off it) and
    ``within_hours`` of ``at``: candidates for linking a new call. Nearest first."""
    kora = load_kora()
    km, _ = kora.chainage_of(lon, lat)
    out = []
    with db.read() as s:
        rows = s.scalars(select(Incident).where(Incident.status != "closed",
                                                Incident.created_at >= at - timedelta(hours=within_hours),
                                                Incident.created_at <= at + timedelta(hours=1))).all()
        for inc in rows:
            if inc.chainage_km is None:
                continue
            d = kora.along_distance_km(inc.chainage_km, km)
            if d <= within_km:
                out.append((d, inc.id))
    return [i for _d, i in sorted(out)]


def _incident(s, incident_id: int, expected_version: int | None = None) -> Incident:
    incident = s.get(Incident, incident_id)
    if incident is None:
        raise NotFound(f"Incident {incident_id} does not exist.", "incident_missing", incident=incident_id)
    if expected_version is not None and incident.version != expected_version:
        raise ConcurrentChange(f"Incident {incident_id} was changed at another desk meanwhile; "
                               "the board shows the new state — check it and try again.")
    return incident


def _open_incident(s, incident_id: int, expected_version: int | None = None) -> Incident:
    """``_incident``, refused (``incident_closed``) when it is closed."""
    incident = _incident(s, incident_id, expected_version)
    if incident.status == "closed":
        raise ValidationError(f"Incident {incident_id} is already closed.", "status", "incident_closed",
                              incident=incident_id)
    return incident


def set_position(db: Database, actor: str, incident_id: int, pos: Position,
                 expected_version: int | None = None) -> None:
    """The officer's (or team's) position for the incident, with where it came from."""
    _validate_position(pos)
    with db.write(actor, "set_position") as s:
        _apply_position(_incident(s, incident_id, expected_version), pos)


def set_status(db: Database, actor: str, incident_id: int, status: str,
               expected_version: int | None = None) -> None:
    if status not in codes.STATUSES or status == "closed":
        raise ValidationError(f"Status {status!r} cannot be set directly (close the incident instead).", "status")
    with db.write(actor, "set_status") as s:
        _open_incident(s, incident_id, expected_version).status = status


def dispatch_trip(db: Database, actor: str, incident_id: int, officer_ids: Iterable[int],
                  vehicle_id: int | None = None, approach: dict | None = None,
                  departed_at: datetime | None = None, checkin_interval_min: int = 60,
                  expected_version: int | None = None) -> int:
    """Create a rescue trip for the incident; status becomes 'dispatched'. Returns the trip id.
    With ``expected_version``, refused (ConcurrentChange) when the incident changed since then."""
    officer_ids = list(officer_ids)
    if not officer_ids:
        raise ValidationError("Choose at least one officer for the trip.", "officers", "no_officers")
    if checkin_interval_min < 5:
        raise ValidationError("The check-in interval must be at least 5 minutes.", "checkin_interval_min")
    with db.write(actor, "dispatch_trip") as s:
        incident = _incident(s, incident_id, expected_version)
        if incident.status == "closed":
            raise ValidationError(f"Incident {incident_id} is closed.", "status", "incident_closed", incident=incident_id)
        officers = s.scalars(select(Officer).where(Officer.id.in_(officer_ids))).all()
        if len(officers) != len(set(officer_ids)):
            raise ValidationError("An officer chosen is not on the roster.", "officers")
        if vehicle_id is not None and s.get(Vehicle, vehicle_id) is None:
            raise ValidationError("The vehicle chosen does not exist.", "vehicle")
        if departed_at is not None:
            _check_time(departed_at, "departed_at", incident.created_at)
        trip = Trip(incident=incident, vehicle_id=vehicle_id, members=list(officers), approach=approach,
                    departed_at=departed_at, checkin_interval_min=checkin_interval_min)
        s.add(trip)
        if incident.status == "new":
            incident.status = "dispatched"
        s.flush()
        return trip.id


def log_trip_time(db: Database, actor: str, trip_id: int, step: str, at: datetime,
                  expected_version: int | None = None) -> None:
    """Record when the team departed / reached the scene / started evacuating / returned.
    Times must not be in the future, nor before the call or an earlier step, nor after a later one
    (``TripRecord.check_step``); the status moves forward with the step (``status_after_step``).

    With ``expected_version`` (the incident's version the desk showed) the step is refused with
    ConcurrentChange when the incident changed since, or when the step was already logged (by
    another desk): a logged time is never silently overwritten."""
    try:
        step = TripStep(step)
    except ValueError:
        raise ValidationError(f"Unknown trip step {step!r}.", step, "unknown_step") from None
    with db.write(actor, f"log_{step.value.removesuffix('_at')}") as s:
        trip = s.get(Trip, trip_id)
        if trip is None:
            raise NotFound(f"Trip {trip_id} does not exist.", "trip_missing", trip=trip_id)
        if expected_version is not None:
            _incident(s, trip.incident_id, expected_version)
            if getattr(trip, step.value) is not None:
                raise ConcurrentChange(f"{step.label.capitalize()} was already logged for trip {trip_id} at "
                                       "another desk; check it and try again.")
        try:
            trip_record(trip).check_step(step, at, trip.incident.created_at, utc_now())
        except RuleError as exc:
            raise ValidationError.from_rule(exc) from None
        setattr(trip, step.value, at)
        trip.incident.status = status_after_step(trip.incident.status, step).value


def undo_last_trip_step(db: Database, actor: str, trip_id: int, expected_version: int | None = None) -> str:
    """Take back the trip's latest logged step (a wrong click: "returned" for "on scene"); the
    incident's status follows the steps left. Returns the step taken back. Refused for a closed
    incident or a trip with no step logged; the event log keeps the time that was taken back."""
    with db.write(actor, "undo_trip_step") as s:
        trip = s.get(Trip, trip_id)
        if trip is None:
            raise NotFound(f"Trip {trip_id} does not exist.", "trip_missing", trip=trip_id)
        incident = _open_incident(s, trip.incident_id, expected_version)
        logged = [step for step in TRIP_STEPS if getattr(trip, step.value) is not None]
        if not logged:
            raise ValidationError(f"Trip {trip_id} has no step to take back.", "step", "no_step_to_undo", trip=trip_id)
        last = logged[-1]
        setattr(trip, last.value, None)
        steps = [st for t in incident.trips for st in TRIP_STEPS if getattr(t, st.value) is not None]
        incident.status = status_from_steps(steps).value
        return last.value


def add_checkin(db: Database, actor: str, trip_id: int, at: datetime, note: str = "",
                lon: float | None = None, lat: float | None = None) -> int:
    with db.write(actor, "add_checkin") as s:
        trip = s.get(Trip, trip_id)
        if trip is None:
            raise NotFound(f"Trip {trip_id} does not exist.")
        _check_time(at, "checkin", trip.departed_at or trip.created_at, "departed" if trip.departed_at else "dispatch")
        c = CheckIn(trip=trip, at=at, note=note.replace("\x00", ""), lon=lon, lat=lat)
        s.add(c)
        s.flush()
        return c.id


def add_person(db: Database, actor: str, incident_id: int, data: PersonInput) -> int:
    data = _without_nul(data)
    if data.age is not None and not 0 <= data.age <= 110:
        raise ValidationError("Age must be between 0 and 110.", "age", "age_out_of_range")
    if data.origin not in codes.ORIGINS:
        raise ValidationError(f"Unknown origin {data.origin!r}.", "origin")
    if data.sex not in codes.SEXES:
        raise ValidationError(f"Unknown sex {data.sex!r}.", "sex")
    if data.outcome and data.outcome not in codes.PERSON_OUTCOMES:
        raise ValidationError(f"Unknown outcome {data.outcome!r}.", "outcome")
    with db.write(actor, "add_person") as s:
        incident = _incident(s, incident_id)
        p = Person(incident=incident, age=data.age, sex=data.sex, origin=data.origin, condition=data.condition,
                   outcome=data.outcome, name=data.name, phone=data.phone, document_no=data.document_no,
                   trip_id=data.trip_id, rescued=data.outcome not in ("not_found", "deceased"))
        s.add(p)
        s.flush()
        return p.id


def close_incident(db: Database, actor: str, incident_id: int, outcome: str, at: datetime | None = None,
                   expected_version: int | None = None) -> None:
    if outcome not in codes.INCIDENT_OUTCOMES:
        raise ValidationError(f"Choose an outcome to close the incident ({outcome!r} is unknown).", "outcome",
                              "no_outcome")
    at = at or utc_now()
    with db.write(actor, "close_incident") as s:
        incident = _open_incident(s, incident_id, expected_version)
        out = [t.id for t in incident.trips if trip_record(t).out]
        if out:  # closed now, the team would vanish from the board, the handover and the overdue watch
            raise ValidationError(f"Incident {incident_id} still has a team out (trip {out[0]}); log its return "
                                  "before closing.", "status", "team_still_out", incident=incident_id, trip=out[0])
        _check_time(at, "closed_at", incident.created_at)
        incident.status, incident.outcome, incident.closed_at = "closed", outcome, at


def list_incidents(db: Database, open_only: bool = False, limit: int | None = None,
                   include_drills: bool = True) -> list[IncidentSummary]:
    """Incidents newest first, as flat rows."""
    q = select(Incident).options(selectinload(Incident.calls)).order_by(Incident.created_at.desc())
    if open_only:
        q = q.where(Incident.status != "closed")
    if not include_drills:
        q = q.where(Incident.drill.is_(False))
    if limit:
        q = q.limit(limit)
    with db.read() as s:
        return [summary(inc) for inc in s.scalars(q)]


def get_incident(db: Database, incident_id: int) -> IncidentSummary:
    with db.read() as s:
        inc = s.scalar(select(Incident).options(selectinload(Incident.calls)).where(Incident.id == incident_id))
        if inc is None:
            raise NotFound(f"Incident {incident_id} does not exist.", "incident_missing", incident=incident_id)
        return summary(inc)
