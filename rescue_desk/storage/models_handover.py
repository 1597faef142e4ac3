"""Shift handovers: when a duty officer handed the desk over, from when their shift's calls count,
and the notes for the next shift. The last handover's time starts the next one's "calls since"."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rescue_desk.domain.clock import utc_now

from .models import Audited, Base


class Handover(Audited, Base):
    __tablename__ = "handovers"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    since: Mapped[datetime] = mapped_column(default=utc_now)
    handed_by: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    def incident_key(self) -> Optional[int]:
        return None
