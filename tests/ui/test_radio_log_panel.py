"""Radio log panel: check-ins with a position from words or a map click, the trail on the map, the
overdue alert; a window with only this feature installed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.services import incidents as svc
from rescue_desk.storage import open_database
from rescue_desk.ui import create_main_window
from rescue_desk.ui.map.interaction import MapMode

from desk_helpers import delete_closed_windows, seed_station  # noqa: F401


def _station_with_team(url, minutes_out=90, interval=30):
    seed_station(url)
    db = open_database(url)
    from rescue_desk.domain.kora import load_kora

    lon, lat = load_kora().point_at(12.0)
    now = utc_now()
    inc = svc.log_call(db, "t", svc.CallInput(received_at=now - timedelta(minutes=minutes_out + 5), text="help",
                                              position=svc.Position(lon, lat)))[1]
    trip = svc.dispatch_trip(db, "t", inc, [1], 1, departed_at=now - timedelta(minutes=minutes_out),
                             checkin_interval_min=interval)
    db.dispose()
    return inc, trip, now


def _window(qtbot, url):
    w = create_main_window(url, lang="en", features=("radio_log",))
    qtbot.addWidget(w)
    w.show()
    action = next(a for a in w.menu("tools").actions() if a.objectName() == "actionRadioLog")
    action.trigger()
    assert w.ctx.worker.wait_idle()
    return w, w.radio_log_panel


def _at(panel, when):
    local = when.astimezone(BEIJING).replace(tzinfo=None, second=0, microsecond=0)
    panel.at.setDateTime(QDateTime(local.date(), local.time()))


def test_overdue_team_alerts_then_checkins_make_a_trail(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    inc, trip, now = _station_with_team(url)
    w, panel = _window(qtbot, url)
    qtbot.waitUntil(lambda: panel.alert.isVisible(), timeout=10000)
    assert f"#{inc}" in panel.alert.text()

    panel.incident.setValue(inc)
    panel.load()
    qtbot.waitUntil(lambda: panel.team.count() == 1, timeout=10000)
    _at(panel, now - timedelta(minutes=40))
    panel.note.setText("at Sershong")
    panel.where.setText("色雄")
    panel.add_checkin()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert "km" in panel.table.item(0, 2).text()

    # a click on the map in the panel's mode gives the next position
    w.map.interaction.set_mode(MapMode.PLACE_CHECKIN)
    lon, lat = w.map.kora.point_at(9.5)
    w.map.mapClicked.emit(lon, lat)
    assert panel.clicked == (lon, lat) and w.map.interaction.mode == MapMode.BROWSE
    _at(panel, now - timedelta(minutes=2))
    panel.add_checkin()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10000)
    assert f"{panel.teams[0].entries[1].chainage_km:.1f}" == "9.5"
    assert f"radio-trail-{trip}" in w.map.tracks
    # the check-in two minutes ago clears the alert at the next check
    panel.check_overdue()
    qtbot.waitUntil(lambda: not panel.alert.isVisible(), timeout=10000)


def test_bad_position_and_future_time_are_one_sentence(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    inc, _trip, now = _station_with_team(url, minutes_out=20, interval=60)
    w, panel = _window(qtbot, url)
    panel.incident.setValue(inc + 1)
    panel.load()
    qtbot.waitUntil(lambda: "No such" in panel.message.text(), timeout=10000)
    panel.add_checkin()
    assert "team first" in panel.message.text()
    panel.incident.setValue(inc)
    panel.load()
    qtbot.waitUntil(lambda: panel.team.count() == 1, timeout=10000)
    _at(panel, now - timedelta(minutes=5))
    panel.where.setText("blah blah")
    panel.add_checkin()
    qtbot.waitUntil(lambda: "cannot be used" in panel.message.text(), timeout=10000)
    panel.where.clear()
    _at(panel, now + timedelta(hours=3))
    panel.add_checkin()
    qtbot.waitUntil(lambda: "future" in panel.message.text(), timeout=10000)
    assert panel.table.rowCount() == 0


def test_every_panel_string_has_a_chinese_translation(tmp_path):
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from rescue_desk.ui import i18n

    ts = i18n.I18N_DIR / "radio_log_zh_CN.ts"
    done = {m.findtext("source") for m in ET.parse(ts).iter("message")
            if m.find("translation").get("type") is None and m.findtext("translation")}
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (Path(i18n.__file__).parent.parent / "radio_log").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    assert wanted and wanted <= done, wanted - done
    shell = (i18n.I18N_DIR / "shell_zh_CN.ts").read_text(encoding="utf-8")
    assert "<source>Map: click where the team is</source>" in shell   # the map mode this panel adds
