"""The demo station: a synthetic but plausible history, clearly marked synthetic (the shape of a
season is described in demo_season.py). Generated in a few transactions: the roster, one per season
(written in bulk with its event log), the live incidents of "today"."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from rescue_desk.domain.clock import BEIJING, utc_now
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.storage import Database, open_database
from rescue_desk.storage.bulk_log import LoggedHistory
from rescue_desk.storage.models import Call, Incident, Meta, Officer, Vehicle

from .demo_season import Season

ACTOR = "demo-generator"
PENDING = "demo_pending"  # Meta key present while a generation is unfinished (a killed run leaves it)
OFFICERS = ["巴桑平措", "扎西多吉", "次仁旺堆", "格桑罗布", "旺久", "达瓦次仁", "尼玛顿珠", "索朗扎西", "边巴", "拉巴次仁",
            "王磊", "李强", "张伟", "刘洋", "陈杰", "杨帆", "赵鹏", "周涛", "吴昊", "普布"]
VEHICLES = [("皮卡一号", "pickup", "藏F·J0101"), ("皮卡二号", "pickup", "藏F·J0102"), ("救护车", "ambulance", "藏F·J0120"),
            ("越野车", "offroad", "藏F·J0105"), ("摩托车", "motorbike", "")]


@dataclass
class DemoSummary:
    years: list[int]
    incidents: int
    persons_by_year: dict[int, int]


def _roster(s) -> None:
    s.add_all([Officer(name=n, rank="民警" if i else "所长", phone=f"0897-{2600000 + i}")
               for i, n in enumerate(OFFICERS)])
    s.add_all([Vehicle(name=n, kind=k, plate=p, seats=2 if k == "motorbike" else 5) for n, k, p in VEHICLES])


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
        _roster(s)
    trips_by_day: dict[date, int] = {}
    for year in summary.years:
        with db.write(ACTOR, "demo_history") as s:
            history = LoggedHistory(s)
            officer_ids = list(s.scalars(select(Officer.id).order_by(Officer.id)))
            vehicle_ids = list(s.scalars(select(Vehicle.id).order_by(Vehicle.id)))
            season = Season(rng, kora, history, officer_ids, vehicle_ids, trips_by_day)
            persons = season.tell(year)
            history.write()
        summary.incidents += season.incidents
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
