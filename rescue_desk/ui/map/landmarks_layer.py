"""Landmarks, road ends, the summit and the station: fixed-size symbols with labels that avoid each other."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from rescue_desk.domain.kora import Kora

from . import projection

SUMMIT_LONLAT = (81.3119, 31.0675)
SUMMIT_ELEVATION_M = 6638
SUMMIT_NAME_BO = "གངས་རིན་པོ་ཆེ"
PLACEMENTS = ("right", "left", "above", "below", "above_right", "below_right", "above_left", "below_left")
SYMBOL_R = 6.0


@dataclass
class MapLabel:
    id: str
    lon: float
    lat: float
    title: str
    tibetan: str
    symbol: str  # medical, supply, monastery, pass, road_end, summit, station, place, point
    priority: int
    tooltip: str = ""


def _symbol_of(kinds: tuple[str, ...], medical: bool) -> str:
    if medical:
        return "medical"
    for kind, symbol in (("pass", "pass"), ("supply", "supply"), ("monastery", "monastery"),
                         ("village", "place"), ("guesthouse", "supply")):
        if kind in kinds:
            return symbol
    return "point"


def _priority(lm_id: str, symbol: str) -> int:
    if lm_id in ("darchen", "dolma_la"):
        return 90
    return {"medical": 70, "supply": 55, "pass": 80, "monastery": 50, "place": 60}.get(symbol, 30)


def short_title(lm, lang: str) -> str:
    """The map label of a landmark: its short name, cut at " / " or ", " in English."""
    if lang == "zh":
        return lm.short_zh
    return re.split(r" / |, ", lm.short_en)[0]


def landmark_labels(kora: Kora, lang: str) -> list[MapLabel]:
    """What the landmark layer shows, in the display language, most important first.

    Darchen is drawn as the station (派出所 / Station) with the town's name."""
    out = []
    for lm in kora.gazetteer:
        if lm.id == "darchen":
            continue
        symbol = _symbol_of(lm.kinds, lm.medical_post)
        title = short_title(lm, lang)
        tip = f"{lm.name_zh}\n{lm.name_en}" + (f"\n{lm.name_bo}" if lm.name_bo else "")
        out.append(MapLabel(lm.id, lm.lon, lm.lat, title, lm.name_bo, symbol, _priority(lm.id, symbol), tip))
    summit_title = QCoreApplication.translate("Map", "Mount Kailash {0} m").format(f"{SUMMIT_ELEVATION_M:,}")
    out.append(MapLabel("kailash_summit", *SUMMIT_LONLAT, summit_title, SUMMIT_NAME_BO, "summit", 100,
                        "冈仁波齐峰 / Mount Kailash, 6 638 m"))
    darchen = kora.gazetteer.get("darchen") if "darchen" in kora.gazetteer else None
    if darchen is not None:
        title = QCoreApplication.translate("Map", "{0} Station").format(short_title(darchen, lang))
        out.append(MapLabel("station", darchen.lon, darchen.lat, title, darchen.name_bo, "station", 95,
                            "塔钦派出所 / Darchen police station"))
    return sorted(out, key=lambda m: -m.priority)


