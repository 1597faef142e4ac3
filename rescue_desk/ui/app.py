"""The desktop application: QApplication, fonts, translators, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from .settings import Settings


def run_app(db_url: str, lang: str | None = None, migrate: bool = False) -> int:
    """Run the desktop app on the database at ``db_url`` (already migrated by the composition root
    unless ``migrate``); ``lang`` overrides the saved language. Returns the exit code."""
    from . import create_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rescue Desk")
    app.setOrganizationName("rescue-desk")
    settings = Settings.default()
    lang = lang or settings.language
    actor = _log_in(db_url, lang)  # accounts (issue 7): asks only once the station has accounts
    if actor is None:
        return 0
    window = create_main_window(db_url, lang, actor=actor, settings=settings, migrate=migrate)
    window.show()
    return app.exec()


def _log_in(db_url: str, lang: str) -> str | None:
    """The signed-in account ("duty" while the station has no accounts); None when cancelled."""
    from . import i18n
    from .admin.login import login_if_needed

    i18n.install_translators(lang)
    return login_if_needed(db_url)
