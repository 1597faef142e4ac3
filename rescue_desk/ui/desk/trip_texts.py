"""The trip panel's sentences in the officer's language: the header, the suggested approach and
sunset, the trip's logged times, persons, what another desk changed."""

from __future__ import annotations

import html


from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing
from rescue_desk.domain.incident import TRIP_STEPS

from ..text import fill, place_text, translate
from .widgets import format_duration



def step_labels() -> dict:
    return dict(zip(TRIP_STEPS, (translate("TripPanel", "Departed"), translate("TripPanel", "On scene"), translate("TripPanel", "Evacuating"), translate("TripPanel", "Returned"))))


HEADER_WORDS = 90
"""Characters of the callers' words in the trip header; a long call would push the buttons off screen."""

class TripTexts:
    def __init__(self, ctx):
        self.ctx = ctx

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def status(self, d) -> str:
        text = codes.label(codes.STATUSES, d.status, self.lang)
        if d.outcome:
            text += " · " + codes.label(codes.INCIDENT_OUTCOMES, d.outcome, self.lang)
        return text

    def full_words(self, d) -> str:
        """The callers' words whole, for the header's tooltip."""
        return "\n".join(t for t in d.texts if t)[:4000]

    def header(self, d) -> str:
        said = " ".join(" / ".join(t for t in d.texts if t).split())
        words = html.escape(said if len(said) <= HEADER_WORDS else said[:HEADER_WORDS - 1] + "…")  # whole text: tooltip
        read_only = " · <i>" + translate("TripPanel", "closed: read only") + "</i>" if d.closed else ""
        return (f"<b>#{d.id}</b> · {codes.label(codes.CATEGORIES, d.category, self.lang)} · {self.status(d)} · "
                f"{place_text(self.ctx.kora, d.chainage_km, self.lang)}{read_only}<br>{words}")

    def loading(self, incident_id: int) -> str:
        return fill(translate("TripPanel", "Incident #%1: loading…"), incident_id)

    def access_name(self, opt) -> str:
        if isinstance(opt, dict):
            return opt["access_name_zh"] if self.lang == "zh" else opt["access_name_en"]
        return opt.access_name_zh if self.lang == "zh" else opt.access_name_en

    def direction(self, d: str) -> str:
        return translate("TripPanel", "clockwise") if d == "cw" else translate("TripPanel", "counter-clockwise")

    def approach(self, plan) -> str:
        b = plan.best
        text = fill(translate("TripPanel", "Suggested: drive %1 km to %2, then walk %3 km %4."), f"{b.drive_km:.1f}",
                    self.access_name(b), f"{b.walk_km:.1f}", self.direction(b.direction))
        text += "\n" + fill(translate("TripPanel", "ETA P50 %1 (arrive %2), P90 %3 (arrive %4)"), format_duration(b.eta_p50_s),
                            format_beijing(b.arrival_p50, False), format_duration(b.eta_p90_s),
                            format_beijing(b.arrival_p90, False))
        others = plan.options[1:3]
        if others:
            text += "\n" + fill(translate("TripPanel", "Other ways: %1"), "; ".join(
                f"{self.access_name(o)} {self.direction(o.direction)} {format_duration(o.eta_p50_s)}" for o in others))
        if plan.hazard_notes:
            text += "\n" + fill(translate("TripPanel", "Hazards: %1"), "; ".join(plan.hazard_notes))
        return text

    def sunset(self, plan) -> tuple[str, str]:
        """(kind, text): kind is "error", "warning" or "info"."""
        sunset = format_beijing(plan.sunset, False) if plan.sunset else "?"
        if plan.after_sunset_p50:
            return "error", fill(translate("TripPanel", "Arrival in the dark (sunset %1): take head torches, plan for the dark."), sunset)
        if plan.after_sunset_p90:
            return "warning", fill(translate("TripPanel", "A slow team may arrive in the dark (sunset %1)."), sunset)
        return "info", fill(translate("TripPanel", "Sunset %1"), sunset)

    def trip_info(self, trip) -> str:
        names = ", ".join(trip.member_names if self.lang == "zh" else trip.member_names_en)
        lines = [names + (f" · {trip.vehicle_name}" if trip.vehicle_name else "")]
        for step, label in step_labels().items():
            value = trip.time_of(step)
            lines.append(f"{label}: {format_beijing(value) if value else '—'}")
        if trip.approach and trip.approach.get("best"):
            b = trip.approach["best"]
            lines.append(fill(translate("TripPanel", "Planned: %1, ETA %2"), self.access_name(b), format_duration(b["eta_p50_s"])))
        if trip.track_points:
            lines.append(fill(translate("TripPanel", "GPS track: %1 points"), trip.track_points))
        for c in trip.checkins[-3:]:
            lines.append(f"✆ {format_beijing(c.at, with_date=False)} {c.note}")
        return "\n".join(lines)

    def checkin_due(self, trip, due) -> str:
        return fill(translate("TripPanel", "Check-in every %1 min; next due %2"), trip.checkin_interval_min,
                    format_beijing(due, with_date=False))

    def person(self, p) -> str:
        age = "?" if p.age is None else str(p.age)
        outcome = codes.label(codes.PERSON_OUTCOMES, p.outcome, self.lang) if p.outcome else ""
        return (f"{codes.label(codes.SEXES, p.sex, self.lang)} {age} · "
                f"{codes.label(codes.ORIGINS, p.origin, self.lang)} · {p.condition} · {outcome}")

    def roster_item(self, o) -> str:
        name = o.name if self.lang == "zh" or not o.name_en else o.name_en
        state = translate("TripPanel", "out") if o.out else translate("TripPanel", "at station")
        return fill(translate("TripPanel", "%1 — %2, %3 h in the field today"), name, state, f"{o.hours_today:.1f}")

    def conflict(self, d) -> str:
        """What another desk changed, from the reloaded incident ``d``."""
        text = fill(translate("TripPanel", "Not saved: another desk has just changed this incident; it is now “%1” (%2). Check it and "
                        "try again."), self.status(d), place_text(self.ctx.kora, d.chainage_km, self.lang))
        trip = d.trip
        logged = [f"{label} {format_beijing(trip.time_of(step), with_date=False)}"
                  for step, label in step_labels().items() if trip is not None and trip.time_of(step) is not None]
        if logged:
            text += " " + fill(translate("TripPanel", "Trip times logged: %1."), ", ".join(logged))
        return text
