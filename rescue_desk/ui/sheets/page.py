"""One A4 page drawn with QPainter into a PDF: a cursor down the page, wrapped text, label/value
rows and small tables. Shared by the incident sheet and the handover; GUI thread (or the CLI's
offscreen application)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

DPI = 144
WRAP = int(Qt.TextFlag.TextWordWrap)


class Page:
    """Paints down ``rect`` (device pixels); ``y`` is the cursor. ``more_pages`` allows page breaks."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, base: QFont, more_pages: bool = False):
        self.writer, self.p, self.base, self.more_pages = writer, painter, base, more_pages
        self.rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        self.rect.moveTo(0, 0)
        self.y = 0.0

    @property
    def width(self) -> float:
        return self.rect.width()

    @property
    def left_room(self) -> float:
        return self.rect.height() - self.y

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        f = QFont(self.base)
        f.setPointSizeF(self.base.pointSizeF() * scale)
        f.setBold(bold)
        return f

    def break_if(self, height: float) -> bool:
        """Start a new page when ``height`` does not fit (multi-page documents only)."""
        if self.more_pages and self.y + height > self.rect.height():
            self.writer.newPage()
            self.y = 0.0
            return True
        return False

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Metrics on the PDF itself (its resolution, not the screen's)."""
        return QFontMetricsF(font, self.writer)

    def text_height(self, text: str, width: float, font: QFont) -> float:
        return self.metrics(font).boundingRect(QRectF(0, 0, width, 100000), WRAP, text).height()

    def text(self, text: str, scale: float = 1.0, bold: bool = False, colour: str = "#111111",
             x: float = 0.0, width: float | None = None, gap: float = 0.3, max_lines: int | None = None) -> float:
        """Wrapped ``text`` at the cursor (advances it); at most ``max_lines`` lines, elided with "…"."""
        font = self.font(scale, bold)
        width = width if width is not None else self.width - x
        fm = self.metrics(font)
        if max_lines is not None:
            text = elide_lines(text, width, fm, max_lines)
        h = self.text_height(text, width, font)
        self.break_if(h)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        self.p.drawText(QRectF(x, self.y, width, h), WRAP, text)
        self.y += h + fm.height() * gap
        return h

    def heading(self, text: str) -> None:
        self.y += 4
        self.text(text, 1.15, bold=True, colour="#1b3a6b", gap=0.15)
        self.p.setPen(QPen(QColor("#9fb3d1"), 1))
        self.p.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.y += 4

    def rows(self, rows: list[tuple[str, str]], x: float = 0.0, width: float | None = None, label_w: float = 0.3,
             scale: float = 0.92) -> None:
        """Label/value rows (labels grey, values wrapped)."""
        width = width if width is not None else self.width - x
        font = self.font(scale)
        bold = self.font(scale, True)
        for label, value in rows:
            h = max(self.text_height(value, width * (1 - label_w), font), self.metrics(font).height())
            self.break_if(h)
            self.p.setFont(bold)
            self.p.setPen(QColor("#555555"))
            self.p.drawText(QRectF(x, self.y, width * label_w - 6, h), WRAP, label)
            self.p.setFont(font)
            self.p.setPen(QColor("#111111"))
            self.p.drawText(QRectF(x + width * label_w, self.y, width * (1 - label_w), h), WRAP, value)
            self.y += h + 2

    def table(self, rows: list[list[str]], widths: list[float], scale: float = 0.9, max_rows: int | None = None,
              highlight: set[int] | None = None) -> int:
        """A header row then data rows, cells elided to one line; returns the data rows drawn."""
        font, bold = self.font(scale), self.font(scale, True)
        fm = self.metrics(font)
        line_h = fm.height() * 1.35
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + w * self.width)
        drawn = 0
        for r, row in enumerate(rows):
            if r > 0 and max_rows is not None and drawn >= max_rows:
                break
            if self.break_if(line_h) and r > 0:
                self._row(rows[0], xs, line_h, bold, QColor("#e8eef5"))
            fill = QColor("#e8eef5") if r == 0 else QColor("#fde0dd") if highlight and (r - 1) in highlight \
                else QColor("#f7f7f7") if r % 2 == 0 else None
            self._row(row, xs, line_h, bold if r == 0 else font, fill)
            drawn += r > 0
        self.p.setPen(QPen(QColor("#b0b0b0"), 1))
        self.p.drawLine(0, int(self.y), int(xs[-1]), int(self.y))
        self.y += line_h * 0.4
        return drawn

    def _row(self, row: list[str], xs: list[float], line_h: float, font: QFont, fill: QColor | None) -> None:
        if fill is not None:
            self.p.fillRect(QRectF(0, self.y, xs[-1], line_h), fill)
        self.p.setFont(font)
        self.p.setPen(QColor("#111111"))
        fm = self.metrics(font)
        for c, cell in enumerate(row):
            w = xs[c + 1] - xs[c] - 10
            text = fm.elidedText(cell, Qt.TextElideMode.ElideRight, w)
            self.p.drawText(QRectF(xs[c] + 5, self.y, w, line_h),
                            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        self.y += line_h


def elide_lines(text: str, width: float, fm: QFontMetricsF, max_lines: int) -> str:
    """``text`` cut (with "…") so that wrapped at ``width`` it takes at most ``max_lines`` lines."""
    limit = fm.height() * max_lines + 1
    if fm.boundingRect(QRectF(0, 0, width, 100000), WRAP, text).height() <= limit:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fm.boundingRect(QRectF(0, 0, width, 100000), WRAP, text[:mid] + "…").height() <= limit:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


@contextmanager
def a4_pdf(path: Path | str, title: str, base: QFont, more_pages: bool = False) -> Iterator[Page]:
    """A painter on a new A4 portrait PDF at ``path``; OSError when it cannot be created there."""
    folder = Path(path).resolve().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise OSError(f"cannot write {path}: the folder {folder} does not exist or is read-only")
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(14, 12, 14, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Rescue Desk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}: the file cannot be created there")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        yield Page(writer, painter, base, more_pages)
    finally:
        painter.end()
