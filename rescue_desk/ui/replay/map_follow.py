"""Puts replay and drill state on the shared map and profile through the map contract
(``show_track``, ``set_playhead``, ``show_estimate``, ``highlight_km``), and gives the desk its own
estimate back when the trainer leaves the page."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from rescue_desk.domain.drills import stretch_polygons
from rescue_desk.domain.replay import EstimateFact, Frame, Replay

TRACK_PREFIX = "replay:"


class MapFollower:
    """GUI thread only. ``profiles``: every ProfileView that should mark the team's chainage."""

    def __init__(self, map_ctrl, kora, profiles, incidents_visible=lambda: True):
        self.map = map_ctrl
        self.incidents_visible = incidents_visible
        self.kora = kora
        self.profiles = list(profiles)
        self.track_names: list[str] = []
        self._shown_estimate: object = None
        self._saved_estimate: dict | None = None
        self._borrowed = False
        self._route_cache = QGraphicsItem.CacheMode.NoCache

    # --- borrowing the map from the desk ------------------------------------------------
    def borrow(self) -> None:
        """Remember the desk's estimate before the page draws its own, hide the incident markers
        (they would give drill answers away and hide the replay), and cache the drawn route while the
        playhead moves over it (its many coloured segments cost ~5 ms per repaint otherwise)."""
        if not self._borrowed:
            self._saved_estimate = self.map.estimate
            self._borrowed = True
            self.map.set_layer_visible("incidents", False)
            self._route_cache = self.map.route.cacheMode()
            self.map.route.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def give_back(self) -> None:
        """Remove replay drawings and restore the desk's estimate."""
        self.clear()
        if self._borrowed:
            saved = self._saved_estimate
            if saved:
                self.map.show_estimate(saved["best"], saved["corridor"], saved["radius_m"])
            else:
                self.map.clear_estimate()
            self._borrowed = False
            self.map.set_layer_visible("incidents", bool(self.incidents_visible()))
            self.map.route.setCacheMode(self._route_cache)
            self.map.relayout_labels()

    # --- drawing -------------------------------------------------------------------------
    def clear(self) -> None:
        for name in self.track_names:
            self.map.clear_track(name)
        self.track_names = []
        self.map.set_playhead(None)
        if self._borrowed:
            self.map.clear_estimate()
        self._shown_estimate = None
        for p in self.profiles:
            p.highlight_km(None)

    def show_replay(self, replay: Replay) -> None:
        self.borrow()
        self.clear()
        for motion in replay.motions:
            path = motion.path_lonlat()
            if len(path) >= 2:
                name = f"{TRACK_PREFIX}trip-{motion.trip.id}"
                self.map.show_track(name, path)
                self.track_names.append(name)
                self._cache_track(name)

    def _cache_track(self, name: str) -> None:
        """A long track is drawn once per zoom level, not on every playhead move (2,000 points)."""
        item = self.map.tracks.get(name)
        if item is not None:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def show_frame(self, frame: Frame) -> None:
        """The team (playhead), the estimate held at that time, and the team's km on the profiles."""
        team = frame.teams[0] if frame.teams else None
        if team is not None:
            self.map.set_playhead(team.lon, team.lat)
            km = team.chainage_km if team.chainage_km is not None else self.kora.chainage_of(team.lon, team.lat)[0]
        else:
            self.map.set_playhead(None)
            km = frame.estimate.chainage_km if frame.estimate is not None else None
        for p in self.profiles:
            p.highlight_km(km)
        if frame.estimate is not self._shown_estimate:
            self._shown_estimate = frame.estimate
            self.show_estimate(frame.estimate)

    def show_estimate(self, est: EstimateFact | None) -> None:
        if est is None:
            self.map.clear_estimate()
            return
        rings = stretch_polygons(self.kora, est.intervals_km or []) if est.intervals_km else []
        radius = est.radius_m if not rings else None
        self.map.show_estimate((est.lon, est.lat), rings, radius)

    def show_area(self, pin: tuple[float, float] | None, area_km: list[tuple[float, float]]) -> None:
        """The trainee's pin and chosen search stretch (drawn as an estimate: no desk signal fires)."""
        self.borrow()
        if pin is None:
            self.map.clear_estimate()
            return
        self.map.show_estimate(pin, stretch_polygons(self.kora, area_km), None)

    def show_truth(self, lonlat: tuple[float, float], team_paths: list[list[tuple[float, float]]]) -> None:
        """The reveal: where the person was (playhead) and the teams' paths."""
        for name in self.track_names:
            self.map.clear_track(name)
        self.track_names = []
        for i, path in enumerate(team_paths):
            if len(path) >= 2:
                name = f"{TRACK_PREFIX}drill-{i}"
                self.map.show_track(name, path)
                self.track_names.append(name)
                self._cache_track(name)
        self.map.set_playhead(*lonlat)
        km = self.kora.chainage_of(*lonlat)[0]
        for p in self.profiles:
            p.highlight_km(km)
