"""A long station-layer import is written in short transactions: a desk logging a call meanwhile is
served while the import still runs, and names are checked once, up front, so a refused change
writes nothing (SQLite and PostgreSQL)."""

import json
import threading
from datetime import datetime, timezone

import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.services import incidents, station
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.incidents import CallInput
from rescue_desk.services.station_exchange import apply_import, preview_import
from rescue_desk.storage import open_database


def layer(n, name=lambda i: f"Test cairn {i}", alias=lambda i: f"cairn no {i}"):
    kora = load_kora()
    feats = []
    for i in range(n):
        lon, lat = kora.point_at((i + 0.5) * kora.length_km / n)
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                      "properties": {"feature_type": "landmark", "name_en": name(i),
                                     "aliases": [{"text": alias(i), "lang": "en"}]}})
    return json.dumps({"type": "FeatureCollection", "features": feats}).encode()


def test_a_desk_is_served_while_the_import_runs(any_db_url):
    db, desk = open_database(any_db_url), open_database(any_db_url)
    diff = preview_import(db, layer(40))
    started, finished = threading.Event(), threading.Event()

    def importing():
        started.set()
        apply_import(db, "importer", diff, batch_seconds=0.02, pause_seconds=0.05)
        finished.set()

    thread = threading.Thread(target=importing)
    thread.start()
    started.wait()
    served_during_import = 0
    while not finished.is_set():
        incidents.log_call(desk, "desk", CallInput(received_at=datetime.now(timezone.utc), text="call"))
        served_during_import += not finished.is_set()
    thread.join()
    assert served_during_import >= 2
    assert len([lm for lm in station.load_layer(db).landmarks]) == 40
    db.dispose()
    desk.dispose()


@pytest.mark.parametrize("make", [
    lambda: layer(30, name=lambda i: "Same name" if i in (3, 27) else f"Test cairn {i}"),
    lambda: layer(30, alias=lambda i: "Test cairn 2" if i == 25 else f"cairn no {i}"),
    lambda: layer(30, name=lambda i: "Tarboche" if i == 29 else f"Test cairn {i}"),
])
def test_a_refused_name_anywhere_writes_nothing(any_db, make):
    diff = preview_import(any_db, make())
    with pytest.raises(ValidationError, match="Nothing was imported"):
        apply_import(any_db, "importer", diff, batch_seconds=0.0)
    assert station.load_layer(any_db).landmarks == ()
