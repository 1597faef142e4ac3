"""Historical import: duplicates, bad rows with line numbers, positions from the logbook or the locator."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from rescue_desk.domain.clock import BEIJING
from rescue_desk.domain.kora import load_kora
from rescue_desk.services.importer import RowError, import_logbook
from rescue_desk.services.reports import yearly_report
from rescue_desk.storage.models import Call, Incident, Person, Trip

HEADER = ("received_at,description,category,persons_rescued,outcome,departed_at,on_scene_at,returned_at,"
          "lon,lat,chainage_km,origin,drill\n")
GOOD = [
    "2019-06-11 09:00,过了卓玛拉山口大概一公里，同伴摔倒了走不了,摔伤,2,hospital,2019-06-11 09:20,"
    "2019-06-11 11:30,2019-06-11 15:00,,,,indian_yatri,\n",
    "2019-06-12 10:00,头疼,altitude_sickness,1,,2019-06-12 10:30,,,,,19.5,domestic,no\n",
    "2019-12-31 23:30,logbook says: the lodge,exhaustion,1,rescued,,,,81.3202,31.1022,,,\n",
    "2020-01-01 00:10,新年演练,lost,3,,,,,,,2.0,,是\n",
]
BAD = [
    "2019-06-13 10:00,x,altitude_sickness,1,,2019-06-13 09:30,,,,,,,\n",   # departs before the call
    "2019-06-14 10:00,x,bear attack,1,,,,,,,,,\n",                          # unknown category
    "not a date,x,,,,,,,,,,,\n",
    "2019-06-15 10:00,x,,,,,,,81.3,,,,\n",                                  # lon without lat
]


def count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_good_rows_imported_bad_rows_reported_with_lines(any_db):
    text = HEADER + GOOD[0] + BAD[0] + GOOD[1] + BAD[1] + BAD[2] + GOOD[2] + BAD[3] + GOOD[3]
    seen = []
    r = import_logbook(any_db, "t", text, "book.csv", progress=lambda d, n: seen.append((d, n)))
    assert (r.rows, r.imported, r.duplicates) == (8, 4, 0)
    assert [line for line, _ in r.bad] == [3, 5, 6, 8]
    reasons = dict(r.bad)
    assert "departed_at is before received_at" in reasons[3]
    assert "category 'bear attack'" in reasons[5]
    assert "received_at" in reasons[6] and "both lon and lat" in reasons[8]
    assert seen[-1] == (8, 8) and len(seen) == 8
    # nothing of the bad rows was written
    assert count(any_db, Incident) == 4 and count(any_db, Call) == 4
    assert count(any_db, Person) == 2 + 1 + 1 + 3 and count(any_db, Trip) == 2


def test_reimport_does_not_duplicate(any_db):
    first = import_logbook(any_db, "t", HEADER + "".join(GOOD), "a.csv")
    assert first.imported == 4
    # the same rows in another file (reordered, with one new row): only the new one comes in
    new = "2019-07-01 08:00,在岗加附近,exhaustion,1,,,,,,,,,\n"
    again = import_logbook(any_db, "t", HEADER + GOOD[2] + new + GOOD[0] + GOOD[1] + GOOD[3], "b.csv")
    assert (again.imported, again.duplicates, again.bad) == (1, 4, [])
    assert count(any_db, Incident) == 5


def test_positions_from_logbook_and_locator(any_db):
    r = import_logbook(any_db, "t", HEADER + "".join(GOOD), "a.csv")
    kora = load_kora()
    with any_db.read() as s:
        a, b, c, d = (s.get(Incident, i) for i in r.incident_ids)
    # row 1 has no position: the locator reads "about 1 km past Dolma La" from the description
    assert a.pos_lon is None and a.est_method == "import" and a.est_lon is not None
    assert kora.landmark("dolma_la").chainage_km < a.est_chainage_km < kora.landmark("dolma_la").chainage_km + 2.5
    assert "estimated from the description" in a.notes
    assert b.pos_source == "import" and b.pos_chainage_km == pytest.approx(19.5) and not b.pos_confirmed
    assert c.pos_source == "import" and c.pos_lon == pytest.approx(81.3202)
    assert d.drill and r.placed_by_locator == 1 and r.unplaced == 0
    assert a.status == "closed" and a.outcome == "hospital"


def test_imported_rows_count_in_reports_in_beijing_time(any_db):
    import_logbook(any_db, "t", HEADER + "".join(GOOD), "a.csv")
    y2019 = yearly_report(any_db, 2019).totals
    # 31 Dec 23:30 Beijing is 2019; the New Year drill never counts
    assert (y2019.incidents, y2019.calls, y2019.trips, y2019.persons_rescued, y2019.hospital) == (3, 3, 2, 4, 2)
    assert yearly_report(any_db, 2020).totals.incidents == 0


def test_unusable_header(db):
    with pytest.raises(RowError, match="received_at"):
        import_logbook(db, "t", "date,text\n2019-01-01,x\n")


def test_received_at_is_beijing_time(db):
    r = import_logbook(db, "t", "received_at\n2019-06-11 09:00\n")
    with db.read() as s:
        assert s.get(Incident, r.incident_ids[0]).created_at == datetime(2019, 6, 11, 9, 0, tzinfo=BEIJING)
