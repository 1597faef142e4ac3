"""The desktop application: QApplication, fonts, translators, the main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .settings import Settings


def run_app(db_url: str, lang: str | None = None, migrate: bool = False, demo_years: int | None = None) -> int:
    """Run the desktop app on the database at ``db_url`` (already migrated by the composition root
    unless ``migrate``); ``lang`` overrides the saved language. ``demo_years``: first start on the
    demo station, generate that many seasons into the SQLite file first. Returns the exit code."""
    from rescue_desk.logs import setup_logging

    from . import crash

    setup_logging()
    crash.install()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rescue Desk")
    app.setOrganizationName("rescue-desk")
    app.setDesktopFileName("rescue-desk")  # matches assets/linux/rescue-desk.desktop
    app.setWindowIcon(app_icon())
    window = start_app(db_url, lang, migrate=migrate, demo_years=demo_years)
    if window is None:
        return 0
    return app.exec()


def start_app(db_url: str, lang: str | None = None, migrate: bool = False, demo_years: int | None = None):
    """Everything before the event loop: translators, the demo station (progress dialog), login, the
    shown main window. None when the officer cancelled or the demo could not be created."""
    from . import create_main_window, i18n

    settings = Settings.default()
    lang = lang or settings.language
    i18n.install_translators(lang)
    if demo_years:
        from . import fonts
        from .demo_progress import create_demo_with_progress

        fonts.install_fonts()  # the dialog comes before the window, which installs them too

        if not create_demo_with_progress(db_url, demo_years):
            return None
    from rescue_desk.storage import open_database

    db = open_database(db_url, migrate=migrate)  # once: the login and the window share it
    actor = _log_in(db)  # accounts: asks only once the station has accounts
    if actor is None:
        db.dispose()
        return None
    window = create_main_window(db_url, lang, actor=actor, settings=settings, migrate=False, db=db)
    window.show()
    return window


def app_icon() -> QIcon:
    """The application icon (assets/icons): the SVG where Qt can draw it, the PNG otherwise."""
    from rescue_desk.domain.assets import asset

    icon = QIcon(str(asset("icons", "rescue-desk.png")))
    icon.addFile(str(asset("icons", "rescue-desk.svg")))
    return icon


def _log_in(db) -> str | None:
    """The signed-in account ("duty" while the station has no accounts); None when cancelled."""
    from .admin.login import login_if_needed

    return login_if_needed(db)


def show_startup_error(message: str) -> None:
    """A failure before the window opens (the database cannot be opened), for the launcher without a
    console: one sentence in a dialog."""
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance() or QApplication(sys.argv)
    app.setWindowIcon(app_icon())
    QMessageBox.critical(None, "Rescue Desk", message)
