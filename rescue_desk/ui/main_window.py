"""The main window: a shell of docks, tabs and menus around the map and profile; features install themselves.

The shell (frame, menus, an empty map view, "Loading…") needs neither the database nor the kora model, so
the app paints it first and ``attach``-es the station afterwards."""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QGraphicsScene, QGraphicsView, QLabel, QMainWindow, QMenu, QMessageBox,
                               QSplitter, QTabWidget, QWidget)

if TYPE_CHECKING:
    from .context import AppContext
    from .settings import Settings

FEATURES = ("desk", "reports", "replay", "station", "admin", "search_plan", "radio_log", "field", "help")
MENUS = ("file", "incident", "view", "tools", "help")


class MainWindow(QMainWindow):
    """Map over profile in the first tab; ``add_dock``, ``add_tab_page`` and ``menu`` for the features.

    ``MainWindow(ctx)`` is the whole window at once. ``MainWindow(settings=…)`` is only the shell (``ctx``
    None, "Loading…" in the status bar); ``attach(ctx)`` then builds the rest and emits ``ready``."""

    ready = Signal()

    def __init__(self, ctx: "AppContext | None" = None, features: tuple[str, ...] = FEATURES, *,
                 settings: "Settings | None" = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = None
        self.is_ready = False
        self._lazy_pages: dict[str, tuple[QWidget, Callable[[], QWidget], str, str]] = {}
        self._after_first_paint: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Rescue Desk — Darchen mountain rescue station"))
        self._build_shell()
        self._initial_geometry(settings or ctx.settings)
        if ctx is not None:
            self.attach(ctx, features)

    def _build_shell(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self._blank_map = QGraphicsView(QGraphicsScene(self))
        self._blank_map.setObjectName("mapPlaceholder")
        self.tabs.addTab(self._blank_map, self.tr("Map"))
        self.setCentralWidget(self.tabs)
        self._menus: dict[str, QMenu] = {}
        self._build_menus()
        self.cursor_label = QLabel()
        self.cursor_label.setObjectName("cursorReadout")
        self.statusBar().addPermanentWidget(self.cursor_label)  # never hidden by (or under) status messages
        self.statusBar().showMessage(self.tr("Loading…"))

    def when_shell_painted(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the event loop turn after the shell's empty map was first painted."""
        self._shell_watch = _FirstPaint(self._blank_map.viewport(), job)

    def attach(self, ctx: "AppContext", features: tuple[str, ...] = FEATURES) -> None:
        """Build the map, profile and features on the opened station; ``ready`` is emitted at the end."""
        from rescue_desk.services.demo import is_synthetic

        from .map import MapController
        from .profile import ProfileView
        from .workspaces import Workspaces

        self.ctx = ctx
        ctx.start_live_state()
        self.map = MapController(ctx.kora, ctx.lang, self, show_tibetan=ctx.settings.show_tibetan)
        self.profile = ProfileView(ctx.kora, ctx.lang)
        self.profile.setObjectName("profileView")
        self._build_central()
        self._build_view_menu(self._menus["view"])
        self._link_map_and_profile()
        self._apply_layer_settings()
        ctx.worker.failed.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self._reload_timer = QTimer(self, singleShot=True, interval=250)
        self._reload_timer.timeout.connect(self.reload_incidents)
        ctx.bridge.incidentsChanged.connect(self._reload_timer.start)  # a burst of changes = one reload
        ctx.station.changed.connect(lambda: self.map.refresh_landmarks(self.ctx.kora))
        self.installed_features = self.install_features(features)
        self.workspaces = Workspaces(self)
        self.workspaces.start()
        self.map.fit_route()
        self.reload_incidents()
        ctx.worker.submit(is_synthetic, ctx.db, on_done=self._mark_synthetic)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._paint_watch = _FirstPaint(self.map.view.viewport(), self._first_paint_done)
        self.statusBar().clearMessage()
        self.is_ready = True
        self.ready.emit()

    # --- building ------------------------------------------------------------------------
    def _initial_geometry(self, settings: "Settings") -> None:
        """The saved geometry, else 1280×820 or the screen's free area when smaller (a 1366×768 laptop)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 820
        if screen is not None and screen.width() > 0:
            width, height = min(width, screen.width()), min(height, screen.height() - 30)
        self.resize(width, height)
        if not settings.window_geometry.isEmpty():
            self.restoreGeometry(settings.window_geometry)

    def _build_central(self) -> None:
        """The map over the profile, in place of the shell's empty map."""
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("mapProfileSplitter")
        split.addWidget(self.map.view)
        split.addWidget(self.profile)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 150])
        self.tabs.removeTab(0)
        self.tabs.insertTab(0, split, self.tr("Map"))
        self._blank_map.deleteLater()

    def _build_menus(self) -> None:
        titles = {"file": self.tr("&File"), "incident": self.tr("&Incident"), "view": self.tr("&View"),
                  "tools": self.tr("&Tools"), "help": self.tr("&Help")}
        for name in MENUS:
            self._menus[name] = self.menuBar().addMenu(titles[name])
            self._menus[name].setObjectName(f"menu_{name}")
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self._menus["file"].addAction(quit_action)
        about = QAction(self.tr("&About Rescue Desk"), self)
        about.triggered.connect(self._about)
        self._menus["help"].addAction(about)

    def _action(self, menu: QMenu, text: str, slot, shortcut=None, checked: bool | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if checked is not None:
            action.setCheckable(True)
            action.setChecked(checked)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_view_menu(self, menu: QMenu) -> None:
        s = self.ctx.settings
        self._action(menu, self.tr("Fit route"), self.map.fit_route, "Ctrl+0", name="actionFitRoute")
        self._action(menu, self.tr("Zoom in"), lambda: self.map.view.zoom_by(1.25), "Ctrl+=", name="actionZoomIn")
        self._action(menu, self.tr("Zoom out"), lambda: self.map.view.zoom_by(0.8), "Ctrl+-", name="actionZoomOut")
        self._action(menu, self.tr("Measure distance"), lambda: self.map.interaction.set_mode("measure"), "Ctrl+M",
                     name="actionMeasure")
        menu.addSeparator()
        layers = menu.addMenu(self.tr("Map layers"))
        for key, text, setting in (("km_ticks", self.tr("Kilometre ticks"), Settings_.show_km_ticks),
                                   ("access", self.tr("Access roads and road ends"), Settings_.show_access),
                                   ("incidents", self.tr("Incidents"), Settings_.show_incidents),
                                   ("heat", self.tr("Heat strip"), Settings_.show_heat),
                                   ("hazards", self.tr("Hazards"), Settings_.show_hazards)):
            self._action(layers, text, self._layer_toggler(key, setting), checked=s.get(setting),
                         name=f"actionLayer_{key}")
        self._action(layers, self.tr("Tibetan names (unverified spellings)"), self._toggle_tibetan,
                     checked=s.show_tibetan, name="actionShowTibetan")
        self._action(layers, self.tr("Legend"), self._toggle_legend, checked=s.show_legend, name="actionShowLegend")
        colouring = menu.addMenu(self.tr("Colour the route by"))
        group = QActionGroup(self)
        for mode, text in (("elevation", self.tr("Elevation")), ("section", self.tr("Section"))):
            a = self._action(colouring, text, lambda on, m=mode: on and self._set_colouring(m),
                             checked=s.route_colouring == mode, name=f"actionColour_{mode}")
            group.addAction(a)
        menu.addSeparator()
        lang_menu = menu.addMenu(self.tr("Language"))
        lang_group = QActionGroup(self)
        for code, text in (("zh", "中文"), ("en", "English")):
            a = self._action(lang_menu, text, lambda on, c=code: on and self._set_language(c),
                             checked=self.ctx.lang == code, name=f"actionLanguage_{code}")
            lang_group.addAction(a)
        menu.addSeparator()
        self.panels_menu = menu.addMenu(self.tr("Panels"))

    def _link_map_and_profile(self) -> None:
        self.profile.hoveredKm.connect(self.map.highlight_km)
        self.profile.hoverLeft.connect(lambda: self.map.highlight_km(None))
        self.map.hoveredKm.connect(self.profile.highlight_km)
        self.map.hoverLeft.connect(lambda: self.profile.highlight_km(None))
        self.map.cursorText.connect(self.cursor_label.setText)

    def _apply_layer_settings(self) -> None:
        s = self.ctx.settings
        for key, setting in (("km_ticks", Settings_.show_km_ticks), ("access", Settings_.show_access),
                             ("incidents", Settings_.show_incidents), ("heat", Settings_.show_heat),
                             ("hazards", Settings_.show_hazards)):
            self.map.set_layer_visible(key, s.get(setting))
        self.map.set_route_colouring(s.route_colouring)
        self.map.set_legend_visible(s.show_legend)

    def _layer_toggler(self, key: str, setting):
        def toggle(on: bool) -> None:
            self.ctx.settings.set(setting, on)
            self.map.set_layer_visible(key, on)
        return toggle

    def _toggle_tibetan(self, on: bool) -> None:
        self.ctx.settings.show_tibetan = on
        self.map.set_show_tibetan(on)

    def _toggle_legend(self, on: bool) -> None:
        self.ctx.settings.show_legend = on
        self.map.set_legend_visible(on)

    def _set_colouring(self, mode: str) -> None:
        self.ctx.settings.route_colouring = mode
        self.map.set_route_colouring(mode)

    def _set_language(self, code: str) -> None:
        if code == self.ctx.settings.language and code == self.ctx.lang:
            return
        self.ctx.settings.language = code
        if code != self.ctx.lang:
            QMessageBox.information(self, self.tr("Language"),
                                    self.tr("The new language applies the next time Rescue Desk starts."))

    def _about(self) -> None:
        from rescue_desk import __version__
        from rescue_desk.paths import log_file

        QMessageBox.about(self, self.tr("About Rescue Desk"),
                          self.tr("Rescue Desk: dispatch desk of the Darchen (Tarchen) mountain-rescue station.\n"
                                  "Map data: see the SOURCES file shipped with the program.") + "\n\n"
                          + self.tr("Version {0}\nLog file: {1}").format(__version__, log_file()))

    def _mark_synthetic(self, synthetic: bool) -> None:
        """The demo station says so on every screen: title and a permanent status-bar badge."""
        if not synthetic:
            return
        badge = QLabel(self.tr("Synthetic demo data — not real incidents"))
        badge.setObjectName("syntheticBadge")
        badge.setStyleSheet("QLabel { background: #f5c542; color: #222; padding: 1px 8px; border-radius: 3px; }")
        self.statusBar().insertPermanentWidget(0, badge)
        self.setWindowTitle(self.windowTitle() + " · " + badge.text())

    # --- hooks for features --------------------------------------------------------------
    def menu(self, name: str) -> QMenu:
        """One of the window's menus: "file", "incident", "view", "tools", "help"."""
        return self._menus[name]

    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 object_name: str | None = None) -> QDockWidget:
        """Put ``widget`` in a dock (listed under View ▸ Panels); its state is saved with the window."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"dock_{widget.objectName() or len(self.findChildren(QDockWidget))}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def add_tab_page(self, widget: QWidget, title: str, object_name: str | None = None) -> int:
        """Add a big view (Statistics, Replay…) as a tab beside the map; returns its index."""
        if object_name:
            widget.setObjectName(object_name)
        return self.tabs.addTab(widget, title)

    def add_lazy_tab_page(self, build: Callable[[], QWidget], title: str, object_name: str, attr: str,
                          after_first_paint: bool = False) -> int:
        """Like ``add_tab_page``, but ``build()`` runs only when the page is first needed: when its tab
        becomes current, when ``window.<attr>`` is first read, or (``after_first_paint``) right after the
        window's first paint. The built page replaces a blank placeholder at the same index and is kept
        as ``window.<attr>``. Keeps heavy pages out of the launch; returns the tab index."""
        placeholder = QWidget()
        placeholder.setObjectName(f"{object_name}Placeholder")
        index = self.tabs.addTab(placeholder, title)
        self._lazy_pages[attr] = (placeholder, build, title, object_name)
        if after_first_paint:
            self._after_first_paint.append(lambda: self.lazy_page(attr))
        return index

    def lazy_page(self, attr: str) -> QWidget:
        """The page registered as ``attr`` by ``add_lazy_tab_page``, built now if it was not yet."""
        if attr not in self._lazy_pages:
            return self.__dict__[attr]
        placeholder, build, title, object_name = self._lazy_pages.pop(attr)
        page = build()
        page.setObjectName(object_name)
        page.setMinimumSize(1, 1)  # a hidden page's minimum must not widen the window for every workspace
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)  # the features see one tab change (the real one), not this swap
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            if current:
                self.tabs.setCurrentIndex(index)
        finally:
            self.tabs.blockSignals(False)
        placeholder.deleteLater()
        setattr(self, attr, page)
        return page

    def is_built(self, attr: str) -> bool:
        """False while the lazy page ``attr`` is still a placeholder."""
        return attr not in self._lazy_pages and attr in self.__dict__

    def __getattr__(self, name: str):
        lazy = self.__dict__.get("_lazy_pages")
        if lazy and name in lazy:
            return self.lazy_page(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for attr, (placeholder, *_rest) in list(self._lazy_pages.items()):
            if placeholder is widget:
                self.lazy_page(attr)

    def _first_paint_done(self) -> None:
        jobs, self._after_first_paint = self._after_first_paint, []
        if not self.ctx.worker.running:  # the application is quitting already
            return
        for job in jobs:
            job()

    def show_map_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    def install_features(self, names: tuple[str, ...] = FEATURES) -> list[str]:
        """Call ``rescue_desk.ui.<name>.install(self)`` for each feature package present; returns their names.

        A package that is present but fails to import or install raises: the error must be seen."""
        installed = []
        for name in names:
            module_name = f"rescue_desk.ui.{name}"
            spec = importlib.util.find_spec(module_name)
            if spec is None or spec.origin is None:  # absent, or a folder without __init__.py yet
                continue
            module = importlib.import_module(module_name)
            module.install(self)
            installed.append(name)
        return installed

    # --- data ------------------------------------------------------------------------------
    def reload_incidents(self) -> None:
        """Reload incident markers on the database worker (one reload in flight at a time)."""
        if not self.ctx.worker.running:
            return
        if getattr(self, "_reloading", False):
            self._reload_timer.start()
            return
        self._reloading = True

        def done(rows) -> None:
            self._reloading = False
            self.map.set_incidents(rows)

        def failed(exc: BaseException) -> None:
            self._reloading = False
            self.statusBar().showMessage(str(exc), 10000)

        from rescue_desk.services.incidents import list_incidents

        self.ctx.worker.submit(list_incidents, self.ctx.db, on_done=done, on_error=failed)

    def closeEvent(self, event) -> None:
        if self.ctx is None:  # closed while the station was still loading
            return super().closeEvent(event)
        self.ctx.settings.window_geometry = self.saveGeometry()
        self.workspaces.save_current()
        self.ctx.settings.sync()
        super().closeEvent(event)
        if event.isAccepted():
            for timer in self.findChildren(QTimer):
                timer.stop()  # a closed window polls, refreshes and backs up nothing more
            self.ctx.close()


class _FirstPaint(QObject):
    """Calls ``done`` once, on the event loop turn after ``widget`` was first painted."""

    def __init__(self, widget: QWidget, done: Callable[[], None]):
        super().__init__(widget)
        self._done = done
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._done)
        return False


from .settings import Settings as Settings_  # noqa: E402  (class attributes are the Setting declarations)
