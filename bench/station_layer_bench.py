"""How long the station layer takes to load and merge, and how the merged gazetteer affects locating.

Run on demand: .venv/bin/python bench/station_layer_bench.py [N_LANDMARKS] [N_ALIASES]"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import locate
from rescue_desk.services import station
from rescue_desk.services.station import LandmarkInput, StationKoras
from rescue_desk.storage import open_database


def main(n_lm: int = 200, n_alias: int = 400) -> None:
    kora = load_kora()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'b.sqlite3'}")
        t = time.perf_counter()
        keys = []
        for i in range(n_lm):
            lon, lat = kora.point_at(i * kora.length_km / n_lm)
            keys.append(station.add_landmark(db, "bench", LandmarkInput(lon, lat, name_en=f"Bench tent {i}")))
        for j in range(n_alias):
            station.add_alias(db, "bench", keys[j % n_lm], f"bench alias {j}", "en")
        print(f"{n_lm} adds + {n_alias} aliases: {(time.perf_counter() - t) / (n_lm + n_alias) * 1000:.1f} ms per change")
        t = time.perf_counter()
        layer = station.load_layer(db)
        t_load = time.perf_counter() - t
        t = time.perf_counter()
        k = StationKoras(layer).at(None)
        t_merge = time.perf_counter() - t
        print(f"load layer {t_load * 1000:.0f} ms, merge + gazetteer {t_merge * 1000:.0f} ms, {len(k.gazetteer)} landmarks")
        texts = ["2 km past Sershong", "we are at bench alias 17", "在卓玛拉下面一点", "near Bench tent 150"]
        for kk, label in ((kora, "shipped"), (k, "station")):
            locate(texts[0], kora=kk)  # build the mention scanner once
            t = time.perf_counter()
            for _ in range(5):
                for text in texts:
                    locate(text, kora=kk)
            print(f"locate with the {label} layer: {(time.perf_counter() - t) / 20 * 1000:.1f} ms per call")
        db.dispose()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
