"""Translations: every ``*_zh_CN.ts`` here has its compiled ``.qm`` beside it (built by
``python tools/build_translations.py``, committed and shipped in the wheel; a test keeps them fresh).
One QTranslator per file is installed for Chinese, plus Qt's own translations of its dialogs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
I18N_DIR = Path(__file__).parent
_installed: list[QTranslator] = []


def qm_files() -> list[Path]:
    return sorted(I18N_DIR.glob("*_zh_CN.qm"))


def install_translators(lang: str) -> list[QTranslator]:
    """Install (replacing earlier ones) the translators for ``lang`` on the running application."""
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang != "zh":
        return []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
        _installed.append(qt_tr)
    files = qm_files()
    if not files:
        log.error("no compiled translations in %s: the interface stays in English", I18N_DIR)
    for qm in files:
        tr = QTranslator(app)
        if tr.load(str(qm)):
            _installed.append(tr)
        else:
            log.error("cannot load the translation %s", qm)
    for t in _installed:
        app.installTranslator(t)
    return list(_installed)
