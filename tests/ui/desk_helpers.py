"""Helpers for the desk UI tests: a seeded station and a window with only the desk installed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit

from rescue_desk.storage import open_database
from rescue_desk.storage.models import Officer, Vehicle
from rescue_desk.ui import create_main_window


def seed_station(url: str) -> None:
    db = open_database(url)
    with db.write("test", "seed") as s:
        s.add_all([Officer(name="扎西", name_en="Tashi"), Officer(name="王磊", name_en="Wang Lei"),
                   Vehicle(name="皮卡1", plate="藏F-00001")])
    db.dispose()


def open_desk(qtbot, url: str, lang: str = "zh"):
    w = create_main_window(url, lang=lang, features=("desk",))
    qtbot.addWidget(w)
    w.show()
    assert w.ctx.worker.wait_idle()
    return w


def type_words(qtbot, window, text: str) -> None:
    """Type like the officer: key clicks for Latin text, an input-method commit for Chinese."""
    edit = window.findChild(QPlainTextEdit, "callText")
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insertPlainText(text)


def wait_located(qtbot, intake, timeout=10000) -> None:
    qtbot.waitUntil(lambda: not intake._locate_timer.isActive() and not intake.locator.busy
                    and intake.result is not None, timeout=timeout)


def click(qtbot, window, name: str) -> None:
    button = window.findChild(QAbstractButton, name)
    assert button is not None, name
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture(scope="module", autouse=True)
def delete_closed_windows():
    """pytest-qt closes each window and calls deleteLater; run those deletions before the module
    ends, so no window is left for the garbage collector at interpreter exit (PySide crashes there)."""
    yield
    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


def save_call(qtbot, window) -> None:
    """Save as the officer does who keeps the form as it is: a Save may only tell of a category or
    severity suggestion not applied, or of a call time days ago; pressing again saves."""
    click(qtbot, window, "saveCall")
    for _ in range(2):  # a suggestion not applied, a call time days ago: each told once
        if window.desk.intake.confirm_pending:
            click(qtbot, window, "saveCall")
