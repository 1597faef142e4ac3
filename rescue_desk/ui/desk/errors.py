"""Refusals worded for the officer: a service error's code and parameters become one sentence in
the UI's language (never the service's English, never a field name)."""

from __future__ import annotations


from rescue_desk.domain.clock import format_beijing
from rescue_desk.domain.gpx import GpxError
from rescue_desk.services.errors import ConcurrentChange, NotFound, RuleError

from ..text import fill, translate



def moment_name(name: str) -> str:
    """A step's English label ("call", "departed", "on scene"…) in the officer's words."""
    return {"call": translate("DeskErrors", "the call"), "dispatch": translate("DeskErrors", "the dispatch"), "departed": translate("DeskErrors", "the departure"),
            "on scene": translate("DeskErrors", "the arrival on scene"), "evacuating": translate("DeskErrors", "the start of the evacuation"),
            "returned": translate("DeskErrors", "the return")}.get(name, name)


def error_text(exc: BaseException) -> str:
    """One sentence in the officer's language for a refused action."""
    if isinstance(exc, ConcurrentChange):
        return translate("DeskErrors", "Not saved: another desk has just changed this incident; check it and try again.")
    if isinstance(exc, GpxError):
        return fill(translate("DeskErrors", "GPX not imported: %1"), str(exc))
    code = getattr(exc, "code", "")
    p = getattr(exc, "params", {}) or {}
    if isinstance(exc, RuleError) or isinstance(exc, NotFound):
        if code == "time_in_future":
            return translate("DeskErrors", "That time is in the future; correct it.")
        if code == "time_before":
            at = p.get("earlier_at")
            return fill(translate("DeskErrors", "That time is before %1 (%2); correct it."), moment_name(p.get("earlier", "")),
                        format_beijing(at) if at else "?")
        if code == "time_after":
            at = p.get("later_at")
            return fill(translate("DeskErrors", "That time is after %1 (%2); correct it."), moment_name(p.get("later", "")),
                        format_beijing(at) if at else "?")
        if code == "time_without_zone":
            return translate("DeskErrors", "That time has no time zone; enter it again.")
        if code == "party_size_too_small":
            return translate("DeskErrors", "Party size must be at least 1.")
        if code == "incident_closed":
            return fill(translate("DeskErrors", "Incident #%1 is closed; it cannot be changed."), p.get("incident", "?"))
        if code == "no_step_to_undo":
            return translate("DeskErrors", "No step of this trip is logged yet; there is nothing to take back.")
        if code == "team_still_out":
            return fill(translate("DeskErrors", "Incident #%1 still has a team out: log the team's return before "
                                  "closing it."), p.get("incident", "?"))
        if code == "incident_missing":
            return fill(translate("DeskErrors", "Incident #%1 no longer exists."), p.get("incident", "?"))
        if code == "no_officers":
            return translate("DeskErrors", "Choose at least one officer.")
        if code == "no_outcome":
            return translate("DeskErrors", "Choose an outcome to close the incident.")
        if code == "age_out_of_range":
            return translate("DeskErrors", "Age must be between 0 and 110.")
        if code == "position_outside_area":
            return fill(translate("DeskErrors", "The position is %1 km from the kora, outside the station's area; check the "
                            "coordinates and their datum."), p.get("km", "?"))
    return fill(translate("DeskErrors", "Not saved: %1"), str(exc))
