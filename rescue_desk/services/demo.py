"""The demo station: a synthetic but plausible history, clearly marked synthetic.

Shape (assumptions, documented in the README): the kora is walked mostly May–October with a peak at
the Saga Dawa full moon, light traffic in April/November and a winter closure; incidents cluster on
the climb to and descent from Dolma La and around the Drira Phuk lodgings (first night); 700–900
people are rescued a year, mostly in parties; at most four rescue trips leave on one day."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
import os
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.storage import Database, open_database
from rescue_desk.storage.models import Call, CheckIn, Incident, Meta, Officer, Person, Trip, Vehicle

ACTOR = "demo-generator"
PENDING = "demo_pending"  # Meta key present while a generation is unfinished (a killed run leaves it)
MONTH_WEIGHT = [0.3, 0.3, 0.6, 3, 13, 19, 17, 17, 15, 10, 2, 0.6]
SAGA_DAWA = {2020: date(2020, 6, 5), 2021: date(2021, 5, 26), 2022: date(2022, 6, 14), 2023: date(2023, 6, 4),
             2024: date(2024, 5, 23), 2025: date(2025, 6, 11), 2026: date(2026, 5, 31)}
# (from km, to km, weight): where people get into trouble
RISK = [(0.4, 13.0, 10), (13.0, 17.3, 8), (17.3, 19.7, 16), (19.7, 22.6, 16), (22.6, 24.0, 17),
        (24.0, 27.0, 18), (27.0, 36.2, 9), (36.2, 46.2, 6)]
CAUSES = {"altitude_sickness": 34, "pulmonary_edema": 6, "cerebral_edema": 2, "exhaustion": 25, "fall_injury": 12,
          "hypothermia": 5, "lost": 6, "cardiac": 3, "snow_trapped": 2, "false_alarm": 4}
ORIGINS = {"domestic": 56, "tibetan_pilgrim": 14, "indian_yatri": 22, "other_foreign": 8}
PERSON_OUTCOMES = {"evacuated_darchen": 56, "hospital": 21, "treated_on_site": 14, "walked_out": 8.5, "deceased": 0.5}
OFFICERS = ["巴桑平措", "扎西多吉", "次仁旺堆", "格桑罗布", "旺久", "达瓦次仁", "尼玛顿珠", "索朗扎西", "边巴", "拉巴次仁",
            "王磊", "李强", "张伟", "刘洋", "陈杰", "杨帆", "赵鹏", "周涛", "吴昊", "普布"]
VEHICLES = [("皮卡一号", "pickup", "藏F·J0101"), ("皮卡二号", "pickup", "藏F·J0102"), ("救护车", "ambulance", "藏F·J0120"),
            ("越野车", "offroad", "藏F·J0105"), ("摩托车", "motorbike", "")]
CAUSE_WORDS = {
    "altitude_sickness": ("有人高反很严重，头疼呕吐", "my friend has a bad headache and is vomiting"),
    "pulmonary_edema": ("同伴咳嗽喘不上气，嘴唇发紫", "he is coughing and can't breathe, lips are blue"),
    "cerebral_edema": ("老人意识模糊，走路不稳", "she is confused and can't walk straight"),
    "exhaustion": ("同伴走不动了", "we are exhausted and cannot go on"),
    "fall_injury": ("有人摔倒了，脚踝受伤", "one of our group fell and hurt his ankle"),
    "hypothermia": ("天黑了很冷，有人一直发抖", "it is getting dark and he is shivering badly"),
    "lost": ("我们和同伴走散了，联系不上", "we lost one of our group and can't reach him"),
    "cardiac": ("老人胸口疼", "an old man has chest pain"),
    "snow_trapped": ("下大雪，路被封了，走不了", "heavy snow, the path is blocked"),
    "false_alarm": ("朋友好像走丢了", "our friend may be lost"),
}


@dataclass
class DemoSummary:
    years: list[int]
    incidents: int
    persons_by_year: dict[int, int]


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _day_weights(year: int) -> list[tuple[date, float]]:
    out = []
    saga = SAGA_DAWA.get(year, date(year, 6, 1))
    d = date(year, 1, 1)
    while d.year == year:
        w = MONTH_WEIGHT[d.month - 1] / 30.0
        w *= 1.0 + 2.5 * math.exp(-((d - saga).days ** 2) / 8.0)  # Saga Dawa crowds
        w *= 1.15 if d.weekday() >= 5 else 1.0
        out.append((d, w))
        d += timedelta(days=1)
    return out


def _chainage(rng: random.Random) -> float:
    lo, hi, _w = rng.choices(RISK, weights=[r[2] for r in RISK])[0]
    return rng.uniform(lo, hi)


def _describe(rng: random.Random, kora: Kora, km: float, cause: str, lang: str) -> str:
    """A caller's words for a place: "过了X大概2公里" etc., as vague as real callers are."""
    lm = kora.nearest_landmark(km)
    d = km - lm.chainage_km
    zh_cause, en_cause = CAUSE_WORDS[cause]
    said = max(0.5, round(abs(d) / 0.95 * 2) / 2)
    if abs(d) < 0.3:
        return f"我们在{lm.short_zh}附近，{zh_cause}。" if lang == "zh" else f"We are near {lm.short_en}, {en_cause}."
    if d > 0:
        return (f"过了{lm.short_zh}大概{said:g}公里，{zh_cause}。" if lang == "zh"
                else f"About {said:g} km past {lm.short_en}, {en_cause}.")
    return (f"离{lm.short_zh}还有{said:g}公里左右，{zh_cause}。" if lang == "zh"
            else f"We are roughly {said:g} km before {lm.short_en}, {en_cause}.")


