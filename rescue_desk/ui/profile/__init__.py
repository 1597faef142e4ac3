"""The elevation profile along the kora, linked with the map."""

from .view import ProfileView

__all__ = ["ProfileView"]
