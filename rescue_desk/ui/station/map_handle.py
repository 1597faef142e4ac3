"""The station editor's map handle: a draggable marker for the landmark being edited."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from rescue_desk.ui.map import projection


class LandmarkHandle(QGraphicsItem):
    """A diamond at constant size; ``on_dropped(lon, lat)`` is called when a drag ends."""

    def __init__(self, on_dropped: Callable[[float, float], None]):
        super().__init__()
        self.on_dropped = on_dropped
        self._dragging = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(95)
        self.setVisible(False)

    def place(self, lon: float, lat: float) -> None:
        self.setPos(projection.lonlat_to_scene(lon, lat))
        self.setVisible(True)

    def lonlat(self) -> tuple[float, float]:
        return projection.scene_to_lonlat(self.pos().x(), self.pos().y())

    def boundingRect(self) -> QRectF:
        return QRectF(-12, -12, 24, 24)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#0b3d91"), 2))
        painter.setBrush(QColor(255, 193, 7, 220))
        painter.drawPolygon([QPointF(0, -10), QPointF(10, 0), QPointF(0, 10), QPointF(-10, 0)])
        painter.setBrush(QColor("#0b3d91"))
        painter.drawEllipse(QPointF(0, 0), 2.5, 2.5)

    def mousePressEvent(self, event) -> None:
        self._dragging = True
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self._dragging:
            self._dragging = False
            self.on_dropped(*self.lonlat())