def _offset_point(rng: random.Random, kora: Kora, km: float, sigma_m: float) -> tuple[float, float]:
    x, y = kora.utm_at(km)
    from rescue_desk.domain.geo import utm_to_lonlat

    return utm_to_lonlat(x + rng.gauss(0, sigma_m), y + rng.gauss(0, sigma_m))


def _road_end_km(kora: Kora, km: float) -> tuple[float, float]:
    """(chainage of the best road end for a team heading to ``km``, drive minutes from the station)."""
    ends = [(a.chainage_km, 10 + a.chainage_km * 2.5 if a.chainage_km < 30 else 10 + (46.2 - a.chainage_km) * 3)
            for a in kora.access_points if a.kind in ("road_end", "road_access") and a.id != "access_darchen_south"]
    ends.append((0.0, 5.0))
    return min(ends, key=lambda e: kora.along_distance_km(e[0], km) * 20 + e[1])


def _simulate_incident(rng, kora, s, officers, vehicles, when: datetime, trips_today: int, persons_left: int):
    cause = _pick(rng, CAUSES)
    km = _chainage(rng)
    lang = "zh" if rng.random() < 0.72 else "en"
    party = min(persons_left, max(1, int(rng.choices([1, 2, 3, 4, 5, 6], weights=[30, 35, 17, 10, 5, 3])[0])))
    severity = {"cardiac": 4, "pulmonary_edema": 4, "cerebral_edema": 4, "false_alarm": 1}.get(cause, rng.choice([2, 2, 3, 3, 1]))
    truth_lon, truth_lat = _offset_point(rng, kora, km, 25)
    est_km = kora.wrap(km + rng.gauss(0, 0.4))
    est_lon, est_lat = kora.point_at(est_km)
    s.info["at"] = when
    inc = Incident(created_at=when, category=cause, severity=severity, party_size=party, synthetic=True,
                   est_lon=est_lon, est_lat=est_lat, est_chainage_km=est_km, est_method="words",
                   est_uncertainty_m=800.0, est_intervals=[[round(kora.wrap(est_km - 0.8), 3), round(kora.wrap(est_km + 0.8), 3)]])
    call = Call(incident=inc, received_at=when, channel=rng.choices(["phone", "walk_in", "radio", "relayed"], [80, 8, 4, 8])[0],
                caller_name="（合成）" + rng.choice("张王李赵刘陈杨黄") + rng.choice(["先生", "女士"]),
                caller_phone=f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}", language=lang, party_size=party,
                category=cause, severity=severity, text=_describe(rng, kora, km, cause, lang))
    s.add_all([inc, call])
    s.flush()
    persons = 0
    if cause == "false_alarm" or (severity == 1 and rng.random() < 0.5) or trips_today >= 4:
        s.info["at"] = when + timedelta(minutes=rng.randint(10, 60))
        inc.status, inc.closed_at = "closed", s.info["at"]
        inc.outcome = "false_alarm" if cause == "false_alarm" else "resolved_by_phone"
        s.flush()
        return inc, 0, None
    departed = when + timedelta(minutes=rng.randint(8, 35))
    end_km, drive_min = _road_end_km(kora, km)
    walk_km = kora.along_distance_km(end_km, km)
    climb = max(0.0, float(kora.elevation_at(km)) - float(kora.elevation_at(end_km)))
    walk_min = walk_km / 4.0 * 60 + climb / 400 * 60
    on_scene = departed + timedelta(minutes=drive_min * rng.uniform(0.9, 1.4) + walk_min * rng.uniform(0.8, 1.3))
    evac = on_scene + timedelta(minutes=rng.randint(10, 40))
    back = evac + timedelta(minutes=drive_min + walk_min * rng.uniform(1.1, 1.6))
    team = rng.sample(officers, rng.choice([2, 3, 3, 4]))
    s.info["at"] = departed
    trip = Trip(incident=inc, vehicle=rng.choice(vehicles[:4]), members=team, departed_at=departed,
                approach={"road_end_km": round(end_km, 3), "walk_km": round(walk_km, 2),
                          "direction": "cw" if (km - end_km) % kora.length_km < kora.length_km / 2 else "ccw"},
                created_at=departed)
    inc.status = "dispatched"
    s.add(trip)
    s.flush()
    s.info["at"] = on_scene
    trip.on_scene_at, inc.status = on_scene, "on_scene"
    inc.pos_lon, inc.pos_lat, inc.pos_source, inc.pos_confirmed = truth_lon, truth_lat, "team_gps", True
    inc.pos_chainage_km = kora.chainage_of(truth_lon, truth_lat)[0]
    mid = departed + (on_scene - departed) / 2
    s.add(CheckIn(trip=trip, at=mid, note="途中报平安 / en route"))
    outcomes = []
    for _ in range(party):
        outcome = _pick(rng, PERSON_OUTCOMES)
        if severity == 4 and outcome == "treated_on_site":
            outcome = "hospital"
        origin = _pick(rng, ORIGINS)
        if origin == "indian_yatri" and when.month not in (6, 7, 8, 9):
            origin = "domestic"
        s.add(Person(incident=inc, trip_id=trip.id, age=rng.randint(19, 72),
                     sex=rng.choice(["male", "female"]), origin=origin, condition=CAUSE_WORDS[cause][0][:12],
                     outcome=outcome, rescued=outcome != "deceased"))
        outcomes.append(outcome)
        persons += 1
    s.flush()
    s.info["at"] = evac
    trip.evacuating_at, inc.status = evac, "evacuating"
    s.flush()
    s.info["at"] = back
    trip.returned_at = back
    inc.status, inc.closed_at = "closed", back
    # from the local list: reading inc.persons would load them back from the database
    inc.outcome = "fatal" if "deceased" in outcomes else ("hospital" if "hospital" in outcomes else "rescued")
    s.flush()
    return inc, persons, trip


