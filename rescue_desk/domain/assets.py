"""Where the shipped reference data lives (inside the installed package as ``rescue_desk.assets``)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def asset(*parts: str) -> Traversable:
    """The shipped file ``assets/<parts...>``; works from a checkout, an editable or a wheel install."""
    node = files("rescue_desk.assets")
    for part in parts:
        node = node / part
    return node


def asset_text(*parts: str) -> str:
    return asset(*parts).read_text(encoding="utf-8")
