"""The shell: window on the demo station, feature hooks, database worker, settings."""

from __future__ import annotations

import sys
import threading
import types
from importlib.machinery import ModuleSpec

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QGraphicsView, QLabel, QMenu, QWidget

from rescue_desk.ui import create_main_window
from rescue_desk.ui.settings import Settings
from rescue_desk.ui.worker import DbWorker


@pytest.fixture
def window(qtbot, demo_db_file):
    w = create_main_window(f"sqlite:///{demo_db_file}", lang="zh", features=())
    qtbot.addWidget(w)
    w.show()
    assert w.ctx.worker.wait_idle()
    return w


def test_window_opens_on_demo_station_with_map_and_profile(window):
    assert isinstance(window.findChild(QGraphicsView, "mapView"), QGraphicsView)
    assert window.findChild(QWidget, "profileView") is window.profile
    assert window.ctx.lang == "zh" and window.ctx.actor == "duty"
    for name in ("file", "incident", "view", "tools", "help"):
        assert isinstance(window.menu(name), QMenu)


def test_incident_markers_match_the_database(window):
    from rescue_desk.services.incidents import list_incidents

    rows = list_incidents(window.ctx.db)
    placed = [r for r in rows if r.lon is not None]
    assert placed, "the demo station should have placed incidents"
    assert len(window.map.incident_layer) == len(placed)
    assert set(window.map.incident_layer.ids.tolist()) == {r.id for r in placed}


def test_feature_hooks_add_docks_tabs_and_menu_entries(window, qtbot):
    panel = QLabel("panel")
    dock = window.add_dock(panel, "Board", Qt.DockWidgetArea.RightDockWidgetArea, "incidentBoardDock")
    assert window.findChild(type(dock), "incidentBoardDock") is dock
    assert dock.toggleViewAction() in window.panels_menu.actions()
    page = QLabel("stats")
    index = window.add_tab_page(page, "Statistics", "statisticsPage")
    assert window.tabs.widget(index) is page and page.objectName() == "statisticsPage"
    action = window.menu("tools").addAction("Something")
    assert action in window.menu("tools").actions()


def test_lazy_tab_page_is_built_when_first_needed(window, qtbot):
    built = []

    def build(name):
        page = QLabel(name)
        built.append(name)
        return page

    index = window.add_lazy_tab_page(lambda: build("shown"), "Shown", "shownPage", "shown_page")
    window.add_lazy_tab_page(lambda: build("read"), "Read", "readPage", "read_page")
    assert built == [] and window.tabs.tabText(index) == "Shown" and not window.is_built("shown_page")
    seen = []
    window.tabs.currentChanged.connect(lambda i: seen.append(window.tabs.widget(i)))
    window.tabs.setCurrentIndex(index)
    page = window.shown_page
    assert built == ["shown"] and window.is_built("shown_page")
    assert window.tabs.widget(index) is page and window.tabs.currentWidget() is page
    assert page.objectName() == "shownPage" and seen == [page]  # one change, seen with the real page
    read = window.read_page
    assert built == ["shown", "read"] and window.tabs.indexOf(read) == index + 1
    assert window.read_page is read and built == ["shown", "read"]  # built once
    with pytest.raises(AttributeError):
        window.no_such_page


def test_lazy_tab_page_after_first_paint(qtbot, demo_db_file):
    w = create_main_window(f"sqlite:///{demo_db_file}", lang="en", features=())
    qtbot.addWidget(w)
    w.add_lazy_tab_page(lambda: QLabel("later"), "Later", "laterPage", "later_page", after_first_paint=True)
    assert not w.is_built("later_page")
    w.show()
    qtbot.waitUntil(lambda: w.is_built("later_page"), timeout=10000)
    assert w.tabs.widget(1) is w.later_page
    assert w.ctx.worker.wait_idle()


def _fake_feature(monkeypatch, name: str, body) -> None:
    mod = types.ModuleType(f"rescue_desk.ui.{name}")
    mod.__spec__ = ModuleSpec(mod.__name__, None, origin=f"/fake/{name}/__init__.py")
    if body is not None:
        mod.install = body
    monkeypatch.setitem(sys.modules, mod.__name__, mod)


def test_present_feature_packages_are_installed_and_their_errors_surface(window, monkeypatch):
    seen = []
    _fake_feature(monkeypatch, "fakefeature", lambda w: seen.append(w))
    assert window.install_features(("fakefeature", "no_such_feature_here")) == ["fakefeature"]
    assert seen == [window]

    def broken(w):
        raise RuntimeError("feature broke")
    _fake_feature(monkeypatch, "brokenfeature", broken)
    with pytest.raises(RuntimeError, match="feature broke"):
        window.install_features(("brokenfeature",))


def test_worker_runs_jobs_in_order_off_the_gui_thread(qtbot):
    worker = DbWorker()
    gui = threading.get_ident()
    ran_on, done_on, results, errors = [], [], [], []

    def job(i):
        ran_on.append(threading.get_ident())
        return i * 2

    for i in range(5):
        worker.submit(job, i, on_done=lambda r: (results.append(r), done_on.append(threading.get_ident())))
    worker.submit(lambda: 1 / 0, on_error=errors.append)
    assert worker.wait_idle()
    assert results == [0, 2, 4, 6, 8]
    assert all(t != gui for t in ran_on) and all(t == gui for t in done_on)
    assert isinstance(errors[0], ZeroDivisionError)
    failures = []
    worker.failed.connect(failures.append)
    worker.submit(lambda: [][1])
    assert worker.wait_idle()
    assert "index" in failures[0]
    worker.shutdown()
    with pytest.raises(RuntimeError):
        worker.submit(job, 1)


