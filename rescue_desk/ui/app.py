"""The desktop application: QApplication, fonts, translators, the main window."""

from __future__ import annotations

import sys
from typing import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .settings import Settings

OpenStation = Callable[[], "tuple[str, int | None] | None"]


def run_app(open_station: OpenStation, lang: str | None = None) -> int:
    """Run the desktop app. The window's shell (menus, an empty map, "Loading…") is painted first; then
    ``open_station()`` opens and migrates the database: (URL, seasons of demo data to generate first or
    None), or None when it cannot be opened (it has told the user why: exit code 2). The station, map
    and features load into the shown window. ``lang`` overrides the saved language. Returns the exit code."""
    from rescue_desk.logs import setup_logging

    from . import crash, fonts, gc_guard, i18n
    from .main_window import MainWindow

    setup_logging()
    crash.install()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rescue Desk")
    app.setOrganizationName("rescue-desk")
    app.setDesktopFileName("rescue-desk")  # matches assets/linux/rescue-desk.desktop
    app.setWindowIcon(app_icon())
    gc_guard.install(app)
    settings = Settings.default()
    lang = lang or settings.language
    i18n.install_translators(lang)
    fonts.install_fonts()
    shell = MainWindow(settings=settings)
    failed: list[int] = []

    def load() -> None:
        opened = open_station()
        if opened is None:
            failed.append(2)
        elif start_app(opened[0], lang, demo_years=opened[1], settings=settings, window=shell) is not None:
            return
        shell.close()  # the last window: the event loop ends

    shell.when_shell_painted(load)
    shell.show()
    code = app.exec()
    if shell.isVisible():  # the event loop was ended from elsewhere: stop the station's worker thread
        shell.close()
    return failed[0] if failed else code


def start_app(db_url: str, lang: str | None = None, migrate: bool = False, demo_years: int | None = None,
              settings: Settings | None = None, window=None):
    """Everything that needs the database: the demo station (progress dialog), login, then the main
    window, shown (``window``: the app's painted shell, filled in). None when the officer cancelled or
    the demo could not be created."""
    from . import create_main_window, i18n

    settings = settings or Settings.default()
    lang = lang or settings.language
    if window is None:
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
    window = create_main_window(db_url, lang, actor=actor, settings=settings, migrate=False, db=db, window=window)
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
