"""Boundaries: domain, services, storage and cli never import Qt; the domain never imports the database."""

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extra"
    proc = subprocess.run([exe, str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_core_packages_import_without_qt():
    code = ("import sys; sys.modules['PySide6'] = None\n"  # any Qt import now raises ImportError
            "import pkgutil, importlib, rescue_desk\n"
            "for pkg in ('domain', 'services', 'storage', 'cli'):\n"
            "    p = importlib.import_module('rescue_desk.' + pkg)\n"
            "    for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
            "        if '.migrations' not in m.name:  # Alembic scripts run only inside Alembic\n"
            "            importlib.import_module(m.name)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def test_assets_are_inside_the_package():
    spec = importlib.util.find_spec("rescue_desk.assets")
    assert spec is not None
    from rescue_desk.domain.assets import asset

    assert asset("kora", "route.geojson").is_file()
