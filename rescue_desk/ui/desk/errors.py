"""Refusals worded for the officer: a service error's code and parameters become one sentence in
the UI's language (never the service's English, never a field name)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rescue_desk.domain.clock import format_beijing
from rescue_desk.domain.gpx import GpxError
from rescue_desk.services.errors import ConcurrentChange, NotFound, RuleError

from ..text import fill


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeskErrors", text)


def moment_name(name: str) -> str:
    """A step's English label ("call", "departed", "on scene"…) in the officer's words."""
    return {"call": _tr("the call"), "dispatch": _tr("the dispatch"), "departed": _tr("the departure"),
            "on scene": _tr("the arrival on scene"), "evacuating": _tr("the start of the evacuation"),
            "returned": _tr("the return")}.get(name, name)


def error_text(exc: BaseException) -> str:
    """One sentence in the officer's language for a refused action."""
    if isinstance(exc, ConcurrentChange):
        return _tr("Not saved: another desk has just changed this incident; check it and try again.")
    if isinstance(exc, GpxError):
        return fill(_tr("GPX not imported: %1"), str(exc))
    code = getattr(exc, "code", "")
    p = getattr(exc, "params", {}) or {}
    if isinstance(exc, RuleError) or isinstance(exc, NotFound):
        if code == "time_in_future":
            return _tr("That time is in the future; correct it.")
        if code == "time_before":
            at = p.get("earlier_at")
            return fill(_tr("That time is before %1 (%2); correct it."), moment_name(p.get("earlier", "")),
                        format_beijing(at) if at else "?")
        if code == "time_after":
            at = p.get("later_at")
            return fill(_tr("That time is after %1 (%2); correct it."), moment_name(p.get("later", "")),
                        format_beijing(at) if at else "?")
        if code == "time_without_zone":
            return _tr("That time has no time zone; enter it again.")
        if code == "party_size_too_small":
            return _tr("Party size must be at least 1.")
        if code == "incident_closed":
            return fill(_tr("Incident #%1 is closed; it cannot be changed."), p.get("incident", "?"))
        if code == "incident_missing":
            return fill(_tr("Incident #%1 no longer exists."), p.get("incident", "?"))
        if code == "no_officers":
            return _tr("Choose at least one officer.")
        if code == "no_outcome":
            return _tr("Choose an outcome to close the incident.")
        if code == "age_out_of_range":
            return _tr("Age must be between 0 and 110.")
        if code == "position_outside_area":
            return fill(_tr("The position is %1 km from the kora, outside the station's area; check the "
                            "coordinates and their datum."), p.get("km", "?"))
    return fill(_tr("Not saved: %1"), str(exc))
