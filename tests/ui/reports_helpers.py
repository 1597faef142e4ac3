"""Shared by the Statistics tests: a station whose figures were counted by hand, and a window
with only the Statistics feature installed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rescue_desk.services.importer import import_logbook
from rescue_desk.storage import open_database
from rescue_desk.ui import create_main_window

HEADER = "received_at,description,category,persons_rescued,outcome,departed_at,on_scene_at,returned_at,chainage_km,origin,drill\n"
ROWS = (
    # 2024: one incident (New Year's Eve, Beijing time)
    "2024-12-31 23:30,x,exhaustion,1,rescued,2024-12-31 23:50,2025-01-01 01:00,,3.0,domestic,\n"
    # 2025: three incidents, two trips on 11 June, five people, one to hospital (count 3), one death
    "2025-01-01 00:10,x,lost,1,rescued,2025-01-01 00:30,2025-01-01 01:40,,24.1,tibetan_pilgrim,\n"
    "2025-06-11 09:00,x,altitude_sickness,3,hospital,2025-06-11 09:20,2025-06-11 10:00,,24.5,indian_yatri,\n"
    "2025-06-11 12:00,x,cardiac,1,fatal,2025-06-11 12:30,2025-06-11 14:00,,30.2,domestic,\n"
    "2025-07-01 12:00,drill,lost,5,rescued,2025-07-01 12:30,,,30.2,domestic,yes\n"
)


@pytest.fixture
def station_url(sqlite_url):
    db = open_database(sqlite_url)
    result = import_logbook(db, "t", HEADER + ROWS, "book.csv")
    assert result.imported == 5
    db.dispose()
    return sqlite_url


@pytest.fixture
def window(qtbot, station_url):
    w = create_main_window(station_url, lang="en", features=("reports",))
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    page = w.reports_page
    w.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    assert w.ctx.worker.wait_idle()
    return w
