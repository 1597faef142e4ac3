"""Help inside the app: the user guide (Chinese and English), the keyboard shortcuts, About with the
data sources."""

from .dialog import HelpDialog, show_help, shortcut_rows

__all__ = ["HelpDialog", "show_help", "shortcut_rows", "install"]


def install(window) -> None:
    """The Help menu: user guide (F1), keyboard shortcuts, About with the data sources."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QAction, QKeySequence

    menu = window.menu("help")
    first = menu.actions()[0] if menu.actions() else None
    for text, tab, keys, name in (("User guide", "guide", "F1", "actionUserGuide"),
                                  ("Keyboard shortcuts", "shortcuts", "Ctrl+/", "actionShortcuts"),
                                  ("About and data sources", "about", None, "actionAboutSources")):
        a = QAction(QCoreApplication.translate("HelpMenu", text), window)
        a.setObjectName(name)
        if keys:
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(lambda _c=False, t=tab: show_help(window.ctx.lang, window, t))
        menu.insertAction(first, a)
    if first is not None:
        menu.insertSeparator(first)
