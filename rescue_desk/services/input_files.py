"""Reading a file a user named as input, with a ceiling: ``/dev/zero``, a device or a runaway file
is refused with one sentence instead of filling memory."""

from __future__ import annotations

from pathlib import Path

MAX_INPUT_BYTES = 64 * 1024 * 1024


class InputTooLarge(OSError):
    def __str__(self) -> str:
        return self.args[0]


def read_bounded(path: str | Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of ``path``; InputTooLarge beyond ``limit``, OSError when it cannot be read."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(f"{path} is larger than {limit // (1024 * 1024)} MB (or endless, like a device); "
                            "nothing was read from it.")
    return data
