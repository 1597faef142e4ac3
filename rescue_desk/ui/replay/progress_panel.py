"""Each trainee's drill scores over time, as a line chart (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rescue_desk.services.training import trainee_progress, trainees

from .texts import beijing_text


class ProgressPanel(QWidget):
    """Pick a trainee; the chart shows the score (0–100) of each attempt in order."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.ctx = ctx
        self.points = []
        self.picker = QComboBox(objectName="progressTrainee")
        self.summary = QLabel(objectName="progressSummary")
        self.summary.setWordWrap(True)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.series = QLineSeries()
        self.series.setPen(QPen(QColor("#00695c"), 2))
        self.dots = QScatterSeries()
        self.dots.setMarkerSize(8)
        self.dots.setColor(QColor("#00695c"))
        self.chart.addSeries(self.series)
        self.chart.addSeries(self.dots)
        self.x_axis = QValueAxis()
        self.x_axis.setLabelFormat("%d")
        self.x_axis.setTitleText(self.tr("Attempt"))
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 100)
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(self.tr("Score"))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in (self.series, self.dots):
            s.attachAxis(self.x_axis)
            s.attachAxis(self.y_axis)
        self.view = QChartView(self.chart, objectName="progressChart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Trainee")))
        row.addWidget(self.picker, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)
        self.picker.currentIndexChanged.connect(lambda _i: self.load(self.picker.currentText()))
        self._show([])

    def refresh(self, select: str | None = None) -> None:
        """Reload the trainees (worker) and show ``select`` (or the current one)."""
        keep = select or self.picker.currentText()
        self.ctx.worker.submit(trainees, self.ctx.db, on_done=lambda names: self._fill(names, keep))

    def _fill(self, names, keep) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItems(names)
        if keep in names:
            self.picker.setCurrentIndex(names.index(keep))
        self.picker.blockSignals(False)
        self.load(self.picker.currentText())

    def load(self, trainee: str) -> None:
        if not trainee:
            self._show([])
            return
        self.ctx.worker.submit(trainee_progress, self.ctx.db, trainee, on_done=self._show)

    def _show(self, points) -> None:
        self.points = list(points)
        self.series.clear()
        self.dots.clear()
        for i, p in enumerate(self.points, start=1):
            self.series.append(i, p.score)
            self.dots.append(i, p.score)
        self.x_axis.setRange(1, max(2, len(self.points)))
        self.x_axis.setTickCount(min(max(2, len(self.points)), 11))
        if not self.points:
            self.summary.setText(self.tr("No attempts yet."))
            return
        last = self.points[-5:]
        mean = sum(p.score for p in last) / len(last)
        err = sum(p.distance_error_km for p in last) / len(last)
        self.summary.setText(self.tr("%1 attempts, the last on %2. Last five: mean score %3, mean distance error %4 km.")
                             .replace("%1", str(len(self.points))).replace("%2", beijing_text(self.points[-1].at, False))
                             .replace("%3", f"{mean:.0f}").replace("%4", f"{err:.2f}"))
