"""Opening sizes that fit the screen: a dialog asks for its comfortable size and gets at most what the
screen has room for (a 1366×768 laptop keeps every button reachable)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height``, shrunk to 92 % × 85 % of the available screen area
    (the title bar and the task bar need the rest)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, int(room.width() * 0.92)), min(height, int(room.height() * 0.85))
    widget.resize(width, height)
