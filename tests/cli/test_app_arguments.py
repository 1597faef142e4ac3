"""Opening the desktop app parses only the global options and imports no command module."""

import subprocess
import sys

import pytest

from rescue_desk.cli import app_arguments, build_parser


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--db", "x.sqlite3", "--lang", "en"], ["--lang", "zh", "--demo"]])
def test_no_command_gives_the_same_options_as_the_full_parser(argv):
    light, full = app_arguments(argv), build_parser().parse_args(argv)
    assert light is not None and full.command is None
    assert (light.db, light.demo, light.lang) == (full.db, full.demo, full.lang)


@pytest.mark.parametrize("argv", [["incidents", "--json"], ["--demo", "incidents"], ["-h"], ["--bogus"],
                                  ["--lang", "fr"], ["--db"], ["--d"]])
def test_commands_help_and_bad_options_go_to_the_full_parser(argv):
    assert app_arguments(argv) is None


def test_app_launch_path_imports_no_command_module():
    code = ("import sys; from rescue_desk.cli import app_arguments; assert app_arguments(['--demo']); "
            "print(sorted(m for m in sys.modules if m.startswith('rescue_desk.cli.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
