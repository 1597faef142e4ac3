"""Sharing a position with the team in the field: text formats, QR payloads, GPX and KML."""

from .files import FieldGeometry, approach_line, circle_ring, corridor_lines, route_between, to_gpx, to_kml
from .position import NearestLandmark, SharedPosition, ShareError, format_ddm, format_dms, share_position

__all__ = ["FieldGeometry", "approach_line", "circle_ring", "corridor_lines", "route_between", "to_gpx", "to_kml",
           "NearestLandmark", "SharedPosition", "ShareError", "format_ddm", "format_dms", "share_position"]
