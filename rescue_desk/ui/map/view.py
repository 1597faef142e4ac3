"""The map view: pan (drag, arrow keys), zoom (wheel, +/−), scale bar and north arrow overlays."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

MIN_SCALE = 0.004  # pixels per metre: ~50 km across 200 px
MAX_SCALE = 6.0
ZOOM_STEP = 1.25
NICE_LENGTHS_M = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000)


class MapView(QGraphicsView):
    """A QGraphicsView over a scene in metres (UTM 44N, y flipped). Emits scene coordinates."""

    cursorMoved = Signal(float, float)
    cursorLeft = Signal()
    clicked = Signal(float, float)
    scaleChanged = Signal(float)

    def __init__(self, scene: QGraphicsScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("#f4f1ea"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._press_pos: QPointF | None = None
        self.north_label = "N"
        self.legend: list[tuple[str, object, str]] = []  # (kind "dot"|"symbol", colour or symbol name, text)
        self.show_legend = True
        self.scaleChanged.connect(self.relayout_labels)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(120)
        self._relayout_timer.timeout.connect(self.relayout_labels)

    def relayout_labels(self) -> None:
        """Re-place the landmark labels for this view (the scene's ``relayout_labels(view)`` hook, if any)."""
        hook = getattr(self.scene(), "relayout_labels", None)
        if hook is not None:
            hook(self)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._relayout_timer.start()  # labels settle shortly after panning stops

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout_labels()

    # --- zoom and pan -------------------------------------------------------------------
    def scale_px_per_m(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` (clamped to the allowed range) keeping the scene point under viewport
        position ``anchor`` in place (default: the centre)."""
        current = self.scale_px_per_m()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        if math.isclose(target, current):
            return
        centre = self.visible_scene_rect().center()
        if anchor is None:
            self.scale(target / current, target / current)
            self.centerOn(centre)
        else:
            before = self.mapToScene(anchor.toPoint())
            self.scale(target / current, target / current)
            after = self.mapToScene(anchor.toPoint())
            self.centerOn(self.visible_scene_rect().center() - (after - before))
        self.scaleChanged.emit(self.scale_px_per_m())

    def set_scale(self, px_per_m: float) -> None:
        self.zoom_by(px_per_m / self.scale_px_per_m())

    def fit_scene_rect(self, rect: QRectF) -> None:
        """Show ``rect`` (scene metres) as large as fits, keeping north up and metres square."""
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        s = min(MAX_SCALE, max(MIN_SCALE, self.transform().m11()))
        self.resetTransform()
        self.scale(s, s)
        self.centerOn(rect.center())
        self.scaleChanged.emit(s)

    def pan_by_fraction(self, fx: float, fy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + int(fx * self.viewport().width()))
        v.setValue(v.value() + int(fy * self.viewport().height()))

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    # --- events -------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, anchor=event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan_by_fraction(-0.125, 0)
        elif key == Qt.Key.Key_Right:
            self.pan_by_fraction(0.125, 0)
        elif key == Qt.Key.Key_Up:
            self.pan_by_fraction(0, -0.125)
        elif key == Qt.Key.Key_Down:
            self.pan_by_fraction(0, 0.125)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press_pos = self._press_pos, None
        grabbed = self.scene().mouseGrabberItem() is not None
        super().mouseReleaseEvent(event)
        if (press is not None and not grabbed and event.button() == Qt.MouseButton.LeftButton
                and (event.position() - press).manhattanLength() < 5):
            p = self.mapToScene(event.position().toPoint())
            self.clicked.emit(p.x(), p.y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        p = self.mapToScene(event.position().toPoint())
        self.cursorMoved.emit(p.x(), p.y())

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.cursorLeft.emit()

    # --- overlays -----------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        self._draw_scale_bar(painter)
        self._draw_north_arrow(painter)
        if self.show_legend and self.legend:
            self._draw_legend(painter)
        painter.restore()

    def _draw_legend(self, painter: QPainter) -> None:
        from .landmarks_layer import draw_symbol

        font = QFont(painter.font())
        font.setPointSizeF(8)
        painter.setFont(font)
        fm = painter.fontMetrics()
        row_h = max(16, fm.height() + 2)
        width = 30 + max(fm.horizontalAdvance(text) for _k, _v, text in self.legend)
        height = row_h * len(self.legend) + 8
        x0 = self.viewport().width() - width - 10
        y0 = self.viewport().height() - height - 10
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRect(QRectF(x0, y0, width, height))
        for i, (kind, value, text) in enumerate(self.legend):
            cy = y0 + 4 + row_h * i + row_h / 2
            painter.save()
            painter.translate(x0 + 13, cy)
            if kind == "dot":
                painter.setPen(QPen(QColor("white"), 1.5))
                painter.setBrush(value)
                painter.drawEllipse(QPointF(0, 0), 5, 5)
            elif kind == "line":
                painter.setPen(value)
                painter.drawLine(QPointF(-8, 0), QPointF(8, 0))
            else:
                painter.scale(0.8, 0.8)
                draw_symbol(painter, value)
            painter.restore()
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(x0 + 26, cy - row_h / 2, width - 28, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    def overlay_rects(self) -> list[QRectF]:
        """Viewport areas the overlays cover (north arrow, scale bar, legend): labels keep out of them."""
        w, h = self.viewport().width(), self.viewport().height()
        rects = [QRectF(w - 50, 8, 46, 64), QRectF(4, h - 36, 230, 34)]
        if self.show_legend and self.legend:
            rects.append(self._legend_rect())
        return rects

    def _legend_rect(self) -> QRectF:
        font = QFont(self.font())
        font.setPointSizeF(8)
        from PySide6.QtGui import QFontMetrics

        fm = QFontMetrics(font)
        row_h = max(16, fm.height() + 2)
        width = 30 + max(fm.horizontalAdvance(text) for _k, _v, text in self.legend)
        height = row_h * len(self.legend) + 8
        return QRectF(self.viewport().width() - width - 10, self.viewport().height() - height - 10, width, height)

    def scale_bar_length_m(self) -> int:
        """The round length (m) the scale bar shows: the largest nice length under ~140 px."""
        s = self.scale_px_per_m()
        fitting = [m for m in NICE_LENGTHS_M if m * s <= 140]
        return fitting[-1] if fitting else NICE_LENGTHS_M[0]

    def _draw_scale_bar(self, painter: QPainter) -> None:
        length_m = self.scale_bar_length_m()
        px = length_m * self.scale_px_per_m()
        x0, y0 = 14.0, self.viewport().height() - 18.0
        text = f"{length_m // 1000} km" if length_m >= 1000 else f"{length_m} m"
        font = QFont(painter.font())
        font.setPointSizeF(9)
        painter.setFont(font)
        text_w = painter.fontMetrics().horizontalAdvance(text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(QRectF(x0 - 6, y0 - 14, px + text_w + 20, 24), 4, 4)
        pen = QPen(QColor("#222"), 2)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
        painter.drawLine(QPointF(x0, y0 - 5), QPointF(x0, y0 + 3))
        painter.drawLine(QPointF(x0 + px, y0 - 5), QPointF(x0 + px, y0 + 3))
        painter.drawText(QPointF(x0 + px + 6, y0 + 4), text)

    def _draw_north_arrow(self, painter: QPainter) -> None:
        cx, top = self.viewport().width() - 28.0, 14.0
        painter.setPen(QPen(QColor("#222"), 1))
        painter.setBrush(QColor(255, 255, 255, 210))
        painter.drawEllipse(QPointF(cx, top + 22), 18, 18)
        arrow = QPolygonF([QPointF(cx, top + 8), QPointF(cx + 7, top + 30), QPointF(cx, top + 25),
                           QPointF(cx - 7, top + 30)])
        painter.setBrush(QColor("#222"))
        painter.drawPolygon(arrow)
        font = QFont(painter.font())
        font.setPointSizeF(8)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(cx - 18, top + 40, 36, 14), Qt.AlignmentFlag.AlignCenter, self.north_label)


