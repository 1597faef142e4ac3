"""MapController: the map's public face (UI contract). Owns the scene, the view and every layer;
features call its methods and listen to its signals, never to the items."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene

from rescue_desk.domain import codes
from rescue_desk.domain.kora import Kora

from . import projection
from .base_layers import KmTicksItem, RouteItem, access_line_items
from .landmarks_layer import LandmarkItem, RoadEndItem, declutter, landmark_labels, short_title
from .interaction import MapInteraction
from .markers import IncidentMarkers
from .overlays import EstimateItem, HazardItem, HazardLabelsItem, HeatStripItem, HighlightItem, PinItem, PlayheadItem, track_item
from .style import STATUS_COLOURS, TRACK_COLOURS
from .view import MapView

READOUT_MAX_OFFSET_M = 3000.0
CLICK_RADIUS_PX = 8.0


class MapController(QObject):
    """Builds the offline map and exposes the operations of the UI contract.

    All methods run on the GUI thread. Positions in and out are WGS84 (lon, lat)."""

    pinMoved = Signal(float, float)
    mapClicked = Signal(float, float)
    incidentClicked = Signal(int)
    hoveredKm = Signal(float)
    hoverLeft = Signal()
    cursorText = Signal(str)

    def __init__(self, kora: Kora, lang: str = "zh", parent: QObject | None = None, show_tibetan: bool = True):
        super().__init__(parent)
        self.kora = kora
        self.lang = lang
        self.scene = QGraphicsScene(self)
        self.route = RouteItem(kora)
        rb = self.route.boundingRect()
        self.route_rect = rb
        self.scene.setSceneRect(rb.adjusted(-15000, -15000, 15000, 15000))
        self.scene.relayout_labels = self._relayout_view  # MapViews of this scene call it on zoom/resize
        self.view = MapView(self.scene)
        self.view.setObjectName("mapView")
        self.view.north_label = QCoreApplication.translate("Map", "N")
        self.view.legend = self._legend()
        self.scene.addItem(self.route)
        self.km_ticks = KmTicksItem(kora)
        self.scene.addItem(self.km_ticks)
        self.access_items = access_line_items(kora)
        for it in self.access_items:
            self.scene.addItem(it)
        self.road_end_items: list[RoadEndItem] = []
        for p in kora.access_points:
            probable = "probable" in p.kind or p.confidence == "low"
            item = RoadEndItem(p.lon, p.lat, f"{p.name_zh}\n{p.name_en}", probable)
            self.scene.addItem(item)
            self.road_end_items.append(item)
        self.show_tibetan = show_tibetan
        self.landmark_items: list[LandmarkItem] = []
        self.refresh_landmarks(kora)
        self.incident_layer = IncidentMarkers()
        for layer in self.incident_layer.layers:
            self.scene.addItem(layer)
        self.estimate_item = EstimateItem()
        self.scene.addItem(self.estimate_item)
        self.heat_item = HeatStripItem(kora)
        self.scene.addItem(self.heat_item)
        self.hazard_item = HazardItem(kora)
        self.scene.addItem(self.hazard_item)
        self.hazard_labels = HazardLabelsItem(self.hazard_item)
        self.scene.addItem(self.hazard_labels)
        self.pin_item = PinItem(self._pin_dropped)
        self.pin_item.setVisible(False)
        self.scene.addItem(self.pin_item)
        self.playhead_item = PlayheadItem()
        self.playhead_item.setVisible(False)
        self.scene.addItem(self.playhead_item)
        self.highlight_item = HighlightItem()
        self.highlight_item.setVisible(False)
        self.scene.addItem(self.highlight_item)
        self.tracks: dict[str, object] = {}
        self.incidents: list = []
        self.estimate: dict | None = None
        self.pin: tuple[float, float] | None = None
        self.playhead: tuple[float, float] | None = None
        self.heat: list[float] = []
        self.hazards: list[dict] = []
        self.view.cursorMoved.connect(self._cursor_moved)
        self.view.cursorLeft.connect(self._cursor_left)
        self.view.clicked.connect(self._clicked)
        self.interaction = MapInteraction(self, self)

    def _legend(self) -> list[tuple[str, object, str]]:
        rows: list[tuple[str, object, str]] = [("dot", STATUS_COLOURS[s], codes.label(codes.STATUSES, s, self.lang))
                                               for s in ("new", "dispatched", "on_scene", "evacuating", "closed")]
        road = QPen(QColor("#8d6e63"), 3, Qt.PenStyle.SolidLine)
        probable = QPen(QColor("#8d6e63"), 3, Qt.PenStyle.DashLine)
        rows += [("symbol", "medical", QCoreApplication.translate("Map", "Medical post")),
                 ("symbol", "supply", QCoreApplication.translate("Map", "Supply point")),
                 ("symbol", "road_end", QCoreApplication.translate("Map", "Road end")),
                 ("line", road, QCoreApplication.translate("Map", "Vehicle road")),
                 ("line", probable, QCoreApplication.translate("Map", "Probable road")),
                 ("symbol", "station", QCoreApplication.translate("Map", "Police station"))]
        return rows

    def set_legend_visible(self, on: bool) -> None:
        self.view.show_legend = on
        self.view.viewport().update()

    # --- contract: incidents, estimate, pin ---------------------------------------------
    def set_incidents(self, rows) -> None:
        """Markers for incidents (objects with id, lon, lat, status); rows without a position are skipped."""
        self.incidents = list(rows)
        self.incident_layer.set_rows(self.incidents)

    def select_incident(self, incident_id: int | None) -> None:
        """Mark the incident the panels show (a ring on its marker)."""
        self.incident_layer.select(incident_id)

    def show_estimate(self, best_lonlat: tuple[float, float] | None, corridor: list[list[tuple[float, float]]],
                      point_radius_m: float | None = None) -> None:
        """Draw the locator's corridor polygons and its best estimate (with a radius circle if given)."""
        self.estimate = {"best": best_lonlat, "corridor": [list(c) for c in corridor or []],
                         "radius_m": point_radius_m}
        best = projection.lonlat_to_scene(*best_lonlat) if best_lonlat else None
        polys: list[QPolygonF] = [projection.polygon(ring) for ring in corridor or [] if len(ring) >= 3]
        self.estimate_item.set_estimate(best, polys, point_radius_m)

    def clear_estimate(self) -> None:
        self.estimate = None
        self.estimate_item.set_estimate(None, [], None)

    def set_pin(self, lon: float, lat: float) -> None:
        """Place the officer's pin (does not emit pinMoved; only a drag does)."""
        self.pin = (float(lon), float(lat))
        self.pin_item.setPos(projection.lonlat_to_scene(lon, lat))
        self.pin_item.setVisible(True)

    def clear_pin(self) -> None:
        self.pin = None
        self.pin_item.setVisible(False)

    def _pin_dropped(self, x: float, y: float) -> None:
        lon, lat = projection.scene_to_lonlat(x, y)
        self.pin = (lon, lat)
        self.pinMoved.emit(lon, lat)

    # --- contract: view ----------------------------------------------------------------
    def center_on(self, lon: float, lat: float, zoom: float | None = None) -> None:
        """Centre the view on (lon, lat); ``zoom`` is pixels per metre when given."""
        if zoom is not None:
            self.view.set_scale(zoom)
        self.view.centerOn(projection.lonlat_to_scene(lon, lat))

    def fit_route(self) -> None:
        """Show the whole kora with the summit (Ctrl+0)."""
        self.view.fit_scene_rect(self.route_rect.adjusted(-800, -800, 800, 800))
        self.relayout_labels()

    def scene_pos_of(self, lon: float, lat: float) -> QPointF:
        return projection.lonlat_to_scene(lon, lat)

    def view_pos_of(self, lon: float, lat: float):
        """Viewport pixel position (QPoint) of a lon/lat, for tests and overlays."""
        return self.view.mapFromScene(projection.lonlat_to_scene(lon, lat))

    # --- contract: replay and statistics -----------------------------------------------
    def show_track(self, name: str, lonlats: list[tuple[float, float]]) -> None:
        self.clear_track(name)
        colour = TRACK_COLOURS[len(self.tracks) % len(TRACK_COLOURS)]
        item = track_item(lonlats, colour)
        item.setToolTip(name)
        self.scene.addItem(item)
        self.tracks[name] = item

    def clear_track(self, name: str) -> None:
        item = self.tracks.pop(name, None)
        if item is not None:
            self.scene.removeItem(item)

    def set_playhead(self, lon: float | None, lat: float | None = None) -> None:
        """Move the replay playhead; ``set_playhead(None)`` hides it."""
        if lon is None or lat is None:
            self.playhead = None
            self.playhead_item.setVisible(False)
            return
        self.playhead = (float(lon), float(lat))
        self.playhead_item.setPos(projection.lonlat_to_scene(lon, lat))
        self.playhead_item.setVisible(True)

    def set_heat(self, values_per_km: list[float]) -> None:
        """Heat strip along the route: one value per km from chainage 0 (any scale; drawn relative to max)."""
        self.heat = list(values_per_km or [])
        self.heat_item.set_values(self.heat)

    def set_hazards(self, hazards: list[dict]) -> None:
        """Sections in warning colours: dicts with from_km, to_km, kind, label."""
        self.hazards = list(hazards or [])
        self.hazard_labels.prepareGeometryChange()
        self.hazard_item.set_hazards(self.hazards)
        self.hazard_labels.update()
        self.relayout_labels()

    def refresh_landmarks(self, kora: Kora) -> None:
        """Redraw the landmark layer from ``kora`` (e.g. after the station edited its own landmarks)."""
        self.kora = kora
        for item in self.landmark_items:
            self.scene.removeItem(item)
        self.landmark_items = [LandmarkItem(spec, self.show_tibetan) for spec in landmark_labels(kora, self.lang)]
        for item in self.landmark_items:
            self.scene.addItem(item)
        self.relayout_labels()

    # --- layer switches ----------------------------------------------------------------
    def set_route_colouring(self, mode: str) -> None:
        self.route.set_mode(mode)

    def set_show_tibetan(self, on: bool) -> None:
        self.show_tibetan = on
        for item in self.landmark_items:
            item.set_show_tibetan(on)
        self.relayout_labels()

    def set_layer_visible(self, layer: str, on: bool) -> None:
        """Layers: "km_ticks", "access", "incidents", "heat", "hazards", "landmarks"."""
        items = {"km_ticks": [self.km_ticks], "access": self.access_items + self.road_end_items,
                 "incidents": list(self.incident_layer.layers), "heat": [self.heat_item], "hazards": [self.hazard_item, self.hazard_labels],
                 "landmarks": self.landmark_items}[layer]
        for item in items:
            item.setVisible(on)
        if layer == "landmarks":
            self.relayout_labels()

    def highlight_km(self, km: float | None) -> None:
        """Mark chainage ``km`` on the route (the profile's hover); None hides the mark."""
        if km is None:
            self.highlight_item.setVisible(False)
            return
        x, y = self.kora.utm_at(km)
        self.highlight_item.setPos(QPointF(x, -y))
        self.highlight_item.setVisible(True)

    def relayout_labels(self) -> None:
        """Re-place the landmark labels in every map view of the scene."""
        for view in self.scene.views():
            self._relayout_view(view)

    def _relayout_view(self, view) -> None:
        hazard_labels = getattr(self, "hazard_labels", None)  # not yet there while the map is being built
        keep_out = hazard_labels.view_boxes(view) if hazard_labels is not None and hazard_labels.isVisible() else []
        declutter(view, self.landmark_items, main=view is self.view, keep_out=keep_out)

    # --- cursor --------------------------------------------------------------------------
    def readout(self, x: float, y: float) -> str:
        """Status-bar text for scene point (x, y): lat/lon, km along the route, elevation, nearest landmark."""
        lon, lat = projection.scene_to_lonlat(x, y)
        km, off = self.kora.chainage_of_utm(x, -y)
        parts = [QCoreApplication.translate("Map", "lat {0:.5f}°, lon {1:.5f}°").format(lat, lon)]
        if off <= READOUT_MAX_OFFSET_M:
            lm = self.kora.nearest_landmark(km)
            name = short_title(lm, self.lang)
            dist = self.kora.along_distance_km(lm.chainage_km, km)
            parts.append(QCoreApplication.translate("Map", "km {0:.2f} ({1:.0f} m from route)").format(km, off))
            parts.append(QCoreApplication.translate("Map", "elevation {0:.0f} m").format(self.kora.elevation_at(km)))
            parts.append(QCoreApplication.translate("Map", "near {0} ({1:.1f} km)").format(name, dist))
        else:
            parts.append(QCoreApplication.translate("Map", "{0:.1f} km from the route").format(off / 1000))
        return "  |  ".join(parts)

    def _cursor_moved(self, x: float, y: float) -> None:
        self.cursorText.emit(self.readout(x, y))
        km, off = self.kora.chainage_of_utm(x, -y)
        if off <= READOUT_MAX_OFFSET_M:
            self.hoveredKm.emit(km)
        else:
            self.hoverLeft.emit()

    def _cursor_left(self) -> None:
        self.hoverLeft.emit()

    def _clicked(self, x: float, y: float) -> None:
        hit = self.incident_layer.nearest(x, y, CLICK_RADIUS_PX / self.view.scale_px_per_m())
        if hit is not None and self.incident_layer.isVisible():
            self.incidentClicked.emit(hit)
        lon, lat = projection.scene_to_lonlat(x, y)
        self.mapClicked.emit(lon, lat)

