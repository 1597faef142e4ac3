"""The shipped pinyin readings are exactly what pypinyin gives for the scanner's names today, and with
them a locate on the shipped landmarks never loads pypinyin."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rescue_desk.domain.locator import pinyin_names

TOOL = Path(__file__).resolve().parents[3] / "tools" / "build_pinyin_keys.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_pinyin_keys", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_pinyin_keys_are_fresh():
    tool = _tool()
    fresh = tool.render(tool.fresh_keys())
    assert tool.OUT.read_text(encoding="utf-8") == fresh, "run `python tools/build_pinyin_keys.py` and commit"
    assert "卓玛拉" in json.loads(fresh)["names"]


def test_shipped_readings_agree_with_pypinyin():
    shipped = pinyin_names.shipped_keys()
    for ch in ("色", "雄", "卓"):
        assert pinyin_names.char_keys(ch) == pinyin_names.pypinyin_char_keys(ch)
    assert pinyin_names.latin_pinyin("卓玛拉") == pinyin_names.pypinyin_latin("卓玛拉") == "zhuo ma la"
    assert "熊" not in shipped["chars"]  # a homophone a caller may type is read by pypinyin
    assert pinyin_names.char_keys("熊") == pinyin_names.char_keys("雄")


def test_character_readings_read_from_the_data_file_are_pypinyins_for_every_character():
    from pypinyin import Style, pinyin

    table = pinyin_names._char_readings()
    assert len(table) > 40000
    differ = [chr(cp) for cp in table
              if pinyin_names.pypinyin_char_keys(chr(cp))
              != frozenset(pinyin_names._loose(r) for r in pinyin(chr(cp), style=Style.NORMAL, heteronym=True)[0])]
    assert differ == []
    assert pinyin_names.pypinyin_char_keys("了") == {"le", "liao"}
    assert pinyin_names.pypinyin_char_keys("绿") == {"lv", "lu"}
    assert pinyin_names.pypinyin_char_keys("a") == frozenset()


@pytest.mark.parametrize("words", ["2 km past Dirapuk towards Dolma La", "我们过了色熊两公里多 同伴走不动了"])
def test_locating_on_the_shipped_landmarks_does_not_import_pypinyin(words):
    code = ("import sys\n"
            "from rescue_desk.domain.locator import locate\n"
            f"r = locate({words!r}, kora=None)\n"
            "assert r.placed, r.message\n"
            "print(sorted(m for m in sys.modules if m.startswith('pypinyin')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout
