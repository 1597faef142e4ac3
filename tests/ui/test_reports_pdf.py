"""The printable report: written from the dashboard and by ``rescue-desk report --pdf``, then opened
with QtPdf, its text read back and its first pages rendered to images."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument

from rescue_desk.cli import run
from rescue_desk.domain.stats import Period
from rescue_desk.services.reports import period_report
from rescue_desk.storage import open_database
from rescue_desk.ui import i18n
from rescue_desk.ui.reports.pdf import write_report_pdf

from reports_helpers import station_url, window  # noqa: F401  (fixtures)


def open_pdf(path: Path) -> QPdfDocument:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def all_text(doc: QPdfDocument) -> str:
    return "\n".join(doc.getAllText(i).text() for i in range(doc.pageCount()))


def ink(doc: QPdfDocument, page: int) -> tuple[float, int]:
    """(share of non-white pixels, pixels of the chart blue) on a rendered page."""
    img = doc.render(page, QSize(595, 842))
    dark = blue = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = QColor.fromRgba(img.pixel(x, y))
            if c.alpha() < 128:  # the page background renders transparent
                continue
            if c.lightness() < 245:
                dark += 1
            if abs(c.red() - 0x1B) < 30 and abs(c.green() - 0x6C) < 30 and abs(c.blue() - 0xA8) < 30:
                blue += 1
    return dark / ((img.width() // 2) * (img.height() // 2)), blue


def test_dashboard_pdf_contains_the_figures(window, tmp_path):
    page = window.reports_page
    out = tmp_path / "report.pdf"
    page.export_pdf(str(out))
    assert window.ctx.worker.wait_idle(10000)
    assert str(out) in page.status.text()
    doc = open_pdf(out)
    assert doc.pageCount() >= 3
    first = doc.getAllText(0).text()
    assert "Annual report 2025" in first
    assert "Incidents 3 1 +2 (+200%)" in " ".join(first.split())
    assert "Deaths 1 0 +1 (new)" in " ".join(first.split())
    text = all_text(doc)
    for words in ("Incidents by cause", "Incidents by section of the kora", "Busiest days", "2025-06-11"):
        assert words in text
    share, blue = ink(doc, 0)
    assert 0.02 < share < 0.6 and blue > 50  # tables and the blue month bars are drawn


def test_export_to_a_missing_folder_says_so(window, tmp_path):
    page = window.reports_page
    page.export_pdf(str(tmp_path / "no" / "such" / "r.pdf"))
    assert window.ctx.worker.wait_idle(10000)
    assert "Could not write the PDF" in page.status.text()


def test_cli_pdf_in_chinese(station_url, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "年报.pdf"
    assert run(["--db", station_url, "--lang", "zh", "report", "--year", "2025", "--pdf", str(out)]) == 0
    assert "PDF written" in capsys.readouterr().err
    doc = open_pdf(out)
    text = " ".join(all_text(doc).split())
    assert "2025" in text and "+2 (+200%)" in text
    assert "年度报告" in text  # translated title
    assert ink(doc, 1)[0] > 0.02
    i18n.install_translators("en")  # the CLI installed Chinese on the test's application


def test_range_report_pdf(station_url, tmp_path, qapp):  # noqa: F811
    db = open_database(station_url)
    report = period_report(db, Period.years(2024, 2025), compare=False)
    db.dispose()
    write_report_pdf(report, tmp_path / "r.pdf", "en")
    text = all_text(open_pdf(tmp_path / "r.pdf"))
    assert "Annual report 2024–2025" in text and "Change" not in text.split("Response times")[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_of_an_empty_year(tmp_path, qapp, lang, sqlite_url):
    db = open_database(sqlite_url)
    report = period_report(db, Period.year(2019))
    db.dispose()
    write_report_pdf(report, tmp_path / "empty.pdf", lang)
    assert open_pdf(tmp_path / "empty.pdf").pageCount() >= 1
