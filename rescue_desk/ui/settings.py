"""Typed, versioned user settings, declared once here, stored with QSettings in the data folder.

Features declare their own ``Setting`` next to their code and read/write it with
``ctx.settings.get(setting)`` / ``ctx.settings.set(setting, value)``; the shell's own settings are
attributes of ``Settings`` below."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from rescue_desk.paths import data_dir

T = TypeVar("T")

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One typed setting: its key, type, default, and an optional check of allowed values."""

    key: str
    type: type
    default: T
    allowed: tuple = ()

    def coerce(self, raw: Any) -> T:
        if raw is None:
            return self.default
        try:
            if self.type is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            elif self.type is QByteArray:
                value = raw if isinstance(raw, QByteArray) else QByteArray(raw)
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.allowed and value not in self.allowed:
            return self.default
        return value

    def __get__(self, obj: "Settings | None", owner=None):
        return self if obj is None else obj.get(self)

    def __set__(self, obj: "Settings", value: T) -> None:
        obj.set(self, value)


# Upgrades from version N to N+1; each gets the QSettings and rewrites keys in place.
_UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    """The user's settings. ``Settings(path)`` for tests; ``Settings.default()`` in the app."""

    language = Setting("ui/language", str, "zh", ("zh", "en"))
    window_geometry = Setting("window/geometry", QByteArray, QByteArray())
    window_state = Setting("window/state", QByteArray, QByteArray())
    route_colouring = Setting("map/route_colouring", str, "elevation", ("elevation", "section"))
    show_tibetan = Setting("map/show_tibetan", bool, True)
    show_km_ticks = Setting("map/show_km_ticks", bool, True)
    show_access = Setting("map/show_access", bool, True)
    show_incidents = Setting("map/show_incidents", bool, True)
    show_heat = Setting("map/show_heat", bool, True)
    show_hazards = Setting("map/show_hazards", bool, True)
    show_legend = Setting("map/show_legend", bool, True)

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    @classmethod
    def default(cls) -> "Settings":
        return cls(data_dir() / "settings.ini")

    def _upgrade(self) -> None:
        version = int(self._qs.value("meta/version", 0) or 0)
        if version == 0 and not self._qs.allKeys():
            version = SETTINGS_VERSION
        while version < SETTINGS_VERSION:
            upgrade = _UPGRADES.get(version)
            if upgrade:
                upgrade(self._qs)
            version += 1
        self._qs.setValue("meta/version", SETTINGS_VERSION)

    @property
    def version(self) -> int:
        return int(self._qs.value("meta/version", 0))

    def get(self, setting: Setting[T]) -> T:
        return setting.coerce(self._qs.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        self._qs.setValue(setting.key, setting.coerce(value) if not isinstance(value, QByteArray) else value)

    def sync(self) -> None:
        """Write to disk now (QSettings also writes on its own)."""
        self._qs.sync()
