"""Statistics and historical import (issue 5): the station each incident belongs to, and the
fingerprints of imported logbook rows that make re-importing a file harmless."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from rescue_desk.domain.clock import utc_now

from .models import Base, Incident

HOME_STATION = "tarchen"

# Which station an incident belongs to. Every desk is one station ("tarchen"); the column lets a
# regional database hold several stations' records and lets reports pick one.
Incident.station_code = mapped_column(String(20), default=HOME_STATION, server_default=HOME_STATION,
                                      nullable=False)

Index("ix_incidents_station_drill_created", Incident.station_code, Incident.drill, Incident.created_at)


class ImportedRow(Base):
    """One logbook row already imported: ``fingerprint`` (sha256 of the row's normalised content)
    is unique, so the same row is never imported twice, whatever the file is called."""

    __tablename__ = "imported_rows"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    source: Mapped[str] = mapped_column(String(255), default="")
    line: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
