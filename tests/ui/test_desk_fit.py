"""The desk at a small screen and with long or old calls: a long call does not push the trip panel's
buttons away, dialogs fit the screen, long waits read in days, the next call starts at the top."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QGuiApplication

from rescue_desk.domain.clock import utc_now
from rescue_desk.services import incidents as svc
from rescue_desk.ui.desk.widgets import format_duration
from rescue_desk.ui.sizing import resize_to_fit

from desk_helpers import delete_closed_windows, open_desk  # noqa: F401


def test_a_long_call_is_shortened_in_the_trip_header_and_whole_in_its_tooltip(qtbot, sqlite_url):
    words = "我们在岗加附近，" + "同伴一直咳嗽，" * 800
    from rescue_desk.storage import open_database

    db = open_database(sqlite_url)
    _c, inc = svc.log_call(db, "duty", svc.CallInput(received_at=utc_now() - timedelta(minutes=5), text=words))
    db.dispose()
    w = open_desk(qtbot, sqlite_url)
    trip = w.desk.trip
    w.desk.board.select_incident(inc)
    qtbot.waitUntil(lambda: trip.detail is not None and trip.detail.id == inc, timeout=10000)
    assert len(trip.header.text()) < 400 and "…" in trip.header.text()
    assert trip.header.toolTip().startswith("我们在岗加附近") and len(trip.header.toolTip()) > 1000


def test_dialogs_open_no_larger_than_the_screen(qtbot):
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    room = QGuiApplication.primaryScreen().availableGeometry()
    resize_to_fit(dialog, 5000, 5000)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    resize_to_fit(dialog, 300, 200)
    assert (dialog.width(), dialog.height()) == (300, 200)


def test_long_waits_read_in_days(qapp):
    from rescue_desk.ui import i18n

    i18n.install_translators("en")  # an earlier window may have left Chinese installed
    assert format_duration(400 * 86400) == "400 d 0 h"
    assert format_duration(47 * 3600 + 5 * 60) == "47 h 05 min"
    assert format_duration(45 * 60) == "45 min"


def test_the_next_call_starts_at_the_top_of_the_form(qtbot, sqlite_url):
    w = open_desk(qtbot, sqlite_url)
    intake = w.desk.intake
    w.resize(1366, 500)
    bar = intake.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    intake.clear_form()
    assert bar.value() == 0


def test_a_call_time_days_ago_is_questioned_once_before_saving(qtbot, sqlite_url):
    from desk_helpers import click, type_words, wait_located

    w = open_desk(qtbot, sqlite_url, "en")
    intake = w.desk.intake
    type_words(qtbot, w, "we are at Sershong")
    wait_located(qtbot, intake)
    intake.received.set_value(utc_now() - timedelta(days=400))  # a mistyped year
    click(qtbot, w, "saveCall")
    assert intake.confirm_pending and "400 days ago" in intake.message.text()
    assert intake.text.toPlainText() == "we are at Sershong"  # nothing saved, the form kept
    click(qtbot, w, "saveCall")  # the officer says it is right
    qtbot.waitUntil(lambda: "#" in intake.message.text(), timeout=10000)
    assert not intake.confirm_pending
