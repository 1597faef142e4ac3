"""The incident history search: open and closed incidents by words, dates, category, outcome, km."""

from datetime import datetime, timedelta, timezone

from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents as svc
from rescue_desk.services.history import HistoryQuery, search_incidents


def _call(db, at, km, text, category="exhaustion"):
    lon, lat = load_kora().point_at(km)
    return svc.log_call(db, "t", svc.CallInput(received_at=at, text=text, category=category,
                                               position=svc.Position(lon, lat)))[1]


def test_search_finds_open_and_closed_by_every_field(any_db):
    t = datetime(2025, 6, 10, 4, 0, tzinfo=timezone.utc)
    a = _call(any_db, t, 5.0, "Tired near Sershong, 100% exhausted")
    b = _call(any_db, t + timedelta(days=3), 24.0, "冷，卓玛拉下面", "hypothermia")
    c = _call(any_db, t + timedelta(days=5), 40.0, "lost near Zutulpuk", "lost")
    svc.close_incident(any_db, "t", a, "rescued", at=t + timedelta(hours=2))
    svc.close_incident(any_db, "t", b, "hospital", at=t + timedelta(days=3, hours=3))

    def ids(**kw):
        return [r.id for r in search_incidents(any_db, HistoryQuery(**kw))]

    assert ids() == [c, b, a]
    assert ids(text="sershong tired") == [a] and ids(text="卓玛拉") == [b] and ids(text="100%") == [a]
    assert ids(text=f"#{c}") == [c] and ids(text="nowhere") == []
    assert ids(state="closed") == [b, a] and ids(state="open") == [c]
    assert ids(category="hypothermia") == [b] and ids(outcome="hospital") == [b]
    assert ids(km_from=20, km_to=30) == [b]
    # Beijing days: 2025-06-13 04:00 UTC is 12:00 in Beijing on the 13th
    assert ids(date_from=(t + timedelta(days=3)).date(), date_to=(t + timedelta(days=3)).date()) == [b]
    rows = search_incidents(any_db, HistoryQuery(text="卓玛拉"))
    assert rows[0].outcome == "hospital" and rows[0].closed_at is not None and not rows[0].is_open
