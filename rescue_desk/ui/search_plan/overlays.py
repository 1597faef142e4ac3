"""The search plan drawn on the shared map (a band per section, shaded by probability, ranks on the
top sections) and over the elevation profile (a shaded strip per section), without touching the
map's other layers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from rescue_desk.ui.map.overlays import route_path
from rescue_desk.ui.map.style import heat_colour

TOP_EDGE = QColor("#b71c1c")


def _shade(p: float, p_max: float) -> QColor:
    return heat_colour(p / p_max if p_max > 0 else 0.0)


class SearchPlanMapItem(QGraphicsItem):
    """Sections as wide bands along the route; the top-80 % sections outlined with their rank."""

    def __init__(self, kora):
        super().__init__()
        self.kora = kora
        self.bands: list[tuple[QColor, QPainterPath, bool, QPointF, int]] = []
        self._bounds = QRectF()
        self.setZValue(34)

    def set_sections(self, sections: list[dict]) -> None:
        """Dicts as in ``search-plan --json``: from_km, to_km, probability, rank, top."""
        self.prepareGeometryChange()
        p_max = max((s["probability"] for s in sections), default=0.0)
        self.bands, rect = [], QRectF()
        for s in sections:
            if s["probability"] < 0.001 and not s["top"]:
                continue
            path = route_path(self.kora, s["from_km"], s["to_km"])
            mid = s["from_km"] + ((s["to_km"] - s["from_km"]) % self.kora.length_km) / 2
            x, y = self.kora.utm_at(mid)
            self.bands.append((_shade(s["probability"], p_max), path, s["top"], QPointF(x, -y), s["rank"]))
            rect = rect.united(path.boundingRect())
        self._bounds = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-3000, -3000, 3000, 3000)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        for colour, path, top, _mid, _rank in self.bands:
            if top:
                edge = QPen(TOP_EDGE, 18, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
                edge.setCosmetic(True)
                painter.setPen(edge)
                painter.drawPath(path)
            pen = QPen(colour, 13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        scale = painter.worldTransform().m11() or 1.0
        font = QFont()
        font.setPointSizeF(8)
        font.setBold(True)
        for _colour, _path, top, mid, rank in self.bands:
            if not top:
                continue
            painter.save()
            painter.translate(mid)
            painter.scale(1.0 / scale, 1.0 / scale)   # labels keep their size at any zoom
            painter.setFont(font)
            box = QRectF(-10, -9, 20, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TOP_EDGE)
            painter.drawEllipse(box)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(rank))
            painter.restore()


class ProfileSectionsOverlay(QWidget):
    """A see-through layer over a ``ProfileView``: each section's probability as a shaded strip from
    the top of the plot, the top sections outlined. Mouse events go through to the profile."""

    def __init__(self, profile):
        super().__init__(profile)
        self.profile = profile
        self.sections: list[dict] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(profile.rect())
        profile.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.profile and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.profile.rect())
        return False

    def set_sections(self, sections: list[dict]) -> None:
        self.sections = [s for s in sections if s["probability"] >= 0.001 or s["top"]]
        self.setVisible(bool(self.sections))
        self.raise_()
        self.update()

    def strips(self) -> list[tuple[QRectF, float, bool]]:
        """(rectangle in widget pixels, probability, top) for each drawn section piece."""
        plot = self.profile._plot()
        length = self.profile.kora.length_km
        p_max = max((s["probability"] for s in self.sections), default=0.0) or 1.0
        out = []
        for s in self.sections:
            a, b = s["from_km"] % length, s["to_km"] % length
            pieces = [(a, b)] if b > a else [(a, length), (0.0, b)]
            h = plot.height() * 0.35 * s["probability"] / p_max
            for lo, hi in pieces:
                x0, x1 = self.profile.x_of_km(lo), self.profile.x_of_km(hi)
                out.append((QRectF(x0, plot.top(), max(1.0, x1 - x0), max(2.0, h)), s["probability"], s["top"]))
        return out

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p_max = max((s["probability"] for s in self.sections), default=0.0)
        for rect, prob, top in self.strips():
            fill = _shade(prob, p_max)
            fill.setAlpha(170)
            p.fillRect(rect, fill)
            if top:
                p.setPen(QPen(TOP_EDGE, 1.5))
                p.drawRect(rect)
        p.end()
