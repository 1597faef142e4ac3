"""Heat along the kora drawn with QPainter: a linear strip (km 0 → end, landmarks below) and the
route itself coloured by incidents per km. Shared by the dashboard and the PDF."""

from __future__ import annotations


import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from rescue_desk.domain.kora import Kora

STRIP_LANDMARKS = ("darchen", "tarboche", "drira_bridge_fork", "dolma_la", "zutul_phuk")
LOW, MID, HIGH = QColor("#fff5d6"), QColor("#f6a04d"), QColor("#b2182b")


def heat_colour(value: float, top: float) -> QColor:
    """Pale cream (none) through orange to deep red (the busiest km)."""
    if top <= 0 or value <= 0:
        return QColor(LOW)
    f = max(0.0, min(1.0, value / top))
    a, b, t = (LOW, MID, f / 0.5) if f < 0.5 else (MID, HIGH, (f - 0.5) / 0.5)
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


LABEL_MAX = 20


def _label(kora: Kora, landmark_id: str, lang: str) -> tuple[float, str] | None:
    """(chainage, a short name): the part before " / " of a double name, at most LABEL_MAX characters."""
    lm = kora.gazetteer.get(landmark_id) if landmark_id in kora.gazetteer else None
    if lm is None:
        return None
    name = (lm.short_zh if lang == "zh" else lm.short_en).split(" / ")[0].strip()
    if len(name) > LABEL_MAX:
        name = name[:LABEL_MAX - 1].rstrip() + "…"
    return lm.chainage_km, name


def paint_strip(p: QPainter, rect: QRectF, heat: list[int], kora: Kora, lang: str, font: QFont) -> None:
    """Bins as coloured cells across ``rect`` (top 55 %), km ticks and landmark names below."""
    if not heat:
        return
    top = max(heat)
    bar = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.5)
    scale = bar.width() / kora.length_km
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    for k, v in enumerate(heat):
        x0 = bar.left() + k * scale
        x1 = bar.left() + min(kora.length_km, k + 1) * scale
        p.setBrush(heat_colour(v, top))
        p.drawRect(QRectF(x0, bar.top(), x1 - x0 + 0.5, bar.height()))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("#555555"), max(1.0, rect.height() / 120)))
    p.drawRect(bar)
    p.setFont(font)
    fm_h = p.fontMetrics().height()
    for km in range(0, int(kora.length_km) + 1, 5):
        x = bar.left() + km * scale
        p.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + fm_h * 0.3))
        p.drawText(QRectF(x - 40 * fm_h, bar.bottom() + fm_h * 0.3, 80 * fm_h, fm_h),
                   Qt.AlignmentFlag.AlignHCenter, f"{km}")
    p.setPen(QPen(QColor("#222222")))
    ends = [rect.left() - 1e9, rect.left() - 1e9]  # right edge of the last name on each of two rows
    for lid in STRIP_LANDMARKS:
        found = _label(kora, lid, lang)
        if found is None:
            continue
        km, name = found
        x = bar.left() + km * scale
        w = p.fontMetrics().horizontalAdvance(name) + 4
        left = min(max(rect.left(), x - w / 2), rect.right() - w)
        row = 0 if left > ends[0] + fm_h * 0.5 else 1  # a second row when names would touch
        ends[row] = left + w
        p.drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom()))
        p.drawText(QRectF(left, bar.bottom() + fm_h * (1.4 + row), w, fm_h), Qt.AlignmentFlag.AlignHCenter, name)
    p.restore()


def route_chainage(kora: Kora) -> np.ndarray:
    """Chainage (km) of every route vertex."""
    d = np.hypot(*np.diff(kora.route_utm, axis=0).T)
    return np.concatenate([[0.0], np.cumsum(d)]) / 1000.0


