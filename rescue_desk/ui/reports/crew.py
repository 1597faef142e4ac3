"""Per-officer and per-vehicle rows shared by the dashboard and the PDF (context "Crew")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rescue_desk.domain.stats import Report
from rescue_desk.domain.stats.crew import HIGH_M


def _t(text: str) -> str:
    return QCoreApplication.translate("Crew", text)


def headings() -> tuple[str, str]:
    """The two tables' headings: per officer, per vehicle."""
    return _t("Per officer"), _t("Per vehicle")


def officer_rows(report: Report) -> list[list[str]]:
    """Header plus one row per officer: trips, hours in the field, nights out, hours above 5,000 m
    in the last seven days."""
    rows = [[_t("Officer"), _t("Trips"), _t("Hours in the field"), _t("Nights out"),
             _t("Hours above %1 m, last 7 days").replace("%1", f"{HIGH_M:,.0f}")]]
    rows += [[o.name, str(o.trips), f"{o.field_hours:.1f}", str(o.nights_out), f"{o.hours_above_5000m_7d:.1f}"]
             for o in report.by_officer]
    return rows


def vehicle_rows(report: Report) -> list[list[str]]:
    """Header plus one row per vehicle: trips, hours out, nights out."""
    rows = [[_t("Vehicle"), _t("Trips"), _t("Hours out"), _t("Nights out")]]
    rows += [[f"{v.name} {v.plate}".strip(), str(v.trips), f"{v.hours_out:.1f}", str(v.nights_out)]
             for v in report.by_vehicle]
    return rows


def crew_note() -> str:
    return _t("Trips that left in the period; a night out is any part of 00:00–05:00 Beijing time away from the "
              "station; hours above 5,000 m come from the team's GPX track, else the time at a scene above "
              "5,000 m (a lower bound).")
