"""Typed reading of fields from parsed JSON (what ``json.loads`` returns), for the file readers.

``JsonFields(SomeError)`` checks one field at a time and returns it with the promised Python type,
or raises the reader's own error with one sentence naming the place, the field and what was
expected ("Call 1: 'severity' must be a whole number from 1 to 4, not a list."). A missing field
and a null one are treated alike: the given default, or an error when the field is required."""

from __future__ import annotations

import json
import math
from typing import Any, Callable, NoReturn, Sequence

REQUIRED: Any = object()  # default of a field that must be present and not null


def describe(value: Any) -> str:
    """A short phrase for a JSON value in an error message: "null", "a list", "the text 'abc'"…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 24 else value[:23] + "…"
        return f"the text {shown!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}" if abs(value) < 1e15 else "a huge number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def is_number(value: Any) -> bool:
    """True for a finite JSON number (true/false are not numbers)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def load_json(text: str | bytes, error: Callable[[str], Exception], what: str = "The file") -> Any:
    """``json.loads(text)``; any reason it cannot be parsed raises ``error`` with one sentence."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{what} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except UnicodeDecodeError:
        raise error(f"{what} is not valid JSON: it is not UTF-8 text.") from None
    except RecursionError:
        raise error(f"{what} is not valid JSON for this program: it is nested too deeply.") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise error(f"{what} is not valid JSON for this program ({exc}).") from None


def _range_text(lo: float | None, hi: float | None) -> str:
    if lo is not None and hi is not None:
        return f" from {lo:g} to {hi:g}"
    if lo is not None:
        return f" of at least {lo:g}"
    return "" if hi is None else f" of at most {hi:g}"


class JsonFields:
    """Field checks that raise ``error`` (a reader's exception class) with one sentence.
    ``where`` names the place in the file for the message, e.g. "Call 2" or "Feature 3 (Stone)"."""

    def __init__(self, error: Callable[[str], Exception]):
        self.error = error

    def fail(self, where: str, key: str | None, expected: str, value: Any, subject: str = "") -> NoReturn:
        """Raise the error: ``{where}: {key!r} must be {expected}, not {describe(value)}.``
        (``subject`` replaces ``{key!r}`` when given, e.g. "entry 2 of 'calls'")."""
        subject = subject or (repr(key) if key is not None else "the value")
        raise self.error(f"{where[:1].upper()}{where[1:]}: {subject} must be {expected}, not {describe(value)}.")

    def value(self, obj: dict, key: str, where: str, default: Any, expected: str) -> Any:
        """``obj[key]`` unchecked, None when missing or null; raises (naming ``expected``) when the
        field is missing or null and ``default`` is REQUIRED."""
        value = obj.get(key)
        if value is None and default is REQUIRED:
            if key in obj:
                self.fail(where, key, expected, None)
            raise self.error(f"{where[:1].upper()}{where[1:]} lacks {key!r} ({expected}).")
        return value

    def number(self, obj: dict, key: str, where: str, default: Any = REQUIRED,
               lo: float | None = None, hi: float | None = None) -> Any:
        """``obj[key]`` as a finite float within [lo, hi]; ``default`` when missing or null."""
        expected = "a number" + _range_text(lo, hi)
        value = self.value(obj, key, where, default, expected)
        if value is None:
            return default
        return self.number_value(value, where, key, lo, hi)

    def number_value(self, value: Any, where: str, key: str | None = None,
                     lo: float | None = None, hi: float | None = None) -> float:
        """``value`` as a finite float within [lo, hi] (``key`` only names it in the message)."""
        if not is_number(value) or (lo is not None and value < lo) or (hi is not None and value > hi):
            self.fail(where, key, "a number" + _range_text(lo, hi), value)
        return float(value)

    def whole(self, obj: dict, key: str, where: str, default: Any = REQUIRED,
              lo: int | None = None, hi: int | None = None) -> Any:
        """``obj[key]`` as an int within [lo, hi] (2.0 counts as 2); ``default`` when missing or null."""
        expected = "a whole number" + _range_text(lo, hi)
        value = self.value(obj, key, where, default, expected)
        if value is None:
            return default
        if not is_number(value) or value != int(value) or (lo is not None and value < lo) \
                or (hi is not None and value > hi):
            self.fail(where, key, expected, value)
        return int(value)

    def text(self, obj: dict, key: str, where: str, default: Any = REQUIRED) -> Any:
        """``obj[key]`` as a str; ``default`` when missing or null."""
        value = self.value(obj, key, where, default, "text")
        if value is None:
            return default
        if not isinstance(value, str):
            self.fail(where, key, "text", value)
        return value

    def choice(self, obj: dict, key: str, where: str, options: Sequence[str], default: Any = REQUIRED) -> Any:
        """``obj[key]``, one of ``options``; ``default`` when missing, null or empty text."""
        expected = "one of " + ", ".join(options)
        value = self.value(obj, key, where, default, expected)
        if value is None or (value == "" and default is not REQUIRED):
            return default
        if not isinstance(value, str) or value not in options:
            self.fail(where, key, expected, value)
        return value

    def flag(self, obj: dict, key: str, where: str, default: Any = REQUIRED) -> Any:
        """``obj[key]`` as a bool (only true or false); ``default`` when missing or null."""
        value = self.value(obj, key, where, default, "true or false")
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(where, key, "true or false", value)
        return value

    def obj(self, obj: dict, key: str, where: str, default: Any = REQUIRED) -> Any:
        """``obj[key]`` as a dict (a JSON object); ``default`` when missing or null."""
        value = self.value(obj, key, where, default, "an object")
        if value is None:
            return default
        if not isinstance(value, dict):
            self.fail(where, key, "an object", value)
        return value

    def items(self, obj: dict, key: str, where: str, default: Any = REQUIRED) -> Any:
        """``obj[key]`` as a list; ``default`` when missing or null."""
        value = self.value(obj, key, where, default, "a list")
        if value is None:
            return default
        if not isinstance(value, list):
            self.fail(where, key, "a list", value)
        return value

    def objects(self, obj: dict, key: str, where: str, default: Any = REQUIRED) -> Any:
        """``obj[key]`` as a list of dicts; ``default`` when missing or null."""
        value = self.items(obj, key, where, default)
        for i, item in enumerate(value if obj.get(key) is not None else (), start=1):
            if not isinstance(item, dict):
                self.fail(where, key, "an object", item, f"entry {i} of {key!r}")
        return value

    def texts(self, obj: dict, key: str, where: str, default: Any = REQUIRED) -> Any:
        """``obj[key]`` as a list of str; ``default`` when missing or null."""
        value = self.items(obj, key, where, default)
        for i, item in enumerate(value if obj.get(key) is not None else (), start=1):
            if not isinstance(item, str):
                self.fail(where, key, "text", item, f"entry {i} of {key!r}")
        return value
