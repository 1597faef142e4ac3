"""The incident as the desk knows it, on plain values: its status flow, a trip's steps and their time
rules, last contact, what is overdue and what to do next. No database, no Qt: services fill these
types from storage and every list and panel of the desk reads them.

Rule violations raise ``RuleError`` with a code and parameters; the UI words them in the officer's
language (``message`` is the English sentence the CLI prints)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Any, Optional

FUTURE_SLACK = timedelta(minutes=5)


class RuleError(ValueError):
    """A refused value: ``code`` (e.g. "time_in_future"), ``params`` to fill its sentence and the
    form ``field`` at fault. ``str()`` is an English sentence for logs and the CLI."""

    def __init__(self, code: str, message: str, field: str | None = None, **params: Any):
        super().__init__(message)
        self.code = code
        self.field = field
        self.params = params


class Status(str, Enum):
    NEW = "new"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"
    EVACUATING = "evacuating"
    CLOSED = "closed"

    @property
    def rank(self) -> int:
        return STATUS_FLOW.index(self)


STATUS_FLOW = (Status.NEW, Status.DISPATCHED, Status.ON_SCENE, Status.EVACUATING, Status.CLOSED)


class TripStep(str, Enum):
    """A trip's logged moments, in the order they must happen; the value is the stored field."""

    DEPARTED = "departed_at"
    ON_SCENE = "on_scene_at"
    EVACUATING = "evacuating_at"
    RETURNED = "returned_at"

    @property
    def label(self) -> str:
        return self.value.removesuffix("_at").replace("_", " ")


TRIP_STEPS = tuple(TripStep)
STEP_STATUS = {TripStep.DEPARTED: Status.DISPATCHED, TripStep.ON_SCENE: Status.ON_SCENE,
               TripStep.EVACUATING: Status.EVACUATING}


def check_time(at: datetime, now: datetime, field: str, not_before: datetime | None = None,
               before_what: str = "call") -> None:
    """A logged moment must carry a timezone, not lie in the future and not precede ``not_before``
    (``before_what`` names that earlier moment: "call" or a trip step's label)."""
    if at.tzinfo is None:
        raise RuleError("time_without_zone", f"{field}: the time needs a timezone.", field)
    if at > now + FUTURE_SLACK:
        raise RuleError("time_in_future", f"{field}: the time is in the future.", field)
    if not_before is not None and at < not_before:
        raise RuleError("time_before", f"{field}: the time is before {before_what}.", field,
                        earlier=before_what, earlier_at=not_before)


def status_after_step(current: Status | str, step: TripStep | str) -> Status:
    """The incident's status once ``step`` is logged: steps move it forward, never back."""
    current, step = Status(current), TripStep(step)
    target = STEP_STATUS.get(step)
    if current is Status.CLOSED or target is None or target.rank <= current.rank:
        return current
    return target


def status_from_steps(logged) -> Status:
    """The status of an open incident with a trip, from the steps its trips have logged (after a
    step was taken back, the status follows what is left)."""
    status = Status.DISPATCHED
    for step in logged:
        status = status_after_step(status, step)
    return status


@dataclass
class CheckInRecord:
    at: datetime
    note: str = ""


