"""A printable map extract round an incident, drawn with QPainter from the kora's own vector data
(no tiles: the station is offline): UTM 44N kilometre grid with labels, the trail with km numbers,
roads, landmarks, the 90 % corridor, the suggested approach, the pin, a scale bar, a north arrow and
a legend. Used by the incident sheet; any QPaintDevice (PDF, image, widget) will do."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from rescue_desk.domain.geo import lonlat_to_utm
from rescue_desk.domain.kora import Kora
from rescue_desk.domain.sharing import FieldGeometry

MIN_EXTENT_M = 3000.0
MARGIN = 0.18
CORRIDOR = QColor(255, 140, 0, 150)
APPROACH = QColor("#1f77b4")
PIN = QColor("#b2182b")
TRAIL = QColor("#4d4d4d")
ROAD = QColor("#8c6d46")
GRID = QColor(120, 140, 170, 110)

WORDS = {
    "zh": {"pin": "警情位置", "corridor": "90% 可能范围", "approach": "建议路线", "trail": "转山路（公里数）",
           "road": "车行道", "grid": "UTM 44N 公里网格", "north": "北"},
    "en": {"pin": "Incident", "corridor": "90 % corridor", "approach": "Suggested approach",
           "trail": "Kora trail (km)", "road": "Road", "grid": "UTM 44N km grid", "north": "N"},
}


@dataclass
class _Frame:
    """UTM metres -> page pixels inside ``rect`` (north up, equal scale on both axes)."""

    rect: QRectF
    x0: float
    y0: float
    scale: float  # pixels per metre

    def at(self, x: float, y: float) -> QPointF:
        return QPointF(self.rect.left() + (x - self.x0) * self.scale, self.rect.bottom() - (y - self.y0) * self.scale)

    def lonlat(self, lon: float, lat: float) -> QPointF:
        return self.at(*lonlat_to_utm(lon, lat))

    @property
    def x1(self) -> float:
        return self.x0 + self.rect.width() / self.scale

    @property
    def y1(self) -> float:
        return self.y0 + self.rect.height() / self.scale


def _frame(rect: QRectF, geom: FieldGeometry) -> _Frame:
    pts = [(geom.position.lon, geom.position.lat)]
    for line in geom.corridor_lines:
        pts += line
    pts += geom.corridor_ring + geom.approach
    xy = [lonlat_to_utm(lon, lat) for lon, lat in pts]
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w = max(max(xs) - min(xs), MIN_EXTENT_M) * (1 + 2 * MARGIN)
    h = max(max(ys) - min(ys), MIN_EXTENT_M) * (1 + 2 * MARGIN)
    scale = min(rect.width() / w, rect.height() / h)
    return _Frame(rect, cx - rect.width() / scale / 2, cy - rect.height() / scale / 2, scale)


def _nice(value: float) -> float:
    """The largest of 1, 2, 5 × 10^k not above ``value``."""
    k = 10 ** math.floor(math.log10(value))
    return max(m * k for m in (1, 2, 5) if m * k <= value)


def _polyline(f: _Frame, lonlats) -> QPolygonF:
    return QPolygonF([f.lonlat(lon, lat) for lon, lat in lonlats])


def _grid(p: QPainter, f: _Frame, font: QFont) -> float:
    step = 1000.0 if f.rect.width() / f.scale <= 12000 else _nice(f.rect.width() / f.scale / 6)
    p.setPen(QPen(GRID, 1.0))
    p.setFont(font)
    fm = QFontMetricsF(font, p.device())
    x = math.ceil(f.x0 / step) * step
    while x < f.x1:
        a = f.at(x, f.y0)
        p.drawLine(QPointF(a.x(), f.rect.top()), QPointF(a.x(), f.rect.bottom()))
        p.setPen(QColor("#36528a"))
        p.drawText(QPointF(a.x() + 2, f.rect.top() + fm.ascent() + 1), f"{x / 1000:.0f}")
        p.setPen(QPen(GRID, 1.0))
        x += step
    y = math.ceil(f.y0 / step) * step
    while y < f.y1:
        a = f.at(f.x0, y)
        p.drawLine(QPointF(f.rect.left(), a.y()), QPointF(f.rect.right(), a.y()))
        p.setPen(QColor("#36528a"))
        p.drawText(QPointF(f.rect.left() + 2, a.y() - 2), f"{y / 1000:.0f}")
        p.setPen(QPen(GRID, 1.0))
        y += step
    return step


def _trail(p: QPainter, f: _Frame, kora: Kora, font: QFont, px: float) -> None:
    for line in kora.access_lines:
        if line.kind.startswith("vehicle_road"):
            p.setPen(QPen(ROAD, 1.6 * px, Qt.PenStyle.DashLine))
            p.drawPolyline(_polyline(f, line.coords))
    poly = QPolygonF([f.at(x, y) for x, y in kora.route_utm])
    p.setPen(QPen(TRAIL, 2.2 * px))
    p.drawPolyline(poly)
    p.setFont(font)
    p.setPen(QColor("#333333"))
    for km in range(int(kora.length_km) + 1):
        pt = f.at(*kora.utm_at(km))
        if f.rect.adjusted(10, 10, -10, -10).contains(pt):
            p.setBrush(QColor("white"))
            p.drawEllipse(pt, 2.2 * px, 2.2 * px)
            p.drawText(pt + QPointF(3 * px, -3 * px), str(km))


def _landmarks(p: QPainter, f: _Frame, kora: Kora, lang: str, font: QFont, px: float) -> None:
    p.setFont(font)
    fm = QFontMetricsF(font, p.device())
    placed: list[QRectF] = []
    for lm in sorted(kora.gazetteer, key=lambda lm: (not lm.medical_post, lm.chainage_km)):
        pt = f.lonlat(lm.lon, lm.lat)
        if not f.rect.adjusted(20, 20, -20, -20).contains(pt):
            continue
        name = (lm.short_zh if lang == "zh" else lm.short_en).split(" / ")[0][:18]
        box = fm.boundingRect(name).translated(pt + QPointF(5 * px, 4 * px))
        if any(box.intersects(b) for b in placed):
            continue
        placed.append(box)
        p.setPen(QPen(QColor("#2b6e3f"), 1.2 * px))
        p.setBrush(QColor("#c7e9c0") if not lm.medical_post else QColor("#fbb4ae"))
        p.drawRect(QRectF(pt.x() - 3 * px, pt.y() - 3 * px, 6 * px, 6 * px))
        p.setPen(QColor("#1b4d2b"))
        p.drawText(pt + QPointF(5 * px, 4 * px), name)


def _pin(p: QPainter, at: QPointF, px: float) -> None:
    path = QPainterPath()
    r = 7 * px
    path.moveTo(at)
    path.cubicTo(at + QPointF(-r, -1.4 * r), at + QPointF(-r, -2.6 * r), at + QPointF(0, -2.6 * r))
    path.cubicTo(at + QPointF(r, -2.6 * r), at + QPointF(r, -1.4 * r), at)
    p.setPen(QPen(QColor("white"), 1.2 * px))
    p.setBrush(PIN)
    p.drawPath(path)
    p.setBrush(QColor("white"))
    p.drawEllipse(at + QPointF(0, -1.75 * r), 0.35 * r, 0.35 * r)


def _scale_bar(p: QPainter, f: _Frame, font: QFont, px: float) -> None:
    metres = _nice(f.rect.width() / f.scale / 4)
    length = metres * f.scale
    left, base = f.rect.left() + 12 * px, f.rect.bottom() - 14 * px
    p.setPen(QPen(QColor("black"), 1.0 * px))
    for i in range(4):
        p.setBrush(QColor("black") if i % 2 == 0 else QColor("white"))
        p.drawRect(QRectF(left + i * length / 4, base - 4 * px, length / 4, 4 * px))
    p.setFont(font)
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:.0f} m"
    p.drawText(QPointF(left, base - 7 * px), "0")
    p.drawText(QPointF(left + length - QFontMetricsF(font, p.device()).horizontalAdvance(label) / 2, base - 7 * px), label)


def _north(p: QPainter, f: _Frame, lang: str, font: QFont, px: float) -> None:
    c = QPointF(f.rect.right() - 22 * px, f.rect.top() + 34 * px)
    arrow = QPolygonF([c + QPointF(0, -20 * px), c + QPointF(8 * px, 10 * px), c, c + QPointF(-8 * px, 10 * px)])
    p.setPen(QPen(QColor("black"), 1.0 * px))
    p.setBrush(QColor("black"))
    p.drawPolygon(arrow)
    p.setFont(font)
    text = WORDS[lang]["north"]
    w = QFontMetricsF(font, p.device()).horizontalAdvance(text)
    p.drawText(c + QPointF(-w / 2, 24 * px), text)


def _legend(p: QPainter, f: _Frame, lang: str, font: QFont, px: float) -> None:
    words = WORDS[lang]
    fm = QFontMetricsF(font, p.device())
    entries = ["pin", "corridor", "approach", "trail", "road", "grid"]
    line_h = fm.height() * 1.25
    width = max(fm.horizontalAdvance(words[e]) for e in entries) + 40 * px
    box = QRectF(f.rect.right() - width - 8 * px, f.rect.bottom() - line_h * len(entries) - 14 * px, width,
                 line_h * len(entries) + 8 * px)
    p.setPen(QPen(QColor("#888888"), 0.8 * px))
    p.setBrush(QColor(255, 255, 255, 225))
    p.drawRect(box)
    p.setFont(font)
    for i, key in enumerate(entries):
        y = box.top() + 4 * px + line_h * (i + 0.5)
        a, b = QPointF(box.left() + 6 * px, y), QPointF(box.left() + 28 * px, y)
        if key == "pin":
            _pin(p, QPointF(box.left() + 17 * px, y + 6 * px), px * 0.6)
        else:
            pen = {"corridor": QPen(CORRIDOR, 7 * px), "approach": QPen(APPROACH, 2.6 * px, Qt.PenStyle.DashLine),
                   "trail": QPen(TRAIL, 2.2 * px), "road": QPen(ROAD, 1.6 * px, Qt.PenStyle.DashLine),
                   "grid": QPen(GRID, 1.0 * px)}[key]
            p.setPen(pen)
            p.drawLine(a, b)
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(box.left() + 34 * px, y + fm.ascent() / 2 - 1), words[key])


def paint_map_extract(p: QPainter, rect: QRectF, kora: Kora, geom: FieldGeometry, lang: str, font: QFont) -> None:
    """The extract round ``geom`` (pin, corridor, approach) filling ``rect``. ``font`` sets the
    label size; line widths follow it so the map reads the same on paper and on screen."""
    px = QFontMetricsF(font, p.device()).height() / 16.0
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.8)
    f = _frame(rect, geom)
    p.save()
    p.setClipRect(rect)
    p.fillRect(rect, QColor("#fbfaf4"))
    _grid(p, f, small)
    _trail(p, f, kora, small, px)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(CORRIDOR, 9 * px, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for line in geom.corridor_lines:
        p.drawPolyline(_polyline(f, line))
    if geom.corridor_ring:
        p.setPen(QPen(CORRIDOR, 2 * px))
        p.setBrush(QBrush(QColor(255, 140, 0, 60)))
        p.drawPolygon(_polyline(f, geom.corridor_ring))
    _landmarks(p, f, kora, lang, small, px)
    if len(geom.approach) >= 2:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(APPROACH, 2.6 * px, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        p.drawPolyline(_polyline(f, geom.approach))
        start = f.lonlat(*geom.approach[0])
        p.setPen(QPen(QColor("white"), 1.0 * px))
        p.setBrush(APPROACH)
        p.drawEllipse(start, 5 * px, 5 * px)
    _pin(p, f.lonlat(geom.position.lon, geom.position.lat), px)
    _scale_bar(p, f, small, px)
    _north(p, f, lang, font, px)
    _legend(p, f, lang, small, px)
    p.setClipping(False)
    p.setPen(QPen(QColor("#555555"), 1.0 * px))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect)
    p.restore()
