"""The offline map: a QGraphicsView over a scene in UTM 44N metres (y flipped), driven by MapController."""

from .controller import MapController

__all__ = ["MapController"]
