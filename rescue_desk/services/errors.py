"""Errors the services raise for the user to read; ``field`` names the form field at fault."""

from __future__ import annotations

from rescue_desk.storage.errors import ConcurrentChange, StorageError


class ValidationError(ValueError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(LookupError):
    pass


__all__ = ["ValidationError", "NotFound", "ConcurrentChange", "StorageError"]
