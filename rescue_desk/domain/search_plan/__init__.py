"""Search plan for a missing pilgrim: probability by section of the kora (see ``plan.py``)."""

from .plan import RankedSection, SearchPlan, make_search_plan, section_probabilities
from .sightings import MAX_SUSTAINED_KMH, PaceBasis, SearchPlanError, Sighting, check_sightings, place_name
from .sections import Section, kora_sections, section_of

__all__ = ["MAX_SUSTAINED_KMH", "PaceBasis", "RankedSection", "SearchPlan", "SearchPlanError", "Section",
           "Sighting", "check_sightings", "kora_sections", "make_search_plan", "place_name", "section_of",
           "section_probabilities"]
