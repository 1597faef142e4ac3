"""The station editor in a real window: add on the map, drag to move, aliases, hazards, undo/redo."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.services import station
from rescue_desk.services.station_edits import AddAlias
from rescue_desk.ui import create_main_window

KORA = load_kora()


@pytest.fixture
def win(qtbot, sqlite_url):
    w = create_main_window(sqlite_url, lang="en", actor="officer-li", features=("station",))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    assert w.ctx.worker.wait_idle()
    return w


def settle(w):
    assert w.ctx.worker.wait_idle()
    assert w.ctx.worker.wait_idle()


def click_map(qtbot, w, lon, lat):
    w.map.center_on(lon, lat, 0.05)
    pos = w.map.view_pos_of(lon, lat)
    qtbot.mouseClick(w.map.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_editor_lists_the_shipped_landmarks(win):
    ed = win.station
    assert ed.landmarks.model.rowCount() == len(KORA.gazetteer)
    assert win.findChild(type(win.station_dock), "stationDock") is win.station_dock


def test_add_on_map_then_undo_and_redo(qtbot, win):
    ed = win.station
    lon, lat = KORA.point_at(31.0)
    qtbot.mouseClick(ed.landmarks.add_on_map, Qt.MouseButton.LeftButton)
    click_map(qtbot, win, lon, lat)
    assert ed.landmarks.new_position is not None and ed.handle.isVisible()
    ed.landmarks.name_en.setText("Herder Dawa camp")
    ed.landmarks.name_zh.setText("达瓦牧民帐篷")
    qtbot.mouseClick(ed.landmarks.save_btn, Qt.MouseButton.LeftButton)
    settle(win)
    assert ed.stack.count() == 1
    res = locate("we are at Herder Dawa camp", kora=win.ctx.kora)
    assert res.placed and abs(res.chainage_km - 31.0) < 0.6
    assert ed.landmarks.current_key().startswith("station_")
    QTest.keySequence(ed.landmarks.table, "Ctrl+Z")
    settle(win)
    assert not locate("we are at Herder Dawa camp", kora=win.ctx.kora).placed
    QTest.keySequence(ed.landmarks.table, "Ctrl+Shift+Z")
    settle(win)
    assert locate("we are at Herder Dawa camp", kora=win.ctx.kora).placed


def test_a_click_far_from_the_route_is_refused(qtbot, win):
    ed = win.station
    lon, lat = KORA.point_at(5.0)
    ed.landmarks.add_on_map.setChecked(True)
    win.map.mapClicked.emit(lon, lat + 0.45)
    assert "km from the kora route" in ed.message.text()
    assert ed.landmarks.new_position is None and ed.stack.count() == 0


def test_drag_a_shipped_landmark_and_undo(qtbot, win):
    ed = win.station
    gaize = KORA.gazetteer.get("gaize_teahouse")
    ed.landmarks.select("gaize_teahouse")
    settle(win)
    win.map.center_on(gaize.lon, gaize.lat, 0.05)
    start = win.map.view_pos_of(gaize.lon, gaize.lat)
    to_lon, to_lat = KORA.point_at(gaize.chainage_km - 1.0)
    end = win.map.view_pos_of(to_lon, to_lat)
    vp = win.map.view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 11):
        QTest.mouseMove(vp, start + (end - start) * (i / 10))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    settle(win)
    moved = win.ctx.kora.gazetteer.get("gaize_teahouse")
    assert abs(moved.chainage_km - (gaize.chainage_km - 1.0)) < 0.1 and moved.origin == "station"
    near = locate("near the Gaize teahouse supply point", kora=win.ctx.kora)
    assert abs(near.chainage_km - moved.chainage_km) < 0.6
    ed.undo_action.trigger()
    settle(win)
    back = win.ctx.kora.gazetteer.get("gaize_teahouse")
    assert (round(back.lon, 6), round(back.lat, 6)) == (round(gaize.lon, 6), round(gaize.lat, 6))
    assert [h.action for h in station.history(win.ctx.db, "gaize_teahouse")] == ["shipped", "move", "move"]
    assert ed.landmarks.history.count() == 3


def test_alias_added_and_colliding_alias_refused(qtbot, win):
    ed = win.station
    ed.landmarks.select("gaize_teahouse")
    ed.landmarks.tabs.setCurrentIndex(1)
    qtbot.keyClicks(ed.landmarks.alias_text, "second tea tent")
    qtbot.mouseClick(ed.landmarks.add_alias_btn, Qt.MouseButton.LeftButton)
    settle(win)
    assert locate("at the second tea tent", kora=win.ctx.kora).placed
    assert [ed.landmarks.alias_list.item(i).text() for i in range(ed.landmarks.alias_list.count())][0] == "second tea tent"
    qtbot.keyClicks(ed.landmarks.alias_text, "Dolma La")
    qtbot.mouseClick(ed.landmarks.add_alias_btn, Qt.MouseButton.LeftButton)
    settle(win)
    assert "collides with a name of the landmark" in ed.message.text()
    assert ed.stack.count() == 1 and ed.landmarks.alias_text.text() == "Dolma La"


def test_hazard_shows_on_the_map_and_undo_lifts_it(qtbot, win):
    ed = win.station
    hz = ed.hazards
    hz.from_km.setValue(22.0)
    hz.to_km.setValue(25.0)
    hz.factor.setValue(2.0)
    qtbot.mouseClick(hz.add_btn, Qt.MouseButton.LeftButton)
    settle(win)
    assert [h["label"] for h in win.map.hazards] == ["slowed by snow 22–25 km"]
    assert hz.table.rowCount() == 1
    ed.undo_action.trigger()
    settle(win)
    assert win.map.hazards == []


def test_geojson_export_then_import_through_the_menu(qtbot, win, tmp_path):
    ed = win.station
    ed.landmarks.select("dolma_la")
    ed.landmarks.alias_text.setText("the big pass")
    ed.landmarks._add_alias()
    settle(win)
    out = tmp_path / "layer.geojson"
    win.station_menu.export_to(str(out))
    settle(win)
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["aliases"].append({"text": "tara pass top", "lang": "en"})
    out.write_text(json.dumps(doc), encoding="utf-8")
    shown = []
    win.station_menu.import_from(str(out), lambda diff: shown.append(diff.lines()) or False)
    settle(win)
    assert shown and "+ alias 'tara pass top'" in shown[0][0] and "not" not in shown[0][0]
    assert "cancelled" in ed.message.text()
    win.station_menu.import_from(str(out), lambda diff: True)
    settle(win)
    assert win.ctx.kora.landmark("tara pass top").id == "dolma_la"


def test_editor_in_chinese(qtbot, sqlite_url):
    w = create_main_window(sqlite_url, lang="zh", features=("station",))
    qtbot.addWidget(w)
    w.show()
    assert w.ctx.worker.wait_idle()
    assert w.station.tabs.tabText(0) == "地标"
    assert w.station.landmarks.model.headerData(1, Qt.Orientation.Horizontal) == "名称"


def test_one_edit_is_announced_once_and_the_station_state_follows(qtbot, win):
    notices, kora_seen = [], []
    win.ctx.bridge.stationLayerChanged.connect(lambda: notices.append(1))
    win.ctx.station.changed.connect(lambda: kora_seen.append(win.ctx.station.kora_at().landmark("the big pass")))
    win.station.run_edit(AddAlias("dolma_la", "the big pass", "en"))
    settle(win)
    qtbot.waitUntil(lambda: bool(kora_seen), timeout=10000)
    settle(win)
    assert len(notices) == 1  # from the event log, not also by hand
    assert kora_seen[-1] is not None and kora_seen[-1].id == "dolma_la"
    assert win.ctx.kora.landmark("the big pass").id == "dolma_la"


def test_hazard_section_picked_on_the_map(qtbot, win):
    hz = win.station.hazards
    qtbot.mouseClick(hz.pick, Qt.MouseButton.LeftButton)
    click_map(qtbot, win, *KORA.point_at(30.0))
    assert "end of the section" in win.station.message.text()
    click_map(qtbot, win, *KORA.point_at(30.6))
    assert not hz.pick.isChecked()
    assert abs(hz.from_km.value() - 30.0) < 0.05 and abs(hz.to_km.value() - 30.6) < 0.05


def test_station_translations_are_complete_and_current(tmp_path):
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from rescue_desk.ui import i18n

    ts = i18n.I18N_DIR / "station_zh_CN.ts"
    done = {(m.findtext("source"), m.findtext("translation")) for m in ET.parse(ts).iter("message")
            if m.find("translation").get("type") is None and m.findtext("translation")}
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (Path(i18n.__file__).parent.parent / "station").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    assert wanted <= {src for src, _t in done}, wanted - {src for src, _t in done}
