"""Search plan panel: sightings in, ranked sections out, drawn on the map and profile, in Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.kora import load_kora
from rescue_desk.ui.map import MapController
from rescue_desk.ui.profile import ProfileView
from rescue_desk.ui.search_plan.panel import SearchPlanPanel, _to_qt

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=BEIJING)


@pytest.fixture
def parts(qtbot):
    from rescue_desk.ui import i18n

    i18n.install_translators("en")  # a window opened earlier in the run may have left Chinese installed
    kora = load_kora()
    controller = MapController(kora, "en")
    profile = ProfileView(kora, "en")
    qtbot.addWidget(controller.view)
    qtbot.addWidget(profile)
    profile.resize(900, 160)
    profile.show()
    panel = SearchPlanPanel(kora, "en", controller, profile)
    qtbot.addWidget(panel)
    return panel, controller, profile


def sight(panel, place, at):
    panel.place.setText(place)
    panel.seen_at.setDateTime(_to_qt(at))
    return panel.add_sighting()


def test_empty_panel_asks_for_a_sighting_and_draws_nothing(parts):
    panel, _c, profile = parts
    assert panel.plan is None
    assert "last seen" in panel.summary.text()
    assert panel.map_item.bands == []
    assert not panel.profile_overlay.isVisible()


def test_sighting_gives_ranked_sections_drawn_on_map_and_profile(parts):
    panel, controller, _p = parts
    panel.now.setDateTime(_to_qt(T0 + timedelta(hours=3)))
    assert sight(panel, "Tarboche", T0)
    secs = panel.plan["sections"]
    assert sum(s["probability"] for s in secs) == pytest.approx(1.0, abs=1e-4)
    top = [s for s in secs if s["top"]]
    assert panel.result.rowCount() >= len(top) >= 1
    assert panel.result.item(0, 0).text() == "1"
    assert top[0]["name_en"].split(" (")[0] in panel.result.item(0, 2).text()
    assert panel.map_item.scene() is controller.scene
    assert sum(1 for b in panel.map_item.bands if b[2]) == len(top)
    strips = panel.profile_overlay.strips()
    assert strips and panel.profile_overlay.isVisible()
    # the tallest strip is the most likely section
    tallest = max(strips, key=lambda s: s[0].height())
    assert tallest[1] == pytest.approx(secs[0]["probability"])


def test_a_new_sighting_moves_the_plan(parts):
    panel, _c, _p = parts
    panel.now.setDateTime(_to_qt(T0 + timedelta(hours=5)))
    sight(panel, "Tarboche", T0)
    first = panel.plan["sections"][0]["from_km"]
    sight(panel, "Second prostration point", T0 + timedelta(hours=4))
    assert len(panel.sightings) == 2
    assert panel.plan["last_seen_km"] > 12.0
    assert panel.plan["sections"][0]["from_km"] != first
    panel.table_seen.selectRow(1)
    panel.remove_selected()
    assert len(panel.sightings) == 1
    assert panel.plan["sections"][0]["from_km"] == first


def test_bad_inputs_are_one_sentence_not_a_crash(parts):
    panel, _c, _p = parts
    assert not sight(panel, "Atlantis", T0)
    assert "Unknown place" in panel.error.text()
    panel.now.setDateTime(_to_qt(T0 - timedelta(hours=1)))
    assert not sight(panel, "12", T0)  # later than now: refused before it joins the list
    assert panel.sightings == [] and "later than the time now" in panel.error.text()
    panel.now.setDateTime(_to_qt(T0 + timedelta(hours=1)))
    assert sight(panel, "12", T0)
    panel.now.setDateTime(_to_qt(T0 - timedelta(hours=1)))  # now moved back below the sighting
    panel.recompute()
    assert panel.plan is None
    assert "before the last sighting" in panel.error.text() and "No search plan" in panel.summary.text()
    assert panel.map_item.bands == []


def test_closing_clears_the_drawing(parts):
    panel, _c, _p = parts
    panel.now.setDateTime(_to_qt(T0 + timedelta(hours=2)))
    sight(panel, "5", T0)
    assert panel.map_item.bands
    panel.clear_drawing()
    assert panel.map_item.bands == [] and not panel.profile_overlay.isVisible()


def test_main_window_offers_the_panel_in_tools(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from rescue_desk.ui import create_main_window

    window = create_main_window(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    qtbot.addWidget(window)
    action = window.findChild(type(window.menu("tools").actions()[0]), "actionSearchPlan")
    assert action is not None
    action.trigger()
    panel = window.search_plan_panel
    assert window.search_plan_dock.isVisibleTo(window)
    assert panel.map_item.scene() is window.map.scene
    QApplication.processEvents()


def test_every_panel_string_has_a_chinese_translation(tmp_path):
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from rescue_desk.ui import i18n

    ts = i18n.I18N_DIR / "search_plan_zh_CN.ts"
    done = {m.findtext("source") for m in ET.parse(ts).iter("message")
            if m.find("translation").get("type") is None and m.findtext("translation")}
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (Path(i18n.__file__).parent.parent / "search_plan").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    assert wanted and wanted <= done, wanted - done


def test_contradicting_sightings_are_refused_in_the_officers_language(qtbot):
    from rescue_desk.ui import i18n

    i18n.install_translators("zh")
    try:
        kora = load_kora()
        controller = MapController(kora, "zh")
        qtbot.addWidget(controller.view)
        panel = SearchPlanPanel(kora, "zh", controller, None)
        qtbot.addWidget(panel)
        panel.now.setDateTime(_to_qt(T0 + timedelta(hours=5)))
        sight(panel, "24", T0)
        plan = panel.plan
        assert not sight(panel, "18", T0 + timedelta(hours=1))  # behind the first, an hour later, clockwise
        assert "目击信息互相矛盾" in panel.error.text() and "18" in panel.error.text(), panel.error.text()
        assert len(panel.sightings) == 1 and panel.plan == plan  # refused: the list and the plan stay
        assert not sight(panel, "3", T0 - timedelta(hours=1))  # 21 km in an hour
        assert "持续步行最多每小时 6 公里" in panel.error.text() and len(panel.sightings) == 1, panel.error.text()
    finally:
        i18n.install_translators("en")


def test_the_panel_opens_as_a_tab_beside_the_trip_panel(qtbot, tmp_path):
    from rescue_desk.ui import create_main_window
    from rescue_desk.ui.search_plan import open_panel

    window = create_main_window(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    trip_height = window.desk.trip_dock.height()
    open_panel(window)
    assert window.search_plan_dock in window.tabifiedDockWidgets(window.desk.trip_dock)
    assert window.desk.trip_dock.height() >= trip_height - 40  # only the tab bar, not a split (70 px before)
