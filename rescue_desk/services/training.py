"""Training use cases: scenario export/import, built-in scenarios from the demo data, drill sets,
drill briefs (only what the duty officer knew then), scored attempts and trainees' progress.

Every function runs on the calling thread (the UI calls them on its database worker). Writes are one
named operation each; nothing is written half-way. Drill records live in their own tables, flagged
``drill``, never as incidents, so statistics never count them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional, Sequence

from sqlalchemy import select

from rescue_desk.domain.drills import DrillScore, approach_id, score_attempt
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.domain.replay import ReplayError, Story
from rescue_desk.domain.scenarios import (ScenarioError, dump_scenario, parse_scenario,
                                          personal_data_found, story_to_scenario)
from rescue_desk.domain.travel import load_walking_model
from rescue_desk.storage import Database
from rescue_desk.storage.models import Incident, Meta
from rescue_desk.storage.models_training import DrillAttempt, DrillSet, TrainingScenario

from .approach import suggest_approach
from .errors import NotFound, ValidationError
from .replay import incident_story

BUILTIN_SET_NAME = "Built-in scenarios (demo data)"
TRAINEE_MAX = 80


# --- scenarios ----------------------------------------------------------------------------------
def station_name(db: Database) -> str:
    with db.read() as s:
        return s.scalar(select(Meta.value).where(Meta.key == "station_name")) or ""


def export_scenario(db: Database, incident_id: int, kora: Optional[Kora] = None, title: str = "") -> dict:
    """The scenario document of a closed incident, personal data removed. Raises NotFound,
    ValidationError (not closed, or no position to score against) or ReplayError (no events)."""
    kora = kora or load_kora()
    with db.read() as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            raise NotFound(f"Incident {incident_id} does not exist.")
        if inc.status != "closed":
            raise ValidationError(f"Incident {incident_id} is still open; only closed incidents become scenarios.")
        if inc.drill:
            raise ValidationError(f"Incident {incident_id} is a drill record, not a real incident.")
    story = incident_story(db, incident_id, show_personal=False)
    if story.truth is None:
        raise ValidationError(f"Incident {incident_id} was never placed, so a drill could not be scored.")
    doc = story_to_scenario(story, kora, title=title, station=_station_slug(station_name(db)))
    leaks = personal_data_found(doc)
    if leaks:
        raise ValidationError(f"Personal data would leave the station ({leaks[0]}); the scenario was not written.")
    return doc


def _station_slug(name: str) -> str:
    latin = name.split("/")[-1].strip() if "/" in name else name
    return latin.split("(")[0].strip() or "station"


def write_scenario_file(db: Database, incident_id: int, path: str | Path, kora: Optional[Kora] = None) -> dict:
    """Export to ``path`` (written to a temporary file, then moved into place). Returns the document."""
    doc = export_scenario(db, incident_id, kora)
    path = Path(path)
    from .export_files import ExportRefused, write_export_text

    try:
        write_export_text(path, dump_scenario(doc))
    except ExportRefused as exc:
        raise ValidationError(str(exc)) from None
    except OSError as exc:
        raise ValidationError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return doc


def import_scenario(db: Database, actor: str, data: str | bytes, kora: Optional[Kora] = None,
                    builtin: bool = False) -> int:
    """Check a scenario file completely, then store it in one transaction. Returns its id.
    Raises ScenarioError for a bad file, ValidationError when the same scenario is already here."""
    kora = kora or load_kora()
    scenario = parse_scenario(data, kora)
    doc = story_to_scenario(scenario.story, kora, title=scenario.title, station=scenario.source.get("station", ""))
    doc["key"] = scenario.key
    doc["source"] = {k: v for k, v in scenario.source.items() if k in ("station", "incident_id", "synthetic")}
    with db.write(actor, "import_scenario") as s:
        if s.scalar(select(TrainingScenario.id).where(TrainingScenario.key == scenario.key)) is not None:
            raise ValidationError(f"The scenario {scenario.key!r} is already imported.")
        row = TrainingScenario(key=scenario.key, title=scenario.title, body=doc, builtin=builtin,
                               source_station=str(scenario.source.get("station") or "")[:80], imported_by=actor)
        s.add(row)
        s.flush()
        return row.id


def import_scenario_file(db: Database, actor: str, path: str | Path, kora: Optional[Kora] = None) -> int:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ScenarioError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return import_scenario(db, actor, data, kora)


@dataclass(frozen=True)
class ScenarioRow:
    id: int
    key: str
    title: str
    source_station: str
    builtin: bool
    imported_at: datetime


def list_scenarios(db: Database) -> list[ScenarioRow]:
    with db.read() as s:
        return [ScenarioRow(r.id, r.key, r.title, r.source_station, r.builtin, r.imported_at)
                for r in s.scalars(select(TrainingScenario).order_by(TrainingScenario.id))]


def scenario_story(db: Database, scenario_id: int, kora: Optional[Kora] = None) -> Story:
    with db.read() as s:
        row = s.get(TrainingScenario, scenario_id)
        if row is None:
            raise NotFound(f"Scenario {scenario_id} does not exist.")
        body = row.body
    import json

    return parse_scenario(json.dumps(body), kora or load_kora()).story


def ensure_builtin_scenarios(db: Database, actor: str = "system", count: int = 5,
                             kora: Optional[Kora] = None) -> int:
    """On a synthetic (demo) station, turn ``count`` closed demo incidents with a trip, spread along
    the kora, into built-in scenarios plus a drill set of them. Returns how many were added now."""
    kora = kora or load_kora()
    with db.read() as s:
        if s.scalar(select(Meta.value).where(Meta.key == "synthetic")) != "true":
            return 0
        if s.scalar(select(TrainingScenario.id).where(TrainingScenario.builtin.is_(True)).limit(1)) is not None:
            return 0
        rows = s.execute(select(Incident.id, Incident.pos_chainage_km).where(
            Incident.status == "closed", Incident.synthetic.is_(True), Incident.pos_confirmed.is_(True),
            Incident.drill.is_(False)).order_by(Incident.id)).all()
    chosen: list[int] = []
    bands = [(kora.length_km * i / count, kora.length_km * (i + 1) / count) for i in range(count)]
    for lo, hi in bands:
        pick = next((iid for iid, km in rows if km is not None and lo <= km < hi and iid not in chosen), None)
        if pick is not None:
            chosen.append(pick)
    ids = []
    for iid in chosen:
        try:
            doc = export_scenario(db, iid, kora)
            doc["incident"]["weather_note"] = doc["incident"]["weather_note"] or _demo_weather(doc)
            ids.append(import_scenario(db, actor, dump_scenario(doc), kora, builtin=True))
        except (ScenarioError, ValidationError, ReplayError):
            continue
    if ids:
        create_drill_set(db, actor, BUILTIN_SET_NAME, [{"scenario_id": i} for i in ids], builtin=True)
    return len(ids)


def _demo_weather(doc: dict) -> str:
    """A plausible season-and-hour weather note for a demo scenario, marked synthetic; Chinese first,
    English second (the note is stored text, read in either language's drill panel)."""
    from rescue_desk.domain.clock import to_beijing
    from rescue_desk.domain.replay.story import parse_time

    t = to_beijing(parse_time(doc["incident"]["created_at"]))
    if t.month in (7, 8):
        zh, en = ("雨季：午后云层增厚，垭口可能有阵雨和冰雹",
                  "monsoon season: cloud building after midday, showers and hail likely on the pass")
    elif t.month in (5, 6, 9):
        zh, en = "多为晴天，海拔 5300 米以上风大，天黑后气温低于零度", \
            "mostly clear, strong wind above 5,300 m, below freezing after dark"
    else:
        zh, en = "寒冷，垭口可能有雪，早上路面结冰", "cold, snow on the pass possible, ice on the trail in the morning"
    sunset = "21:00" if 4 <= t.month <= 9 else "19:30"
    return f"（演示）{zh}；日落约 {sunset}。 / (synthetic) {en}; sunset about {sunset}."


# --- drill sets -------------------------------------------------------------------------------
@dataclass(frozen=True)
class DrillItem:
    """One drill: a past incident or a scenario."""

    incident_id: Optional[int] = None
    scenario_id: Optional[int] = None

    @classmethod
    def from_json(cls, d: dict) -> "DrillItem":
        return cls(d.get("incident_id"), d.get("scenario_id"))

    def to_json(self) -> dict:
        return {"incident_id": self.incident_id} if self.incident_id is not None else {"scenario_id": self.scenario_id}


@dataclass(frozen=True)
class DrillSetRow:
    id: int
    name: str
    items: tuple[DrillItem, ...]
    builtin: bool


def create_drill_set(db: Database, actor: str, name: str, items: Sequence[dict | DrillItem],
                     builtin: bool = False) -> int:
    """A named list of past incidents and scenarios. Every item must exist and be replayable."""
    name = name.strip()
    if not name:
        raise ValidationError("Give the drill set a name.", "name")
    items = [i if isinstance(i, DrillItem) else DrillItem.from_json(i) for i in items]
    if not items:
        raise ValidationError("A drill set needs at least one incident or scenario.", "items")
    with db.write(actor, "create_drill_set") as s:
        for item in items:
            if (item.incident_id is None) == (item.scenario_id is None):
                raise ValidationError("Each drill item is either an incident or a scenario.", "items")
            if item.incident_id is not None:
                inc = s.get(Incident, item.incident_id)
                if inc is None or inc.status != "closed" or inc.drill:
                    raise ValidationError(f"Incident {item.incident_id} is not a closed real incident.", "items")
            elif s.get(TrainingScenario, item.scenario_id) is None:
                raise ValidationError(f"Scenario {item.scenario_id} does not exist.", "items")
        row = DrillSet(name=name[:120], items=[i.to_json() for i in items], created_by=actor, builtin=builtin)
        s.add(row)
        s.flush()
        return row.id


def list_drill_sets(db: Database) -> list[DrillSetRow]:
    with db.read() as s:
        return [DrillSetRow(r.id, r.name, tuple(DrillItem.from_json(i) for i in r.items), r.builtin)
                for r in s.scalars(select(DrillSet).order_by(DrillSet.builtin.desc(), DrillSet.id))]


# --- drills -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class DrillBrief:
    """What the duty officer knew when the first call came in — and nothing more."""

    item: DrillItem
    call_at: datetime
    text: str
    channel: str
    language: str
    party_size: int
    weather_note: str


def item_story(db: Database, item: DrillItem, kora: Optional[Kora] = None) -> Story:
    if item.incident_id is not None:
        return incident_story(db, item.incident_id, show_personal=False)
    if item.scenario_id is not None:
        return scenario_story(db, item.scenario_id, kora)
    raise ValidationError("A drill item needs an incident or a scenario.")


def drill_brief(db: Database, item: DrillItem, kora: Optional[Kora] = None) -> DrillBrief:
    story = item_story(db, item, kora)
    if not story.calls or story.truth is None:
        raise ValidationError("This incident has no call or no known position, so it cannot be a drill.")
    call = story.calls[0]
    return DrillBrief(item, call.at, call.text, call.channel, call.language, call.party_size,
                      story.weather_note)


def approach_etas_min(kora: Kora, depart: datetime, lon: float, lat: float) -> dict[str, float]:
    """Minutes from the call to reaching (lon, lat) for every approach (desk's approach suggestion)."""
    plan = suggest_approach(kora, load_walking_model(), depart, lon=lon, lat=lat)
    return {approach_id(o.access_id, o.direction): o.eta_p50_s / 60.0 for o in plan.options}


def approach_choices(kora: Optional[Kora] = None) -> list[tuple[str, str, str]]:
    """(id, English label, Chinese label) of every approach a trainee can choose."""
    kora = kora or load_kora()
    out = []
    for a in kora.access_points:
        for d, en, zh in (("cw", "walk clockwise", "顺时针步行"), ("ccw", "walk counter-clockwise", "逆时针步行")):
            out.append((approach_id(a.id, d), f"{a.name_en.split(' (')[0]} — {en}",
                        f"{a.name_zh.split('（')[0]} — {zh}"))
    return out


@dataclass(frozen=True)
class DrillResult:
    """The reveal: the score, where the person really was, what the desk and the team did."""

    attempt_id: int
    score: DrillScore
    truth_lonlat: tuple[float, float]
    first_estimate_km: Optional[float]
    team_approach: Optional[dict]
    team_minutes_to_scene: Optional[float]
    story: Story = field(repr=False, default=None)


def submit_attempt(db: Database, actor: str, trainee: str, item: DrillItem, pin_lonlat: tuple[float, float],
                   area_km: Sequence[Sequence[float]], approach: str, drill_set_id: Optional[int] = None,
                   kora: Optional[Kora] = None) -> DrillResult:
    """Score the trainee's pin, search stretch and approach against the truth and store the attempt
    (flagged drill). Raises ValidationError for a missing trainee, pin, area or approach."""
    kora = kora or load_kora()
    trainee = (trainee or "").strip()
    if not trainee or len(trainee) > TRAINEE_MAX:
        raise ValidationError("Enter the trainee's name (1-80 characters).", "trainee")
    lon, lat = pin_lonlat
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValidationError("Place the pin on the map first.", "pin")
    story = item_story(db, item, kora)
    truth = story.truth
    if truth is None or not story.calls:
        raise ValidationError("This drill has no known position to score against.")
    etas = approach_etas_min(kora, story.calls[0].at, truth.lon, truth.lat)
    try:
        score = score_attempt(kora, truth_lonlat=(truth.lon, truth.lat), pin_lonlat=(lon, lat),
                              area_km=[tuple(map(float, a)) for a in area_km], chosen_approach=approach,
                              eta_min_by_approach=etas)
    except ValueError as exc:
        raise ValidationError(str(exc), "area" if "stretch" in str(exc) or "area" in str(exc) else "approach") from None
    trip = next((t for t in story.trips if t.on_scene_at is not None), None)
    team_min = None
    if trip is not None:
        team_min = (trip.on_scene_at - story.calls[0].at).total_seconds() / 60.0
    first = story.first_estimate
    with db.write(actor, "drill_attempt") as s:
        row = DrillAttempt(trainee=trainee, drill_set_id=drill_set_id, incident_id=item.incident_id,
                           scenario_id=item.scenario_id, pin_lon=lon, pin_lat=lat,
                           area_km=[list(a) for a in area_km], approach=approach,
                           distance_error_km=score.distance_error_km, truth_inside=score.truth_inside_area,
                           eta_error_min=score.eta_error_min, score=score.score,
                           result={"score": score.as_dict(), "team_minutes_to_scene": team_min})
        s.add(row)
        s.flush()
        attempt_id = row.id
    return DrillResult(attempt_id, score, (truth.lon, truth.lat),
                       None if first is None else first.chainage_km, trip.approach if trip else None, team_min, story)


@dataclass(frozen=True)
class ProgressPoint:
    at: datetime
    score: float
    distance_error_km: float
    truth_inside: bool
    eta_error_min: float


def trainees(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(DrillAttempt.trainee).distinct().order_by(DrillAttempt.trainee)))


def trainee_progress(db: Database, trainee: str) -> list[ProgressPoint]:
    """The trainee's attempts, oldest first."""
    with db.read() as s:
        rows = s.scalars(select(DrillAttempt).where(DrillAttempt.trainee == trainee)
                         .order_by(DrillAttempt.submitted_at, DrillAttempt.id)).all()
        return [ProgressPoint(r.submitted_at, r.score, r.distance_error_km, r.truth_inside, r.eta_error_min)
                for r in rows]


def scenario_document(db: Database, scenario_id: int) -> dict[str, Any]:
    with db.read() as s:
        row = s.get(TrainingScenario, scenario_id)
        if row is None:
            raise NotFound(f"Scenario {scenario_id} does not exist.")
        return dict(row.body)
