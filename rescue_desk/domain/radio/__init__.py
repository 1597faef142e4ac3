"""Radio log of the teams out: where a check-in puts the team, and the team's trail."""

from .position import (CheckinPosition, PositionError, position_from_coordinates, position_from_map,
                       position_from_words)
from .trail import TrailPoint, trail_of

__all__ = ["CheckinPosition", "PositionError", "TrailPoint", "position_from_coordinates",
           "position_from_map", "position_from_words", "trail_of"]
