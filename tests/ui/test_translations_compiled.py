"""The shipped .qm files are exactly what pyside6-lrelease makes of the .ts files today."""

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_translations.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_translations", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ts_file_has_a_fresh_qm_beside_it():
    tool = _tool()
    assert tool.ts_files(), "no .ts files found"
    stale = tool.stale_files()
    assert not stale, f"run `python tools/build_translations.py` and commit: {[p.name for p in stale]}"


def test_a_changed_translation_is_detected_as_stale(tmp_path, monkeypatch):
    tool = _tool()
    ts = tool.I18N / "shell_zh_CN.ts"
    copy = tmp_path / ts.name
    copy.write_text(ts.read_text(encoding="utf-8").replace("<translation>地图</translation>",
                                                          "<translation>地图 </translation>", 1), encoding="utf-8")
    (tmp_path / "shell_zh_CN.qm").write_bytes(ts.with_suffix(".qm").read_bytes())
    monkeypatch.setattr(tool, "I18N", tmp_path)
    assert [p.name for p in tool.stale_files()] == ["shell_zh_CN.qm"]
