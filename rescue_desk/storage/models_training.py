"""Training (issue 6): imported and built-in scenarios, drill sets, and trainees' drill attempts.

These rows are drill records: every one carries ``drill = True``, none is an incident, and none is
written to the incident event log, so statistics and replays of real incidents never see them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import Boolean, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from rescue_desk.domain.clock import utc_now

from .models import Base


class TrainingScenario(Base):
    """A scenario document (``domain/scenarios.py`` schema), checked on import; ``key`` is unique."""

    __tablename__ = "training_scenarios"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(120), default="")
    source_station: Mapped[str] = mapped_column(String(80), default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(80), default="")
    body: Mapped[dict[str, Any]]
    drill: Mapped[bool] = mapped_column(Boolean, default=True)


class DrillSet(Base):
    """A named list of drill items: ``[{"incident_id": 12}, {"scenario_id": 3}, ...]``."""

    __tablename__ = "drill_sets"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    items: Mapped[list[Any]]
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    drill: Mapped[bool] = mapped_column(Boolean, default=True)


class DrillAttempt(Base):
    """One trainee's answer to one drill item, with its score (see ``domain/drills.py``)."""

    __tablename__ = "drill_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    trainee: Mapped[str] = mapped_column(String(80), index=True)
    drill_set_id: Mapped[Optional[int]] = mapped_column(ForeignKey("drill_sets.id"))
    incident_id: Mapped[Optional[int]] = mapped_column(ForeignKey("incidents.id"))
    scenario_id: Mapped[Optional[int]] = mapped_column(ForeignKey("training_scenarios.id"))
    submitted_at: Mapped[datetime] = mapped_column(default=utc_now)
    pin_lon: Mapped[float] = mapped_column(Float)
    pin_lat: Mapped[float] = mapped_column(Float)
    area_km: Mapped[list[Any]]
    approach: Mapped[str] = mapped_column(String(80))
    distance_error_km: Mapped[float] = mapped_column(Float)
    truth_inside: Mapped[bool] = mapped_column(Boolean)
    eta_error_min: Mapped[float] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
    result: Mapped[dict[str, Any]]
    drill: Mapped[bool] = mapped_column(Boolean, default=True)


Index("ix_drill_attempts_trainee_submitted", DrillAttempt.trainee, DrillAttempt.submitted_at)
