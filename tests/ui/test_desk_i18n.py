"""The desk's Chinese: every string translated in desk_zh_CN.ts and shown by the real window."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

import rescue_desk.ui.i18n as i18n

from desk_helpers import delete_closed_windows, open_desk  # noqa: F401

TS = Path(i18n.__file__).parent / "desk_zh_CN.ts"


def test_every_desk_string_has_a_finished_chinese_translation():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") not in ("unfinished", "vanished", "obsolete"), m.find("source").text
        assert (tr.text or "").strip(), m.find("source").text
        for n in range(1, 5):  # placeholders survive translation
            if f"%{n}" in m.find("source").text:
                assert f"%{n}" in tr.text, m.find("source").text


def test_the_window_speaks_chinese_and_english(qtbot, sqlite_url):
    zh = open_desk(qtbot, sqlite_url, "zh")
    assert zh.findChild(QPushButton, "saveCall").text() == "保存接警"
    assert zh.desk.intake_dock.windowTitle() == "接警登记"
    assert zh.desk.board.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    zh.close()
    en = open_desk(qtbot, sqlite_url, "en")
    assert en.findChild(QPushButton, "saveCall").text() == "Save call"