def _roster(s) -> tuple[list[Officer], list[Vehicle]]:
    officers = [Officer(name=n, rank="民警" if i else "所长", phone=f"0897-{2600000 + i}") for i, n in enumerate(OFFICERS)]
    vehicles = [Vehicle(name=n, kind=k, plate=p, seats=2 if k == "motorbike" else 5) for n, k, p in VEHICLES]
    s.add_all(officers + vehicles)
    s.flush()
    return officers, vehicles


def generate_demo(db: Database, years: int = 3, seed: int = 4810, end_year: int | None = None,
                  progress: Callable[[str], None] | None = None, open_incidents: bool = True,
                  on_step: Callable[[int, int], None] | None = None) -> DemoSummary:
    """Fill ``db`` with ``years`` synthetic seasons ending ``end_year`` (default: last full year).

    ``progress`` gets one line per finished year; ``on_step(done, total)`` gets the count of finished
    years (it may raise to abort: what was committed stays, marked unfinished, see ``demo_state``)."""
    if years < 1 or years > 30:
        raise ValueError("years must be between 1 and 30")
    rng = random.Random(seed)
    kora = load_kora()
    end_year = end_year or (utc_now().astimezone(BEIJING).year - 1)
    summary = DemoSummary(years=list(range(end_year - years + 1, end_year + 1)), incidents=0, persons_by_year={})
    with db.write(ACTOR, "demo_roster") as s:
        s.merge(Meta(key="synthetic", value="true"))
        s.merge(Meta(key=PENDING, value="true"))
        s.merge(Meta(key="station_name", value="塔尔钦边境派出所（演示数据） / Tarchen station (synthetic demo)"))
        officers, vehicles = _roster(s)
    trips_by_day: dict = {}
    for year in summary.years:
        target = rng.randint(740, 860)
        days = _day_weights(year)
        persons = 0
        with db.write(ACTOR, "demo_history") as s:
            officers = s.scalars(select(Officer)).all()
            vehicles = s.scalars(select(Vehicle)).all()
            while persons < target:
                day = rng.choices([d for d, _ in days], weights=[w for _, w in days])[0]
                n_trips = trips_by_day.get(day, 0)  # counted here, not queried: same numbers, no round trip
                hour = min(22.5, max(6.0, rng.gauss(13.0, 3.2)))
                when = datetime(day.year, day.month, day.day, tzinfo=BEIJING) + timedelta(hours=hour)
                if day.month in (11, 12, 1, 2, 3) and rng.random() < 0.5:
                    when = when.replace(hour=min(when.hour, 16))
                _inc, n, trip = _simulate_incident(rng, kora, s, officers, vehicles, when, n_trips, target - persons)
                if trip:
                    departed_day = trip.departed_at.astimezone(BEIJING).date()
                    trips_by_day[departed_day] = trips_by_day.get(departed_day, 0) + 1
                persons += n
                summary.incidents += 1
        summary.persons_by_year[year] = persons
        if progress:
            progress(f"demo {year}: {persons} people rescued")
        if on_step:
            on_step(len(summary.persons_by_year), years)
    if open_incidents:
        _open_incidents(db, kora, rng)
    with db.write(ACTOR, "demo_complete") as s:
        pending = s.get(Meta, PENDING)
        if pending is not None:
            s.delete(pending)
    return summary


