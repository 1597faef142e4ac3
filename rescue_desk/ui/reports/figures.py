"""Rows of figures shared by the dashboard and the PDF: key figures against the year before, and
response times. Labels are translated in the "Reports" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rescue_desk.domain.stats import Report, Totals


def total_labels() -> dict[str, str]:
    """Caption of each headline figure, in the current language."""
    return {"calls": QCoreApplication.translate("Reports", "Calls"),
            "incidents": QCoreApplication.translate("Reports", "Incidents"),
            "trips": QCoreApplication.translate("Reports", "Rescue trips"),
            "persons_rescued": QCoreApplication.translate("Reports", "People rescued"),
            "hospital": QCoreApplication.translate("Reports", "Taken to hospital"),
            "deaths": QCoreApplication.translate("Reports", "Deaths"),
            "false_alarms": QCoreApplication.translate("Reports", "False alarms")}


def response_labels() -> dict[str, str]:
    return {"call_to_departure": QCoreApplication.translate("Reports", "Call → team leaves"),
            "departure_to_scene": QCoreApplication.translate("Reports", "Team leaves → on scene"),
            "call_to_scene": QCoreApplication.translate("Reports", "Call → on scene (total)")}


def change_text(current: int, previous: int) -> str:
    """"+12 (+8%)", "−3 (−20%)", "±0" or "+5 (new)"."""
    d = current - previous
    if d == 0:
        return "±0"
    sign = "+" if d > 0 else "−"
    pct = f"{sign}{abs(100 * d / previous):.0f}%" if previous else QCoreApplication.translate("Reports", "new")
    return f"{sign}{abs(d)} ({pct})"


def figure_rows(report: Report) -> list[list[str]]:
    """Header plus one row per headline figure: label, this period, the year before, change."""
    prev = report.previous
    rows = [[QCoreApplication.translate("Reports", "Figure"), report.period.label,
             report.period.previous().label if prev is not None else "",
             QCoreApplication.translate("Reports", "Change") if prev else ""]]
    for name, label in total_labels().items():
        cur = getattr(report.totals, name)
        if prev is None:
            rows.append([label, str(cur), "", ""])
        else:
            old = getattr(prev, name)
            rows.append([label, str(cur), str(old), change_text(cur, old)])
    return rows


def _minutes(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}"


def response_rows(report: Report) -> list[list[str]]:
    """Header plus one row per interval: label, median, 90th percentile, trips measured."""
    rows = [[QCoreApplication.translate("Reports", "Interval"), QCoreApplication.translate("Reports", "Median"),
             QCoreApplication.translate("Reports", "90th percentile"),
             QCoreApplication.translate("Reports", "Trips measured")]]
    for kind, label in response_labels().items():
        s = report.response[kind]
        rows.append([label, _minutes(s.median), _minutes(s.p90), str(s.n)])
    return rows


__all__ = ["Totals", "change_text", "figure_rows", "response_labels", "response_rows", "total_labels"]
