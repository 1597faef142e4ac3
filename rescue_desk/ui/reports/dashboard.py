"""The "Statistics" page: choose a year (or a range of years), see the station's totals against the
year before, charts by month, week, cause, outcome, origin and section, the heat strip and route
map, response times and the busiest days; export PDF/CSV; import a historical logbook.

Database work goes through ``ctx.worker`` (the one database thread); results arrive on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QRadioButton, QScrollArea, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from rescue_desk.domain.clock import to_beijing, utc_now
from rescue_desk.domain.stats import Period, Report
from rescue_desk.services.reports import check_export, export_period_csv, period_report, years_with_data
from rescue_desk.storage.errors import PermissionDenied
from rescue_desk.storage.models_reports import HOME_STATION

from . import charts, crew
from .figures import change_text, response_rows, total_labels
from .heat import HeatStrip, RouteHeat

CHART_HEIGHT = 300


class FigureTile(QFrame):
    """One headline figure: the number, its caption, and the change against the year before."""

    def __init__(self, key: str, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("FigureTile { background: #f4f7fb; border: 1px solid #d5dde8; border-radius: 6px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        self.value = QLabel("—")
        self.value.setObjectName("value")
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 2.0)
        f.setBold(True)
        self.value.setFont(f)
        self.caption = QLabel(caption)
        self.change = QLabel("")
        self.change.setObjectName("change")
        self.change.setStyleSheet("color: #555;")
        self.change.setWordWrap(True)
        for w in (self.value, self.caption, self.change):
            lay.addWidget(w)

    def set_figure(self, value: int, previous: int | None, previous_label: str) -> None:
        self.value.setText(f"{value:,}")
        self.change.setText("" if previous is None else f"{previous_label}: {previous:,}  {change_text(value, previous)}")


def _pdf_allowed(db, actor: str) -> bool:
    """Database thread: PermissionDenied unless ``actor`` may export records; then whether the
    database holds synthetic (demo) data, for the PDF's banner."""
    from rescue_desk.services.demo import is_synthetic

    check_export(db, actor)
    return is_synthetic(db)