def _open_incidents(db: Database, kora: Kora, rng: random.Random) -> None:
    """A few live incidents "today", so the board is not empty when the demo opens."""
    now = utc_now()
    cases = [(24.6, "过了卓玛拉山口大概一公里，同伴摔倒了走不了。", "fall_injury", 3, 95),
             (18.9, "We are near Gangjia, my friend has a bad headache and is vomiting.", "altitude_sickness", 2, 40),
             (36.8, "牧民骑摩托车来报：尊珠寺往塔钦方向一公里左右，有人倒在路边。", "hypothermia", 4, 15)]
    for km, text, cause, sev, minutes_ago in cases:
        when = now - timedelta(minutes=minutes_ago)
        lon, lat = kora.point_at(km)
        with db.write(ACTOR, "log_call") as s:
            s.info["at"] = when
            inc = Incident(created_at=when, category=cause, severity=sev, synthetic=True, est_lon=lon, est_lat=lat,
                           est_chainage_km=km, est_method="words", est_uncertainty_m=900.0,
                           est_intervals=[[round(km - 0.9, 3), round(km + 0.9, 3)]])
            s.add_all([inc, Call(incident=inc, received_at=when, text=text, category=cause, severity=sev,
                                 language="en" if text.isascii() else "zh",
                                 channel="relayed" if "牧民" in text else "phone")])


def is_synthetic(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Meta.value).where(Meta.key == "synthetic")) == "true"


def demo_state(db: Database) -> str:
    """"empty" (nothing generated yet), "unfinished" (a generation was interrupted) or "ready"."""
    with db.read() as s:
        if s.get(Meta, PENDING) is not None:
            return "unfinished"
        if s.scalar(select(func.count(Incident.id))) or s.scalar(select(func.count(Officer.id))):
            return "ready"
    return "empty"


class DemoUnfinished(Exception):
    """An earlier demo generation into this (non-file) database was interrupted."""


def ensure_demo_station(db: Database, years: int = 3, progress: Callable[[str], None] | None = None) -> bool:
    """Create the demo history on first start (an empty database); True if it was created now.

    Raises DemoUnfinished when an interrupted generation left the database half filled (the event log
    is append-only, so it cannot be emptied in place; ``create_demo_file`` replaces a file instead)."""
    state = demo_state(db)
    if state == "unfinished":
        raise DemoUnfinished(f"{db.url} holds an interrupted demo generation; empty it or choose another database.")
    if state == "ready":
        return False
    generate_demo(db, years=years, progress=progress)
    return True


def create_demo_file(path: Path, years: int = 3, progress: Callable[[str], None] | None = None,
                     on_step: Callable[[int, int], None] | None = None, **options) -> DemoSummary:
    """Write a complete demo station to the SQLite file ``path``, replacing what is there.

    The history is generated into ``<path>.part`` and moved into place only when finished, so an
    interrupted or aborted run (``on_step`` raising) never leaves a half-filled ``path``. ``options``
    (seed, end_year) go to ``generate_demo``."""
    part = path.with_name(path.name + ".part")
    for leftover in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
        leftover.unlink(missing_ok=True)
    db = open_database(f"sqlite:///{part}")
    try:
        summary = generate_demo(db, years=years, progress=progress, on_step=on_step, **options)
    except BaseException:
        db.dispose()
        part.unlink(missing_ok=True)
        raise
    db.dispose()  # the last connection checkpoints the WAL into the file
    for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    os.replace(part, path)
    return summary
