"""The station's own knowledge (the sand table) as live state: the layer read from the database and
the kora it gives on any day. ``changed`` fires whenever a new layer is in (an edit here, at another
desk, an import); readers ask ``kora_at(call_time)`` on every request instead of keeping a copy."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from rescue_desk.domain.kora import Kora
from rescue_desk.services import station


def _load(db) -> station.StationKoras:
    """Worker thread: the whole layer, with today's kora built so the GUI thread need not build it."""
    koras = station.StationKoras(station.load_layer(db))
    koras.at(None)
    return koras


class StationState(QObject):
    """Holds ``StationKoras`` for the layer last read; reloads on ``bridge.stationLayerChanged``.
    ``ctx.kora`` follows today's kora. GUI thread only (reads run on the database worker)."""

    changed = Signal()

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.koras: station.StationKoras | None = None
        self.generation = 0  # grows with every layer read: a reader can tell its copy is stale
        ctx.bridge.stationLayerChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        if self.ctx.worker.running:
            self.ctx.worker.submit(_load, self.ctx.db, on_done=self._loaded, on_error=lambda _e: None)

    def _loaded(self, koras: station.StationKoras) -> None:
        self.koras = koras
        self.generation += 1
        self.ctx.kora = koras.at(None)
        self.changed.emit()

    def kora_at(self, when: datetime | None = None) -> Kora:
        """The kora with the station layer in use on the day of ``when`` (default today)."""
        if self.koras is None:
            return self.ctx.kora
        return self.koras.at(when)

    def landmark_names(self, when: datetime | None = None) -> list[str]:
        """Every name (shipped, station, aliases) of the landmarks in use on that day, sorted."""
        return sorted({n for n, _lang, _id in self.kora_at(when).gazetteer.names()})
