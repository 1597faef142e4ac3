"""The desktop UI (the only package that imports PySide6). ``create_main_window`` is the testability contract."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import FEATURES, MainWindow
    from .settings import Settings


def create_main_window(db_url: str, lang: str = "zh", actor: str = "duty", settings: "Settings | None" = None,
                       features: tuple[str, ...] | None = None, migrate: bool = True, db=None,
                       window: "MainWindow | None" = None) -> "MainWindow":
    """The main window on the database at ``db_url`` (opened and migrated), in ``lang`` ("zh"|"en").

    Needs a running QApplication. Registers the shipped fonts and installs the translators for ``lang``.
    ``migrate=False`` skips the schema upgrade (the caller has just done it). ``db``: the app's already
    open ``Database`` for ``db_url`` (the window then owns it), so the app opens its database once.
    ``features`` limits which feature packages install (default: all present; ``()`` for a bare shell).
    ``window``: a shown shell ``MainWindow(settings=…)`` to fill in (the app paints it before opening the
    database) instead of a new window. Closing the window stops its database worker and releases the database."""
    from PySide6.QtWidgets import QApplication

    from rescue_desk.domain.kora import load_kora
    from rescue_desk.storage import open_database

    from . import fonts, i18n
    from .bridge import EventBridge
    from .context import AppContext
    from .main_window import FEATURES, MainWindow
    from .settings import Settings
    from .worker import DbWorker

    if QApplication.instance() is None:
        raise RuntimeError("create_main_window needs a running QApplication.")
    if lang not in ("zh", "en"):
        raise ValueError(f"Unknown language {lang!r}; use 'zh' or 'en'.")
    fonts.install_fonts()
    i18n.install_translators(lang)
    db = db if db is not None else open_database(db_url, migrate=migrate)
    db.viewer = actor  # reads hide personal data from roles without view_personal (issue 7, storage/privacy.py)
    ctx = AppContext(db=db, kora=load_kora(), lang=lang, actor=actor, worker=DbWorker(), bridge=EventBridge(),
                     settings=settings or Settings.default())
    features = FEATURES if features is None else tuple(features)
    try:
        if window is None:
            return MainWindow(ctx, features=features)
        window.attach(ctx, features=features)
        return window
    except BaseException:
        ctx.close()
        raise