def paint_route(p: QPainter, rect: QRectF, heat: list[int], kora: Kora, lang: str, font: QFont) -> None:
    """The kora's outline fitted into ``rect`` (north up), each stretch coloured and thickened by the
    incidents in its km; the busiest landmarks named."""
    xy = kora.route_utm
    x0, y0 = xy.min(axis=0)
    x1, y1 = xy.max(axis=0)
    p.setFont(font)
    names = [found for lid in STRIP_LANDMARKS if (found := _label(kora, lid, lang)) is not None]
    pad = max([p.fontMetrics().horizontalAdvance(n) for _c, n in names] or [0]) + 12
    pad = min(pad, rect.width() * 0.3)  # room for the names left and right of the loop
    rect = rect.adjusted(pad, 0, -pad, 0)
    s = min(rect.width() / (x1 - x0), rect.height() / (y1 - y0)) * 0.92
    ox = rect.left() + (rect.width() - (x1 - x0) * s) / 2
    oy = rect.top() + (rect.height() - (y1 - y0) * s) / 2

    def pt(x: float, y: float) -> QPointF:
        return QPointF(ox + (x - x0) * s, oy + (y1 - y) * s)

    km = route_chainage(kora)
    top = max(heat) if heat else 0
    base = max(1.5, rect.width() / 260)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    outline = QPainterPath(pt(*xy[0]))
    for x, y in xy[1:]:
        outline.lineTo(pt(x, y))
    p.setPen(QPen(QColor("#9a9a9a"), base * 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(outline)
    p.setPen(QPen(LOW, base * 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(outline)
    # one path per km bin: few painter calls, whatever the route's vertex count
    bins = np.minimum(km[:-1].astype(int), max(0, len(heat) - 1))
    for b in range(len(heat)):
        v = heat[b]
        idx = np.nonzero(bins == b)[0]
        if v <= 0 or idx.size == 0:
            continue
        path = QPainterPath(pt(*xy[idx[0]]))
        for i in idx:
            path.lineTo(pt(*xy[i + 1]))
        p.setPen(QPen(heat_colour(v, top), base * (1.5 + 2.5 * v / top), Qt.PenStyle.SolidLine,
                      Qt.PenCapStyle.RoundCap))
        p.drawPath(path)
    fm_h = p.fontMetrics().height()
    for c, name in names:
        q = pt(*kora.utm_at(c))
        p.setPen(QPen(QColor("#222222"), 1))
        p.setBrush(QColor("#222222"))
        p.drawEllipse(q, base * 1.2, base * 1.2)
        w = p.fontMetrics().horizontalAdvance(name) + 6
        outside_right = q.x() >= rect.center().x()  # names outside the loop, clear of the route
        left = q.x() + base * 3 if outside_right else q.x() - base * 3 - w
        p.drawText(QRectF(left, q.y() - fm_h / 2, w, fm_h), Qt.AlignmentFlag.AlignVCenter, name)
    # north arrow
    n = QPointF(rect.right() + pad - fm_h, rect.top() + fm_h * 2)
    p.setPen(QPen(QColor("#444444"), 1))
    p.drawLine(n, n + QPointF(0, -fm_h * 1.2))
    p.drawText(QRectF(n.x() - fm_h, n.y() - fm_h * 2.4, fm_h * 2, fm_h), Qt.AlignmentFlag.AlignHCenter, "N")
    p.restore()


def _paint_cached(widget) -> None:
    """Paint ``widget._draw`` into a pixmap once per size/heat and blit it: scrolling the dashboard
    repaints with one call instead of hundreds."""
    dpr = widget.devicePixelRatioF()
    key = (widget.width(), widget.height(), dpr)
    if getattr(widget, "_cache", None) is None or widget._cache[0] != key:
        pix = QPixmap(int(widget.width() * dpr), int(widget.height() * dpr))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setFont(widget.font())
        widget._draw(p)
        p.end()
        widget._cache = (key, pix)
    p = QPainter(widget)
    p.drawPixmap(0, 0, widget._cache[1])
    p.end()


class HeatStrip(QWidget):
    """The linear heat strip as a widget (dashboard)."""

    def __init__(self, kora: Kora, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("heatStrip")
        self.kora, self.lang, self.heat = kora, lang, []
        self._cache = None
        self.setMinimumHeight(self.fontMetrics().height() * 3 + 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(QCoreApplication.translate("Reports", "Incidents per km of the kora (clockwise from Darchen)"))

    def set_heat(self, heat: list[int]) -> None:
        self.heat = list(heat)
        self._cache = None
        self.update()

    def _draw(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_strip(p, QRectF(self.rect()).adjusted(8, 4, -8, -2), self.heat, self.kora, self.lang, self.font())

    def paintEvent(self, _event) -> None:
        _paint_cached(self)


class RouteHeat(QWidget):
    """The kora outline coloured by incidents per km (dashboard)."""

    def __init__(self, kora: Kora, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("routeHeat")
        self.kora, self.lang, self.heat = kora, lang, []
        self._cache = None
        self.setMinimumSize(260, 260)

    def set_heat(self, heat: list[int]) -> None:
        self.heat = list(heat)
        self._cache = None
        self.update()

    def _draw(self, p: QPainter) -> None:
        paint_route(p, QRectF(self.rect()).adjusted(6, 6, -6, -6), self.heat, self.kora, self.lang, self.font())

    def paintEvent(self, _event) -> None:
        _paint_cached(self)


