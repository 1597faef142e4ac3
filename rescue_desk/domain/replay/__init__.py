"""Replay of past incidents: the story folded from the event log, its ordered timeline, and where
the teams and the position estimate were at any playhead time. Plain Python (no Qt, no database)."""

from .motion import TeamMotion, TeamPosition, check_track_inside_trip, track_rows_checked
from .privacy import has_personal_numbers, scrub_text
from .story import (CallFact, CheckinFact, EstimateFact, EventRecord, PersonFact, ReplayError, StatusFact,
                    Story, TripFact, story_from_events)
from .timeline import KINDS, Frame, Replay, TimelineEntry, build_timeline

__all__ = ["CallFact", "CheckinFact", "EstimateFact", "EventRecord", "Frame", "KINDS", "PersonFact", "Replay",
           "ReplayError", "StatusFact", "Story", "TeamMotion", "TeamPosition", "TimelineEntry", "TripFact",
           "build_timeline", "check_track_inside_trip", "has_personal_numbers", "scrub_text",
           "story_from_events", "track_rows_checked"]
