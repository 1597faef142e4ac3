"""The incident board (model, filters, overdue highlight) and the trip panel's GPX import."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents as svc
from rescue_desk.storage import open_database

from desk_helpers import delete_closed_windows, open_desk, seed_station  # noqa: F401


def _seed(url):
    seed_station(url)
    db = open_database(url)
    kora = load_kora()
    now = utc_now()

    def call(minutes, km, text, category="exhaustion"):
        lon, lat = kora.point_at(km)
        return svc.log_call(db, "t", svc.CallInput(received_at=now - timedelta(minutes=minutes), text=text,
                                                   category=category, position=svc.Position(lon, lat)))[1]

    late = call(30, 23.9, "stuck below Dolma La, cold", "hypothermia")
    out = call(150, 10.0, "lost near Chuku")
    fresh = call(2, 5.6, "tired at Sershong")
    trip = svc.dispatch_trip(db, "t", out, [1], 1, departed_at=now - timedelta(minutes=120), checkin_interval_min=30)
    db.dispose()
    return late, out, fresh, trip


def _ids(board):
    return [board.proxy.index(r, 0).data() for r in range(board.proxy.rowCount())]


def _gpx(lonlats, t0):
    pts = "".join(f'<trkpt lat="{lat}" lon="{lon}"><time>{(t0 + timedelta(minutes=i)).isoformat()}</time></trkpt>'
                  for i, (lon, lat) in enumerate(lonlats))
    return f'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{pts}</trkseg></trk></gpx>'


def test_board_filters_and_overdue_highlight(qtbot, sqlite_url):
    late, out, fresh, _trip = _seed(sqlite_url)
    w = open_desk(qtbot, sqlite_url, "en")
    board = w.desk.board
    qtbot.waitUntil(lambda: board.model.rowCount() == 3, timeout=10000)
    model = board.model
    col_next = model.COLUMNS.index("next")
    overdue = {}
    for r in range(3):
        idx = model.index(r, col_next)
        overdue[model.rows[r].id] = (idx.data(Qt.ItemDataRole.BackgroundRole) is not None, idx.data())
    assert overdue[late][0] and "no team dispatched" in overdue[late][1]
    assert overdue[out][0] and "check-in" in overdue[out][1]
    assert not overdue[fresh][0] and overdue[fresh][1] == "Dispatch a team"
    assert sorted(_ids(board)) == sorted(str(i) for i in (late, out, fresh))
    message = w.statusBar().currentMessage()
    assert f"#{late}" in message and f"#{out}" in message and f"#{fresh}" not in message

    board.search.setText("dolma")
    assert _ids(board) == [str(late)]
    board.search.setText("hypothermia")
    assert _ids(board) == [str(late)]
    board.search.clear()
    board.status.setCurrentIndex(board.status.findData("dispatched"))
    assert _ids(board) == [str(out)]
    board.status.setCurrentIndex(0)
    board.overdue.setChecked(True)
    assert sorted(_ids(board)) == sorted([str(late), str(out)])
    board.overdue.setChecked(False)
    # newest first by default; sort by elapsed puts the oldest call first when descending
    board.view.sortByColumn(model.COLUMNS.index("received"), Qt.SortOrder.DescendingOrder)
    assert _ids(board) == [str(fresh), str(late), str(out)]


def test_selecting_a_trip_shows_overdue_checkin_and_imports_gpx(qtbot, sqlite_url, tmp_path):
    _late, out, _fresh, trip_id = _seed(sqlite_url)
    w = open_desk(qtbot, sqlite_url, "en")
    board, trip = w.desk.board, w.desk.trip
    qtbot.waitUntil(lambda: board.model.rowCount() == 3, timeout=10000)
    board.select_incident(out)
    qtbot.waitUntil(lambda: trip.detail is not None and trip.detail.id == out, timeout=10000)
    assert trip.checkin_status.isVisible() and "OVERDUE" in trip.checkin_status.text()
    assert "Tashi" in trip.trip_info.text()

    broken = tmp_path / "broken.gpx"
    broken.write_text("<gpx><trk><trkseg><trkpt lat='31'", encoding="utf-8")
    trip.import_gpx(str(broken))
    qtbot.waitUntil(lambda: "not valid XML" in trip.trip_msg.text(), timeout=10000)
    assert trip.trip_msg.isVisible() and trip.trip_msg.text().startswith("GPX not imported")
    elsewhere = tmp_path / "beijing.gpx"
    elsewhere.write_text(_gpx([(116.4 + i / 1000, 39.9) for i in range(5)], utc_now() - timedelta(minutes=60)))
    trip.import_gpx(str(elsewhere))
    qtbot.waitUntil(lambda: "not on the kora" in trip.trip_msg.text(), timeout=10000)

    kora = load_kora()
    good = tmp_path / "team.gpx"
    walk = [kora.point_at(7.8 + 0.2 * i) for i in range(12)]
    good.write_text(_gpx(walk, utc_now() - timedelta(minutes=100)))
    trip.import_gpx(str(good))
    qtbot.waitUntil(lambda: trip.trip is not None and trip.trip.track_points == 12, timeout=10000)
    assert f"trip-{trip_id}" in w.map.tracks


def test_suggested_approach_warns_when_the_team_would_arrive_in_the_dark(qtbot, sqlite_url):
    from datetime import datetime

    from rescue_desk.domain.clock import BEIJING

    late, _out, _fresh, _trip = _seed(sqlite_url)
    w = open_desk(qtbot, sqlite_url, "en")
    board, trip = w.desk.board, w.desk.trip
    qtbot.waitUntil(lambda: board.model.rowCount() == 3, timeout=10000)
    board.select_incident(late)
    qtbot.waitUntil(lambda: trip.detail is not None and trip.detail.id == late, timeout=10000)
    assert trip.dispatch_box.isVisible()
    trip.depart_time.set_value(datetime(2025, 7, 1, 9, 0, tzinfo=BEIJING))
    assert trip.plan.depart == datetime(2025, 7, 1, 9, 0, tzinfo=BEIJING)
    assert not trip.plan.after_sunset_p50 and trip.sunset.text().startswith("Sunset 21:4")
    assert "walk" in trip.approach.text() and "ETA P50" in trip.approach.text()
    trip.depart_time.set_value(datetime(2025, 7, 1, 20, 30, tzinfo=BEIJING))
    assert trip.plan.after_sunset_p50 and "dark" in trip.sunset.text()
