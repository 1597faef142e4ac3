"""The station layer (sand table): ``install(window)`` adds the editor dock and the Tools menu's
GeoJSON export/import. The editor is kept on ``window.station``."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QScrollArea

from rescue_desk.services import station_exchange

from .editor import StationEditor

__all__ = ["install", "StationEditor", "StationLayerMenu"]


class StationLayerMenu(QObject):
    """Tools ▸ export/import the station layer as GeoJSON (import shows the diff and asks first)."""

    def __init__(self, window, editor: StationEditor):
        super().__init__(window)
        self.window, self.editor = window, editor
        menu = window.menu("tools")
        menu.addSeparator()
        self.export_action = QAction(self.tr("Export station layer (GeoJSON)…"), window)
        self.export_action.setObjectName("actionStationExport")
        self.export_action.triggered.connect(self._choose_export)
        self.import_action = QAction(self.tr("Import station layer (GeoJSON)…"), window)
        self.import_action.setObjectName("actionStationImport")
        self.import_action.triggered.connect(self._choose_import)
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export station layer"), "station-layer.geojson",
                                              self.tr("GeoJSON (*.geojson *.json)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        ctx = self.window.ctx

        def work(db):
            doc = station_exchange.export_geojson(db)
            station_exchange.write_geojson(doc, path)
            return len(doc["features"])

        ctx.worker.submit(work, ctx.db, on_done=lambda n: self.editor.message.setText(
            self.tr("Exported {0} features to {1}.").format(n, path)), on_error=self.editor._failed)

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import station layer"), "",
                                              self.tr("GeoJSON (*.geojson *.json)"))
        if path:
            self.import_from(path, self._confirm)

    def import_from(self, path: str, confirm: Callable[[object], bool]) -> None:
        """Preview ``path`` (worker), ask ``confirm(diff)`` on the GUI thread, then apply all or nothing."""
        ctx = self.window.ctx
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.editor.message.setText(self.tr("Cannot read {0}: {1}").format(path, exc.strerror or exc))
            return

        def previewed(diff) -> None:
            if diff.is_empty():
                self.editor.message.setText(self.tr("Nothing to import: the station layer already has all of it."))
                return
            if not confirm(diff):
                self.editor.message.setText(self.tr("Import cancelled; nothing was changed."))
                return
            ctx.notices.run_op(station_exchange.apply_import, ctx.db, ctx.actor, diff, on_done=applied,
                               on_error=self.editor._failed)

        def applied(n) -> None:
            self.editor.message.setText(self.tr("Imported {0} changes.").format(n))

        ctx.worker.submit(station_exchange.preview_import, ctx.db, data, on_done=previewed,
                          on_error=self.editor._failed)

    def _confirm(self, diff) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import station layer"),
                          self.tr("{0} added, {1} changed, {2} retired. Apply these changes?").format(
                              len(diff.added), len(diff.changed), len(diff.retired)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setDetailedText("\n".join(diff.lines()))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


def install(window) -> None:
    """Add the station editor dock (right) and the Tools menu's layer export/import."""
    editor = StationEditor(window.ctx, window.map)
    window.station = editor
    title = QCoreApplication.translate("StationEditor", "Station landmarks and hazards")
    scroll = QScrollArea(objectName="stationScroll", widgetResizable=True)  # fits a 768-pixel-high screen
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(editor)
    window.station_dock = window.add_dock(scroll, title, Qt.DockWidgetArea.RightDockWidgetArea, "stationDock")
    window.station_menu = StationLayerMenu(window, editor)
