"""Translations: every ``*_zh_CN.ts`` here is compiled with pyside6-lrelease into a cache folder on first
use (never committed), and one QTranslator per file is installed for Chinese."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
TS_DIR = Path(__file__).parent
_installed: list[QTranslator] = []


def ts_files() -> list[Path]:
    return sorted(TS_DIR.glob("*_zh_CN.ts"))


def cache_dir() -> Path:
    """Where compiled .qm files go: $RESCUE_DESK_HOME/cache/i18n, else the user cache folder."""
    home = os.environ.get("RESCUE_DESK_HOME")
    base = Path(home) / "cache" if home else Path(platformdirs.user_cache_dir("rescue-desk", appauthor=False))
    return base / "i18n"


def lrelease_command() -> list[str] | None:
    """pyside6-lrelease next to this Python, on PATH, or the lrelease shipped inside PySide6."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return [str(here)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    return [str(bundled)] if bundled.exists() else None


def compiled_qm(ts: Path, out_dir: Path | None = None) -> Path | None:
    """The .qm for ``ts`` (compiled now unless a cached one of the same content exists), or None."""
    out_dir = out_dir or cache_dir()
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    qm = out_dir / f"{ts.stem}-{digest}.qm"
    if qm.exists():
        return qm
    cmd = lrelease_command()
    if cmd is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".qm.part")
    try:
        subprocess.run([*cmd, "-silent", str(ts), "-qm", str(tmp)], check=True, capture_output=True, timeout=60)
        tmp.replace(qm)
        for stale in out_dir.glob(f"{ts.stem}-*.qm"):
            if stale != qm:
                stale.unlink(missing_ok=True)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts.name, exc)
        return None
    return qm


class TsTranslator(QTranslator):
    """Reads a .ts file directly: the fallback when lrelease is unavailable."""

    def __init__(self, ts: Path, parent=None):
        super().__init__(parent)
        self.table: dict[tuple[str, str], str] = {}
        root = ET.parse(ts).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr_el = msg.find("translation")
                if tr_el is None or tr_el.get("type") in ("unfinished", "obsolete", "vanished") or not tr_el.text:
                    continue
                self.table[(name, msg.findtext("source") or "")] = tr_el.text

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt override
        return self.table.get((context, source_text), "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.table


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
    files = ts_files()
    if len(files) > 1:  # first run: compile all at once, in parallel processes
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(4, len(files))) as pool:
            compiled = list(pool.map(compiled_qm, files))
    else:
        compiled = [compiled_qm(ts) for ts in files]
    for ts, qm in zip(files, compiled):
        tr = QTranslator(app)
        if qm is None or not tr.load(str(qm)):
            tr = TsTranslator(ts, app)
        _installed.append(tr)
    for t in _installed:
        app.installTranslator(t)
    return list(_installed)
