"""Time: every instant is timezone-aware; the station works in Beijing time (UTC+8)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_beijing(value: datetime) -> datetime:
    """The same instant shown in Beijing time."""
    return value.astimezone(BEIJING)


def parse_time(text: str) -> datetime:
    """ISO 8601; a time without offset is read as Beijing time. Raises ValueError with a clear message."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise ValueError(f"not a date and time in ISO 8601 form (e.g. 2025-06-01T14:30+08:00): {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=BEIJING)


def format_beijing(value: datetime | None, with_date: bool = True) -> str:
    if value is None:
        return ""
    return to_beijing(value).strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")
