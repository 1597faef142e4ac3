"""The map's one owner of clicks: measuring from the View menu, and back to browsing with the mode's ✕."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from rescue_desk.ui import create_main_window

from desk_helpers import delete_closed_windows  # noqa: F401


def test_measure_two_points_then_back_to_browsing(qtbot, sqlite_url):
    w = create_main_window(sqlite_url, lang="en", features=("desk",))
    qtbot.addWidget(w)
    w.show()
    modes = w.map.interaction
    w.findChild(QAction, "actionMeasure").trigger()
    assert modes.mode == "measure" and "measure" in modes.badge.label.text()
    kora = w.ctx.kora
    with qtbot.waitSignal(modes.measured) as blocker:
        w.map.mapClicked.emit(*kora.point_at(5.0))
        w.map.mapClicked.emit(*kora.point_at(7.0))
    straight_m, along_km = blocker.args
    assert along_km == pytest_approx(2.0) and 0 < straight_m <= 2000.0
    assert w.desk.intake.position is None  # measuring placed nothing
    assert modes.badge.close_btn.isVisible()
    qtbot.mouseClick(modes.badge.close_btn, Qt.MouseButton.LeftButton)
    assert modes.mode == "browse" and not modes.badge.close_btn.isVisible()
    w.close()


def pytest_approx(value):
    import pytest

    return pytest.approx(value, abs=0.05)
