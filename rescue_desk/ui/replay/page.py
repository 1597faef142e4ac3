"""The "Replay & drills" page: a second view of the shared map scene with its own profile on the
left, and three panels on the right (replay, drill, progress). The page borrows the map while it is
shown and gives the desk its estimate back when the officer leaves it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from rescue_desk.ui.map import projection
from rescue_desk.ui.settings import Settings

from .drill_panel import DrillPanel
from .fast_views import ReplayMapView, ReplayProfileView
from .map_follow import MapFollower
from .player_panel import PlayerPanel
from .progress_panel import ProgressPanel


ZOOM_PX_PER_M = 0.06


class ReplayPage(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        ctx = window.ctx
        self.map_view = ReplayMapView(window.map.scene)
        self.map_view.setObjectName("replayMapView")
        self.map_view.north_label = window.map.view.north_label
        self.profile = ReplayProfileView(ctx.kora, ctx.lang)
        self.profile.setObjectName("replayProfileView")
        self.follower = MapFollower(window.map, ctx.kora, [self.profile, window.profile],
                                    lambda: ctx.settings.get(Settings.show_incidents))
        self.player = PlayerPanel(ctx, self.follower)
        self.drill = DrillPanel(ctx, self.follower)
        self.progress = ProgressPanel(ctx)
        self.panels = QTabWidget(objectName="replayPanels")
        self.panels.addTab(self.player, self.tr("Replay"))
        self.panels.addTab(self.drill, self.tr("Placement drill"))
        self.panels.addTab(self.progress, self.tr("Progress"))
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.map_view)
        left.addWidget(self.profile)
        left.setStretchFactor(0, 5)
        left.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("replaySplitter")
        split.addWidget(left)
        split.addWidget(self.panels)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setCollapsible(0, False)
        self.map_view.setMinimumWidth(360)
        self.panels.setMinimumWidth(380)
        self.panels.setMaximumWidth(560)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.map_view.clicked.connect(self._map_clicked)
        self.profile.hoveredKm.connect(window.map.highlight_km)
        self.panels.currentChanged.connect(self._panel_changed)
        self.drill.attemptSaved.connect(self.progress.refresh)
        self.player.replayLoaded.connect(self._center_on_replay)
        self.drill.itemStarted.connect(self.fit_route)
        self.drill.revealed.connect(self._zoom_to)
        self._active = False
        self._fitted = False

    def activate(self) -> None:
        """The page became visible: load lists, borrow the map."""
        if not self._fitted:
            self.fit_route()
            self._fitted = True
        self._active = True
        self.follower.borrow()
        self.player.refresh_sources()
        self.drill.refresh_sets()
        self.progress.refresh()
        if self.player.player.frame is not None and self.panels.currentWidget() is self.player:
            self.follower.show_replay(self.player.player.replay)
            self.follower.show_frame(self.player.player.frame)

    def fit_route(self) -> None:
        self.map_view.fit_scene_rect(self.window.map.route_rect.adjusted(-800, -800, 800, 800))

    def deactivate(self) -> None:
        if self._active:
            self.player.player.pause()
            self.follower.give_back()
            self._active = False

    def _panel_changed(self, _index: int) -> None:
        if not self._active:
            return
        self.follower.clear()
        self.player.player.pause()
        if self.panels.currentWidget() is self.player and self.player.player.replay is not None:
            self.follower.show_replay(self.player.player.replay)
            self.follower.show_frame(self.player.player.frame)
        elif self.panels.currentWidget() is self.drill:
            self.drill._draw_answer()

    def _map_clicked(self, x: float, y: float) -> None:
        if self.panels.currentWidget() is self.drill:
            self.drill.place_pin(*projection.scene_to_lonlat(x, y))

    def _zoom_to(self, lon: float, lat: float) -> None:
        self.map_view.set_scale(max(self.map_view.scale_px_per_m(), ZOOM_PX_PER_M))
        self.map_view.centerOn(projection.lonlat_to_scene(lon, lat))

    def _center_on_replay(self, replay) -> None:
        truth = replay.story.truth
        if truth is not None:
            self.map_view.centerOn(projection.lonlat_to_scene(truth.lon, truth.lat))
