"""The map on a real window: markers, estimate, pin drag, zoom/pan keys, cursor readout, overlays."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.ui import create_main_window
from rescue_desk.ui.map.style import STATUS_COLOURS
from rescue_desk.ui.settings import Settings


@pytest.fixture(scope="module")
def window(qapp, demo_db_file, tmp_path_factory):
    """One window for the module (building it is the slow part); tests set the state they need."""
    home = tmp_path_factory.mktemp("maphome")
    mp = pytest.MonkeyPatch()
    mp.setenv("RESCUE_DESK_HOME", str(home))
    w = create_main_window(f"sqlite:///{demo_db_file}", lang="zh", features=(), settings=Settings(home / "s.ini"))
    w.resize(1200, 800)
    w.show()
    w.ctx.worker.wait_idle()
    QApplication.processEvents()
    yield w
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    mp.undo()


def send_mouse(widget, kind: QEvent.Type, pos: QPoint, buttons=Qt.MouseButton.LeftButton,
               button=Qt.MouseButton.LeftButton) -> None:
    p = QPointF(pos)
    event = QMouseEvent(kind, p, QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def hover(widget, pos: QPoint) -> None:
    send_mouse(widget, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)


def pixel(window, pos: QPoint) -> QColor:
    img = window.map.view.viewport().grab().toImage()
    return QColor(img.pixel(pos))


def close_to(a: QColor, b: QColor, tol: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tol


def test_incident_markers_are_drawn_in_their_status_colour(window):
    kora = window.ctx.kora
    spots = {"new": kora.point_at(3.4), "on_scene": kora.point_at(9.5), "closed": kora.point_at(31.5)}
    rows = [SimpleNamespace(id=i + 1, lon=lon, lat=lat, status=s) for i, (s, (lon, lat)) in enumerate(spots.items())]
    rows.append(SimpleNamespace(id=99, lon=None, lat=None, status="new"))
    window.map.set_incidents(rows)
    assert len(window.map.incident_layer) == 3
    for status, (lon, lat) in spots.items():
        window.map.center_on(lon, lat, zoom=0.5)
        QApplication.processEvents()
        got = pixel(window, window.map.view_pos_of(lon, lat))
        expected = STATUS_COLOURS[status]
        if status == "closed":  # drawn translucent over the route/background
            assert got.red() < 200 and abs(got.red() - got.blue()) < 60
        else:
            assert close_to(got, expected), (status, got.name(), expected.name())


def test_twenty_thousand_markers_cluster_when_zoomed_out_and_split_when_zoomed_in(window):
    kora = window.ctx.kora
    rng = np.random.default_rng(1)
    kms = rng.uniform(0, kora.length_km, 20000)
    pts = [kora.point_at(k) for k in kms[:2000]] * 10
    rows = [SimpleNamespace(id=i, lon=lon + rng.normal(0, 3e-4), lat=lat, status="closed")
            for i, (lon, lat) in enumerate(pts)]
    window.map.set_incidents(rows)
    window.map.fit_route()
    window.map.view.viewport().grab()
    far_cells = window.map.incident_layer.last_paint_cells
    assert 0 < far_cells < 1500
    lon, lat = kora.point_at(10.0)
    window.map.center_on(lon, lat, zoom=3.0)
    window.map.view.viewport().grab()
    near_cells = window.map.incident_layer.last_paint_cells
    layer = window.map.incident_layer
    r = window.map.view.visible_scene_rect()
    visible = int(((layer.xs >= r.left()) & (layer.xs <= r.right()) & (layer.ys >= r.top()) & (layer.ys <= r.bottom())).sum())
    window.map.set_incidents([])
    assert 10 < visible < 2000
    assert visible * 0.6 <= near_cells <= visible * 1.5


def test_estimate_corridor_and_best_estimate_are_drawn_where_asked(window):
    kora = window.ctx.kora
    lon0, lat0 = kora.point_at(20.0)
    d = 0.002
    corridor = [[(lon0 - d, lat0 - d), (lon0 + d, lat0 - d), (lon0 + d, lat0 + d), (lon0 - d, lat0 + d)]]
    inside = (lon0 - d * 0.8, lat0 + d * 0.8)
    window.map.center_on(lon0, lat0, zoom=0.5)
    QApplication.processEvents()
    pos = window.map.view_pos_of(*inside)
    before = pixel(window, pos)
    outside_before = pixel(window, window.map.view_pos_of(lon0 - d * 1.5, lat0 + d * 1.5))
    window.map.show_estimate((lon0, lat0), corridor, point_radius_m=150)
    drawn = pixel(window, pos)
    assert drawn.blue() > drawn.red() + 15 and not close_to(drawn, before, 10)
    outside_pos = window.map.view_pos_of(lon0 - d * 1.5, lat0 + d * 1.5)
    assert close_to(pixel(window, outside_pos), outside_before, 12)
    assert window.map.estimate["best"] == (lon0, lat0)
    window.map.clear_estimate()
    assert close_to(pixel(window, pos), before, 6)


def test_dragging_the_pin_emits_pin_moved_with_the_drop_position(window, qtbot):
    kora = window.ctx.kora
    start, target = kora.gazetteer.get("shiva_tsal"), kora.gazetteer.get("dolma_la_climb_start")
    window.map.set_pin(start.lon, start.lat)
    window.map.center_on((start.lon + target.lon) / 2, (start.lat + target.lat) / 2, zoom=0.4)
    QApplication.processEvents()
    vp = window.map.view.viewport()
    grip = window.map.view_pos_of(start.lon, start.lat) + QPoint(0, -20)  # the pin's head, above its tip
    drop = window.map.view_pos_of(target.lon, target.lat) + QPoint(0, -20)
    with qtbot.waitSignal(window.map.pinMoved, timeout=2000) as blocker:
        send_mouse(vp, QEvent.Type.MouseButtonPress, grip, button=Qt.MouseButton.LeftButton)
        for t in np.linspace(0, 1, 6)[1:]:
            send_mouse(vp, QEvent.Type.MouseMove, QPoint(round(grip.x() + (drop.x() - grip.x()) * t),
                                                          round(grip.y() + (drop.y() - grip.y()) * t)),
                       button=Qt.MouseButton.NoButton)
        send_mouse(vp, QEvent.Type.MouseButtonRelease, drop, buttons=Qt.MouseButton.NoButton)
    lon, lat = blocker.args
    metres_per_px = 1 / window.map.view.scale_px_per_m()
    assert geodesic_distance_m(lon, lat, target.lon, target.lat) <= 2 * metres_per_px + 1
    assert window.map.pin == pytest.approx((lon, lat))
    window.map.clear_pin()


def test_zoom_and_pan_keys_and_fit_route(window, qtbot):
    view = window.map.view
    window.map.center_on(*window.ctx.kora.point_at(10), zoom=0.1)
    view.setFocus()
    s0 = view.scale_px_per_m()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_px_per_m() == pytest.approx(s0 * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_px_per_m() == pytest.approx(s0 / 1.25)
    c0 = view.visible_scene_rect().center()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    c1 = view.visible_scene_rect().center()
    assert c1.x() - c0.x() == pytest.approx(view.viewport().width() / 8 / view.scale_px_per_m(), rel=0.05)
    assert c1.y() == pytest.approx(c0.y(), abs=2 / view.scale_px_per_m())
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.visible_scene_rect().center().y() < c1.y()  # north is up: scene y decreases
    window.findChild(type(window.menu("view").actions()[0]), "actionFitRoute").trigger()
    visible = view.visible_scene_rect()
    assert visible.contains(window.map.route_rect)
    assert visible.width() < window.map.route_rect.width() * 3


def test_wheel_zooms_about_the_cursor(window):
    from PySide6.QtGui import QWheelEvent

    view = window.map.view
    window.map.center_on(*window.ctx.kora.point_at(30), zoom=0.1)
    pos = QPointF(200, 150)
    under = view.mapToScene(pos.toPoint())
    ev = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    s0 = view.scale_px_per_m()
    QApplication.sendEvent(view.viewport(), ev)
    assert view.scale_px_per_m() == pytest.approx(s0 * 1.25)
    after = view.mapToScene(pos.toPoint())
    assert abs(after.x() - under.x()) < 3 / view.scale_px_per_m() + 1


def test_cursor_readout_shows_position_chainage_elevation_and_nearest_landmark(window):
    kora = window.ctx.kora
    lm = kora.gazetteer.get("dolma_la")
    window.map.center_on(lm.lon, lm.lat, zoom=1.0)
    QApplication.processEvents()
    hover(window.map.view.viewport(), window.map.view_pos_of(lm.lon, lm.lat))
    text = window.cursor_label.text()
    assert f"{lm.lat:.4f}"[:-1] in text and f"{lm.lon:.4f}"[:-1] in text
    assert "卓玛拉山口" in text
    km = float(text.split("里程 ")[1].split(" ")[0])
    assert km == pytest.approx(lm.chainage_km, abs=0.05)
    elev = float(text.split("海拔 ")[1].split(" ")[0])
    assert elev == pytest.approx(kora.elevation_at(lm.chainage_km), abs=15)
    summit = (81.3119, 31.0675)
    hover(window.map.view.viewport(), window.map.view_pos_of(*summit))
    assert "距路线" in window.cursor_label.text() or "里程" in window.cursor_label.text()


def test_hover_links_map_and_profile_both_ways(window):
    kora = window.ctx.kora
    lm = kora.gazetteer.get("gangjia")
    window.map.center_on(lm.lon, lm.lat, zoom=0.5)
    QApplication.processEvents()
    hover(window.map.view.viewport(), window.map.view_pos_of(lm.lon, lm.lat))
    assert window.profile.highlighted_km == pytest.approx(lm.chainage_km, abs=0.1)
    profile = window.profile
    x = round(profile.x_of_km(30.0))
    hover(profile, QPoint(x, profile.height() // 2))
    assert window.map.highlight_item.isVisible()
    ex, ey = kora.utm_at(profile.km_of_x(x))
    p = window.map.highlight_item.pos()
    assert abs(p.x() - ex) < 1 and abs(p.y() + ey) < 1
    assert profile.km_of_x(x) == pytest.approx(30.0, abs=kora.length_km / profile.width() * 1.5)
    QApplication.sendEvent(profile, QEvent(QEvent.Type.Leave))
    assert not window.map.highlight_item.isVisible()


def test_click_emits_map_clicked_and_incident_clicked(window, qtbot):
    kora = window.ctx.kora
    lon, lat = kora.point_at(12.0)
    window.map.set_incidents([SimpleNamespace(id=7, lon=lon, lat=lat, status="new")])
    window.map.center_on(lon, lat, zoom=0.5)
    QApplication.processEvents()
    pos = window.map.view_pos_of(lon, lat) + QPoint(2, 1)
    vp = window.map.view.viewport()
    clicks, incidents = [], []
    window.map.mapClicked.connect(lambda lo, la: clicks.append((lo, la)))
    window.map.incidentClicked.connect(incidents.append)
    send_mouse(vp, QEvent.Type.MouseButtonPress, pos)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, pos, buttons=Qt.MouseButton.NoButton)
    (lon2, lat2), = clicks
    assert geodesic_distance_m(lon, lat, lon2, lat2) < 10
    assert incidents == [7]
    window.map.set_incidents([])


def test_overlays_tracks_playhead_heat_and_hazards(window):
    kora = window.ctx.kora
    window.map.show_track("team", [kora.point_at(k / 10) for k in range(50)])
    assert "team" in window.map.tracks
    window.map.show_track("team", [kora.point_at(k / 10) for k in range(20)])
    assert len([i for i in window.map.scene.items() if i is window.map.tracks["team"]]) == 1
    window.map.clear_track("team")
    assert "team" not in window.map.tracks
    lon, lat = kora.point_at(7.0)
    window.map.set_playhead(lon, lat)
    window.map.center_on(lon, lat, zoom=0.5)
    QApplication.processEvents()
    c = pixel(window, window.map.view_pos_of(lon, lat))
    assert close_to(c, QColor("#00695c"), 60)
    window.map.set_playhead(None)
    window.map.set_heat([0, 1, 5, 0])
    assert len(window.map.heat_item.pieces) == 2
    window.map.set_hazards([{"from_km": 45.5, "to_km": 1.0, "kind": "snow", "label": "积雪"}])
    rect = window.map.hazard_item.sections[0][1].boundingRect()
    x0, y0 = kora.utm_at(45.5)
    x1, y1 = kora.utm_at(1.0)
    assert rect.adjusted(-5, -5, 5, 5).contains(QPointF(x0, -y0)) and rect.adjusted(-5, -5, 5, 5).contains(QPointF(x1, -y1))
    window.map.set_heat([])
    window.map.set_hazards([])


def test_layer_switches_and_tibetan_toggle(window):
    items = window.map.landmark_items
    with_bo = next(i for i in items if i.spec.tibetan)
    tall = with_bo.label_rect("right").height()
    window.findChild(type(window.menu("view").actions()[0]), "actionShowTibetan").setChecked(False)
    assert with_bo.label_rect("right").height() < tall
    assert window.ctx.settings.show_tibetan is False
    window.findChild(type(window.menu("view").actions()[0]), "actionShowTibetan").setChecked(True)
    window.findChild(type(window.menu("view").actions()[0]), "actionLayer_access").setChecked(False)
    assert not any(i.isVisible() for i in window.map.access_items)
    window.findChild(type(window.menu("view").actions()[0]), "actionLayer_access").setChecked(True)
    window.findChild(type(window.menu("view").actions()[0]), "actionColour_section").setChecked(True)
    assert window.map.route.mode == "section" and window.ctx.settings.route_colouring == "section"
    window.findChild(type(window.menu("view").actions()[0]), "actionColour_elevation").setChecked(True)
    assert window.map.route.mode == "elevation"


def test_landmark_labels_do_not_overlap(window):
    window.map.fit_route()
    QApplication.processEvents()
    view = window.map.view
    rects = []
    for item in window.map.landmark_items:
        origin = view.mapFromScene(item.scenePos())
        if item.placement and view.viewport().rect().contains(origin):
            rects.append(item.label_rect().translated(QPointF(origin)))
    assert len(rects) >= 15
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1))


def test_a_second_view_of_the_scene_gets_its_own_label_layout(window, qtbot):
    from rescue_desk.ui.map.view import MapView

    window.map.fit_route()
    main_layout = [i.placement for i in window.map.landmark_items]
    other = MapView(window.map.scene)
    qtbot.addWidget(other)
    other.resize(420, 380)
    other.show()
    other.fit_scene_rect(window.map.route_rect)
    key = id(other.viewport())
    assert [i.placement for i in window.map.landmark_items] == main_layout
    rects = []
    for item in window.map.landmark_items:
        placement = item.view_placements.get(key)
        if placement and other.viewport().rect().contains(other.mapFromScene(item.scenePos())):
            rects.append(item.label_rect(placement).translated(QPointF(other.mapFromScene(item.scenePos()))))
    assert 3 <= len(rects) < len(main_layout)
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1))
    assert other.objectName() != "mapView"


def test_dragging_the_map_pans_it_and_is_not_a_click(window):
    view = window.map.view
    window.map.set_incidents([])
    window.map.center_on(*window.ctx.kora.point_at(40.0), zoom=0.2)
    QApplication.processEvents()
    clicks = []
    window.map.mapClicked.connect(lambda lo, la: clicks.append((lo, la)))
    vp = view.viewport()
    c0 = view.visible_scene_rect().center()
    start = QPoint(vp.width() // 2 + 150, vp.height() // 2 + 120)  # empty ground east of the route
    send_mouse(vp, QEvent.Type.MouseButtonPress, start)
    for step in range(1, 6):
        send_mouse(vp, QEvent.Type.MouseMove, start + QPoint(-20 * step, -10 * step), button=Qt.MouseButton.NoButton)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, start + QPoint(-100, -50), buttons=Qt.MouseButton.NoButton)
    c1 = view.visible_scene_rect().center()
    px = 1 / view.scale_px_per_m()
    assert c1.x() - c0.x() == pytest.approx(100 * px, abs=3 * px)  # content follows the hand: view moves east
    assert c1.y() - c0.y() == pytest.approx(50 * px, abs=3 * px)
    assert clicks == []
