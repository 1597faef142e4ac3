"""Views tuned for replay: moving the playhead must repaint in a few milliseconds.

* ``ReplayMapView`` repaints only what changed (the map's own view repaints everything so that its
  scale bar and north arrow never smear); after a scroll it repaints everything, like the map's.
* ``ReplayProfileView`` keeps the profile without its marker in a pixmap and draws only the marker
  on top, in the same style as the map's profile."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsView

from rescue_desk.ui.map.view import MapView
from rescue_desk.ui.profile import ProfileView


class ReplayMapView(MapView):
    """A second view of the shared map scene with minimal repaints."""

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the scale bar and north arrow are drawn in viewport coordinates


class ReplayProfileView(ProfileView):
    """The elevation profile with a cached background; only the marker is drawn per frame."""

    def __init__(self, kora, lang: str = "zh", parent=None):
        super().__init__(kora, lang, parent)
        self._cache: QPixmap | None = None
        self._cache_key = None
        self._grabbing = False

    def _key(self):
        return (self.width(), self.height(), self.devicePixelRatioF(), id(self.kora), self.lang)

    def _ensure_background(self) -> None:
        """Render the profile without its marker into the cache (never from inside a paint event)."""
        if self._cache is not None and self._cache_key == self._key():
            return
        if not self.isVisible() or self.width() <= 0 or self.height() <= 0:
            return
        marker, self.highlighted_km = self.highlighted_km, None
        self._grabbing = True
        try:
            self._cache = self.grab()
            self._cache_key = self._key()
        finally:
            self._grabbing = False
            self.highlighted_km = marker

    def set_kora(self, kora) -> None:
        self._cache = None
        super().set_kora(kora)

    def highlight_km(self, km: float | None) -> None:
        self._ensure_background()
        super().highlight_km(km)

    def paintEvent(self, event) -> None:
        if self._grabbing or self._cache is None or self._cache_key != self._key():
            super().paintEvent(event)
            return
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        if self.highlighted_km is not None:
            self._paint_marker(p)
        p.end()

    def _paint_marker(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._plot()
        small = QFont(self.font())
        small.setPointSizeF(7.5)
        p.setFont(small)
        self.paint_highlight(p, r, QFontMetricsF(small))
