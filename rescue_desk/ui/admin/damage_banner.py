"""A red strip shown while the live station database fails its integrity check (found by the
automatic backup, or at start): the duty officer learns before the good backups age."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolBar


class DamageBanner(QToolBar):
    """Hidden until ``show_problem(sentence)``; ``clear()`` hides it again. GUI thread only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("databaseDamagedBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel()
        self.label.setObjectName("databaseDamagedBannerText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("QLabel { background: #b00020; color: white; font-weight: bold; padding: 4px; }")
        self.addWidget(self.label)
        self.toggleViewAction().setVisible(False)
        self.hide()

    def show_problem(self, detail: str) -> None:
        self.label.setText(self.tr("The station database failed its integrity check; no backup was replaced. "
                                   "Tell the administrator (rescue-desk db check, then restore a good backup). "
                                   "Details: %1").replace("%1", detail))
        self.label.setToolTip(detail)
        self.show()

    def clear(self) -> None:
        self.hide()