class LandmarkItem(QGraphicsItem):
    """One symbol plus its label, drawn at constant pixel size wherever the view zooms."""

    def __init__(self, spec: MapLabel, show_tibetan: bool = True):
        super().__init__()
        self.spec = spec
        self.show_tibetan = show_tibetan
        self.placement: str | None = "right"  # in the main map view
        self.view_placements: dict[int, str | None] = {}  # other views of the scene, by viewport id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(projection.lonlat_to_scene(spec.lon, spec.lat))
        self.setZValue(70 + spec.priority / 100)
        self.setToolTip(spec.tooltip)
        self.title_font = QFont()
        self.title_font.setPointSizeF(9.5 if spec.priority >= 80 else 8.5)
        self.title_font.setBold(spec.priority >= 90)
        self.bo_font = QFont()
        self.bo_font.setPointSizeF(7.5)
        self._label_size = self._measure()
        self._title_text = self._static(spec.title, self.title_font)
        self._bo_text = self._static(spec.tibetan, self.bo_font) if spec.tibetan else None

    @staticmethod
    def _static(text: str, font: QFont) -> QStaticText:
        st = QStaticText(text)
        st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        st.prepare(font=font)
        return st

    def _measure(self) -> tuple[float, float, float]:
        fm = QFontMetricsF(self.title_font)
        w, h = fm.horizontalAdvance(self.spec.title), fm.height()
        bo_h = 0.0
        if self.show_tibetan and self.spec.tibetan:
            fb = QFontMetricsF(self.bo_font)
            w = max(w, fb.horizontalAdvance(self.spec.tibetan))
            bo_h = fb.height()
        return w + 6, h, bo_h

    def set_show_tibetan(self, on: bool) -> None:
        self.prepareGeometryChange()
        self.show_tibetan = on
        self._label_size = self._measure()

    def label_rect(self, placement: str | None = None) -> QRectF:
        """The label box in item (pixel) coordinates for a placement."""
        placement = placement or self.placement or "right"
        w, h, bo_h = self._label_size
        total = h + bo_h
        gap = SYMBOL_R + 3
        if placement == "right":
            return QRectF(gap, -total / 2, w, total)
        if placement == "left":
            return QRectF(-gap - w, -total / 2, w, total)
        if placement == "above":
            return QRectF(-w / 2, -gap - total, w, total)
        if placement == "below":
            return QRectF(-w / 2, gap, w, total)
        corner = SYMBOL_R + 3  # just clear of the symbol's box
        dx = corner if placement.endswith("right") else -corner - w
        dy = -corner - total if placement.startswith("above") else corner
        return QRectF(dx, dy, w, total)

    def symbol_rect(self) -> QRectF:
        r = SYMBOL_R + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def set_placement(self, placement: str | None, viewport_key: int | None = None) -> None:
        """Where the label goes in the main view (``viewport_key`` None) or in another view of the scene."""
        current = self.placement if viewport_key is None else self.view_placements.get(viewport_key, "none")
        if placement == current:
            return
        self.prepareGeometryChange()
        if viewport_key is None:
            self.placement = placement
        else:
            self.view_placements[viewport_key] = placement
        self.update()

    def boundingRect(self) -> QRectF:
        rect = self.symbol_rect()
        for placement in {self.placement, *self.view_placements.values()}:
            if placement:
                rect = rect.united(self.label_rect(placement))
        return rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        draw_symbol(painter, self.spec.symbol)
        placement = self.view_placements.get(id(widget), self.placement) if widget is not None else self.placement
        if not placement:
            return
        rect = self.label_rect(placement)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 238))
        painter.drawRect(rect)
        w, h, bo_h = self._label_size
        painter.setPen(QColor("#1a1a1a"))
        painter.setFont(self.title_font)
        tw = self._title_text.size().width()
        painter.drawStaticText(QPointF(rect.left() + (rect.width() - tw) / 2, rect.top()), self._title_text)
        if bo_h and self._bo_text is not None:
            painter.setPen(QColor("#5d4037"))
            painter.setFont(self.bo_font)
            bw = self._bo_text.size().width()
            painter.drawStaticText(QPointF(rect.left() + (rect.width() - bw) / 2, rect.top() + h), self._bo_text)