def test_worker_keeps_thread_locals_and_pyproj_between_jobs(qtbot):
    """pyproj keeps a per-thread context in the Python thread state: jobs must share one state."""
    from rescue_desk.domain.geo import lonlat_to_utm

    worker = DbWorker()
    local = threading.local()
    seen, points = [], []

    def remember(i):
        seen.append(getattr(local, "first", None))
        local.first = local.__dict__.get("first", i)
        points.append(lonlat_to_utm(81.3, 31.0))

    for i in range(20):
        worker.submit(remember, i)
    assert worker.wait_idle()
    worker.shutdown()
    assert seen == [None] + [0] * 19
    assert len(set(points)) == 1


def test_settings_are_typed_versioned_and_reject_bad_values(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings(path)
    assert s.language == "zh" and s.show_tibetan is True and s.version >= 1
    s.language = "en"
    s.show_tibetan = False
    s.window_geometry = QByteArray(b"\x01\x02")
    s.sync()
    again = Settings(path)
    assert again.language == "en" and again.show_tibetan is False
    assert bytes(again.window_geometry) == b"\x01\x02"
    again.set(Settings.route_colouring, "rainbow")
    assert Settings(path).route_colouring == "elevation"


def test_window_geometry_is_saved_on_close(qtbot, demo_db_file):
    w = create_main_window(f"sqlite:///{demo_db_file}", lang="en", features=())
    w.show()
    w.resize(900, 700)
    w.close()
    assert not Settings.default().window_geometry.isEmpty()


def test_qt_binding_keeps_its_references_to_none(qapp):
    """PySide6 6.12.0 on Python 3.11 lost a reference to None on every void call and crashed the app
    after a few thousand calls (hence the pin in pyproject.toml); this guards against it coming back."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10


def test_chinese_is_the_default_and_english_is_selectable(qtbot, demo_db_file):
    zh = create_main_window(f"sqlite:///{demo_db_file}", features=())
    qtbot.addWidget(zh)
    assert zh.ctx.lang == "zh"
    assert zh.windowTitle() == "救援调度台 — 塔钦山地救援站"
    assert zh.menu("view").title() == "视图(&V)"
    zh.close()
    en = create_main_window(f"sqlite:///{demo_db_file}", lang="en", features=())
    qtbot.addWidget(en)
    assert en.windowTitle().startswith("Rescue Desk")
    assert en.menu("view").title() == "&View"
    en.close()
    with pytest.raises(ValueError):
        create_main_window(f"sqlite:///{demo_db_file}", lang="fr", features=())


def test_shell_translations_are_complete(tmp_path):
    from rescue_desk.ui import i18n

    text = (i18n.I18N_DIR / "shell_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and text.count("<translation>") >= 30


def test_installed_translators_read_the_shipped_qm_files_plurals_included(qapp):
    from PySide6.QtCore import QCoreApplication

    from rescue_desk.ui import i18n

    assert {p.stem for p in i18n.qm_files()} >= {"shell_zh_CN", "admin_zh_CN", "desk_zh_CN"}
    try:
        i18n.install_translators("zh")
        assert QCoreApplication.translate("Map", "Mount Kailash {0} m") == "冈仁波齐峰 {0} 米"
        assert QCoreApplication.translate("HistoryView", "%n change(s)", None, 3) == "3 条变更"
    finally:
        i18n.install_translators("en")
    assert QCoreApplication.translate("Map", "Mount Kailash {0} m") == "Mount Kailash {0} m"


def test_a_burst_of_change_notices_reloads_the_markers_once(window, qtbot, monkeypatch):
    from rescue_desk.services import incidents as svc

    calls = []
    real = svc.list_incidents
    monkeypatch.setattr(svc, "list_incidents", lambda db: calls.append(1) or real(db))
    for i in range(5):
        window.ctx.bridge.incident_changed(i + 1)
    qtbot.waitUntil(lambda: bool(calls) and window.ctx.worker.pending == 0, timeout=10000)
    qtbot.wait(400)
    assert len(calls) == 1
    assert len(window.map.incident_layer) > 0


def test_change_notices_after_closing_are_ignored(qtbot, demo_db_file):
    w = create_main_window(f"sqlite:///{demo_db_file}", features=())
    qtbot.addWidget(w)
    w.show()
    w.ctx.bridge.incidentsChanged.emit()
    w.close()
    assert not w.ctx.worker.running
    w.reload_incidents()
    qtbot.wait(350)


def test_demo_station_is_marked_synthetic_on_screen(window, qtbot):
    from PySide6.QtWidgets import QLabel

    qtbot.waitUntil(lambda: window.findChild(QLabel, "syntheticBadge") is not None, timeout=10000)
    badge = window.findChild(QLabel, "syntheticBadge")
    assert badge.isVisible() and "演示数据" in badge.text()
    assert "演示数据" in window.windowTitle()


def test_a_real_station_has_no_synthetic_badge(qtbot, sqlite_url):
    from PySide6.QtWidgets import QLabel

    w = create_main_window(sqlite_url, lang="zh")
    qtbot.addWidget(w)
    w.ctx.worker.wait_idle()
    qtbot.wait(50)
    assert w.findChild(QLabel, "syntheticBadge") is None
