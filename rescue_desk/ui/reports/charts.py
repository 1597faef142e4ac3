"""QtCharts for the report: months, weeks, causes, outcomes, origins, sections. Each builder
returns a ready ``QChart`` (fonts from ``font``, labels in ``lang``); the dashboard shows them in
``QChartView``s and the PDF renders the same views."""

from __future__ import annotations

from PySide6.QtCharts import (QAreaSeries, QBarCategoryAxis, QBarSeries, QBarSet, QChart, QDateTimeAxis,
                              QHorizontalBarSeries, QLineSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont

from rescue_desk.domain import codes
from rescue_desk.domain.stats import Report

BLUE, ORANGE, GREEN, PURPLE = QColor("#1b6ca8"), QColor("#e07b39"), QColor("#3a9d5d"), QColor("#8e6bbf")
SECTION_NAME_MAX = 18  # characters of each landmark name in a section label


def outcome_label(code: str, lang: str) -> str:
    if code == "open":
        return QCoreApplication.translate("Reports", "Still open")
    return codes.label(codes.INCIDENT_OUTCOMES, code, lang)


def month_labels(report: Report, lang: str) -> list[str]:
    keys = list(report.by_month)
    if report.period.calendar_year is not None:
        locale = QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
        return [locale.monthName(m, QLocale.FormatType.ShortFormat) for _y, m in keys]
    return [f"{y % 100:02d}-{m:02d}" for y, m in keys]


def _base(title: str, font: QFont) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    tf = QFont(font)
    tf.setPointSizeF(font.pointSizeF() * 1.15)
    tf.setBold(True)
    chart.setTitleFont(tf)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(font)
    return chart


def _axes(chart: QChart, series, labels: list[str], font: QFont, horizontal: bool = False) -> None:
    cat = QBarCategoryAxis()
    cat.append(labels)
    cat.setLabelsFont(font)
    cat.setTruncateLabels(False)
    val = QValueAxis()
    val.setLabelFormat("%d")
    val.setLabelsFont(font)
    top = max([s.at(i) for s in series.barSets() for i in range(s.count())] or [0])
    val.setRange(0, max(1, top * 1.12))
    val.applyNiceNumbers()
    chart.addAxis(cat, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(val, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cat)
    series.attachAxis(val)


def months_chart(report: Report, lang: str, font: QFont) -> QChart:
    """Incidents and people rescued per month, side by side."""
    chart = _base(QCoreApplication.translate("Reports", "Incidents and people rescued by month"), font)
    series = QBarSeries()
    for name, data, colour in ((QCoreApplication.translate("Reports", "Incidents"), report.by_month, BLUE),
                               (QCoreApplication.translate("Reports", "People rescued"), report.persons_by_month,
                                ORANGE)):
        s = QBarSet(name)
        s.append([float(v) for v in data.values()])
        s.setColor(colour)
        s.setBorderColor(colour)
        series.append(s)
    series.setLabelsVisible(False)
    chart.addSeries(series)
    _axes(chart, series, month_labels(report, lang), font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def weeks_chart(report: Report, lang: str, font: QFont) -> QChart:
    """Incidents per week (Monday–Sunday) as a filled line over the weeks' Mondays."""
    chart = _base(QCoreApplication.translate("Reports", "Incidents by week"), font)
    line = QLineSeries()
    for monday, n in report.by_week.items():
        line.append(QDateTime(QDate(monday.year, monday.month, monday.day), QTime(12, 0)).toMSecsSinceEpoch(),
                    float(n))
    area = QAreaSeries(line)
    line.setParent(area)  # the area does not own its boundary line; keep it alive with the area
    area.setColor(QColor(27, 108, 168, 110))
    area.setBorderColor(BLUE)
    area.setName(QCoreApplication.translate("Reports", "Incidents"))
    chart.addSeries(area)
    x = QDateTimeAxis()
    x.setFormat(QCoreApplication.translate("Reports", "d MMM", "date format of the week axis (Qt QDateTime)"))
    x.setLabelsFont(font)
    x.setTickCount(min(8, max(2, len(report.by_week))))
    y = QValueAxis()
    y.setLabelFormat("%d")
    y.setLabelsFont(font)
    y.setRange(0, max(1, max(report.by_week.values() or [0]) * 1.12))
    y.applyNiceNumbers()
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    area.attachAxis(x)
    area.attachAxis(y)
    chart.legend().hide()
    return chart


def _hbar(title: str, items: list[tuple[str, int]], font: QFont, colour: QColor = BLUE) -> QChart:
    chart = _base(title, font)
    items = list(reversed(items))  # the first item at the top
    s = QBarSet(title)
    s.append([float(v) for _k, v in items])
    s.setColor(colour)
    s.setBorderColor(colour)
    s.setLabelColor(QColor("#222222"))
    s.setLabelFont(font)
    series = QHorizontalBarSeries()
    series.append(s)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    _axes(chart, series, [k for k, _v in items], font, horizontal=True)
    chart.legend().hide()
    return chart


def causes_chart(report: Report, lang: str, font: QFont) -> QChart:
    items = [(codes.label(codes.CATEGORIES, k, lang), v) for k, v in report.by_category.items()]
    return _hbar(QCoreApplication.translate("Reports", "Incidents by cause"), items, font)


def _short(name: str) -> str:
    return name if len(name) <= SECTION_NAME_MAX else name[:SECTION_NAME_MAX - 1].rstrip() + "…"


def section_label(label: str) -> str:
    """"A → B" with each long landmark name shortened, so the axis stays readable."""
    return " → ".join(_short(part.strip()) for part in label.split("→"))


def sections_chart(report: Report, lang: str, font: QFont) -> QChart:
    """Sections in route order (Darchen at the top)."""
    items = [(section_label(s.label_zh if lang == "zh" else s.label_en), s.count) for s in report.by_section]
    return _hbar(QCoreApplication.translate("Reports", "Incidents by section of the kora (clockwise)"),
                 items, font, ORANGE)


def _with_share(items: list[tuple[str, int]]) -> list[tuple[str, int]]:
    total = sum(v for _k, v in items) or 1
    return [(f"{k} ({100 * v / total:.0f}%)", v) for k, v in items]


def outcomes_chart(report: Report, lang: str, font: QFont) -> QChart:
    items = [(outcome_label(k, lang), v) for k, v in report.by_outcome.items()]
    return _hbar(QCoreApplication.translate("Reports", "Incidents by outcome"), _with_share(items), font, GREEN)


def origins_chart(report: Report, lang: str, font: QFont) -> QChart:
    items = [(codes.label(codes.ORIGINS, k, lang), v) for k, v in report.by_origin.items()]
    return _hbar(QCoreApplication.translate("Reports", "People helped by origin"), _with_share(items), font, PURPLE)


CHARTS = {"months": months_chart, "weeks": weeks_chart, "causes": causes_chart, "outcomes": outcomes_chart,
          "origins": origins_chart, "sections": sections_chart}
