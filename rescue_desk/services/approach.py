"""Suggest how a rescue team reaches an incident: drive from the station to a road end on the kora,
then walk the trail in the faster direction. Every road end and both directions are compared on the
officer walker's ETA (P50, with P90 for planning) and the arrival is checked against sunset.

Drive-time assumptions (stated, not measured; change ``DriveAssumptions`` when the station knows better):

* **Turnout**: 10 min from the call to the vehicle leaving the station in Darchen.
* **Road distance**: the mapped road line (``access.geojson``) when one runs from Darchen to the road
  end; otherwise the straight line × 1.35 (valley tracks wind; checked against the mapped shuttle
  roads, 1.3-1.45, and the Zutul Phuk valley road, 1.3).
* **Speed** by how sure the data are that a vehicle gets there: 30 km/h on the shuttle roads (high
  confidence), 20 km/h on medium-confidence tracks (Chuku, Gangjia, Zongdui), 15 km/h on low-confidence
  or probable tracks. The P90 drive is 1.3 × the P50 (mud, river crossings, waiting for the shuttle).
* **Off the trail**: when the incident lies more than 50 m from the route, the last stretch is walked
  cross-country at 2 km/h.
* **Total**: P50 = turnout + drive + walk P50; P90 adds the P90s (conservative: delays add up).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, Iterable

from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.domain.station_layer import Hazard, hazard_time_factor, hazards_on_walk
from rescue_desk.domain.sun import DARCHEN_LAT, DARCHEN_LON, is_dark, sunset_at

from .errors import ValidationError

DIRECTIONS = ("cw", "ccw")


@dataclass(frozen=True)
class DriveAssumptions:
    turnout_s: float = 600.0
    detour_factor: float = 1.35
    speed_kmh: dict = field(default_factory=lambda: {"high": 30.0, "medium": 20.0, "low": 15.0})
    p90_factor: float = 1.3
    road_line_snap_m: float = 400.0
    off_trail_kmh: float = 2.0
    off_trail_from_m: float = 50.0
    station_lon: float = DARCHEN_LON
    station_lat: float = DARCHEN_LAT

    def describe(self) -> str:
        s = self.speed_kmh
        return (f"turnout {self.turnout_s / 60:.0f} min; road km = mapped road or straight line × {self.detour_factor}; "
                f"{s['high']:.0f}/{s['medium']:.0f}/{s['low']:.0f} km/h on high/medium/low-confidence roads; "
                f"drive P90 = {self.p90_factor} × P50; off trail {self.off_trail_kmh:g} km/h; officer walker")


@dataclass(frozen=True)
class ApproachOption:
    """One way in: drive to ``access_id``, walk ``direction`` ``walk_km`` along the kora."""

    access_id: str
    access_name_en: str
    access_name_zh: str
    access_km: float
    road_confidence: str
    drive_km: float
    drive_p50_s: float
    drive_p90_s: float
    direction: str
    walk_km: float
    walk_p10_s: float
    walk_p50_s: float
    walk_p90_s: float
    off_trail_s: float
    eta_p50_s: float
    eta_p90_s: float
    arrival_p50: datetime
    arrival_p90: datetime
    hazard_notes: tuple[str, ...] = ()  # station hazards on this way: "slowed by snow 22–25 km"


@dataclass(frozen=True)
class ApproachPlan:
    """The suggested approach (``best``) and the alternatives, fastest P50 first."""

    target_km: float
    target_offset_m: float
    depart: datetime
    best: ApproachOption
    options: list[ApproachOption]
    sunset: datetime | None
    after_sunset_p50: bool  # arrives in the dark: after sunset, or before sunrise
    after_sunset_p90: bool
    assumptions: str
    avoided: tuple[str, ...] = ()  # closed sections the suggestion goes round: "avoids closed (rockfall) 30–30.5 km"

    @property
    def hazard_notes(self) -> tuple[str, ...]:
        """What the suggestion says about station hazards: sections it slows through or avoids."""
        return self.best.hazard_notes + self.avoided

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form (stored in ``Trip.approach``)."""
        def opt(o: ApproachOption) -> dict:
            d = asdict(o)
            d["arrival_p50"], d["arrival_p90"] = o.arrival_p50.isoformat(), o.arrival_p90.isoformat()
            return d

        return {"target_km": round(self.target_km, 3), "target_offset_m": round(self.target_offset_m),
                "depart": self.depart.isoformat(), "best": opt(self.best),
                "options": [opt(o) for o in self.options[:6]],
                "sunset": self.sunset.isoformat() if self.sunset else None,
                "after_sunset_p50": self.after_sunset_p50, "after_sunset_p90": self.after_sunset_p90,
                "assumptions": self.assumptions, "avoided": list(self.avoided),
                "hazard_notes": list(self.hazard_notes)}


