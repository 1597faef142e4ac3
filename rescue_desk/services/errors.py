"""Errors the services raise for the user to read. Each carries a ``code`` and ``params`` the UI words
in the officer's language; ``field`` names the form field at fault; ``str()`` is the English sentence
the CLI prints."""

from __future__ import annotations

from typing import Any

from rescue_desk.domain.incident import RuleError
from rescue_desk.storage.errors import ConcurrentChange, StorageError


class ValidationError(RuleError):
    def __init__(self, message: str, field: str | None = None, code: str = "invalid", **params: Any):
        super().__init__(code, message, field, **params)

    @classmethod
    def from_rule(cls, exc: RuleError) -> "ValidationError":
        return cls(str(exc), exc.field, exc.code, **exc.params)


class NotFound(LookupError):
    def __init__(self, message: str, code: str = "not_found", **params: Any):
        super().__init__(message)
        self.code = code
        self.params = params


__all__ = ["ValidationError", "NotFound", "ConcurrentChange", "StorageError", "RuleError"]
