"""The station-layer editor (the sand table): landmarks, hazards and walked routes in one dock.

Every change is a pure edit (services/station_edits.py) run on the database worker; once it has
succeeded it goes on the QUndoStack (Ctrl+Z / Ctrl+Shift+Z undo and redo it). After a change the
editor reloads the layer, gives the window's context the station kora (so the locator uses it) and
redraws the map's landmarks and hazards."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from rescue_desk.domain import station_layer as sl
from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.services import station, station_walks
from rescue_desk.services.station_edits import MoveLandmark, editor_rows

from ..map.interaction import MapMode
from .hazards_page import HazardsPage
from .landmarks_page import LandmarksPage
from .map_handle import LandmarkHandle
from .undo import EditCommand
from .walks_page import WalksPage

SELECT_RADIUS_M = 250.0


def _load(db):
    """Worker thread: the layer, the editor rows, today's station kora and hazards in use today."""
    layer = station.load_layer(db)
    kora = station.StationKoras(layer).at(None)
    return layer, editor_rows(layer), kora, [h for h in layer.hazards if h.in_use(None)]


def _load_walks(db):
    """Worker thread: loops per officer and the pooled officer pace."""
    return station_walks.loops_by_officer(db), station_walks.officer_pace_factor(db)


class StationEditor(QWidget):
    """The dock's widget. ``loaded`` fires after each reload (GUI thread); ``message`` shows the outcome.

    Edits run through ``ctx.notices``: the event log then announces ``stationLayerChanged`` once, and
    this editor, the station state (``ctx.kora``, the locator) and the map reload from that one notice."""

    loaded = Signal()
    walksLoaded = Signal()

    def __init__(self, ctx, map_ctrl, parent=None):
        super().__init__(parent)
        self.setObjectName("stationEditor")
        self.ctx, self.map = ctx, map_ctrl
        self.layer = station.StationLayer()
        self.stack = QUndoStack(self)
        self.undo_action = self.stack.createUndoAction(self, self.tr("Undo a sand-table edit"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setObjectName("stationUndo")
        self.redo_action = self.stack.createRedoAction(self, self.tr("Redo a sand-table edit"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setObjectName("stationRedo")
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)

        self.landmarks = LandmarksPage(ctx.lang)
        self.hazards = HazardsPage(ctx.lang, ctx.kora.length_km)
        self.walks = WalksPage(ctx.actor)
        self.tabs = QTabWidget(objectName="stationTabs")
        self.tabs.addTab(self.landmarks, self.tr("Landmarks"))
        self.tabs.addTab(self.hazards, self.tr("Hazards"))
        self.tabs.addTab(self.walks, self.tr("Walked routes"))
        self.message = QLabel(objectName="stationMessage", wordWrap=True)
        bar = QHBoxLayout()
        for a in (self.undo_action, self.redo_action):
            b = QToolButton()
            b.setDefaultAction(a)
            bar.addWidget(b)
        bar.addWidget(self.message, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.tabs)

        self.handle = LandmarkHandle(self._handle_dropped)
        map_ctrl.scene.addItem(self.handle)
        modes = map_ctrl.interaction
        modes.register(MapMode.ADD_LANDMARK, self._add_clicked,
                       on_leave=lambda: self.landmarks.add_on_map.setChecked(False))
        modes.register(MapMode.PICK_SECTION, self._section_clicked,
                       on_leave=lambda: self.hazards.pick.setChecked(False))
        modes.register(MapMode.BROWSE, self._browse_clicked)
        self.hazards.pick.toggled.connect(
            lambda on: modes.set_mode(MapMode.PICK_SECTION) if on else modes.leave(MapMode.PICK_SECTION))
        self.landmarks.editRequested.connect(self.run_edit)
        self.hazards.editRequested.connect(self.run_edit)
        self.landmarks.selected.connect(self._selected)
        self.landmarks.addOnMapToggled.connect(self._adding_toggled)
        self.walks.importRequested.connect(self.import_walk)
        ctx.bridge.stationLayerChanged.connect(self.reload)
        self.reload()
        self.reload_walks()

    # --- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Reload the layer on the worker; the map and the context follow when it arrives."""
        self.ctx.worker.submit(_load, self.ctx.db, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        self.layer, rows, kora, hazards_today = result
        self.map.refresh_landmarks(kora)
        self.map.set_hazards([h.as_map_item(self.ctx.lang) for h in hazards_today])
        self.landmarks.set_rows(rows)
        self.hazards.set_hazards(list(self.layer.hazards))
        self._place_handle()
        self.loaded.emit()

    def reload_walks(self) -> None:
        self.ctx.worker.submit(_load_walks, self.ctx.db, on_done=self._walks_loaded, on_error=self._failed)

    def _walks_loaded(self, result) -> None:
        self.walks.set_data(*result)
        self.walksLoaded.emit()

    # --- edits -----------------------------------------------------------------------------
    def run_edit(self, edit) -> None:
        """Apply ``edit`` on the worker; on success put it on the undo stack and reload."""
        db, actor = self.ctx.db, self.ctx.actor

        def done(inverse) -> None:
            self.stack.push(EditCommand(edit.text, edit, inverse, self._run))
            self.message.setText(self.tr("Saved: {0}").format(edit.text))
            if hasattr(edit, "alias"):
                self.landmarks.alias_text.clear()
            if getattr(edit, "key", None) and not isinstance(edit, MoveLandmark):
                self.landmarks.new_position = None
                self._select_after_load = edit.key

        self.ctx.notices.run_op(edit.apply, db, actor, on_done=done, on_error=self._failed)

    def _run(self, edit, on_done: Callable) -> None:
        """Undo/redo: run an edit on the worker (in order after earlier ones)."""
        def done(result) -> None:
            on_done(result)
            self.message.setText(self.tr("Done: {0}").format(edit.text))

        self.ctx.notices.run_op(edit.apply, self.ctx.db, self.ctx.actor, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        self._place_handle()

    # --- map -------------------------------------------------------------------------------
    _select_after_load: str | None = None

    def _place_handle(self) -> None:
        if self._select_after_load:
            key, self._select_after_load = self._select_after_load, None
            self.landmarks.select(key)
        if self.landmarks.new_position is not None:
            self.handle.place(*self.landmarks.new_position)
            return
        r = self.landmarks.current_row()
        if r is not None and not r.retired:
            self.handle.place(r.lon, r.lat)
        else:
            self.handle.setVisible(False)

    def _selected(self, key: str) -> None:
        self._place_handle()
        if key:
            r = self.landmarks.current_row()
            self.map.center_on(r.lon, r.lat)
            self.ctx.worker.submit(station.history, self.ctx.db, key, on_done=self.landmarks.show_history,
                                   on_error=self._failed)

    def _adding_toggled(self, on: bool) -> None:
        self.message.setText(self.tr("Click the map where the new landmark is.") if on else "")
        if on:
            self.map.interaction.set_mode(MapMode.ADD_LANDMARK)
        else:
            self.map.interaction.leave(MapMode.ADD_LANDMARK)

    def _too_far(self, lon: float, lat: float) -> bool:
        off = self.ctx.kora.chainage_of(lon, lat)[1]
        if off > sl.MAX_OFFSET_KM * 1000:
            self.message.setText(self.tr("That point is {0:.1f} km from the kora route; station landmarks must lie "
                                         "within {1:g} km of it.").format(off / 1000, sl.MAX_OFFSET_KM))
            return True
        return False

    def _section_clicked(self, lon: float, lat: float) -> None:
        if self.hazards.pick.isChecked():
            km, off = self.ctx.kora.chainage_of(lon, lat)
            if off > 500:
                self.message.setText(self.tr("Click on the kora route to mark a section."))
            elif self.hazards.picked(km):
                self.message.setText(self.tr("Section km {0:.2f}–{1:.2f}; choose the condition and add it.")
                                     .format(self.hazards.from_km.value(), self.hazards.to_km.value()))
            else:
                self.message.setText(self.tr("Now click the end of the section (clockwise)."))

    def _add_clicked(self, lon: float, lat: float) -> None:
        self.landmarks.add_on_map.setChecked(False)
        if self._too_far(lon, lat):
            return
        self.landmarks.start_new(lon, lat, self.ctx.kora.chainage_of(lon, lat)[0])
        self.handle.place(lon, lat)
        self.message.setText(self.tr("Name the new landmark and save; drag the handle to adjust."))

    def _browse_clicked(self, lon: float, lat: float) -> None:
        if not self.isVisible():
            return
        near = [(geodesic_distance_m(lon, lat, r.lon, r.lat), r.key) for r in self.landmarks.model.rows]
        if near:
            dist, key = min(near)
            if dist <= SELECT_RADIUS_M:
                self.landmarks.select(key)
                self._selected(key)

    def _handle_dropped(self, lon: float, lat: float) -> None:
        if self._too_far(lon, lat):
            self._place_handle()
            return
        if self.landmarks.new_position is not None:
            self.landmarks.start_new(lon, lat, self.ctx.kora.chainage_of(lon, lat)[0])
            return
        key = self.landmarks.current_key()
        if key:
            self.run_edit(MoveLandmark(key, lon, lat, text=self.tr("move landmark")))

    # --- walks -----------------------------------------------------------------------------
    def import_walk(self, path: str, officer: str) -> None:
        """Import a GPX walk (worker), then refresh the loops and pace."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.message.setText(self.tr("Cannot read {0}: {1}").format(path, exc.strerror or exc))
            return

        def done(_walk_id) -> None:
            self.message.setText(self.tr("Walk imported for {0}.").format(officer))
            self.reload_walks()

        self.ctx.worker.submit(station_walks.import_walk, self.ctx.db, self.ctx.actor, officer, data, Path(path).name,
                               on_done=done, on_error=self._failed)