@dataclass
class TripRecord:
    """One rescue trip: team, vehicle, the four step times, check-ins, planned approach, track."""

    id: int
    created_at: datetime
    vehicle_id: Optional[int] = None
    vehicle_name: str = ""
    member_ids: list[int] = field(default_factory=list)
    member_names: list[str] = field(default_factory=list)
    member_names_en: list[str] = field(default_factory=list)
    departed_at: Optional[datetime] = None
    on_scene_at: Optional[datetime] = None
    evacuating_at: Optional[datetime] = None
    returned_at: Optional[datetime] = None
    checkin_interval_min: int = 60
    checkins: list[CheckInRecord] = field(default_factory=list)
    approach: Optional[dict[str, Any]] = None
    track: list[tuple[float, float]] = field(default_factory=list)

    @property
    def track_points(self) -> int:
        return len(self.track)

    def time_of(self, step: TripStep | str) -> Optional[datetime]:
        return getattr(self, TripStep(step).value)

    @property
    def last_contact(self) -> Optional[datetime]:
        """The latest moment the team was heard from: a logged step (not the return) or a check-in."""
        times = [t for t in (self.departed_at, self.on_scene_at, self.evacuating_at) if t is not None]
        times += [c.at for c in self.checkins]
        return max(times) if times else None

    @property
    def out(self) -> bool:
        return self.departed_at is not None and self.returned_at is None

    def checkin_due(self) -> Optional[datetime]:
        """When the team must next be heard from (None when not out)."""
        contact = self.last_contact
        if not self.out or contact is None:
            return None
        return contact + timedelta(minutes=self.checkin_interval_min)

    def check_step(self, step: TripStep | str, at: datetime, call_at: datetime, now: datetime) -> None:
        """Refuse ``at`` for ``step`` when it is in the future, before the call or an earlier logged step,
        or after a later logged step."""
        step = TripStep(step)
        floor, floor_name = call_at, "call"
        for earlier in TRIP_STEPS[: TRIP_STEPS.index(step)]:
            if self.time_of(earlier) is not None:
                floor, floor_name = self.time_of(earlier), earlier.label
        check_time(at, now, step.value, floor, floor_name)
        for later in TRIP_STEPS[TRIP_STEPS.index(step) + 1:]:
            later_at = self.time_of(later)
            if later_at is not None and later_at < at:
                raise RuleError("time_after", f"{step.value}: the time is after {later.label}.", step.value,
                                later=later.label, later_at=later_at)

    def next_step(self) -> Optional[TripStep]:
        return next((s for s in TRIP_STEPS if self.time_of(s) is None), None)


@dataclass(frozen=True)
class OverdueRules:
    """Minutes before the board calls a step overdue."""

    dispatch_min: int = 15
    departure_min: int = 30
    on_scene_min: int = 180
    evacuating_min: int = 240


NEXT_STEPS = ("dispatch", "log_departure", "reach_scene", "treat_or_evacuate", "return_and_close", "close",
              "closed")
OVERDUE_KINDS = ("no_dispatch", "no_departure", "checkin", "on_scene_long", "evacuating_long")


@dataclass(frozen=True)
class Assessment:
    """What to do next (a ``NEXT_STEPS`` code), what is overdue (an ``OVERDUE_KINDS`` code) since when."""

    next_step: str
    overdue: Optional[str] = None
    overdue_since: Optional[datetime] = None


def assess(status: Status | str, created_at: datetime, status_since: datetime, trip: Optional[TripRecord],
           now: datetime, rules: OverdueRules = OverdueRules()) -> Assessment:
    """The next step and overdue state of an incident at ``now`` from its latest trip."""
    status = Status(status)
    if status is Status.CLOSED:
        return Assessment("closed")
    if trip is None:
        due = created_at + timedelta(minutes=rules.dispatch_min)
        return Assessment("dispatch", "no_dispatch", due) if now > due else Assessment("dispatch")
    if trip.returned_at is not None:
        return Assessment("close")
    if trip.departed_at is None:
        due = trip.created_at + timedelta(minutes=rules.departure_min)
        return Assessment("log_departure", "no_departure", due) if now > due else Assessment("log_departure")
    step = {Status.ON_SCENE: "treat_or_evacuate", Status.EVACUATING: "return_and_close"}.get(status, "reach_scene")
    due_contact = trip.checkin_due()
    if due_contact is not None and now > due_contact:
        return Assessment(step, "checkin", due_contact)
    limit = {Status.ON_SCENE: rules.on_scene_min, Status.EVACUATING: rules.evacuating_min}.get(status)
    if limit is not None and now > status_since + timedelta(minutes=limit):
        return Assessment(step, f"{status.value}_long", status_since + timedelta(minutes=limit))
    return Assessment(step)
