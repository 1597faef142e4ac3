"""ProfileView: elevation against chainage, landmarks marked; hovering emits ``hoveredKm``."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from rescue_desk.domain.kora import Kora

from ..map.landmarks_layer import short_title
from ..map.style import elevation_colour

MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 46.0, 12.0, 22.0, 20.0


class ProfileView(QWidget):
    """Elevation profile of the kora. ``highlight_km(km)`` marks a chainage (from the map's hover);
    moving the mouse emits ``hoveredKm(km)``; leaving emits ``hoverLeft()``."""

    hoveredKm = Signal(float)
    hoverLeft = Signal()

    def __init__(self, kora: Kora, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.lang = lang
        self.highlighted_km: float | None = None
        self.set_kora(kora)

    def set_kora(self, kora: Kora) -> None:
        self.kora = kora
        self.km = np.asarray(kora.profile_km, float)
        self.z = np.asarray(kora.profile_m, float)
        self.z_min = float(np.floor((self.z.min() - 50) / 100) * 100)
        self.z_max = float(np.ceil((self.z.max() + 80) / 100) * 100)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, 150)

    # --- coordinates -------------------------------------------------------------------
    def _plot(self) -> QRectF:
        return QRectF(MARGIN_L, MARGIN_T, max(10.0, self.width() - MARGIN_L - MARGIN_R),
                      max(10.0, self.height() - MARGIN_T - MARGIN_B))

    def x_of_km(self, km: float) -> float:
        r = self._plot()
        return r.left() + r.width() * km / self.kora.length_km

    def km_of_x(self, x: float) -> float:
        r = self._plot()
        return min(self.kora.length_km, max(0.0, (x - r.left()) / r.width() * self.kora.length_km))

    def y_of_z(self, z: float) -> float:
        r = self._plot()
        return r.bottom() - r.height() * (z - self.z_min) / (self.z_max - self.z_min)

    # --- linking -------------------------------------------------------------------------
    def highlight_km(self, km: float | None) -> None:
        """Draw a vertical marker at ``km`` (None removes it)."""
        self.highlighted_km = None if km is None else float(km) % self.kora.length_km
        self.update()

    def mouseMoveEvent(self, event) -> None:
        x = event.position().x()
        if self._plot().left() <= x <= self._plot().right():
            km = self.km_of_x(x)
            self.highlight_km(km)
            self.hoveredKm.emit(km)

    def leaveEvent(self, event) -> None:
        self.highlight_km(None)
        self.hoverLeft.emit()

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#fbfaf6"))
        r = self._plot()
        small = QFont(self.font())
        small.setPointSizeF(7.5)
        p.setFont(small)
        fm = QFontMetricsF(small)
        p.setPen(QPen(QColor("#d0ccc0"), 1))
        for z in range(int(self.z_min), int(self.z_max) + 1, 200):
            y = self.y_of_z(z)
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(QColor("#555"))
            p.drawText(QRectF(0, y - 7, MARGIN_L - 4, 14), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{z}")
            p.setPen(QPen(QColor("#d0ccc0"), 1))
        step = 5 if r.width() > 300 else 10
        for k in range(0, int(self.kora.length_km) + 1, step):
            x = self.x_of_km(k)
            p.setPen(QColor("#555"))
            p.drawText(QRectF(x - 15, r.bottom() + 2, 30, 14), Qt.AlignmentFlag.AlignCenter, f"{k}")
        p.drawText(QRectF(0, r.bottom() + 2, MARGIN_L - 4, 14), Qt.AlignmentFlag.AlignRight, "km")
        p.drawText(QRectF(0, 2, MARGIN_L - 4, 14), Qt.AlignmentFlag.AlignRight, "m")
        self._paint_area(p, r)
        self._paint_landmarks(p, r, fm)
        if self.highlighted_km is not None:
            self.paint_highlight(p, r, fm)
        p.end()

    def paint_highlight(self, p: QPainter, r: QRectF, fm) -> None:
        """The highlighted chainage: a vertical line, a dot on the profile and a "km · m" tag."""
        x = self.x_of_km(self.highlighted_km)
        z = float(self.kora.elevation_at(self.highlighted_km))
        p.setPen(QPen(QColor("#1a237e"), 1.5))
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        p.setBrush(QColor("#1a237e"))
        p.drawEllipse(QPointF(x, self.y_of_z(z)), 3.5, 3.5)
        text = f"{self.highlighted_km:.1f} km · {z:,.0f} m"
        w = fm.horizontalAdvance(text) + 8
        bx = x + 6 if x + 6 + w <= r.right() else x - 6 - w
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(26, 35, 126, 220))
        box = QRectF(bx, r.bottom() - 18, w, 16)
        p.drawRoundedRect(box, 3, 3)
        p.setPen(QColor("white"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_area(self, p: QPainter, r: QRectF) -> None:
        path = QPainterPath()
        path.moveTo(self.x_of_km(self.km[0]), r.bottom())
        for k, z in zip(self.km.tolist(), self.z.tolist()):
            path.lineTo(self.x_of_km(k), self.y_of_z(z))
        path.lineTo(self.x_of_km(self.km[-1]), r.bottom())
        path.closeSubpath()
        grad = QLinearGradient(0, self.y_of_z(self.z_max), 0, self.y_of_z(self.z_min))
        for z in (4600, 5000, 5350, 5650):
            t = (self.z_max - z) / (self.z_max - self.z_min)
            if 0 <= t <= 1:
                c = elevation_colour(z)
                c.setAlpha(150)
                grad.setColorAt(t, c)
        p.setPen(QPen(QColor("#3e2723"), 1.2))
        p.setBrush(grad)
        p.drawPath(path)

    def _paint_landmarks(self, p: QPainter, r: QRectF, fm: QFontMetricsF) -> None:
        marks = [lm for lm in self.kora.gazetteer.by_chainage() if lm.on_trail]
        important = {"darchen", "tarboche", "chuku_bridge_supply", "tamdrin_drongkhang", "gangjia", "dolma_la",
                     "shiva_tsal", "zutul_phuk", "zongdui_supply", "gauri_kund", "medicine_buddha_supply"}
        marks.sort(key=lambda lm: (lm.id not in important, not lm.medical_post, lm.chainage_km))
        taken: list[QRectF] = []
        for lm in marks:
            x = self.x_of_km(lm.chainage_km)
            y = self.y_of_z(float(self.kora.elevation_at(lm.chainage_km)))
            p.setPen(QPen(QColor("#6d4c41"), 1))
            p.drawLine(QPointF(x, y), QPointF(x, y - 5))
            name = short_title(lm, self.lang)
            w = fm.horizontalAdvance(name) + 4
            for dy in (18, 30, 42):
                box = QRectF(x - w / 2, y - dy - fm.height() / 2, w, fm.height())
                if box.top() < 0 or box.left() < r.left() - 4 or box.right() > self.width():
                    continue
                if not any(box.intersects(t) for t in taken):
                    taken.append(box)
                    if dy > 18:
                        p.setPen(QPen(QColor(109, 76, 65, 120), 0.8, Qt.PenStyle.DotLine))
                        p.drawLine(QPointF(x, y - 5), QPointF(x, box.bottom()))
                    p.setPen(QColor("#3e2723"))
                    p.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
                    break
