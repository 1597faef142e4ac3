"""Compile every ``rescue_desk/ui/i18n/*_zh_CN.ts`` into the ``.qm`` file beside it (committed, shipped
in the wheel; the app never compiles at run time). Run after editing a .ts file:

    python tools/build_translations.py          # rewrite the .qm files
    python tools/build_translations.py --check  # exit 1 if a .qm is missing or stale (no writes)

tests/ui/test_translations_compiled.py runs the --check comparison."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "rescue_desk" / "ui" / "i18n"


def lrelease() -> list[str]:
    """pyside6-lrelease next to this Python or on PATH, else the lrelease inside PySide6."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return [str(here)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return [str(bundled)]
    raise SystemExit("pyside6-lrelease not found: install the project with pip install -e '.[test]'")


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)


def ts_files() -> list[Path]:
    return sorted(I18N.glob("*.ts"))


def stale_files() -> list[Path]:
    """The .qm files that are missing or differ from a fresh compilation of their .ts."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files():
            fresh = Path(tmp) / f"{ts.stem}.qm"
            compile_ts(ts, fresh)
            qm = ts.with_suffix(".qm")
            if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                stale.append(qm)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale .qm files (exit 1 if any)")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for qm in stale:
            print(f"stale: {qm.relative_to(I18N.parents[2])}")
        return 1 if stale else 0
    for ts in ts_files():
        compile_ts(ts, ts.with_suffix(".qm"))
        print(f"compiled {ts.with_suffix('.qm').relative_to(I18N.parents[2])}")
    known = {ts.with_suffix(".qm") for ts in ts_files()}
    for orphan in set(I18N.glob("*.qm")) - known:
        orphan.unlink()
        print(f"removed {orphan.name} (no .ts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
