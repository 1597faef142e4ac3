"""Replay & drills page end to end on a copy of the demo station: the playhead moves the team along
the logged times, a drill is scored and charted, a scenario goes out and comes back without personal
data, and the desk gets its map back."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.scenarios import personal_data_found
from rescue_desk.storage.models import Call, Incident, Trip
from rescue_desk.storage.models_training import DrillAttempt
from rescue_desk.ui import create_main_window
from rescue_desk.ui.map import projection

KORA = load_kora()


@pytest.fixture
def window(qtbot, demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    w = create_main_window(f"sqlite:///{path}", lang="en", features=("replay",))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    assert w.ctx.worker.wait_idle()
    return w


def _open(window):
    window.tabs.setCurrentWidget(window.replay_page)
    assert window.ctx.worker.wait_idle(10000)
    return window.replay_page


def _rescue(window):
    with window.ctx.db.read() as s:
        trip = s.scalars(select(Trip).join(Incident).where(Incident.pos_confirmed.is_(True))
                         .order_by(Trip.id.desc())).first()
        phone = s.scalar(select(Call.caller_phone).where(Call.incident_id == trip.incident_id))
        return trip, trip.incident, phone


def _load(window, page, incident_id):
    assert page.player.select_source("incident", incident_id)
    page.player.load_selected()
    assert window.ctx.worker.wait_idle(10000)
    assert page.player.player.replay is not None


def test_replay_follows_the_logged_times(window, qtbot):
    saved = ((81.3, 31.0), [], 500.0)
    window.map.show_estimate(*saved)  # the desk's live estimate, to be given back
    page = _open(window)
    trip, inc, phone = _rescue(window)
    _load(window, page, inc.id)
    player = page.player.player
    base, direction = trip.approach["road_end_km"], trip.approach["direction"]
    walk = KORA.ahead_km(base, inc.pos_chainage_km, direction)
    for fraction in (0.25, 0.5, 0.9):
        at = trip.departed_at + (trip.on_scene_at - trip.departed_at) * fraction
        player.seek((at - player.replay.start).total_seconds())
        km = KORA.move(base, walk * fraction, direction)
        assert window.map.playhead == pytest.approx(KORA.point_at(km), abs=1e-6)
        assert page.profile.highlighted_km == pytest.approx(km, abs=1e-6)
        assert window.profile.highlighted_km == pytest.approx(km, abs=1e-6)
    player.seek((trip.evacuating_at - player.replay.start).total_seconds() - 1)
    assert window.map.playhead == pytest.approx((inc.pos_lon, inc.pos_lat), abs=2e-3)
    # stepping lands on entries; the list and the Beijing clock follow
    player.seek(0)
    page.player.step_btn.click()
    entry = player.replay.entries[page.player.model.current]
    assert entry.at > player.replay.start or page.player.model.current > 0
    assert "Beijing time" in page.player.clock.text() and "+0:" in page.player.clock.text()
    assert any(n.startswith("replay:trip-") for n in window.map.tracks)
    texts = [page.player.model.data(page.player.model.index(r)) for r in range(page.player.model.rowCount())]
    assert texts[0].split("  ", 1)[1].startswith("Call (") and phone not in " ".join(texts)
    # playing at x600 advances the playhead
    page.player.speed.setCurrentIndex(page.player.speed.findData(600))
    player.seek(0)
    page.player.play_btn.click()
    qtbot.waitUntil(lambda: player.position_s > 60, timeout=10000)
    page.player.play_btn.click()
    assert not player.playing
    # leaving the page gives the desk its map back
    window.show_map_tab()
    assert window.map.playhead is None and not any(n.startswith("replay:") for n in window.map.tracks)
    assert window.map.estimate["best"] == saved[0] and window.map.estimate["radius_m"] == saved[2]


def test_drill_is_scored_and_charted(window, qtbot):
    page = _open(window)
    page.panels.setCurrentWidget(page.drill)
    drill = page.drill
    assert drill.set_picker.count() >= 1
    drill.trainee.setText("Trainee Dawa")
    drill.start_btn.click()
    assert window.ctx.worker.wait_idle(10000)
    assert drill.brief is not None and drill.call_words.text().strip("“”") == drill.brief.text
    assert not drill.submit_btn.isEnabled()  # no pin yet
    from rescue_desk.services.training import item_story

    truth = item_story(window.ctx.db, drill.brief.item).truth
    pos = page.map_view.mapFromScene(projection.lonlat_to_scene(truth.lon, truth.lat))
    qtbot.mouseClick(page.map_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert drill.pin is not None
    assert KORA.along_distance_km(KORA.chainage_of(*drill.pin)[0], truth.chainage_km) < 0.5
    assert window.map.estimate["best"] == drill.pin  # the pin and search stretch are drawn
    drill.approach.setCurrentIndex(drill.approach.findData("access_kora_gate:cw"))
    drill.submit_btn.click()
    assert window.ctx.worker.wait_idle(10000)
    assert drill.result is not None and "Score:" in drill.reveal.text()
    assert drill.result.score.distance_error_km < 0.5 and drill.result.score.truth_inside_area
    assert window.map.playhead == pytest.approx((truth.lon, truth.lat))
    with window.ctx.db.read() as s:
        attempt = s.scalars(select(DrillAttempt)).one()
        assert attempt.trainee == "Trainee Dawa" and attempt.drill and attempt.score == drill.result.score.score
    page.panels.setCurrentWidget(page.progress)
    qtbot.waitUntil(lambda: page.progress.series.count() == 1, timeout=10000)
    assert page.progress.picker.currentText() == "Trainee Dawa"
    assert page.progress.series.at(0).y() == pytest.approx(drill.result.score.score)


def test_scenario_round_trip_without_personal_data(window, tmp_path, qtbot):
    page = _open(window)
    trip, inc, phone = _rescue(window)
    assert page.player.select_source("incident", inc.id)
    out = tmp_path / "scenario.json"
    page.player.export_selected(str(out))
    assert window.ctx.worker.wait_idle(10000)
    text = out.read_text(encoding="utf-8")
    assert phone and phone not in text
    with window.ctx.db.read() as s:
        name = s.scalar(select(Call.caller_name).where(Call.incident_id == inc.id))
    assert name and name not in text
    assert personal_data_found(json.loads(text)) == []
    page.player.import_file(str(out))
    assert window.ctx.worker.wait_idle(10000)
    assert "imported" in page.player.status.text()
    assert window.ctx.worker.wait_idle(10000)
    assert page.player.source.currentData().startswith("scenario:")
    page.player.load_selected()
    assert window.ctx.worker.wait_idle(10000)
    replay = page.player.player.replay
    assert replay.story.incident_id is None
    assert replay.story.truth.chainage_km == pytest.approx(inc.pos_chainage_km, abs=1e-3)
    broken = tmp_path / "broken.json"
    broken.write_text(text[: len(text) // 3], encoding="utf-8")
    n = page.player.source.count()
    page.player.import_file(str(broken))
    assert window.ctx.worker.wait_idle(10000)
    assert "truncated" in page.player.status.text()
    page.player.refresh_sources()
    assert window.ctx.worker.wait_idle(10000)
    assert page.player.source.count() == n


def test_chinese_page(qtbot, demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    w = create_main_window(f"sqlite:///{path}", lang="zh", features=("replay",))
    qtbot.addWidget(w)
    w.show()
    index = w.tabs.indexOf(w.replay_page)
    assert w.tabs.tabText(index) == "回放与演练"
    assert w.replay_page.panels.tabText(1) == "定位演练"
    w.tabs.setCurrentIndex(index)
    assert w.ctx.worker.wait_idle(10000)
    assert w.replay_page.player.play_btn.text() == "播放"
