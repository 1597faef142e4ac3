"""The station layer in the database: the station's landmarks and aliases with their version
history, hazards on sections of the kora, and officers' walked routes (GPS tracks).

Dates of seasonal validity are Beijing calendar days stored as "YYYY-MM-DD" text (empty = open)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rescue_desk.domain.clock import utc_now

from .models import Audited, Base


class _NoIncident(Audited):
    def incident_key(self) -> Optional[int]:
        return None


class StationLandmarkRow(_NoIncident, Base):
    """A station landmark: an addition, or a correction of the shipped landmark ``shipped_id``."""

    __tablename__ = "station_landmarks"
    id: Mapped[int] = mapped_column(primary_key=True)
    shipped_id: Mapped[Optional[str]] = mapped_column(String(60), unique=True)
    name_en: Mapped[str] = mapped_column(String(160), default="")
    name_zh: Mapped[str] = mapped_column(String(160), default="")
    name_bo: Mapped[str] = mapped_column(String(160), default="")
    kinds: Mapped[list[Any]] = mapped_column(default=list)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    elevation_m: Mapped[Optional[float]] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(20), default="memory")
    confidence: Mapped[str] = mapped_column(String(10), default="medium")
    note: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[str] = mapped_column(String(10), default="")
    valid_to: Mapped[str] = mapped_column(String(10), default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    medical_post: Mapped[bool] = mapped_column(Boolean, default=False)
    vehicle_access: Mapped[str] = mapped_column(String(10), default="no")
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(80), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    @property
    def key(self) -> str:
        return self.shipped_id or f"station_{self.id}"


class StationAliasRow(_NoIncident, Base):
    """An alias of a landmark (shipped id or ``station_<n>``)."""

    __tablename__ = "station_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    landmark_key: Mapped[str] = mapped_column(String(60), index=True)
    text: Mapped[str] = mapped_column(String(160))
    lang: Mapped[str] = mapped_column(String(10), default="other")
    valid_from: Mapped[str] = mapped_column(String(10), default="")
    valid_to: Mapped[str] = mapped_column(String(10), default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class StationLandmarkVersion(Base):
    """One step in a landmark's history: who did what when, and the landmark as it was after it.
    Version 0 of a corrected shipped landmark is the shipped value."""

    __tablename__ = "station_landmark_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    landmark_key: Mapped[str] = mapped_column(String(60), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(80), default="")
    at: Mapped[datetime] = mapped_column(default=utc_now)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class HazardRow(_NoIncident, Base):
    """A section from ``from_km`` clockwise to ``to_km`` that is slowed (``speed_factor``) or closed."""

    __tablename__ = "station_hazards"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    from_km: Mapped[float] = mapped_column(Float)
    to_km: Mapped[float] = mapped_column(Float)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    speed_factor: Mapped[float] = mapped_column(Float, default=1.0)
    valid_from: Mapped[str] = mapped_column(String(10), default="")
    valid_to: Mapped[str] = mapped_column(String(10), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class WalkedRoute(Base):
    """An officer's GPS track of a walk of the kora: points [[iso_time, lon, lat, ele], …].
    Append-only (not in the event log: the track would be copied there whole)."""

    __tablename__ = "station_walks"
    id: Mapped[int] = mapped_column(primary_key=True)
    officer: Mapped[str] = mapped_column(String(80), index=True)
    started_at: Mapped[Optional[datetime]]
    ended_at: Mapped[Optional[datetime]]
    direction: Mapped[str] = mapped_column(String(3), default="cw")
    progress_km: Mapped[float] = mapped_column(Float, default=0.0)
    full_loops: Mapped[int] = mapped_column(Integer, default=0)
    source_name: Mapped[str] = mapped_column(String(200), default="")
    track: Mapped[list[Any]] = mapped_column(default=list)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
