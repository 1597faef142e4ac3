"""Send an incident's position to the team: every coordinate form, and the GPX/KML geometry (pin,
90 % corridor, suggested approach). One read; runs on the calling thread (the UI's database worker)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rescue_desk.domain import codes
from rescue_desk.domain.clock import utc_now
from rescue_desk.domain.kora import Kora
from rescue_desk.domain.sharing import (FieldGeometry, SharedPosition, ShareError, approach_line, circle_ring,
                                        corridor_lines, share_position)
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.storage import Database
from rescue_desk.storage.models import Incident

from .approach import ApproachPlan, suggest_approach
from .errors import NotFound, ValidationError
from .station import active_hazards, station_kora


@dataclass(frozen=True)
class IncidentShare:
    """An incident's position in every form, the files' geometry and the approach it suggests."""

    incident_id: int
    position: SharedPosition
    geometry: FieldGeometry
    plan: Optional[ApproachPlan]
    estimated: bool  # the locator's estimate, not a position the officer or the team confirmed

    def to_json(self) -> dict[str, Any]:
        """The ``rescue-desk share --format json`` contract."""
        p = self.position
        r6 = lambda xy: [round(xy[0], 6), round(xy[1], 6)]  # noqa: E731
        return {"incident_id": self.incident_id, "wgs84": r6((p.lon, p.lat)), "gcj02": r6(p.gcj02),
                "bd09": r6(p.bd09), "utm44n": [round(p.utm44n[0], 1), round(p.utm44n[1], 1)],
                "chainage_km": None if p.chainage_km is None else round(p.chainage_km, 3),
                "landmark": p.nearest.to_json() if p.nearest else None, "geo_uri": p.geo_uri()}

    def text(self, lang: str = "zh") -> str:
        title = (f"警情 {self.incident_id}" if lang == "zh" else f"Rescue incident {self.incident_id}")
        if self.estimated:
            title += "（估计位置）" if lang == "zh" else " (estimated position)"
        block = self.position.text_block(lang, title)
        if self.plan is not None:
            block += "\n" + approach_words(self.plan, lang)
        return block


def approach_words(plan: ApproachPlan, lang: str) -> str:
    """"建议：驾车 12.3 公里到…，再顺时针步行 4.1 公里（P50 2 小时 10 分，P90 …）"."""
    b = plan.best
    p50, p90 = _duration(b.eta_p50_s, lang), _duration(b.eta_p90_s, lang)
    if lang == "zh":
        way = "顺时针" if b.direction == "cw" else "逆时针"
        return (f"建议路线：驾车 {b.drive_km:.1f} 公里到{b.access_name_zh}，再{way}步行 {b.walk_km:.1f} 公里"
                f"（P50 {p50}，P90 {p90}）")
    way = "clockwise" if b.direction == "cw" else "counter-clockwise"
    return (f"Suggested approach: drive {b.drive_km:.1f} km to {b.access_name_en}, then walk {b.walk_km:.1f} km {way} "
            f"(P50 {p50}, P90 {p90})")


def _duration(seconds: float, lang: str) -> str:
    minutes = int(round(seconds / 60.0))
    h, m = divmod(minutes, 60)
    if lang == "zh":
        return f"{h} 小时 {m:02d} 分" if h else f"{m} 分钟"
    return f"{h} h {m:02d} min" if h else f"{m} min"


def _approach(kora: Kora, inc: Incident, depart: datetime, hazards, lang: str) -> Optional[ApproachPlan]:
    try:
        return suggest_approach(kora, load_walking_model(), depart, lon=inc.lon, lat=inc.lat, hazards=hazards,
                                lang=lang)
    except ValidationError:
        return None


def share_incident(db: Database, incident_id: int, lang: str = "zh", now: datetime | None = None,
                   kora: Kora | None = None) -> IncidentShare:
    """Everything the share dialog, ``rescue-desk share`` and the incident sheet need. The approach
    departs when the incident's latest trip left (else ``now``). NotFound for an unknown incident;
    ShareError (one sentence) when it has no position yet."""
    now = now or utc_now()
    with db.read() as s:
        inc = s.scalar(select(Incident).where(Incident.id == incident_id).options(selectinload(Incident.trips)))
        if inc is None:
            raise NotFound(f"Incident {incident_id} does not exist.")
        s.expunge(inc)
    if inc.lon is None or inc.lat is None:
        raise ShareError(f"Incident {incident_id} has no position yet; place it on the map first."
                         if lang != "zh" else f"警情 {incident_id} 还没有位置，请先在地图上标定。")
    kora = kora or station_kora(db, now)
    label = f"救援 {incident_id}" if lang == "zh" else f"Rescue {incident_id}"
    position = share_position(inc.lon, inc.lat, kora, label)
    departed = [t.departed_at for t in inc.trips if t.departed_at is not None]
    depart = max(departed) if departed else now
    plan = _approach(kora, inc, depart, active_hazards(db, depart), lang)
    estimated = inc.pos_lon is None
    lines, ring = [], []
    if estimated and inc.est_intervals:
        lines = corridor_lines(kora, inc.est_intervals)
    elif estimated and inc.est_uncertainty_m:
        ring = circle_ring(inc.lon, inc.lat, float(inc.est_uncertainty_m))
    approach, approach_name = [], ""
    if plan is not None:
        b = plan.best
        access = next((a for a in kora.access_points if a.id == b.access_id), None)
        approach = approach_line(kora, b.access_km, (access.lon, access.lat) if access else None,
                                 plan.target_km, b.direction, (inc.lon, inc.lat))
        approach_name = approach_words(plan, lang)
    category = codes.label(codes.CATEGORIES, inc.category, lang)
    geometry = FieldGeometry(label, position, f"{category} · {position.kora_phrase(lang)}", lines, ring, approach,
                             approach_name, float(kora.elevation_at(position.chainage_km))
                             if position.chainage_km is not None and (position.offset_m or 0) < 100 else None, now)
    return IncidentShare(incident_id, position, geometry, plan, estimated)
