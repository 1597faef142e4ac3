"""The calibration walking tracks in ``shared/`` (beside the checkout in CI, or beside the worktrees)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def timing_dir() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "data" / "kora" / "timing"
        if (path / "summary.csv").is_file():
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("the calibration tracks (shared/data/kora/timing) are missing beside the checkout")
    pytest.skip("the calibration tracks (shared/data/kora/timing) are not beside this checkout")


def load_tracks():
    """(summary rows, track id -> (t_s, chainage_km) array), via tools/calibrate_walking.py."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import calibrate_walking as cal

    return cal, *cal.read_data(timing_dir())
