"""QR codes (segno) as Qt images: drawn on screen in the share dialog and on the printed sheet."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_modules(data: str) -> list[list[bool]]:
    """The QR symbol of ``data`` (error correction M, quiet zone of 2 modules) as rows of dark flags."""
    code = segno.make(data, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=2)]


def paint_qr(painter: QPainter, rect: QRectF, data: str) -> None:
    """The QR code of ``data`` filling the square ``rect`` (white background, black modules)."""
    rows = qr_modules(data)
    n = len(rows)
    side = min(rect.width(), rect.height())
    cell = side / n
    painter.save()
    painter.fillRect(QRectF(rect.left(), rect.top(), side, side), QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:  # a hair of overlap so no seams show between modules when scaled
                painter.drawRect(QRectF(rect.left() + c * cell, rect.top() + r * cell, cell + 0.3, cell + 0.3))
    painter.restore()


def qr_image(data: str, pixels_per_module: int = 6) -> QImage:
    """A crisp QImage of the QR code (whole pixels per module, so every screen scan works)."""
    rows = qr_modules(data)
    n = len(rows)
    image = QImage(n * pixels_per_module, n * pixels_per_module, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                p.fillRect(c * pixels_per_module, r * pixels_per_module, pixels_per_module, pixels_per_module,
                           QColor("black"))
    p.end()
    return image
