"""Reference layers drawn once per scene: the route (by elevation or by section), km ticks, access roads."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from rescue_desk.domain.kora import Kora

from . import projection
from .style import SECTION_COLOURS, elevation_colour


class RouteItem(QGraphicsItem):
    """The kora centreline, coloured by elevation (default) or by section, with a cosmetic pen."""

    def __init__(self, kora: Kora, parent=None):
        super().__init__(parent)
        self.kora = kora
        self.xs, self.ys = projection.utm_to_scene_xy(kora.route_utm)
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(self.xs), np.diff(self.ys)))]) / 1000.0
        self.mid_km = (cum[:-1] + cum[1:]) / 2
        self._bounds = QRectF(QPointF(self.xs.min(), self.ys.min()), QPointF(self.xs.max(), self.ys.max()))
        self.mode = "elevation"
        self._runs: list[tuple[QColor, QPolygonF, QRectF]] = []
        self.setZValue(10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposed rect for culling
        self.set_mode("elevation")

    def set_mode(self, mode: str) -> None:
        """"elevation" or "section"."""
        self.mode = mode
        if mode == "section":
            segs = self.kora.segments()
            starts = np.array([s.from_km for s in segs])
            idx = np.searchsorted(starts, self.mid_km, side="right") - 1
            keys = [int(i) % len(SECTION_COLOURS) for i in idx]
            colour_of = {k: SECTION_COLOURS[k] for k in set(keys)}
        else:
            z = self.kora.elevation_at(self.mid_km)
            keys = [int(round(v / 40.0)) for v in z]
            colour_of = {k: elevation_colour(k * 40.0) for k in set(keys)}
        self._runs = []
        start = 0
        for i in range(1, len(keys) + 1):
            if i == len(keys) or keys[i] != keys[start]:
                pts = QPolygonF([QPointF(self.xs[j], self.ys[j]) for j in range(start, i + 1)])
                self._runs.append((colour_of[keys[start]], pts, pts.boundingRect()))
                start = i
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-50, -50, 50, 50)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        margin = 10 / max(painter.worldTransform().m11(), 1e-9)
        exposed = option.exposedRect.adjusted(-margin, -margin, margin, margin)
        runs = [r for r in self._runs if exposed.intersects(r[2])]
        casing = QPen(QColor(255, 255, 255, 230), 6.5)
        casing.setCosmetic(True)
        casing.setCapStyle(Qt.PenCapStyle.RoundCap)
        casing.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(casing)
        for _c, pts, _r in runs:
            painter.drawPolyline(pts)
        for colour, pts, _r in runs:
            pen = QPen(colour, 4)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPolyline(pts)


class KmTicksItem(QGraphicsItem):
    """A tick across the route every km and a label every 5 km, drawn at a constant pixel size."""

    def __init__(self, kora: Kora, parent=None):
        super().__init__(parent)
        kms = np.arange(0, int(kora.length_km) + 1, dtype=float)
        kms = kms[kms < kora.length_km - 0.5]
        a = np.array([kora.utm_at(k) for k in kms])
        b = np.array([kora.utm_at(k + 0.02) for k in kms])
        self.kms = kms
        self.pts = [QPointF(x, -y) for x, y in a]
        d = np.column_stack([b[:, 0] - a[:, 0], -(b[:, 1] - a[:, 1])])
        d /= np.linalg.norm(d, axis=1)[:, None]
        self.normals = [QPointF(-dy, dx) for dx, dy in d]
        xs, ys = a[:, 0], -a[:, 1]
        self._bounds = QRectF(QPointF(xs.min(), ys.min()), QPointF(xs.max(), ys.max())).adjusted(-2000, -2000, 2000, 2000)
        self.setZValue(32)
        self.font = QFont()
        self.font.setPointSizeF(7.5)
        self.labels = {}
        for km in kms:
            st = QStaticText(f"{int(km)}")
            st.prepare(font=self.font)
            self.labels[int(km)] = st

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        t = painter.worldTransform()
        scale = t.m11()
        every = 5 if scale < 0.06 else 1
        painter.save()
        painter.resetTransform()
        pen = QPen(QColor("#333"), 1.5)
        painter.setPen(pen)
        painter.setFont(self.font)
        for km, p, n in zip(self.kms, self.pts, self.normals):
            q = t.map(p)
            major = int(km) % 5 == 0
            half = 7 if major else 4
            painter.drawLine(q - n * half, q + n * half)
            if int(km) % every == 0:
                label = QPointF(q.x() - n.x() * 16, q.y() - n.y() * 16)
                rect = QRectF(label.x() - 14, label.y() - 7, 28, 14)
                painter.fillRect(rect.adjusted(6, 1, -6, -1), QColor(255, 255, 255, 170))
                st = self.labels[int(km)]
                size = st.size()
                painter.drawStaticText(QPointF(label.x() - size.width() / 2, label.y() - size.height() / 2), st)
        painter.restore()


def access_line_items(kora: Kora) -> list[QGraphicsPathItem]:
    """Access roads and paths: solid brown roads, dashed for probable ones, dotted grey footpaths."""
    items = []
    for line in kora.access_lines:
        path: QPainterPath = projection.path_of(line.coords)
        item = QGraphicsPathItem(path)
        probable = "probable" in line.kind or line.confidence == "low"
        if line.kind == "footpath":
            pen = QPen(QColor("#616161"), 2, Qt.PenStyle.DotLine)
        else:
            pen = QPen(QColor("#8d6e63"), 3, Qt.PenStyle.DashLine if probable else Qt.PenStyle.SolidLine)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setZValue(5)
        item.setData(0, line.id)
        item.setToolTip(f"{line.name_zh}\n{line.name_en}")
        items.append(item)
    return items
