"""Incident markers: one item draws them all, binned on a pixel grid so 20 000 markers stay smooth.

At each paint the visible markers are binned into cells of ``CELL_PX`` pixels; a cell holding one
marker draws it as a dot coloured by status, a cell holding several draws a cluster disc (colour of
its most urgent status) with the count. Zooming in splits clusters until every marker stands alone."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem

from . import projection
from .style import STATUS_COLOURS, STATUS_ORDER

CELL_PX = 14.0
CELL_PX_FAR = 22.0  # coarser cells when the whole kora is in view
DOT_R = 4.5
SELECT_R = 11.0  # px: the ring round the selected incident
CLOSED = STATUS_ORDER.index("closed")


_SPRITES: dict[tuple[int, int], QPixmap] = {}
_COUNT_TEXTS: dict[str, QStaticText] = {}


def count_text(text: str, font: QFont) -> QStaticText:
    """A laid-out count label, reused across paints (drawing text is the slow part of a cluster)."""
    st = _COUNT_TEXTS.get(text)
    if st is None:
        st = QStaticText(text)
        st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        st.prepare(font=font)
        _COUNT_TEXTS[text] = st
    return st


def cluster_sprite(status_idx: int, radius: int) -> QPixmap:
    """A pre-drawn cluster disc (blitting it is far cheaper than an antialiased ellipse per cluster)."""
    key = (status_idx, radius)
    pix = _SPRITES.get(key)
    if pix is None:
        size = 2 * radius + 4
        pix = QPixmap(size, size)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(STATUS_COLOURS[STATUS_ORDER[min(status_idx, len(STATUS_ORDER) - 1)]])
        if status_idx == CLOSED:
            colour.setAlpha(185)
        p.setPen(QPen(QColor(255, 255, 255, 200), 1.2))
        p.setBrush(colour)
        p.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
        p.end()
        _SPRITES[key] = pix
    return pix


class IncidentLayer(QGraphicsItem):
    """Incident markers of one kind: ``subset`` "open" (drawn above landmark labels) or "closed"
    (history, drawn under them). ``set_rows`` takes objects with id, lon, lat, status."""

    def __init__(self, subset: str = "open", parent=None):
        super().__init__(parent)
        self.subset = subset
        self.ids = np.zeros(0, dtype=np.int64)
        self.xs = np.zeros(0)
        self.ys = np.zeros(0)
        self.status_idx = np.zeros(0, dtype=np.int8)
        self._bounds = QRectF()
        self.highlight_id: int | None = None
        self.setZValue(30 if subset == "closed" else 80)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # gives paint() the exposed rect
        self.last_paint_cells = 0

    def set_rows(self, rows) -> None:
        want_closed = self.subset == "closed"
        placed = [r for r in rows if r.lon is not None and r.lat is not None and (r.status == "closed") == want_closed]
        self.prepareGeometryChange()
        if not placed:
            self.ids, self.xs, self.ys = np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
            self.status_idx = np.zeros(0, dtype=np.int8)
            self._bounds = QRectF()
        else:
            self.ids = np.array([r.id for r in placed], dtype=np.int64)
            self.xs, self.ys = projection.lonlats_to_scene_xy([r.lon for r in placed], [r.lat for r in placed])
            order = {s: i for i, s in enumerate(STATUS_ORDER)}
            self.status_idx = np.array([order.get(r.status, len(STATUS_ORDER) - 1) for r in placed], dtype=np.int8)
            self._bounds = QRectF(QPointF(self.xs.min(), self.ys.min()),
                                  QPointF(self.xs.max(), self.ys.max())).adjusted(-500, -500, 500, 500)
        self.update()

    def __len__(self) -> int:
        return len(self.ids)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def nearest(self, x: float, y: float, radius_m: float) -> int | None:
        """The id of the marker nearest to scene point (x, y) within ``radius_m``, or None."""
        if not len(self.ids):
            return None
        d2 = (self.xs - x) ** 2 + (self.ys - y) ** 2
        i = int(np.argmin(d2))
        return int(self.ids[i]) if d2[i] <= radius_m ** 2 else None

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self.ids):
            return
        self._paint_markers(painter, option)
        self._paint_selection(painter)

    def _paint_selection(self, painter: QPainter) -> None:
        """A ring round the selected incident, so the officer sees which dot the panels show."""
        if self.highlight_id is None:
            return
        hit = np.nonzero(self.ids == self.highlight_id)[0]
        if not len(hit):
            return
        centre = painter.worldTransform().map(QPointF(float(self.xs[hit[0]]), float(self.ys[hit[0]])))
        painter.save()
        painter.resetTransform()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, width in ((QColor("white"), 5.0), (QColor("#0d47a1"), 2.5)):
            painter.setPen(QPen(colour, width))
            painter.drawEllipse(centre, SELECT_R, SELECT_R)
        painter.restore()

    def _paint_markers(self, painter: QPainter, option) -> None:
        t = painter.worldTransform()
        exposed = option.exposedRect if option is not None else self._bounds
        pad = CELL_PX / max(t.m11(), 1e-9)
        x0, x1 = exposed.left() - pad, exposed.right() + pad
        y0, y1 = exposed.top() - pad, exposed.bottom() + pad
        m = (self.xs >= x0) & (self.xs <= x1) & (self.ys >= y0) & (self.ys <= y1)
        if not m.any():
            return
        px = t.m11() * self.xs[m] + t.m21() * self.ys[m] + t.dx()
        py = t.m12() * self.xs[m] + t.m22() * self.ys[m] + t.dy()
        st = self.status_idx[m]
        cell = CELL_PX if t.m11() > 0.05 else CELL_PX_FAR
        cx = np.floor(px / cell).astype(np.int64)
        cy = np.floor(py / cell).astype(np.int64)
        key = (cx - cx.min()) * (int(cy.max() - cy.min()) + 1) + (cy - cy.min())
        uniq, inv, counts = np.unique(key, return_inverse=True, return_counts=True)
        n = len(uniq)
        sum_x = np.bincount(inv, weights=px, minlength=n)
        sum_y = np.bincount(inv, weights=py, minlength=n)
        urgent = np.full(n, 127, dtype=np.int64)
        np.minimum.at(urgent, inv, st.astype(np.int64))
        self.last_paint_cells = n
        painter.save()
        painter.resetTransform()
        single = counts == 1
        self._draw_dots(painter, sum_x[single], sum_y[single], urgent[single])
        multi = ~single
        if multi.any():
            self._draw_clusters(painter, sum_x[multi] / counts[multi], sum_y[multi] / counts[multi],
                                counts[multi], urgent[multi])
        painter.restore()

    def _draw_dots(self, painter: QPainter, xs, ys, urgent) -> None:
        for s in sorted(range(len(STATUS_ORDER)), reverse=True):  # closed first, most urgent on top
            sel = urgent == s
            if not sel.any():
                continue
            name = STATUS_ORDER[s]
            r = DOT_R * (0.7 if s == CLOSED else 1.0)
            pts = QPolygonF([QPointF(x, y) for x, y in zip(xs[sel].tolist(), ys[sel].tolist())])
            outline = QColor(255, 255, 255, 150 if s == CLOSED else 255)
            painter.setPen(QPen(outline, 2 * r + 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPoints(pts)
            fill = QColor(STATUS_COLOURS[name])
            if s == CLOSED:
                fill.setAlpha(170)
            painter.setPen(QPen(fill, 2 * r, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPoints(pts)

    def _draw_clusters(self, painter: QPainter, xs, ys, counts, urgent) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(7)
        font.setBold(True)
        painter.setFont(font)
        white, dark = QColor("white"), QColor("#212121")
        order = np.argsort(-urgent, kind="stable")  # closed clusters first, urgent ones drawn on top
        for x, y, c, s in zip(xs[order].tolist(), ys[order].tolist(), counts[order].tolist(), urgent[order].tolist()):
            r = min(13.0, 6.0 + 1.8 * float(np.log2(c)))
            if s == CLOSED:
                r *= 0.85
            r = int(round(r))
            sprite = cluster_sprite(s, r)
            painter.drawPixmap(QPointF(x - r - 2, y - r - 2), sprite)
            if r >= 8:
                painter.setPen(white if s != 2 else dark)
                st = count_text(str(c) if c < 1000 else f"{c // 1000}k", font)
                size = st.size()
                painter.drawStaticText(QPointF(x - size.width() / 2, y - size.height() / 2), st)


class IncidentMarkers:
    """Both marker layers behind one face: open incidents above the landmark labels, history below."""

    def __init__(self):
        self.closed = IncidentLayer("closed")
        self.open = IncidentLayer("open")
        self.layers = (self.closed, self.open)

    def select(self, incident_id: int | None) -> None:
        """Ring the selected incident's marker (None: no ring)."""
        for layer in self.layers:
            if layer.highlight_id != incident_id:
                layer.highlight_id = incident_id
                layer.update()

    def set_rows(self, rows) -> None:
        rows = list(rows)
        for layer in self.layers:
            layer.set_rows(rows)

    def __len__(self) -> int:
        return sum(len(layer) for layer in self.layers)

    @property
    def ids(self) -> np.ndarray:
        return np.concatenate([layer.ids for layer in self.layers])

    @property
    def xs(self) -> np.ndarray:
        return np.concatenate([layer.xs for layer in self.layers])

    @property
    def ys(self) -> np.ndarray:
        return np.concatenate([layer.ys for layer in self.layers])

    @property
    def last_paint_cells(self) -> int:
        return sum(layer.last_paint_cells for layer in self.layers)

    def nearest(self, x: float, y: float, radius_m: float) -> int | None:
        """Open incidents win over closed ones within the radius."""
        for layer in (self.open, self.closed):
            hit = layer.nearest(x, y, radius_m)
            if hit is not None:
                return hit
        return None

    def setVisible(self, on: bool) -> None:  # noqa: N802 - mirrors QGraphicsItem
        for layer in self.layers:
            layer.setVisible(on)

    def isVisible(self) -> bool:  # noqa: N802
        return self.open.isVisible()
