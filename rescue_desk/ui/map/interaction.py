"""The one owner of clicks on the map. The map is always in exactly one mode, shown on the map itself;
a click goes to the handler of that mode only, so the call form and the sand table never act on the
same click.

Modes: ``browse`` (clicks select incidents and landmarks, change nothing), ``place_call`` (the call
being taken), ``add_landmark`` / ``pick_section`` (the sand table), ``measure`` (distance between
two clicks), ``place_checkin`` (where a team checking in is). Esc or the label's ✕ returns to ``browse``."""

from __future__ import annotations

from enum import Enum
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from rescue_desk.domain.geo import geodesic_distance_m

from ..text import translate

Handler = Callable[[float, float], None]


class MapMode(str, Enum):
    BROWSE = "browse"
    PLACE_CALL = "place_call"
    ADD_LANDMARK = "add_landmark"
    PICK_SECTION = "pick_section"
    MEASURE = "measure"
    PLACE_CHECKIN = "place_checkin"


def mode_text(mode: MapMode) -> str:
    return {MapMode.BROWSE: translate("MapInteraction", "Map: browse (clicks select, change nothing)"),
            MapMode.PLACE_CALL: translate("MapInteraction", "Map: click to place the call being taken"),
            MapMode.ADD_LANDMARK: translate("MapInteraction", "Map: click where the new landmark is"),
            MapMode.PICK_SECTION: translate("MapInteraction", "Map: click the start and end of the section"),
            MapMode.MEASURE: translate("MapInteraction", "Map: measure — click two points"),
            MapMode.PLACE_CHECKIN: translate("MapInteraction", "Map: click where the team is")}[mode]


class ModeBadge(QWidget):
    """The current mode in the map's top-left corner, with ✕ to leave it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("mapModeBadge")
        self.label = QLabel(objectName="mapModeLabel")
        self.close_btn = QToolButton(objectName="mapModeExit", text="✕", autoRaise=True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 2, 2)
        lay.addWidget(self.label)
        lay.addWidget(self.close_btn)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#mapModeBadge { background: rgba(255,255,255,220); border: 1px solid #888; "
                           "border-radius: 3px; }")
        self.move(8, 8)


class MapInteraction(QObject):
    """Routes ``map.mapClicked`` to the handler registered for the current mode. GUI thread only."""

    modeChanged = Signal(str)
    measured = Signal(float, float)  # straight-line metres, along-the-route km (or -1 when off it)

    def __init__(self, map_ctrl, parent: QObject | None = None):
        super().__init__(parent)
        self.map = map_ctrl
        self.mode = MapMode.BROWSE
        self.handlers: dict[MapMode, list[Handler]] = {m: [] for m in MapMode}
        self.on_leave: dict[MapMode, list[Callable[[], None]]] = {m: [] for m in MapMode}
        self._measure_from: tuple[float, float] | None = None
        self.badge = ModeBadge(map_ctrl.view)
        self.badge.close_btn.clicked.connect(lambda: self.set_mode(MapMode.BROWSE))
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), map_ctrl.view)
        esc.activated.connect(lambda: self.set_mode(MapMode.BROWSE))
        map_ctrl.mapClicked.connect(self._clicked)
        self.register(MapMode.MEASURE, self._measure_click)
        self._show()

    def register(self, mode: MapMode, handler: Handler, on_leave: Callable[[], None] | None = None) -> None:
        """``handler(lon, lat)`` gets the clicks made in ``mode``; ``on_leave()`` runs when the map leaves it."""
        self.handlers[MapMode(mode)].append(handler)
        if on_leave is not None:
            self.on_leave[MapMode(mode)].append(on_leave)

    def set_mode(self, mode: MapMode | str) -> None:
        mode = MapMode(mode)
        if mode == self.mode:
            return
        left, self.mode = self.mode, mode
        self._measure_from = None
        for leave in self.on_leave[left]:
            leave()
        self._show()
        self.modeChanged.emit(mode.value)

    def leave(self, mode: MapMode | str) -> None:
        """Back to browsing if the map is still in ``mode`` (a panel finishing its own mode)."""
        if self.mode == MapMode(mode):
            self.set_mode(MapMode.BROWSE)

    def _show(self) -> None:
        self.badge.label.setText(mode_text(self.mode))
        self.badge.close_btn.setVisible(self.mode != MapMode.BROWSE)
        self.badge.adjustSize()
        self.badge.show()
        self.badge.raise_()

    def _clicked(self, lon: float, lat: float) -> None:
        for handler in list(self.handlers[self.mode]):
            handler(lon, lat)

    def _measure_click(self, lon: float, lat: float) -> None:
        if self._measure_from is None:
            self._measure_from = (lon, lat)
            self.badge.label.setText(translate("MapInteraction", "Map: measure — click the second point"))
            self.badge.adjustSize()
            return
        (lon0, lat0), self._measure_from = self._measure_from, None
        straight = geodesic_distance_m(lon0, lat0, lon, lat)
        kora = self.map.kora
        (km0, off0), (km1, off1) = kora.chainage_of(lon0, lat0), kora.chainage_of(lon, lat)
        along = kora.along_distance_km(km0, km1) if max(off0, off1) < 500 else -1.0
        text = translate("MapInteraction", "Distance %1 km straight").replace(
            "%1", f"{straight / 1000:.2f}")
        if along >= 0:
            text += translate("MapInteraction", ", %1 km along the kora").replace("%1", f"{along:.2f}")
        self.badge.label.setText(text)
        self.badge.adjustSize()
        self.measured.emit(straight, along)