class ReportsPage(QWidget):
    """The statistics dashboard. ``reportShown`` fires after a report is on screen (tests, benches),
    ``exported(path)`` after a PDF or CSV export was written."""

    reportShown = Signal()
    exported = Signal(str)

    def __init__(self, ctx, map_controller=None, parent: QWidget | None = None, station: str | None = HOME_STATION):
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.ctx = ctx
        self.station = station  # this desk's station; None = every station in the database
        self.map = map_controller
        self.lang = ctx.lang
        self.report: Report | None = None
        self._dirty = False
        self._notice = ""
        self._views: dict[str, QChartView] = {}
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_bar())
        outer.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._build_body()
        ctx.bridge.incidentsChanged.connect(self._data_changed)
        ctx.worker.submit(years_with_data, ctx.db, station, on_done=self._set_years, on_error=self._failed)

    # --- building -----------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.mode_year = QRadioButton(self.tr("Year"))
        self.mode_range = QRadioButton(self.tr("Years from"))
        self.mode_year.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mode_year)
        group.addButton(self.mode_range)
        self.year_box = QComboBox()
        self.year_box.setObjectName("yearBox")
        self.to_box = QComboBox()
        self.to_box.setObjectName("toYearBox")
        self.to_box.setEnabled(False)
        self.mode_range.toggled.connect(self.to_box.setEnabled)
        self.mode_range.toggled.connect(lambda _on: self.reload())
        self.year_box.activated.connect(lambda _i: self.reload())
        self.to_box.activated.connect(lambda _i: self.reload())
        self.status = QLabel("")
        self.status.setObjectName("reportStatus")
        self.status.setStyleSheet("color: #444;")
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("exportPdf")
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("exportCsv")
        self.import_button = QPushButton(self.tr("Import logbook…"))
        self.import_button.setObjectName("importLogbook")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.import_button.clicked.connect(lambda: self.import_logbook())
        for w in (self.mode_year, self.mode_range, self.year_box, QLabel(self.tr("to")), self.to_box):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.pdf_button, self.csv_button, self.import_button):
            bar.addWidget(w)
        return bar

    def _build_body(self) -> None:
        tiles = QGridLayout()
        self.tiles = {key: FigureTile(key, caption) for key, caption in total_labels().items()}
        for i, t in enumerate(self.tiles.values()):
            tiles.addWidget(t, i // 4, i % 4)
        self.grid.addLayout(tiles, 0, 0, 1, 2)
        self._chart_slot("months", 1, 0, 1, 2)
        self._chart_slot("causes", 2, 0)
        self._chart_slot("outcomes", 2, 1)
        self._chart_slot("origins", 3, 0)
        response = QVBoxLayout()
        response.addWidget(self._heading(self.tr("Response times (minutes)")))
        self.response_table = self._table("responseTable")
        response.addWidget(self.response_table)
        response.addStretch(1)
        self.grid.addLayout(response, 3, 1)
        where = QVBoxLayout()
        where.addWidget(self._heading(self.tr("Where: incidents along the kora")))
        self.route_heat = RouteHeat(self.ctx.kora, self.lang)
        where.addWidget(self.route_heat, 1)
        self.unplaced_note = QLabel("")
        where.addWidget(self.unplaced_note)
        self.grid.addLayout(where, 4, 0)
        days = QVBoxLayout()
        days.addWidget(self._heading(self.tr("Busiest days (rescue trips that left)")))
        self.days_table = self._table("busiestDays")
        days.addWidget(self.days_table)
        self.days_note = QLabel("")
        self.days_note.setWordWrap(True)
        self.days_note.setMinimumWidth(200)
        days.addWidget(self.days_note)
        days.addStretch(1)
        self.grid.addLayout(days, 4, 1)
        self.heat_strip = HeatStrip(self.ctx.kora, self.lang)
        self.grid.addWidget(self.heat_strip, 5, 0, 1, 2)
        self._chart_slot("sections", 6, 0, 1, 2, height=520)
        self._chart_slot("weeks", 7, 0, 1, 2)
        self.officer_table, self.vehicle_table = self._table("byOfficer"), self._table("byVehicle")
        for col, (title, table) in enumerate(zip(crew.headings(), (self.officer_table, self.vehicle_table))):
            box = QVBoxLayout()
            box.addWidget(self._heading(title))
            box.addWidget(table)
            box.addStretch(1)
            self.grid.addLayout(box, 8, col)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        f = QFont(label.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        label.setFont(f)
        return label

    def _table(self, name: str) -> QTableWidget:
        t = QTableWidget()
        t.setObjectName(name)
        t.verticalHeader().hide()
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        t.setMinimumWidth(200)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return t

    def _chart_slot(self, name: str, row: int, col: int, rows: int = 1, cols: int = 1,
                    height: int = CHART_HEIGHT) -> None:
        view = QChartView()
        view.setObjectName(f"chart_{name}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(height)
        view.setMinimumWidth(260)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._views[name] = view
        self.grid.addWidget(view, row, col, rows, cols)

    # --- data -----------------------------------------------------------------------------
    def _set_years(self, years: list[int], keep: int | None = None) -> None:
        """Fill the year choosers and load a report: ``keep`` if still there, else the last full year."""
        this_year = to_beijing(utc_now()).year
        years = years or [this_year]
        for box in (self.year_box, self.to_box):
            box.clear()
            for y in reversed(years):
                box.addItem(str(y), y)
        done = [y for y in years if y < this_year]
        default = keep if keep in years else (done[-1] if done else years[-1])
        self.year_box.setCurrentIndex(self.year_box.findData(default))
        self.to_box.setCurrentIndex(0)
        self.reload()

    def period(self) -> Period | None:
        first = self.year_box.currentData()
        if first is None:
            return None
        if self.mode_range.isChecked() and self.to_box.currentData() is not None:
            a, b = sorted((first, self.to_box.currentData()))
            return Period.years(a, b)
        return Period.year(first)

    def reload(self) -> None:
        """Fetch the chosen period's report on the database worker; ``show_report`` displays it."""
        period = self.period()
        if period is None:
            return
        self.status.setText(self.tr("Loading…"))
        self.ctx.worker.submit(period_report, self.ctx.db, period, self.station, self.ctx.kora,
                               period.calendar_year is not None, on_done=self.show_report, on_error=self._failed)

    def _data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        """Re-read which years have data (keeping the chosen year), then reload the report."""
        current = self.year_box.currentData()
        self.ctx.worker.submit(years_with_data, self.ctx.db, self.station,
                               on_done=lambda ys: self._set_years(ys, keep=current),
                               on_error=self._failed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not load the statistics: %1").replace("%1", str(exc)))

    def show_report(self, report: Report) -> None:
        """Put ``report`` on screen (GUI thread) and the heat on the map."""
        self.report = report
        prev_label = report.period.previous().label
        for key, tile in self.tiles.items():
            prev = None if report.previous is None else getattr(report.previous, key)
            tile.set_figure(getattr(report.totals, key), prev, prev_label)
        font = QFont(self.font())
        for name, build in charts.CHARTS.items():
            old = self._views[name].chart()
            self._views[name].setChart(build(report, self.lang, font))
            if old is not None and isinstance(old, QChart):
                old.deleteLater()
        self._fill(self.response_table, response_rows(report))
        rows = [[self.tr("Day"), self.tr("Trips")]] + [[d.isoformat(), str(n)] for d, n in report.busiest_days]
        self._fill(self.days_table, rows)
        self.days_note.setText("  ".join(self.tr("%1 trip(s): %2 day(s)").replace("%1", str(k)).replace("%2", str(v))
                                         for k, v in report.days_by_trips.items()))
        self._fill(self.officer_table, crew.officer_rows(report))
        self._fill(self.vehicle_table, crew.vehicle_rows(report))
        self.heat_strip.set_heat(report.heat_per_km)
        self.route_heat.set_heat(report.heat_per_km)
        self.unplaced_note.setText(self.tr("%n incident(s) without a position are not on the map.", "",
                                           report.unplaced) if report.unplaced else "")
        if self.map is not None:
            self.map.set_heat([float(v) for v in report.heat_per_km])
        status = self.tr("%1 · Beijing time · drills excluded").replace("%1", report.period.label)
        self.status.setText(f"{status} — {self._notice}" if self._notice else status)
        self._notice = ""
        self.reportShown.emit()

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(rows[0]))
        table.setRowCount(len(rows) - 1)
        table.setHorizontalHeaderLabels(rows[0])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for r, row in enumerate(rows[1:]):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.setFixedHeight(table.horizontalHeader().height() + sum(table.rowHeight(i) for i in range(table.rowCount()))
                             + 4)

    # --- exports and import ----------------------------------------------------------------
    def _suggested(self, ext: str) -> str:
        label = self.report.period.label.replace("–", "-").replace(" ", "") if self.report else "report"
        return str(Path.home() / f"rescue-report-{label}.{ext}")

    def export_pdf(self, path: str | None = None) -> None:
        """Write the shown report as PDF (asks where unless ``path``) once the signed-in account's
        export permission is confirmed on the database worker; ``exported(path)`` when written."""
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), self._suggested("pdf"), "PDF (*.pdf)")
            if not path:
                return
        report = self.report
        self.ctx.worker.submit(_pdf_allowed, self.ctx.db, self.ctx.actor,
                               on_done=lambda synthetic: self._write_pdf(report, path, synthetic),
                               on_error=self._export_failed)

    def _write_pdf(self, report: Report, path: str, synthetic: bool) -> None:
        from .pdf import write_report_pdf

        try:
            write_report_pdf(report, path, self.lang, synthetic=synthetic, kora=self.ctx.kora)
        except OSError as exc:
            self.status.setText(self.tr("Could not write the PDF: %1").replace("%1", str(exc)))
            return
        self.status.setText(self.tr("PDF written to %1").replace("%1", path))
        self.exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PermissionDenied):
            self.status.setText(self.tr("Not exported: only the station chief and the administrator may "
                                        "export records."))
        else:
            self.status.setText(self.tr("Not exported: %1").replace("%1", str(exc)))

    def export_csv(self, path: str | None = None) -> None:
        """Write the counted incidents of the shown period as CSV (on the database worker)."""
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), self._suggested("csv"), "CSV (*.csv)")
            if not path:
                return

        def done(text: str) -> None:
            try:
                Path(path).write_text(text, encoding="utf-8-sig")
            except OSError as exc:
                self.status.setText(self.tr("Could not write the CSV: %1").replace("%1", str(exc)))
                return
            self.status.setText(self.tr("CSV written to %1").replace("%1", path))
            self.exported.emit(path)

        self.ctx.worker.submit(export_period_csv, self.ctx.db, self.ctx.actor, self.report.period, self.station,
                               self.lang, on_done=done, on_error=self._export_failed)

    def import_logbook(self, path: str | None = None) -> None:
        """Import a logbook CSV with a progress dialog; the work runs on the database worker."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import logbook"), str(Path.home()), "CSV (*.csv)")
            if not path:
                return
        from .importing import ImportRunner

        self._import = ImportRunner(self, self.ctx, Path(path))
        self._import.finished.connect(self._imported)
        self._import.start()

    def _imported(self, summary: str) -> None:
        self.status.setText(summary)
        self._notice = summary
        self.ctx.notices.poll_now()  # the log announces the imported incidents: map, board and this page reload
