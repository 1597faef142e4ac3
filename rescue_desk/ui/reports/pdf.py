"""The printable annual report: A4 PDF with title, key figures against last year, response times,
the charts (QtCharts rendered as vectors), the section table and the heat strip and route map.

``write_report_pdf`` runs on the GUI thread (or, from the CLI, creates an offscreen application)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from rescue_desk.domain.clock import format_beijing, utc_now
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.stats import Report

from . import charts, crew
from .figures import figure_rows, response_rows
from .heat import paint_route, paint_strip

DPI = 144
CHART_W = 900.0
_HEADLESS_APP: list[QApplication] = []  # charts are laid out at this width (screen pixels), then scaled onto the page


def ensure_application() -> QApplication:
    """The running QApplication, or a new one (offscreen without a display) for the CLI."""
    app = QApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["rescue-desk-report"])
    _HEADLESS_APP.append(app)  # keep it alive for the rest of the process
    return app


def write_report_pdf_headless(report: Report, path: Path | str, lang: str = "zh", synthetic: bool = False) -> None:
    """``rescue-desk report --pdf``: a Qt application (offscreen without a display) with the shipped
    fonts and the translations for ``lang``, then ``write_report_pdf``."""
    ensure_application()
    from rescue_desk.ui import fonts, i18n

    fonts.install_fonts()
    i18n.install_translators(lang)
    write_report_pdf(report, path, lang, synthetic=synthetic)


class _Page:
    """A cursor down the page's paint rectangle (device pixels at ``DPI``)."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, base: QFont):
        self.writer, self.p, self.base = writer, painter, base
        self.rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        self.rect.moveTo(0, 0)
        self.y = 0.0

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        f = QFont(self.base)
        f.setPointSizeF(self.base.pointSizeF() * scale)
        f.setBold(bold)
        return f

    def room(self, height: float) -> None:
        if self.y + height > self.rect.height():
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, scale: float = 1.0, bold: bool = False, colour: str = "#111111",
             gap: float = 0.35) -> None:
        self.p.setFont(self.font(scale, bold))
        self.p.setPen(QColor(colour))
        h = self.p.fontMetrics().boundingRect(QRectF(0, 0, self.rect.width(), 10000).toRect(),
                                              int(Qt.TextFlag.TextWordWrap), text).height()
        self.room(h)
        self.p.drawText(QRectF(0, self.y, self.rect.width(), h), int(Qt.TextFlag.TextWordWrap), text)
        self.y += h + self.p.fontMetrics().height() * gap

    def table(self, rows: list[list[str]], widths: list[float], header: bool = True) -> None:
        """Rows of cells; ``widths`` are fractions of the page width; first column left-aligned."""
        self.p.setFont(self.font(0.95))
        line_h = self.p.fontMetrics().height() * 1.45
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + w * self.rect.width())
        for r, row in enumerate(rows):
            self.room(line_h)
            bold = header and r == 0
            self.p.setFont(self.font(0.95, bold))
            if bold:
                self.p.fillRect(QRectF(0, self.y, xs[-1], line_h), QColor("#e8eef5"))
            elif r % 2 == 0:
                self.p.fillRect(QRectF(0, self.y, xs[-1], line_h), QColor("#f7f7f7"))
            self.p.setPen(QColor("#111111"))
            for c, cell in enumerate(row):
                align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                cell_rect = QRectF(xs[c] + 8, self.y, xs[c + 1] - xs[c] - 16, line_h)
                self.p.drawText(cell_rect, int(align | Qt.AlignmentFlag.AlignVCenter), cell)
            self.y += line_h
        self.p.setPen(QPen(QColor("#b0b0b0"), 1))
        self.p.drawLine(0, int(self.y), int(xs[-1]), int(self.y))
        self.y += line_h * 0.6

    def chart(self, chart: QChart, aspect: float) -> None:
        """Render ``chart`` (laid out CHART_W wide, ``aspect`` = height/width) across the page."""
        w, h = self.rect.width(), self.rect.width() * aspect
        self.room(h)
        scene = QGraphicsScene()
        scene.addItem(chart)
        chart.setGeometry(QRectF(0, 0, CHART_W, CHART_W * aspect))
        scene.render(self.p, QRectF(0, self.y, w, h), QRectF(0, 0, CHART_W, CHART_W * aspect))
        self.y += h + 12
        scene.removeItem(chart)

    def chart_pair(self, left: QChart, right: QChart, aspect: float) -> None:
        """Two charts side by side, each half the page wide (``aspect`` of each half)."""
        half = self.rect.width() / 2
        h = half * aspect
        lw = CHART_W * 0.62  # laid out a little wider than half: axis labels keep their room
        self.room(h)
        for i, chart in enumerate((left, right)):
            scene = QGraphicsScene()
            scene.addItem(chart)
            chart.setGeometry(QRectF(0, 0, lw, lw * aspect))
            scene.render(self.p, QRectF(i * half, self.y, half, h), QRectF(0, 0, lw, lw * aspect))
            scene.removeItem(chart)
        self.y += h + 12

    def drawing(self, height: float, paint) -> None:
        self.room(height)
        paint(QRectF(0, self.y, self.rect.width(), height))
        self.y += height + 12


