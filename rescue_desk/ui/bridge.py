"""The one bridge from core events to Qt: services and the worker report changes here, widgets listen."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventBridge(QObject):
    """Re-emits change notices as Qt signals on the GUI thread.

    Emitting from the worker thread is safe: receivers live on the GUI thread, so Qt queues the call.
    ``dataChanged(kind)`` names what changed in general terms ("officers", "vehicles", "landmarks"...)."""

    incidentsChanged = Signal()
    incidentChanged = Signal(int)
    stationLayerChanged = Signal()
    dataChanged = Signal(str)

    def incident_changed(self, incident_id: int) -> None:
        """One incident changed: both the specific and the list-wide signal fire."""
        self.incidentChanged.emit(int(incident_id))
        self.incidentsChanged.emit()
