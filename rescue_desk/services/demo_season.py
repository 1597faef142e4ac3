"""One season of the demo station's synthetic history.

Shape (assumptions, documented in the README): the kora is walked mostly May–October with a peak at
the Saga Dawa full moon, light traffic in April/November and a winter closure; incidents cluster on
the climb to and descent from Dolma La and around the Drira Phuk lodgings (first night); 700–900
people are rescued a year, mostly in parties; at most four rescue trips leave on one day.

Each incident is told step by step as the desk would have logged it (the call, the dispatch, on
scene, evacuating, back), every step at its own time, into a ``LoggedHistory``: the rows and their
event log are written in bulk at the end of the season, not flushed one object at a time."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from itertools import accumulate

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.geo import utm_to_lonlat
from rescue_desk.domain.kora import Kora
from rescue_desk.storage.bulk_log import LoggedHistory
from rescue_desk.storage.models import Call, CheckIn, Incident, Person, Trip

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
MAX_TRIPS_A_DAY = 4


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


def _describe(kora: Kora, km: float, cause: str, lang: str) -> str:
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
    return utm_to_lonlat(x + rng.gauss(0, sigma_m), y + rng.gauss(0, sigma_m))


def road_ends(kora: Kora) -> list[tuple[float, float]]:
    """(chainage, drive minutes from the station) of every road end a team can start walking from."""
    ends = [(a.chainage_km, 10 + a.chainage_km * 2.5 if a.chainage_km < 30 else 10 + (46.2 - a.chainage_km) * 3)
            for a in kora.access_points if a.kind in ("road_end", "road_access") and a.id != "access_darchen_south"]
    return ends + [(0.0, 5.0)]


class Season:
    """Tells one season's incidents into ``history``; the caller writes it (``history.write()``)."""

    def __init__(self, rng: random.Random, kora: Kora, history: LoggedHistory, officer_ids: list[int],
                 vehicle_ids: list[int], trips_by_day: dict[date, int]):
        self.rng, self.kora, self.history = rng, kora, history
        self.officer_ids, self.vehicle_ids = officer_ids, vehicle_ids
        self.trips_by_day = trips_by_day  # shared across seasons: a trip may come back the next day
        self.ends = road_ends(kora)
        self.incidents = 0
        self.deaths = 0

    def tell(self, year: int) -> int:
        """Incidents until 740–860 people (drawn) were reached in ``year``; returns how many of them
        were rescued alive (the report's "persons rescued": the dead are not counted)."""
        rng = self.rng
        target = rng.randint(740, 860)
        days = _day_weights(year)
        day_list, day_cumulative = [d for d, _ in days], list(accumulate(w for _, w in days))
        persons = 0
        while persons < target:
            day = rng.choices(day_list, cum_weights=day_cumulative)[0]
            hour = min(22.5, max(6.0, rng.gauss(13.0, 3.2)))
            when = datetime(day.year, day.month, day.day, tzinfo=BEIJING) + timedelta(hours=hour)
            if day.month in (11, 12, 1, 2, 3) and rng.random() < 0.5:
                when = when.replace(hour=min(when.hour, 16))
            persons += self._incident(when, self.trips_by_day.get(day, 0), target - persons)
            self.incidents += 1
        return persons - self.deaths

    def _road_end_km(self, km: float) -> tuple[float, float]:
        """(chainage of the best road end for a team heading to ``km``, drive minutes from the station)."""
        return min(self.ends, key=lambda e: self.kora.along_distance_km(e[0], km) * 20 + e[1])

    def _incident(self, when: datetime, trips_today: int, persons_left: int) -> int:
        """One incident from the call to the team's return; returns the number of people helped."""
        rng, kora, log = self.rng, self.kora, self.history
        cause = _pick(rng, CAUSES)
        km = _chainage(rng)
        lang = "zh" if rng.random() < 0.72 else "en"
        party = min(persons_left, max(1, int(rng.choices([1, 2, 3, 4, 5, 6], weights=[30, 35, 17, 10, 5, 3])[0])))
        severity = {"cardiac": 4, "pulmonary_edema": 4, "cerebral_edema": 4, "false_alarm": 1}.get(cause, rng.choice([2, 2, 3, 3, 1]))
        truth_lon, truth_lat = _offset_point(rng, kora, km, 25)
        est_km = kora.wrap(km + rng.gauss(0, 0.4))
        est_lon, est_lat = kora.point_at(est_km)
        inc = log.create(Incident, when, dict(
            created_at=when, category=cause, severity=severity, party_size=party, synthetic=True,
            est_lon=est_lon, est_lat=est_lat, est_chainage_km=est_km, est_method="words", est_uncertainty_m=800.0,
            est_intervals=[[round(kora.wrap(est_km - 0.8), 3), round(kora.wrap(est_km + 0.8), 3)]]))
        channel = rng.choices(["phone", "walk_in", "radio", "relayed"], [80, 8, 4, 8])[0]
        caller_name = "（合成）" + rng.choice("张王李赵刘陈杨黄") + rng.choice(["先生", "女士"])
        caller_phone = f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}"
        log.create(Call, when, dict(incident_id=inc["id"], received_at=when, channel=channel, caller_name=caller_name,
                                    caller_phone=caller_phone, language=lang, party_size=party, category=cause,
                                    severity=severity, text=_describe(kora, km, cause, lang)))
        if cause == "false_alarm" or (severity == 1 and rng.random() < 0.5) or trips_today >= MAX_TRIPS_A_DAY:
            closed = when + timedelta(minutes=rng.randint(10, 60))
            log.update(Incident, inc, closed, status="closed", closed_at=closed,
                       outcome="false_alarm" if cause == "false_alarm" else "resolved_by_phone")
            return 0
        departed = when + timedelta(minutes=rng.randint(8, 35))
        end_km, drive_min = self._road_end_km(km)
        walk_km = kora.along_distance_km(end_km, km)
        climb = max(0.0, float(kora.elevation_at(km)) - float(kora.elevation_at(end_km)))
        walk_min = walk_km / 4.0 * 60 + climb / 400 * 60
        on_scene = departed + timedelta(minutes=drive_min * rng.uniform(0.9, 1.4) + walk_min * rng.uniform(0.8, 1.3))
        evac = on_scene + timedelta(minutes=rng.randint(10, 40))
        back = evac + timedelta(minutes=drive_min + walk_min * rng.uniform(1.1, 1.6))
        team = rng.sample(self.officer_ids, rng.choice([2, 3, 3, 4]))
        trip = log.create(Trip, departed, dict(
            incident_id=inc["id"], vehicle_id=rng.choice(self.vehicle_ids[:4]), members=team, departed_at=departed,
            approach={"road_end_km": round(end_km, 3), "walk_km": round(walk_km, 2),
                      "direction": "cw" if (km - end_km) % kora.length_km < kora.length_km / 2 else "ccw"},
            created_at=departed))
        log.update(Incident, inc, departed, status="dispatched")
        departed_day = departed.astimezone(BEIJING).date()
        self.trips_by_day[departed_day] = self.trips_by_day.get(departed_day, 0) + 1

        log.create(CheckIn, on_scene, dict(trip_id=trip["id"], at=departed + (on_scene - departed) / 2,
                                           note="途中报平安 / en route"), incident_id=inc["id"])
        outcomes = []
        for _ in range(party):
            outcome = _pick(rng, PERSON_OUTCOMES)
            if severity == 4 and outcome == "treated_on_site":
                outcome = "hospital"
            origin = _pick(rng, ORIGINS)
            if origin == "indian_yatri" and when.month not in (6, 7, 8, 9):
                origin = "domestic"
            log.create(Person, on_scene, dict(incident_id=inc["id"], trip_id=trip["id"], age=rng.randint(19, 72),
                                              sex=rng.choice(["male", "female"]), origin=origin,
                                              condition=CAUSE_WORDS[cause][0][:12], outcome=outcome,
                                              rescued=outcome != "deceased"))
            outcomes.append(outcome)
            self.deaths += outcome == "deceased"
        log.update(Trip, trip, on_scene, on_scene_at=on_scene)
        log.update(Incident, inc, on_scene, status="on_scene", pos_lon=truth_lon, pos_lat=truth_lat,
                   pos_chainage_km=kora.chainage_of(truth_lon, truth_lat)[0], pos_source="team_gps",
                   pos_confirmed=True)
        log.update(Trip, trip, evac, evacuating_at=evac)
        log.update(Incident, inc, evac, status="evacuating")
        log.update(Trip, trip, back, returned_at=back)
        log.update(Incident, inc, back, status="closed", closed_at=back,
                   outcome="fatal" if "deceased" in outcomes else ("hospital" if "hospital" in outcomes else "rescued"))
        return party
