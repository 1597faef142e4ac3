"""``--lang zh`` (before or after the command) gives the text output in Chinese; without it the text
stays as it was (the JSON is the same in both)."""

import re

import pytest

from rescue_desk.cli import run

LATIN_WORDS = re.compile(r"\b(?:clues|used|position|interval|incident|status|category|received|open|teams|calls)\b")


@pytest.fixture
def demo_url(demo_db_file, tmp_path):
    import shutil

    path = tmp_path / "station.sqlite3"
    shutil.copy(demo_db_file, path)
    return f"sqlite:///{path}"


@pytest.mark.parametrize("argv", [["--lang", "zh", "locate"], ["locate", "--lang", "zh"]])
def test_locate_in_chinese(argv, capsys):
    assert run([*argv, "过了色雄两公里 朋友头疼"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已定位：") and "90% 区间" in out and "采用：过了色雄" in out
    assert not LATIN_WORDS.search(out), out


def test_an_unplaceable_call_in_chinese(capsys):
    assert run(["locate", "--lang", "zh", "我们在拉萨布达拉宫附近迷路了"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("无法定位：“拉萨布达拉宫”") and not LATIN_WORDS.search(out), out


def test_incidents_and_handover_in_chinese(demo_url, capsys):
    assert run(["--db", demo_url, "incidents", "--lang", "zh", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.lstrip().startswith("编号") and "共 3 起警情" in out and not LATIN_WORDS.search(out.split("\n")[0]), out
    assert run(["--db", demo_url, "--lang", "zh", "handover"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("交接班") and "未结案警情" in out and "OVERDUE" not in out and "no_dispatch" not in out, out


def test_without_lang_the_text_output_is_unchanged(demo_url, capsys):
    assert run(["--db", demo_url, "incidents", "--limit", "1"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("id")
    assert run(["locate", "过了色雄两公里"]) == 0
    assert capsys.readouterr().out.startswith("PLACED 已定位")
