"""Overlays that follow the desk's state: estimate corridor, best estimate, draggable pin, tracks,
replay playhead, heat strip and hazard sections along the route, and the hover highlight."""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from rescue_desk.domain.kora import Kora

from . import projection
from .style import HAZARD_COLOURS, HAZARD_DEFAULT, heat_colour


def route_path(kora: Kora, from_km: float, to_km: float, step_km: float = 0.05) -> QPainterPath:
    """The route from ``from_km`` to ``to_km`` clockwise (wrapping past the start), in scene coordinates."""
    span = (to_km - from_km) % kora.length_km or (kora.length_km if to_km != from_km else 0.0)
    n = max(2, int(span / step_km) + 1)
    path = QPainterPath()
    for i, k in enumerate(np.linspace(from_km, from_km + span, n)):
        x, y = kora.utm_at(float(k))
        if i == 0:
            path.moveTo(x, -y)
        else:
            path.lineTo(x, -y)
    return path


class EstimateItem(QGraphicsItem):
    """The locator's corridor (filled polygons), best estimate (cross) and its radius circle."""

    def __init__(self):
        super().__init__()
        self.polygons: list[QPolygonF] = []
        self.best: QPointF | None = None
        self.radius_m: float | None = None
        self._bounds = QRectF()
        self.setZValue(50)

    def set_estimate(self, best: QPointF | None, polygons: list[QPolygonF], radius_m: float | None) -> None:
        self.prepareGeometryChange()
        self.polygons, self.best, self.radius_m = polygons, best, radius_m
        rect = QRectF()
        for poly in polygons:
            rect = rect.united(poly.boundingRect())
        if best is not None:
            r = (radius_m or 0) + 200
            rect = rect.united(QRectF(best.x() - r, best.y() - r, 2 * r, 2 * r))
        self._bounds = rect
        self.update()

    def is_empty(self) -> bool:
        return not self.polygons and self.best is None

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-100, -100, 100, 100)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pen = QPen(QColor(21, 101, 192, 230), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor(33, 150, 243, 70))
        for poly in self.polygons:
            painter.drawPolygon(poly)
        if self.best is None:
            return
        if self.radius_m:
            ring = QPen(QColor(21, 101, 192), 1.5)
            ring.setCosmetic(True)
            painter.setPen(ring)
            painter.setBrush(QColor(33, 150, 243, 40))
            painter.drawEllipse(self.best, self.radius_m, self.radius_m)
        q = painter.worldTransform().map(self.best)
        painter.save()
        painter.resetTransform()
        painter.setPen(QPen(QColor("white"), 5))
        painter.drawLine(q + QPointF(-9, 0), q + QPointF(9, 0))
        painter.drawLine(q + QPointF(0, -9), q + QPointF(0, 9))
        painter.setPen(QPen(QColor("#0d47a1"), 2.5))
        painter.drawLine(q + QPointF(-9, 0), q + QPointF(9, 0))
        painter.drawLine(q + QPointF(0, -9), q + QPointF(0, 9))
        painter.restore()


class PinItem(QGraphicsItem):
    """The officer's position pin: drawn at constant size, its tip on the position, draggable.

    ``on_moved(x, y)`` is called with the scene position when a drag ends."""

    def __init__(self, on_moved: Callable[[float, float], None]):
        super().__init__()
        self.on_moved = on_moved
        self._dragging = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(90)

    def boundingRect(self) -> QRectF:
        return QRectF(-12, -34, 24, 36)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QRectF(-11, -33, 22, 22))
        path.addRect(QRectF(-4, -14, 8, 14))
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        path = QPainterPath()
        path.moveTo(0, 0)
        path.cubicTo(-4, -8, -11, -14, -11, -22)
        path.arcTo(QRectF(-11, -33, 22, 22), 180, -180)
        path.cubicTo(11, -14, 4, -8, 0, 0)
        painter.setPen(QPen(QColor("#4a0000"), 1.2))
        painter.setBrush(QColor("#e53935"))
        painter.drawPath(path)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, -22), 4, 4)

    def mousePressEvent(self, event) -> None:
        self._dragging = True
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if self._dragging:
            self._dragging = False
            self.on_moved(self.pos().x(), self.pos().y())


class PlayheadItem(QGraphicsItem):
    """Replay position: a pulsing-looking double ring at constant size."""

    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(85)

    def boundingRect(self) -> QRectF:
        return QRectF(-12, -12, 24, 24)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(QColor("#00695c"), 2))
        painter.setBrush(QColor(0, 150, 136, 60))
        painter.drawEllipse(QPointF(0, 0), 10, 10)
        painter.setBrush(QColor("#00695c"))
        painter.drawEllipse(QPointF(0, 0), 4, 4)


class HighlightItem(PlayheadItem):
    """Where the profile's cursor is on the route."""

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(QColor("#1a237e"), 2))
        painter.setBrush(QColor(255, 255, 255, 160))
        painter.drawEllipse(QPointF(0, 0), 8, 8)
        painter.setBrush(QColor("#1a237e"))
        painter.drawEllipse(QPointF(0, 0), 3, 3)


def track_item(lonlats: list[tuple[float, float]], colour: QColor) -> QGraphicsPathItem:
    item = QGraphicsPathItem(projection.path_of(lonlats))
    pen = QPen(colour, 2.5)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    item.setPen(pen)
    item.setZValue(55)
    return item


class HeatStripItem(QGraphicsItem):
    """A wide translucent band under the route, one colour per km from ``values`` (normalised to max)."""

    def __init__(self, kora: Kora):
        super().__init__()
        self.kora = kora
        self.pieces: list[tuple[QColor, QPainterPath]] = []
        self._bounds = QRectF()
        self.setZValue(8)

    def set_values(self, values: list[float]) -> None:
        self.prepareGeometryChange()
        self.pieces = []
        top = max(values) if values else 0
        for i, v in enumerate(values):
            if top <= 0 or v <= 0 or i >= self.kora.length_km:
                continue
            path = route_path(self.kora, float(i), min(float(i + 1), self.kora.length_km), 0.1)
            self.pieces.append((heat_colour(v / top), path))
        rect = QRectF()
        for _c, p in self.pieces:
            rect = rect.united(p.boundingRect())
        self._bounds = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-300, -300, 300, 300)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        for colour, path in self.pieces:
            pen = QPen(colour, 16, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)


class HazardItem(QGraphicsItem):
    """Route sections drawn in warning colours (dashed band) with a short label at their middle."""

    def __init__(self, kora: Kora):
        super().__init__()
        self.kora = kora
        self.sections: list[tuple[QColor, QPainterPath, QPointF, str]] = []
        self._bounds = QRectF()
        self.setZValue(33)

    def set_hazards(self, hazards: list[dict]) -> None:
        self.prepareGeometryChange()
        self.sections = []
        rect = QRectF()
        for h in hazards:
            a, b = float(h["from_km"]), float(h["to_km"])
            path = route_path(self.kora, a, b)
            mid_km = a + ((b - a) % self.kora.length_km) / 2
            x, y = self.kora.utm_at(mid_km)
            colour = HAZARD_COLOURS.get(h.get("kind", ""), HAZARD_DEFAULT)
            self.sections.append((colour, path, QPointF(x, -y), str(h.get("label", ""))))
            rect = rect.united(path.boundingRect())
        self._bounds = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-2000, -2000, 2000, 2000)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        for colour, path, _mid, _label in self.sections:
            pen = QPen(colour, 10, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)


class HazardLabelsItem(QGraphicsItem):
    """The hazard labels, above the landmark labels (the bands stay under them)."""

    def __init__(self, hazards: HazardItem):
        super().__init__()
        self.hazards = hazards
        self.setZValue(79)

    def boundingRect(self) -> QRectF:
        return self.hazards.boundingRect()

    @staticmethod
    def label_font() -> QFont:
        font = QFont()
        font.setPointSizeF(8)
        font.setBold(True)
        return font

    def boxes(self, to_view) -> list[tuple[QColor, QRectF, str]]:
        """(colour, box in view pixels, text) of each label; ``to_view`` maps a scene QPointF to view pixels."""
        fm = QFontMetricsF(self.label_font())
        out = []
        for colour, _path, mid, label in self.hazards.sections:
            if not label:
                continue
            q = to_view(mid) + QPointF(0, -22)
            w, h = fm.horizontalAdvance(label), fm.height()
            out.append((colour, QRectF(q.x() - w / 2 - 4, q.y() - h / 2 - 2, w + 8, h + 4), label))
        return out

    def view_boxes(self, view) -> list[QRectF]:
        """The label boxes in ``view``'s viewport pixels (landmark labels keep out of them)."""
        return [box for _c, box, _l in self.boxes(lambda p: QPointF(view.mapFromScene(p)))]

    def paint(self, painter: QPainter, option, widget=None) -> None:
        t = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self.label_font())
        for colour, box, label in self.boxes(t.map):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