LATIN_FIRST = ("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica")


def pdf_font(point_size: float) -> QFont:
    """The application font with a Latin face first where one is installed: digits set in the
    shipped CJK subset lose their Unicode mapping in Qt's PDF output (copying "2025" from the PDF
    gives control characters), Latin faces keep it; Chinese still comes from the CJK font."""
    font = QFont(QGuiApplication.font())
    latin = [f for f in LATIN_FIRST if QFontDatabase.hasFamily(f)][:1]
    font.setFamilies(latin + [f for f in font.families() if f not in latin])
    font.setPointSizeF(point_size)
    return font


def _title(report: Report, station: str | None) -> str:
    return QCoreApplication.translate("Reports", "Annual report %1").replace("%1", report.period.label) + (
        f" — {station}" if station else "")


def write_report_pdf(report: Report, path: Path | str, lang: str = "zh", station: str | None = None,
                     synthetic: bool = False, kora: Kora | None = None) -> None:
    """Write the report as an A4 PDF at ``path`` (overwritten). GUI thread; labels come from the
    translators installed on the running application, code labels from ``lang``. OSError when the
    file cannot be created."""
    folder = Path(path).resolve().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OSError(f"cannot write {path}: the folder {folder} does not exist or is read-only")
    ensure_application()
    kora = kora or load_kora()
    base = pdf_font(10.0)
    chart_font = pdf_font(10.5)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter))
    writer.setTitle(_title(report, station))
    writer.setCreator("Rescue Desk")
    painter = QPainter()
    if not painter.begin(writer):  # folder missing or not writable
        raise OSError(f"cannot write {path}: the file cannot be created there")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        pg = _Page(writer, painter, base)
        pg.text(_title(report, station), 2.0, bold=True, gap=0.15)
        pg.text(QCoreApplication.translate("Reports", "Darchen (Tarchen) mountain-rescue station · Beijing time · "
                                           "drill records excluded · printed %1").replace(
            "%1", format_beijing(utc_now())), 0.9, colour="#555555")
        if synthetic:
            pg.text(QCoreApplication.translate("Reports", "SYNTHETIC DEMO DATA — not real rescues"), 1.0, bold=True,
                    colour="#b2182b")
        pg.text(QCoreApplication.translate("Reports", "Key figures"), 1.3, bold=True)
        pg.table(figure_rows(report), [0.34, 0.2, 0.2, 0.26])
        pg.text(QCoreApplication.translate("Reports", "Response times (minutes)"), 1.3, bold=True)
        pg.table(response_rows(report), [0.4, 0.2, 0.2, 0.2])
        pg.chart(charts.months_chart(report, lang, chart_font), 0.38)
        pg.chart(charts.causes_chart(report, lang, chart_font), 0.36)
        pg.chart_pair(charts.outcomes_chart(report, lang, chart_font),
                      charts.origins_chart(report, lang, chart_font), 0.62)
        pg.text(QCoreApplication.translate("Reports", "Where: incidents along the kora"), 1.3, bold=True)
        pg.drawing(pg.rect.width() * 0.11, lambda r: paint_strip(painter, r, report.heat_per_km, kora, lang,
                                                                 pg.font(0.85)))
        pg.drawing(pg.rect.width() * 0.55, lambda r: paint_route(painter, r, report.heat_per_km, kora, lang,
                                                                 pg.font(0.9)))
        pg.chart(charts.sections_chart(report, lang, chart_font), 0.75)
        if report.unplaced:
            note = QCoreApplication.translate("Reports", "%n incident(s) without a position are not on the map.", "",
                                              report.unplaced)
            pg.text(note, 0.9, colour="#555555")
        pg.chart(charts.weeks_chart(report, lang, chart_font), 0.38)
        pg.text(QCoreApplication.translate("Reports", "Busiest days (rescue trips that left)"), 1.3, bold=True)
        rows = [[QCoreApplication.translate("Reports", "Day"), QCoreApplication.translate("Reports", "Trips")]]
        rows += [[d.isoformat(), str(n)] for d, n in report.busiest_days]
        pg.table(rows, [0.3, 0.15])
        hist = "  ".join(QCoreApplication.translate("Reports", "%1 trip(s): %2 day(s)").replace("%1", str(k))
                         .replace("%2", str(v)) for k, v in report.days_by_trips.items())
        if hist:
            pg.text(hist, 0.9, colour="#333333")
        if report.by_officer or report.by_vehicle:
            per_officer, per_vehicle = crew.headings()
            pg.text(per_officer, 1.3, bold=True)
            pg.table(crew.officer_rows(report), [0.28, 0.12, 0.2, 0.15, 0.25])
            pg.text(per_vehicle, 1.3, bold=True)
            pg.table(crew.vehicle_rows(report), [0.4, 0.15, 0.2, 0.2])
            pg.text(crew.crew_note(), 0.85, colour="#555555")
    finally:
        painter.end()
