"""The elevation profile: coordinates, hover signal, highlight drawn where asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from rescue_desk.domain.kora import load_kora
from rescue_desk.ui.profile import ProfileView


@pytest.fixture
def profile(qtbot):
    view = ProfileView(load_kora(), "en")
    qtbot.addWidget(view)
    view.resize(920, 160)
    view.show()
    return view


def test_km_and_x_are_inverse_and_span_the_plot(profile):
    kora = load_kora()
    for km in (0.0, 12.3, 24.0, kora.length_km):
        assert profile.km_of_x(profile.x_of_km(km)) == pytest.approx(km, abs=1e-9)
    assert profile.x_of_km(0) < profile.x_of_km(kora.length_km) <= profile.width()


def test_hover_emits_the_chainage_under_the_mouse(profile, qtbot):
    x = round(profile.x_of_km(24.0))
    with qtbot.waitSignal(profile.hoveredKm, timeout=1000) as blocker:
        ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(x, 80), QPointF(profile.mapToGlobal(QPoint(x, 80))),
                         Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(profile, ev)
    km_per_px = load_kora().length_km / (profile.x_of_km(load_kora().length_km) - profile.x_of_km(0))
    assert blocker.args[0] == pytest.approx(24.0, abs=km_per_px)
    with qtbot.waitSignal(profile.hoverLeft, timeout=1000):
        QApplication.sendEvent(profile, QEvent(QEvent.Type.Leave))
    assert profile.highlighted_km is None


def test_highlight_draws_a_marker_line_at_the_chainage(profile):
    kora = load_kora()
    x = round(profile.x_of_km(8.0))
    y = round(profile.y_of_z(kora.elevation_at(8.0))) - 6  # above the terrain: plain background
    before = QColor(profile.grab().toImage().pixel(x, y))
    profile.highlight_km(8.0)
    after = QColor(profile.grab().toImage().pixel(x, y))
    assert after.blue() > after.red() + 40 and before != after
    profile.highlight_km(None)
    assert QColor(profile.grab().toImage().pixel(x, y)) == before


def test_the_dolma_la_is_the_highest_point_drawn(profile):
    kora = load_kora()
    dolma = kora.gazetteer.get("dolma_la")
    top_km = float(profile.km[profile.z.argmax()])
    assert abs(top_km - dolma.chainage_km) < 0.5
    assert profile.y_of_z(profile.z.max()) >= 0