def draw_symbol(painter: QPainter, symbol: str) -> None:
    """The symbol for a kind of place, centred on (0, 0), about 12 px across."""
    r = SYMBOL_R
    painter.setPen(QPen(QColor("#263238"), 1.2))
    if symbol == "medical":
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(-r, -r, 2 * r, 2 * r))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d50000"))
        painter.drawRect(QRectF(-r + 2, -1.6, 2 * r - 4, 3.2))
        painter.drawRect(QRectF(-1.6, -r + 2, 3.2, 2 * r - 4))
    elif symbol == "supply":
        painter.setBrush(QColor("#2e7d32"))
        painter.drawPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
    elif symbol == "monastery":
        painter.setBrush(QColor("#8e24aa"))
        painter.drawPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
    elif symbol == "pass":
        painter.setBrush(QColor("#37474f"))
        painter.drawPolygon(QPolygonF([QPointF(0, -r), QPointF(r * 1.1, r * 0.8), QPointF(-r * 1.1, r * 0.8)]))
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.drawLine(QPointF(-3, r * 0.3), QPointF(3, r * 0.3))
    elif symbol == "summit":
        painter.setBrush(QColor("#212121"))
        painter.drawPolygon(QPolygonF([QPointF(0, -r * 1.4), QPointF(r * 1.3, r), QPointF(-r * 1.3, r)]))
        painter.setBrush(QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(QPolygonF([QPointF(0, -r * 1.4), QPointF(r * 0.5, -r * 0.4), QPointF(-r * 0.5, -r * 0.4)]))
    elif symbol == "station":
        painter.setBrush(QColor("#0d47a1"))
        painter.drawPolygon(QPolygonF([QPointF(-r, -r), QPointF(r, -r), QPointF(r, r * 0.2), QPointF(0, r * 1.3),
                                       QPointF(-r, r * 0.2)]))
        painter.setBrush(QColor("#ffd600"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(0, -1), 2.6, 2.6)
    elif symbol == "road_end":
        painter.setBrush(QColor("#1565c0"))
        painter.drawRect(QRectF(-r * 0.8, -r * 0.8, r * 1.6, r * 1.6))
        painter.setPen(QPen(QColor("white"), 1.6))
        painter.drawLine(QPointF(-3, 2), QPointF(3, 2))
        painter.drawLine(QPointF(-3, -2), QPointF(3, -2))
    elif symbol == "place":
        painter.setBrush(QColor("#455a64"))
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, 0), r * 0.4, r * 0.4)
    else:
        painter.setBrush(QColor("#455a64"))
        painter.drawEllipse(QPointF(0, 0), r * 0.6, r * 0.6)


class RoadEndItem(QGraphicsItem):
    """A road end or access point: symbol only (the landmark beside it carries the name); tooltip names it."""

    def __init__(self, lon: float, lat: float, tooltip: str, probable: bool):
        super().__init__()
        self.probable = probable
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(projection.lonlat_to_scene(lon, lat))
        self.setZValue(35)
        self.setToolTip(tooltip)
        self.setOpacity(0.6 if probable else 1.0)

    def boundingRect(self) -> QRectF:
        return QRectF(-14, -14, 12, 12)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.translate(-8, -8)
        painter.scale(0.8, 0.8)
        draw_symbol(painter, "road_end")


def declutter(view: QGraphicsView, items: list[LandmarkItem], main: bool = True,
              keep_out: list[QRectF] = ()) -> None:
    """Place labels so none overlaps another label or symbol in ``view``; labels that cannot be placed
    are hidden. Items are taken in priority order; each tries eight positions around its symbol.
    ``main`` False stores the result for that view only (a second view of the same scene); labels
    also keep out of the ``keep_out`` rectangles (view pixels, e.g. hazard labels)."""
    key = None if main else id(view.viewport())
    placed: list[QRectF] = list(getattr(view, "overlay_rects", lambda: [])()) + list(keep_out)
    bounds = QRectF(view.viewport().rect())
    visible = [it for it in items if it.isVisible()]
    origins = {}
    own: dict[int, QRectF] = {}
    for it in visible:
        p = view.mapFromScene(it.scenePos())
        origin = QPointF(p.x(), p.y())
        origins[id(it)] = origin
        own[id(it)] = it.symbol_rect().translated(origin)
        placed.append(own[id(it)])
    for it in sorted(visible, key=lambda i: -i.spec.priority):
        origin = origins[id(it)]
        if not bounds.contains(origin):  # off screen: a plain label until the next layout
            it.set_placement("right", key)
            continue
        choice, fallback = None, None
        for placement in PLACEMENTS:
            rect = it.label_rect(placement).translated(origin).adjusted(-1, -1, 1, 1)
            if any(rect.intersects(r) for r in placed if r is not own[id(it)]):
                continue
            if bounds.contains(rect):
                choice = placement
                break
            fallback = fallback or placement
        choice = choice or fallback
        if choice:
            placed.append(it.label_rect(choice).translated(origin).adjusted(-1, -1, 1, 1))
        it.set_placement(choice, key)
