"""A whole duty shift on the real window (every feature installed, Chinese UI, 1366×768): twenty-odd
calls typed into the call form in Chinese and English, some linked to an open incident; a station
alias added in the sand table mid-shift and used by the next call; dispatch, check-in, arrival,
evacuation, return and closing on several incidents while the selection goes back and forth; bad
input (future and out-of-order times, another desk's change, a retired landmark). After every step
``check_desk`` holds: header, approach, roster, persons and map pin belong to the selected incident and
the database agrees."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select as sql_select
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit

from rescue_desk.domain.clock import to_beijing, utc_now
from rescue_desk.services import incidents as svc
from rescue_desk.services import station
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call
from rescue_desk.ui import create_main_window

from desk_helpers import click, delete_closed_windows, seed_station, type_words  # noqa: F401
from duty_shift_checks import WAIT, check_desk, one_sentence_in_chinese, settle, stored

CALLS = [  # (words, key of an earlier call this one is about, or None)
    ("在色雄往前走了两公里，同伴高反很严重", None),
    ("we are 1 km past Tarboche, my friend has a headache", None),
    ("我们在止热寺附近，有人摔伤了腿", None),
    ("at Dirapuk monastery, one person exhausted", None),
    ("卓玛拉山口下面两百米，很冷", None),
    ("在色雄往前走了两公里，还是那个人，情况更糟了", 0),
    ("near Zutulpuk, lost our way", None),
    ("just past the first prostration point, tired", None),
    ("still at Dirapuk monastery, now two people sick", 3),
    ("在祖楚寺，同伴胸口痛", None),
    ("gaize teahouse, friend vomiting", None),
    ("卓玛拉山口上面，雪很大，被困了", None),
    ("10 km from Darchen on the kora, ankle sprain", None),
    ("在曲古寺下面，迷路了", None),
    ("we passed Dolma La, descending, knee injury", None),
    ("止热寺往北1公里，头痛", None),
    ("在第一朝拜处，有点累", None),
    ("near Zutulpuk again, we found the path but one is hypothermic", 6),
    ("在塔钦出发走了三个小时", None),
]
ALIAS, ALIAS_CALL = "红房子", "在红房子这里，有人摔伤了"


@pytest.fixture
def shift(qtbot, sqlite_url):
    seed_station(sqlite_url)
    db = open_database(sqlite_url)
    camp = station.add_landmark(db, "chief", station.LandmarkInput(81.2915, 31.0835, name_en="Herder Dawa camp",
                                                                   name_zh="达瓦牧场", kinds=("camp",)))
    db.dispose()
    w = create_main_window(sqlite_url, lang="zh")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.ctx.worker.wait_idle()
    qtbot.waitUntil(lambda: w.ctx.station.koras is not None, timeout=WAIT)
    other = open_database(sqlite_url)  # another duty desk on the same station database
    yield w, other, camp
    other.dispose()


def take_call(qtbot, w, words: str, link: int | None = None, received=None) -> int:
    intake = w.desk.intake
    if received is not None:  # a call taken down after it came in
        intake.received.set_value(received)
    type_words(qtbot, w, words)
    qtbot.waitUntil(lambda: not intake.session.locating and intake.result is not None, timeout=WAIT)
    assert w.map.pin == pytest.approx(intake.position)  # the pin on the map is this call's
    assert w.map.estimate["best"] == pytest.approx((intake.result.lon, intake.result.lat))
    if link is not None:
        qtbot.waitUntil(lambda: intake.link.findData(link) >= 0, timeout=WAIT)
        intake.link.setCurrentIndex(intake.link.findData(link))
    check_desk(qtbot, w)
    graver = [c for c in intake.suggestions.open_chips() if c.field in ("category", "severity")]
    if graver:  # as the officer does: the words' category and severity go into the form
        click(qtbot, w, "applyAllSuggestions")
        assert not intake.suggestions.open_chips()
    click(qtbot, w, "saveCall")
    qtbot.waitUntil(lambda: "#" in intake.message.text() and intake.save_btn.isEnabled(), timeout=WAIT)
    incident_id = int(re.search(r"#(\d+)", intake.message.text()).group(1))
    for c in graver if link is None else ():  # a linked call joins an incident whose category stands
        assert getattr(stored(w.ctx.db, incident_id), c.field) == c.value
    if link is not None:
        assert incident_id == link
    if received is not None:
        assert abs(stored(w.ctx.db, incident_id).calls[-1].received_at - received) < timedelta(seconds=1)
    qtbot.waitUntil(lambda: w.desk.selected == incident_id, timeout=WAIT)
    assert w.map.pin is None and not intake.is_dirty()
    inc = stored(w.ctx.db, incident_id)
    assert inc.calls[-1].text == words and inc.chainage_km is not None
    check_desk(qtbot, w)
    return incident_id


def select(qtbot, w, incident_id: int) -> None:
    """Select on the board (history for a closed one); right away nothing of the previous one shows."""
    trip = w.desk.trip
    if not w.desk.board.select_incident(incident_id):
        w.desk.open_incident(incident_id)
    assert w.desk.selected == incident_id and trip.selected_officers() == []
    assert trip.persons.count() == 0 or trip.detail.id == incident_id
    check_desk(qtbot, w)


def act(qtbot, w, button: str, done) -> None:
    click(qtbot, w, button)
    qtbot.waitUntil(done, timeout=WAIT)
    check_desk(qtbot, w)


def type_time(qtbot, edit: QDateTimeEdit, when) -> None:
    """Type hour and minute digits into the time editor, as an officer would (the date is the day shown)."""
    edit.set_value(when + timedelta(minutes=7))
    local = to_beijing(when)
    for section, digits in ((QDateTimeEdit.Section.HourSection, f"{local.hour:02d}"),
                            (QDateTimeEdit.Section.MinuteSection, f"{local.minute:02d}")):
        edit.setFocus()
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, digits)


def dispatch(qtbot, w, incident_id: int) -> None:
    select(qtbot, w, incident_id)
    trip = w.desk.trip
    trip.roster.item(incident_id % 2).setCheckState(Qt.CheckState.Checked)
    act(qtbot, w, "dispatchTrip", lambda: trip.trip is not None and trip.detail.id == incident_id)


def log_step(qtbot, w, incident_id: int, step: str) -> None:
    select(qtbot, w, incident_id)
    trip = w.desk.trip
    click(qtbot, w, "stepNow")
    act(qtbot, w, f"log_{step}", lambda: trip.detail.id == incident_id and trip.trip.time_of(step) is not None)


def test_a_duty_shift(qtbot, shift):
    w, other, camp = shift
    trip = w.desk.trip
    ids: list[int] = []
    for n, (words, about) in enumerate(CALLS):
        received = utc_now() - timedelta(hours=1) if n == 0 else None
        ids.append(take_call(qtbot, w, words, None if about is None else ids[about], received))
        if n == 4:  # the first teams go out while calls keep coming
            dispatch(qtbot, w, ids[0])
            dispatch(qtbot, w, ids[2])
            select(qtbot, w, ids[1])
            select(qtbot, w, ids[0])
            type_time(qtbot, trip.step_time, utc_now() - timedelta(minutes=40))  # typed digits count
            act(qtbot, w, "log_departed_at", lambda: trip.trip.departed_at is not None)
        if n == 8:
            # the officer types the hour and minute the team radioed
            select(qtbot, w, ids[0])
            at = utc_now() - timedelta(minutes=20)
            type_time(qtbot, trip.step_time, at)
            act(qtbot, w, "log_on_scene_at", lambda: trip.trip.on_scene_at is not None)
            assert to_beijing(stored(w.ctx.db, ids[0]).trips[0].on_scene_at).strftime("%H:%M") == \
                to_beijing(at).strftime("%H:%M")
            # a check-in on another incident, then back
            log_step(qtbot, w, ids[2], "departed_at")
            trip.checkin_note.setText("队伍已过铁桥")
            act(qtbot, w, "addCheckin", lambda: len(trip.trip.checkins) == 1)
            select(qtbot, w, ids[0])
            assert trip.checkin_note.text() == ""
        if n == 11:
            _bad_times(qtbot, w, ids[0])
            _changed_at_another_desk(qtbot, w, other, ids[2])
        if n == 13:
            _alias_mid_shift(qtbot, w, ids)
    # the rescues go on: persons, evacuation, return, closing, switching back and forth
    select(qtbot, w, ids[0])
    trip.age.setValue(54)
    trip.condition.setText("高反，意识清醒")
    act(qtbot, w, "addPerson", lambda: trip.persons.count() == 1)
    select(qtbot, w, ids[2])
    assert trip.condition.text() == "" and trip.age.value() == -1 and trip.persons.count() == 0
    log_step(qtbot, w, ids[0], "evacuating_at")
    log_step(qtbot, w, ids[2], "evacuating_at")
    log_step(qtbot, w, ids[0], "returned_at")
    select(qtbot, w, ids[0])
    trip.outcome.setCurrentIndex(trip.outcome.findData("rescued"))
    act(qtbot, w, "closeIncident", lambda: trip.detail.status == "closed")
    dispatch(qtbot, w, ids[4])
    select(qtbot, w, ids[2])
    select(qtbot, w, ids[4])
    _retired_landmark(qtbot, w, other, camp)
    # the closed incident is found in the history and opens read only
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    history = w.desk.history
    history.search.insert("色雄")  # an input-method commit, as type_words does
    qtbot.waitUntil(lambda: history.model.row_of(ids[0]) >= 0 and history.model.rowCount() == 1, timeout=WAIT)
    history.select(ids[0])
    click(qtbot, w, "historyOpen")
    qtbot.waitUntil(lambda: w.desk.selected == ids[0], timeout=WAIT)
    check_desk(qtbot, w)
    assert not trip.close_box.isEnabled() and "只读" in trip.header.text()
    with w.ctx.db.read() as s:
        assert s.scalar(sql_select(func.count(Call.id))) == len(CALLS) + 2


def _bad_times(qtbot, w, incident_id: int) -> None:
    trip = w.desk.trip
    select(qtbot, w, incident_id)
    before = stored(w.ctx.db, incident_id).trips[0].evacuating_at
    trip.step_time.set_value(utc_now() + timedelta(hours=3))
    click(qtbot, w, "log_evacuating_at")
    one_sentence_in_chinese(trip.trip_msg.text())
    trip.step_time.set_value(stored(w.ctx.db, incident_id).trips[0].departed_at - timedelta(minutes=30))
    click(qtbot, w, "log_evacuating_at")
    one_sentence_in_chinese(trip.trip_msg.text())
    assert stored(w.ctx.db, incident_id).trips[0].evacuating_at == before
    check_desk(qtbot, w)


def _changed_at_another_desk(qtbot, w, other, incident_id: int) -> None:
    trip = w.desk.trip
    select(qtbot, w, incident_id)
    w.admin.watcher.stop()  # this desk has not heard of the change yet
    trip_id = stored(other, incident_id).trips[0].id
    svc.log_trip_time(other, "desk-2", trip_id, "on_scene_at", utc_now())
    click(qtbot, w, "log_on_scene_at")
    qtbot.waitUntil(lambda: trip.conflict_msg.isVisible(), timeout=WAIT)
    one_sentence_in_chinese(trip.conflict_msg.text())
    assert "已到达" in trip.conflict_msg.text()  # what the other desk did, in the officer's words
    w.admin.watcher.start()
    check_desk(qtbot, w)


def _alias_mid_shift(qtbot, w, ids: list[int]) -> None:
    generation = w.ctx.station.generation
    w.workspaces.switch("sand_table")
    ed = w.station
    ed.landmarks.select("gaize_teahouse")
    ed.landmarks.alias_text.setText(ALIAS)
    ed.landmarks._add_alias()
    qtbot.waitUntil(lambda: w.ctx.station.generation > generation, timeout=WAIT)
    w.workspaces.switch("duty")
    assert w.desk.intake_dock.isVisible() and not w.station_dock.isVisible()
    incident_id = take_call(qtbot, w, ALIAS_CALL)
    gaize = w.ctx.kora.gazetteer.get("gaize_teahouse")
    assert stored(w.ctx.db, incident_id).chainage_km == pytest.approx(gaize.chainage_km, abs=0.5)
    ids.append(incident_id)


def _retired_landmark(qtbot, w, other, camp: str) -> None:
    intake = w.desk.intake
    type_words(qtbot, w, "老人走不动了")
    assert intake.pick_landmark("达瓦牧场")
    check_desk(qtbot, w)
    generation = w.ctx.station.generation
    station.retire_landmark(other, "chief", camp)  # retired in the sand table at another desk
    qtbot.waitUntil(lambda: w.ctx.station.generation > generation, timeout=WAIT)
    click(qtbot, w, "saveCall")
    one_sentence_in_chinese(intake.message.text())
    assert "达瓦牧场" in intake.message.text() and intake.text.toPlainText() == "老人走不动了"  # the form is kept
    intake.landmark.clear()
    intake.confirm_move = lambda _question: True  # the officer agrees to move the accepted pin
    assert intake.pick_landmark("色雄")
    if intake.suggestions.open_chips():
        click(qtbot, w, "applyAllSuggestions")  # "走不动了": exhaustion, as the words say
    click(qtbot, w, "saveCall")
    qtbot.waitUntil(lambda: "#" in intake.message.text() and not intake.is_dirty(), timeout=WAIT)
    settle(qtbot, w)
    check_desk(qtbot, w)
