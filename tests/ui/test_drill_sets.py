"""The "New drill set…" dialog on the Replay & drills page: a set made of two picked items is listed
in the drill view's chooser at once and stored; bad input gets inline messages and keeps what was typed."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from sqlalchemy import select

import rescue_desk.ui.i18n as i18n
from rescue_desk.domain.scenarios import personal_data_found
from rescue_desk.services.training import DrillItem, create_drill_set, list_drill_sets
from rescue_desk.storage.models import Call
from rescue_desk.ui import create_main_window

TS = Path(i18n.__file__).parent / "replay_zh_CN.ts"


@pytest.fixture
def window(qtbot, demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    w = create_main_window(f"sqlite:///{path}", lang="en", features=("replay",))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    assert w.ctx.worker.wait_idle()
    w.tabs.setCurrentWidget(w.replay_page)
    assert w.ctx.worker.wait_idle(10000)
    w.replay_page.panels.setCurrentWidget(w.replay_page.drill)
    return w


def _dialog(window, qtbot):
    drill = window.replay_page.drill
    qtbot.mouseClick(drill.new_set_btn, Qt.MouseButton.LeftButton)
    dialog = drill.set_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.ctx.worker.wait_idle(10000)
    assert dialog.items.count() > 2
    return dialog


def _tick(dialog, row: int) -> DrillItem:
    dialog.items.item(row).setCheckState(Qt.CheckState.Checked)
    return dialog.items.item(row).data(Qt.ItemDataRole.UserRole)


def _create(window, qtbot, dialog):
    qtbot.mouseClick(dialog.create_btn, Qt.MouseButton.LeftButton)
    assert window.ctx.worker.wait_idle(10000)
    qtbot.wait(0)


def test_a_new_set_of_two_items_is_listed_and_stored(window, qtbot):
    drill = window.replay_page.drill
    dialog = _dialog(window, qtbot)
    texts = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert not any(personal_data_found({"label": t}) for t in texts)
    with window.ctx.db.read() as s:
        personal = {v for row in s.execute(select(Call.caller_name, Call.caller_phone)) for v in row if v}
    assert personal and not any(p in t for p in personal for t in texts)
    scenario = next(i for i, t in enumerate(texts) if t.startswith("Scenario: "))
    incident = next(i for i, t in enumerate(texts) if t.startswith("#"))
    wanted = [_tick(dialog, scenario)]
    # the search narrows the list; a ticked row hidden by it stays ticked
    number = texts[incident].split()[0]
    qtbot.keyClicks(dialog.search, number)
    shown = [i for i in range(dialog.items.count()) if not dialog.items.item(i).isHidden()]
    assert incident in shown and scenario not in shown
    assert all(number in dialog.items.item(i).text() for i in shown)
    wanted.append(_tick(dialog, incident))
    assert dialog.picked.text() == "2 picked"
    qtbot.keyClicks(dialog.name, "North face, autumn")
    _create(window, qtbot, dialog)
    assert drill.set_dialog is None and not shiboken6.isValid(dialog)  # closed and deleted
    assert drill.set_picker.currentText() == "North face, autumn (2)"
    stored = [s for s in list_drill_sets(window.ctx.db) if s.name == "North face, autumn"]
    assert len(stored) == 1 and list(stored[0].items) == wanted and not stored[0].builtin
    assert drill.set_picker.currentData() == stored[0].id
    qtbot.mouseClick(drill.start_btn, Qt.MouseButton.LeftButton)
    assert drill.items == wanted


def test_bad_input_is_shown_inline_and_what_was_typed_stays(window, qtbot):
    before = list_drill_sets(window.ctx.db)
    dialog = _dialog(window, qtbot)
    _create(window, qtbot, dialog)  # nothing typed, nothing ticked
    assert dialog.isVisible()
    assert dialog.name_error.isVisible() and dialog.name_error.text() == "Give the drill set a name."
    assert dialog.items_error.isVisible() and "at least one" in dialog.items_error.text()

    builtin = next(s for s in before if s.builtin)
    qtbot.keyClicks(dialog.name, "  built-in SCENARIOS (demo data) ")
    assert not dialog.name_error.isVisible()  # typing clears the old message
    _tick(dialog, 0)
    assert not dialog.items_error.isVisible()
    _create(window, qtbot, dialog)
    assert dialog.isVisible() and builtin.name.casefold() in dialog.name.text().casefold()
    assert dialog.name_error.text() == "A drill set with this name already exists."
    assert dialog.items.item(0).checkState() == Qt.CheckState.Checked

    # a set made elsewhere after the dialog opened: the save on the worker refuses the name
    create_drill_set(window.ctx.db, "other", "Pass day", [DrillItem(scenario_id=builtin.items[0].scenario_id)])
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "pass day")
    _create(window, qtbot, dialog)
    assert dialog.isVisible() and dialog.name.text() == "pass day"
    assert dialog.name_error.isVisible() and dialog.name_error.text() == "A drill set with this name already exists."
    assert dialog.create_btn.isEnabled()
    names = [s.name for s in list_drill_sets(window.ctx.db)]
    assert names.count("Pass day") == 1 and len(names) == len(before) + 1

    dialog.reject()
    assert window.replay_page.drill.set_dialog is None


def test_every_replay_string_has_a_finished_chinese_translation():
    messages = list(ET.parse(TS).getroot().iter("message"))
    sources = {m.find("source").text for m in messages}
    assert {"New drill set…", "New drill set", "A drill set with this name already exists."} <= sources
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") not in ("unfinished", "vanished", "obsolete"), m.find("source").text
        assert (tr.text or "").strip(), m.find("source").text
        for n in range(1, 5):
            if f"%{n}" in m.find("source").text:
                assert f"%{n}" in tr.text, m.find("source").text
