"""The Statistics page on a station whose figures were counted by hand: tiles, charts, heat strip
and map heat, year switching, CSV export and the logbook import with its progress dialog."""

from __future__ import annotations

import csv

from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QTableWidget

from reports_helpers import HEADER, ROWS, station_url, window  # noqa: F401,E402  (fixtures)


def tile(page, key):
    return page.tiles[key].value.text()


def test_tab_installed_and_last_full_year_shown(window):
    page = window.reports_page
    assert window.tabs.indexOf(page) > 0 and page.objectName() == "statisticsPage"
    assert page.year_box.currentData() == 2025
    assert [page.year_box.itemData(i) for i in range(page.year_box.count())] == [2025, 2024]
    assert "importLogbookAction" in [a.objectName() for a in window.menu("tools").actions()]


def test_tiles_show_hand_counted_figures_against_last_year(window):
    page = window.reports_page
    shown = {k: tile(page, k) for k in page.tiles}
    assert shown == {"calls": "3", "incidents": "3", "trips": "3", "persons_rescued": "5", "hospital": "3",
                     "deaths": "1", "false_alarms": "0"}
    assert page.tiles["incidents"].change.text() == "2024: 1  +2 (+200%)"
    assert page.tiles["deaths"].change.text() == "2024: 0  +1 (new)"


def test_charts_tables_and_heat(window):
    page = window.reports_page
    views = {v.objectName(): v for v in page.findChildren(QChartView)}
    assert set(views) == {f"chart_{n}" for n in ("months", "weeks", "causes", "outcomes", "origins", "sections")}
    months = views["chart_months"].chart().series()[0]
    incidents = months.barSets()[0]
    assert [incidents.at(i) for i in range(12)] == [1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]
    causes = views["chart_causes"].chart().series()[0].barSets()[0]
    assert sorted(causes.at(i) for i in range(causes.count())) == [1, 1, 1]
    response = page.findChild(QTableWidget, "responseTable")
    # call → on scene: 90, 60, 120 min → median 90
    assert response.item(2, 1).text() == "90" and response.item(2, 3).text() == "3"
    days = page.findChild(QTableWidget, "busiestDays")
    assert (days.item(0, 0).text(), days.item(0, 1).text()) == ("2025-06-11", "2")
    assert page.heat_strip.heat[24] == 2 and page.heat_strip.heat[30] == 1 and sum(page.heat_strip.heat) == 3
    assert window.map.heat[24] == 2.0  # the same heat on the main map


def test_switching_year_and_range(window, qtbot):
    page = window.reports_page
    with qtbot.waitSignal(page.reportShown, timeout=10000):
        page.year_box.setCurrentIndex(page.year_box.findData(2024))
        page.year_box.activated.emit(page.year_box.currentIndex())
    assert tile(page, "incidents") == "1" and page.tiles["incidents"].change.text() == "2023: 0  +1 (new)"
    with qtbot.waitSignal(page.reportShown, timeout=10000):
        page.to_box.setCurrentIndex(page.to_box.findData(2025))
        page.mode_range.setChecked(True)
    assert page.report.period.label == "2024–2025" and tile(page, "incidents") == "4"
    assert page.tiles["incidents"].change.text() == ""


def test_csv_export(window, tmp_path):
    page = window.reports_page
    out = tmp_path / "r.csv"
    page.export_csv(str(out))
    assert window.ctx.worker.wait_idle()
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["category"] for r in rows] == ["lost", "altitude_sickness", "cardiac"]


def test_import_with_progress_and_bad_rows(window, qtbot, tmp_path):
    page = window.reports_page
    book = tmp_path / "more.csv"
    book.write_text(HEADER + ROWS + "2025-08-01 10:00,new,exhaustion,2,,,,,19.0,,\n"
                    "2025-08-02 10:00,bad,exhaustion,x,,,,,,,\n", encoding="utf-8")
    with qtbot.waitSignal(page.reportShown, timeout=15000):
        page.import_logbook(str(book))
    runner = page._import
    assert (runner.result.imported, runner.result.duplicates, [n for n, _ in runner.result.bad]) == (1, 5, [8])
    assert isinstance(runner.dialog, QProgressDialog) and runner.last_progress == (7, 7)
    report_box = page.findChild(QMessageBox, "importReport")
    assert report_box is not None and "line 8" in report_box.detailedText()
    report_box.close()
    assert "1 imported, 5 already there, 1 bad (of 7 rows)" in page.status.text()
    assert tile(page, "incidents") == "4" and page.year_box.currentData() == 2025
