"""The station database: typed SQLAlchemy 2 ORM. Code lists (categories, outcomes…) live in
``rescue_desk.domain.codes``; here they are plain strings so both databases store them alike."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from rescue_desk.domain.clock import utc_now

from .types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Audited:
    """Mixin: changes to these rows are written to the event log (see events.py)."""

    def incident_key(self) -> Optional[int]:
        return getattr(self, "incident_id", None)


class Meta(Base):
    """Key/value facts about the database itself, e.g. ``synthetic=true`` for the demo station."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Officer(Audited, Base):
    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80), default="")
    rank: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def incident_key(self) -> Optional[int]:
        return None


class Vehicle(Audited, Base):
    __tablename__ = "vehicles"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40), default="pickup")
    plate: Mapped[str] = mapped_column(String(20), default="")
    seats: Mapped[int] = mapped_column(Integer, default=4)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def incident_key(self) -> Optional[int]:
        return None


class Incident(Audited, Base):
    """One emergency; several calls may describe it. Positions: the estimate and the confirmed one."""

    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    category: Mapped[str] = mapped_column(String(40), default="other")
    severity: Mapped[int] = mapped_column(Integer, default=2)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    outcome: Mapped[Optional[str]] = mapped_column(String(40))
    closed_at: Mapped[Optional[datetime]]
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    est_lon: Mapped[Optional[float]] = mapped_column(Float)
    est_lat: Mapped[Optional[float]] = mapped_column(Float)
    est_chainage_km: Mapped[Optional[float]] = mapped_column(Float)
    est_method: Mapped[Optional[str]] = mapped_column(String(20))
    est_uncertainty_m: Mapped[Optional[float]] = mapped_column(Float)
    est_intervals: Mapped[Optional[list[Any]]]
    pos_lon: Mapped[Optional[float]] = mapped_column(Float)
    pos_lat: Mapped[Optional[float]] = mapped_column(Float)
    pos_chainage_km: Mapped[Optional[float]] = mapped_column(Float)
    pos_source: Mapped[Optional[str]] = mapped_column(String(20))
    pos_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    drill: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    calls: Mapped[list["Call"]] = relationship(back_populates="incident", order_by="Call.received_at")
    persons: Mapped[list["Person"]] = relationship(back_populates="incident", cascade="all, delete-orphan")
    trips: Mapped[list["Trip"]] = relationship(back_populates="incident", order_by="Trip.id")

    __mapper_args__ = {"version_id_col": version}

    def incident_key(self) -> Optional[int]:
        return self.id

    @property
    def lon(self) -> Optional[float]:
        return self.pos_lon if self.pos_lon is not None else self.est_lon

    @property
    def lat(self) -> Optional[float]:
        return self.pos_lat if self.pos_lat is not None else self.est_lat

    @property
    def chainage_km(self) -> Optional[float]:
        return self.pos_chainage_km if self.pos_lon is not None else self.est_chainage_km


Index("ix_incidents_drill_created", Incident.drill, Incident.created_at)


class Call(Audited, Base):
    """One report reaching the desk (phone, walk-in, radio, relayed)."""

    __tablename__ = "calls"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[Optional[int]] = mapped_column(ForeignKey("incidents.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    channel: Mapped[str] = mapped_column(String(20), default="phone")
    caller_name: Mapped[str] = mapped_column(String(80), default="")
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(10), default="zh")
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    category: Mapped[str] = mapped_column(String(40), default="other")
    severity: Mapped[int] = mapped_column(Integer, default=2)
    text: Mapped[str] = mapped_column(Text, default="")
    datum: Mapped[str] = mapped_column(String(10), default="wgs84")
    estimate: Mapped[Optional[dict[str, Any]]]
    drill: Mapped[bool] = mapped_column(Boolean, default=False)

    incident: Mapped[Optional[Incident]] = relationship(back_populates="calls")


class Person(Audited, Base):
    """Someone the station helped. Personal fields (name, phone, document) are hidden in training views."""

    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    trip_id: Mapped[Optional[int]] = mapped_column(ForeignKey("trips.id"))
    name: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    document_no: Mapped[str] = mapped_column(String(40), default="")
    age: Mapped[Optional[int]] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(10), default="unknown")
    origin: Mapped[str] = mapped_column(String(20), default="domestic")
    condition: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[str] = mapped_column(String(40), default="")
    rescued: Mapped[bool] = mapped_column(Boolean, default=True)

    incident: Mapped[Incident] = relationship(back_populates="persons")


class TripMember(Base):
    __tablename__ = "trip_members"
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), primary_key=True, index=True)


class Trip(Audited, Base):
    """A rescue trip: team, vehicle, times, approach, optional GPS track [[iso_time, lon, lat, ele], …]."""

    __tablename__ = "trips"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    vehicle_id: Mapped[Optional[int]] = mapped_column(ForeignKey("vehicles.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    departed_at: Mapped[Optional[datetime]] = mapped_column(index=True)
    on_scene_at: Mapped[Optional[datetime]]
    evacuating_at: Mapped[Optional[datetime]]
    returned_at: Mapped[Optional[datetime]]
    approach: Mapped[Optional[dict[str, Any]]]
    checkin_interval_min: Mapped[int] = mapped_column(Integer, default=60)
    notes: Mapped[str] = mapped_column(Text, default="")
    track: Mapped[Optional[list[Any]]]

    incident: Mapped[Incident] = relationship(back_populates="trips")
    vehicle: Mapped[Optional[Vehicle]] = relationship()
    members: Mapped[list[Officer]] = relationship(secondary="trip_members", order_by="Officer.id")
    checkins: Mapped[list["CheckIn"]] = relationship(back_populates="trip", order_by="CheckIn.at",
                                                     cascade="all, delete-orphan")


class CheckIn(Audited, Base):
    """A team's radio/phone check-in during a trip."""

    __tablename__ = "checkins"
    id: Mapped[int] = mapped_column(primary_key=True)
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    lat: Mapped[Optional[float]] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    # how the position was given: "words" (through the locator), "coordinates" or "map" (a click)
    position_source: Mapped[Optional[str]] = mapped_column(String(16))
    position_text: Mapped[Optional[str]] = mapped_column(Text)
    chainage_km: Mapped[Optional[float]] = mapped_column(Float)
    radius_m: Mapped[Optional[float]] = mapped_column(Float)

    trip: Mapped[Trip] = relationship(back_populates="checkins")

    def incident_key(self) -> Optional[int]:
        return self.trip.incident_id if self.trip is not None else None


class Event(Base):
    """Append-only log of every change: who, when, what, before/after. Drives replay and audit.
    ``hash`` chains each entry to the previous one (sha256 over ``prev_hash`` and the entry)."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(80), default="")
    operation: Mapped[str] = mapped_column(String(60), default="")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[Optional[int]] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    incident_id: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    before: Mapped[Optional[dict[str, Any]]]
    after: Mapped[Optional[dict[str, Any]]]
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


from . import models_station  # noqa: E402,F401  (station layer tables, issue 8)

from . import models_auth  # noqa: E402,F401  accounts and roles (issue 7)

from . import models_reports  # noqa: E402,F401  station_code on incidents, imported logbook rows (issue 5)

from . import models_training  # noqa: E402,F401  training scenarios, drill sets and attempts (issue 6)

from . import models_handover  # noqa: E402,F401  shift handovers and their notes
