"""One help window with three tabs: the user guide (``assets/help/guide_<lang>.md``), every keyboard
shortcut the window has (read from its actions, so the list is never out of date) and About (version,
station, data sources from ``assets/kora/SOURCES.md`` and ``assets/CREDITS.md``)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from rescue_desk import __version__
from rescue_desk.domain.assets import asset_text
from rescue_desk.ui.sizing import resize_to_fit

TABS = ("guide", "shortcuts", "about")


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "新接警(&N)" -> "新接警", "&Find" -> "Find"."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def shortcut_rows(window: QWidget, extra: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """(keys, what it does) for every action of ``window`` (and its children) that has a shortcut,
    sorted by keys, plus ``extra`` fixed keys (map gestures)."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            keys = seq.toString(QKeySequence.SequenceFormat.NativeText)
            what = _plain(action.text()) or action.objectName()
            if keys and (keys, what) not in seen:
                seen.add((keys, what))
                rows.append((keys, what))
    return sorted(rows) + list(extra)


class HelpDialog(QDialog):
    def __init__(self, lang: str, window: QWidget | None = None, tab: str = "guide"):
        super().__init__(window)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Help — Rescue Desk"))
        self.lang = lang
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(objectName="helpTabs")
        self.guide = self._browser("helpGuide", asset_text("help", f"guide_{'zh' if lang == 'zh' else 'en'}.md"))
        self.tabs.addTab(self.guide, self.tr("User guide"))
        self.shortcuts = self._shortcut_table(window)
        self.tabs.addTab(self.shortcuts, self.tr("Keyboard shortcuts"))
        self.about = self._browser("helpAbout", self.about_markdown())
        self.tabs.addTab(self.about, self.tr("About and data sources"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.show_tab(tab)
        resize_to_fit(self, 860, 680)

    def show_tab(self, tab: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(tab))

    def _browser(self, name: str, markdown: str) -> QTextBrowser:
        b = QTextBrowser(objectName=name)
        b.setOpenExternalLinks(False)
        b.setMarkdown(markdown)
        return b

    def _shortcut_table(self, window: QWidget | None) -> QTableWidget:
        extra = [(self.tr("Mouse wheel"), self.tr("Zoom the map")),
                 (self.tr("Drag"), self.tr("Pan the map")),
                 (self.tr("Right-click on the map"), self.tr("Copy that point's coordinates (every format)")),
                 ("Esc", self.tr("Leave the current map mode"))]
        rows = shortcut_rows(window, extra) if window is not None else extra
        t = QTableWidget(len(rows), 2, objectName="helpShortcuts")
        t.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        t.verticalHeader().hide()
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        for r, (keys, what) in enumerate(rows):
            t.setItem(r, 0, QTableWidgetItem(keys))
            t.setItem(r, 1, QTableWidgetItem(what))
        return t

    def about_markdown(self) -> str:
        head = self.tr("# Rescue Desk %1\n\nDispatch desk of the Tarchen (Darchen) border-police mountain-rescue "
                       "station below Mount Kailash. Runs offline; times are Beijing time.\n\n"
                       "Fonts: Noto Sans CJK SC and Noto Serif Tibetan subsets (SIL Open Font License).\n\n"
                       "---\n\n").replace("%1", __version__)
        credits = asset_text("CREDITS.md")
        sources = asset_text("kora", "SOURCES.md")
        return head + credits + "\n\n---\n\n" + sources


def show_help(lang: str, window: QWidget | None = None, tab: str = "guide") -> HelpDialog:
    """Open (non-modal) the help window on ``tab`` ("guide" | "shortcuts" | "about"); returns it."""
    existing = window.findChild(HelpDialog) if window is not None else None
    dialog = existing or HelpDialog(lang, window, tab)
    if existing is None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show_tab(tab)
    dialog.show()
    dialog.raise_()
    return dialog
