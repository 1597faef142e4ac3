"""Build the wheel, check it holds everything the app needs, install it (not editable) in a clean venv
outside the checkout and run the commands a new user runs first. Used by .ci/run:

    python tools/wheel_smoke.py [--keep DIR]

Prints one line per check and a closing 'N passed, N failed'; exit 1 when any check failed."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = r'''
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsView
app = QApplication(sys.argv)
seen = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not seen and isinstance(obj.parent(), QGraphicsView) \
                and obj.parent().objectName() == "mapView":
            seen["window"] = obj.window()
            QTimer.singleShot(0, app.quit)
        return False
spy = FirstPaint()
app.installEventFilter(spy)
QTimer.singleShot(60000, app.quit)
from rescue_desk.__main__ import main
code = main(["--lang", "zh"])
w = seen.get("window")
print("PAINTED" if w is not None else "NOT PAINTED", code)
if w is not None:
    print("TITLE", w.windowTitle())
    w.close()
'''


def expected_files() -> set[str]:
    """Wheel paths that must be there: migrations, compiled translations, every shipped asset."""
    pkg = ROOT / "rescue_desk"
    want = {f"rescue_desk/{p.relative_to(pkg).as_posix()}"
            for pattern in ("storage/migrations/versions/*.py", "storage/migrations/env.py", "ui/i18n/*.qm")
            for p in pkg.glob(pattern)}
    want |= {f"rescue_desk/assets/{p.relative_to(ROOT / 'assets').as_posix()}"
             for p in (ROOT / "assets").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return want


class Smoke:
    def __init__(self, work: Path):
        self.work, self.passed, self.failed = work, 0, 0
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "RESCUE_DESK_DB", "VIRTUAL_ENV")}
        self.env.update(RESCUE_DESK_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.passed += ok
        self.failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f"\n     {detail.strip()[-3000:]}" if detail and not ok else ""),
              flush=True)
        return ok

    def run(self, *cmd: str, timeout: int = 600) -> subprocess.CompletedProcess:
        return subprocess.run(cmd, cwd=self.work, env=self.env, capture_output=True, text=True, timeout=timeout)

    def command(self, name: str, *argv: str, parse_json: bool = False):
        proc = self.run(str(self.work / "venv" / "bin" / "rescue-desk"), *argv)
        ok = proc.returncode == 0 and "Traceback" not in proc.stderr
        value = None
        if ok and parse_json:
            try:
                value = json.loads(proc.stdout)
            except ValueError:
                ok = False
        self.check(name, ok, f"exit {proc.returncode}\n{proc.stdout[-1500:]}\n{proc.stderr}")
        return proc, value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="rd-wheel-smoke-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        return smoke(Smoke(work.resolve()))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def smoke(s: Smoke) -> int:
    dist, source = s.work / "dist", s.work / "source"
    # A copy without build/ leftovers or local venvs: setuptools would ship stale files from build/lib.
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "out"))
    proc = s.run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(source))
    wheels = sorted(dist.glob("rescue_desk-*.whl"))
    if not s.check("pip wheel --no-deps", proc.returncode == 0 and len(wheels) == 1, proc.stderr):
        return finish(s)
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    missing = expected_files() - names
    s.check("wheel holds migrations, .qm translations and assets", not missing, f"missing: {sorted(missing)}")
    entry_points = zipfile.ZipFile(wheels[0]).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    s.check("wheel declares console and gui scripts", "[console_scripts]" in entry_points
            and "[gui_scripts]" in entry_points, entry_points)

    proc = s.run(sys.executable, "-m", "venv", str(s.work / "venv"))
    if not s.check("clean venv", proc.returncode == 0, proc.stderr):
        return finish(s)
    py = str(s.work / "venv" / "bin" / "python")
    proc = s.run(py, "-m", "pip", "install", "-q", str(wheels[0]), timeout=1200)
    if not s.check("pip install the wheel (not editable)", proc.returncode == 0, proc.stderr):
        return finish(s)
    proc = s.run(py, "-c", "import rescue_desk; print(rescue_desk.__file__)")
    s.check("the installed package is imported, not the checkout",
            proc.returncode == 0 and str(s.work / "venv") in proc.stdout, proc.stdout + proc.stderr)

    db = str(s.work / "station.sqlite3")
    proc, _ = s.command("db upgrade", "--db", db, "db", "upgrade")
    s.check("db upgrade reached the newest schema", "-> 0" in proc.stdout, proc.stdout)
    s.command("db check", "--db", db, "db", "check")
    _, placed = s.command("locate --json", "--db", db, "locate", "2 km past Dirapuk towards Dolma La", "--json",
                          parse_json=True)
    s.check("locate placed the caller", bool(placed) and placed.get("status") == "placed", json.dumps(placed)[:500])
    _, rows = s.command("incidents --json", "--db", db, "incidents", "--json", parse_json=True)
    s.check("incidents --json is a list", isinstance(rows, list), repr(rows)[:500])
    _, report = s.command("report --json", "--db", db, "report", "--year", "2025", "--json", parse_json=True)
    s.check("report --json is an object", isinstance(report, dict), repr(report)[:500])

    s.env["RESCUE_DESK_DB"] = db
    proc = s.run(py, "-c", FIRST_PAINT, timeout=300)
    s.check("the app paints its first window offscreen", "PAINTED 0" in proc.stdout.splitlines()[0:1][0]
            if proc.stdout else False, proc.stdout + proc.stderr)
    title = next((line[6:] for line in proc.stdout.splitlines() if line.startswith("TITLE ")), "")
    s.check("the window is in Chinese (shipped .qm loaded)", "救援" in title, title or proc.stderr)
    return finish(s)


def finish(s: Smoke) -> int:
    print(f"smoke: {s.passed} passed, {s.failed} failed", flush=True)
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
