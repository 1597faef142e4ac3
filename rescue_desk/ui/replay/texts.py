"""Translated wording for replay entries, clocks and drill results (context "Replay")."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from rescue_desk.domain import codes
from rescue_desk.domain.clock import to_beijing
from rescue_desk.domain.replay import TimelineEntry

translate = QCoreApplication.translate


def fill(template: str, *values) -> str:
    """Qt-style "%1 %2" placeholders filled in order."""
    for i, v in enumerate(values, start=1):
        template = template.replace(f"%{i}", str(v))
    return template


def elapsed_text(seconds: float) -> str:
    """"+H:MM:SS" since the first call."""
    s = max(0, int(round(seconds)))
    return f"+{s // 3600:d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def beijing_text(at: datetime, with_seconds: bool = True) -> str:
    return to_beijing(at).strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def km_text(km: float | None) -> str:
    return "?" if km is None else fill(translate("Replay", "km %1"), f"{km:.2f}")


def direction_text(direction: str | None) -> str:
    if direction == "cw":
        return translate("Replay", "clockwise")
    return translate("Replay", "counter-clockwise")


def _position_text(entry: TimelineEntry, lang: str) -> str:
    d = entry.data
    if entry.kind == "estimate":
        label = translate("Replay", "Position estimate")
    elif entry.kind == "correction":
        label = translate("Replay", "Estimate corrected")
    elif d.get("confirmed"):
        label = translate("Replay", "Position confirmed")
    else:
        label = translate("Replay", "Position reported")
    text = f"{label}: {km_text(d.get('chainage_km'))}"
    if d.get("radius_m"):
        text += f" ± {d['radius_m']:.0f} m"
    if d.get("method"):
        text += f" ({codes.label(codes.POSITION_SOURCES, d['method'], lang)})"
    return text


def _dispatch_text(entry: TimelineEntry) -> str:
    d = entry.data
    text = fill(translate("Replay", "Trip %1 dispatched, %2 officers"), entry.trip_id, d.get("team_size", "?"))
    approach = d.get("approach") or {}
    if approach.get("road_end_km") is not None:
        text += fill(translate("Replay", "; road end at %1, walking %2"), km_text(approach["road_end_km"]),
                     direction_text(approach.get("direction")))
    return text


def entry_text(entry: TimelineEntry, lang: str) -> str:
    """One line for the event list, in the interface language."""
    d, k = entry.data, entry.kind
    if k == "call":
        words = " ".join(str(d.get("text", "")).split())
        return fill(translate("Replay", "Call (%1): %2"), codes.label(codes.CHANNELS, d.get("channel"), lang), words)
    if k in ("estimate", "correction", "position"):
        return _position_text(entry, lang)
    if k == "dispatch":
        return _dispatch_text(entry)
    trip_steps = {"departed": translate("Replay", "Trip %1 departed"),
                  "on_scene": translate("Replay", "Trip %1 on scene"),
                  "evacuating": translate("Replay", "Trip %1 started the evacuation"),
                  "returned": translate("Replay", "Trip %1 returned")}
    if k in trip_steps:
        return fill(trip_steps[k], entry.trip_id)
    if k == "checkin":
        return fill(translate("Replay", "Trip %1 check-in: %2"), entry.trip_id, d.get("note", ""))
    if k == "person":
        outcome = codes.label(codes.PERSON_OUTCOMES, d["outcome"], lang) if d.get("outcome") else ""
        return fill(translate("Replay", "Person: %1, %2 years, %3"), codes.label(codes.SEXES, d.get("sex"), lang),
                    "?" if d.get("age") is None else d["age"], outcome)
    if k == "status":
        return fill(translate("Replay", "Status: %1"), codes.label(codes.STATUSES, d.get("status"), lang))
    if k == "closed":
        return fill(translate("Replay", "Incident closed: %1"),
                    codes.label(codes.INCIDENT_OUTCOMES, d.get("outcome"), lang))
    return entry.summary