def drive_km_to(access, kora, a: DriveAssumptions) -> float:
    """Road km from the station to the access point (mapped road line, else straight × detour)."""
    straight_m = geodesic_distance_m(a.station_lon, a.station_lat, access.lon, access.lat)
    best: tuple[float, float] | None = None  # (distance of the line's end from the access point, road km)
    for line in kora.access_lines:
        if not line.kind.startswith("vehicle_road"):
            continue
        ends = (line.coords[0], line.coords[-1])
        for near, far in (ends, ends[::-1]):
            gap = geodesic_distance_m(access.lon, access.lat, *far)
            lead = geodesic_distance_m(a.station_lon, a.station_lat, *near)
            if gap <= a.road_line_snap_m and lead <= 1500.0 and (best is None or gap < best[0]):
                length = sum(geodesic_distance_m(*p, *q) for p, q in zip(line.coords, line.coords[1:]))
                best = (gap, (lead + length + gap) / 1000.0)
    return best[1] if best else straight_m * a.detour_factor / 1000.0


def _confidence(access) -> str:
    if "probable" in access.kind:
        return "low"
    return access.confidence if access.confidence in ("high", "medium", "low") else "low"


def suggest_approach(kora, walking_model, depart: datetime, *, lon: float | None = None, lat: float | None = None,
                     chainage_km: float | None = None, assumptions: DriveAssumptions | None = None,
                     hazards: Iterable[Hazard] = (), lang: str = "en") -> ApproachPlan:
    """The fastest way from the station to the incident at (lon, lat) or ``chainage_km``, leaving at
    ``depart`` (aware). Raises ValidationError when the incident has no position.

    ``hazards`` (the station's, e.g. ``services.station.active_hazards(db, depart)``): a way through a
    closed section is dropped (named in ``avoided``) unless every way is closed; walking through a
    slow section takes ``speed_factor`` times as long there, and the option says so (``hazard_notes``,
    in ``lang``)."""
    a = assumptions or DriveAssumptions()
    hazards = tuple(hazards)
    if depart.tzinfo is None:
        raise ValidationError("The departure time needs a timezone.", "departed_at")
    if lon is not None and lat is not None:
        target_km, offset_m = kora.chainage_of(lon, lat)
    elif chainage_km is not None:
        target_km, offset_m = kora.wrap(chainage_km), 0.0
    else:
        raise ValidationError("The incident has no position yet; place it on the map first.", "position")
    off_s = offset_m / 1000.0 / a.off_trail_kmh * 3600.0 if offset_m > a.off_trail_from_m else 0.0
    options = []
    for access in kora.access_points:
        conf = _confidence(access)
        drive_km = drive_km_to(access, kora, a)
        drive_s = drive_km / a.speed_kmh[conf] * 3600.0
        drive_p90 = drive_s * a.p90_factor
        start_walk = depart + timedelta(seconds=a.turnout_s + drive_s)
        for direction in DIRECTIONS:
            t = walking_model.time_between(access.chainage_km, target_km, direction=direction, walker="officer",
                                           depart=start_walk)
            passages = hazards_on_walk(hazards, access.chainage_km, target_km, direction, kora.length_km, depart)
            slow = hazard_time_factor(passages, t.distance_km)
            w10, w50, w90 = t.p10_s * slow, t.p50_s * slow, t.p90_s * slow
            eta50 = a.turnout_s + drive_s + w50 + off_s
            eta90 = a.turnout_s + drive_p90 + w90 + off_s
            notes = tuple(p.hazard.label(lang) for p in passages)
            options.append((passages, ApproachOption(
                access.id, access.name_en, access.name_zh, access.chainage_km, conf, round(drive_km, 2),
                drive_s, drive_p90, direction, round(t.distance_km, 2), w10, w50, w90, off_s,
                eta50, eta90, depart + timedelta(seconds=eta50), depart + timedelta(seconds=eta90), notes)))
    open_ways = [o for passages, o in options if not any(p.hazard.closed for p in passages)]
    avoid = "绕开 " if lang == "zh" else "avoids "
    avoided = sorted({avoid + p.hazard.label(lang) for passages, _o in options for p in passages
                      if p.hazard.closed}) if open_ways else []
    options = open_ways or [o for _p, o in options]  # every way closed: say so on each, the team decides
    options.sort(key=lambda o: (o.eta_p50_s, o.eta_p90_s))
    best = options[0]
    sunset = sunset_at(depart)
    # "after sunset" means arriving in the dark: past this evening's sunset, or at night before sunrise
    late50 = (sunset is not None and best.arrival_p50 > sunset) or is_dark(best.arrival_p50)
    late90 = (sunset is not None and best.arrival_p90 > sunset) or is_dark(best.arrival_p90)
    return ApproachPlan(target_km, offset_m, depart, best, options, sunset, late50, late90, a.describe(),
                        tuple(avoided))
