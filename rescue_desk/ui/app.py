"""The desktop application: QApplication, fonts, translators, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from .settings import Settings


def run_app(db_url: str, lang: str | None = None) -> int:
    """Run the desktop app on the database at ``db_url``; ``lang`` overrides the saved language."""
    from . import create_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rescue Desk")
    app.setOrganizationName("rescue-desk")
    settings = Settings.default()
    window = create_main_window(db_url, lang or settings.language, settings=settings)
    window.show()
    return app.exec()
