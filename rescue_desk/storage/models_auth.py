"""Accounts: who may use the desk and in which role. The password hash lives in its own table
(not audited), so the event log records account changes without ever holding a hash."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rescue_desk.domain.clock import utc_now

from .models import Audited, Base


class User(Audited, Base):
    """One account. ``role`` is one of ``rescue_desk.domain.roles.ROLES``."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(default=utc_now)

    def incident_key(self) -> Optional[int]:
        return None


class UserPassword(Base):
    """The account's password hash, with its scheme and parameters (Argon2id, or scrypt from earlier
    versions until the next login; see services/accounts.py)."""

    __tablename__ = "user_passwords"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
