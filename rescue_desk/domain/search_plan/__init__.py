"""Search plan for a missing pilgrim: probability by section of the kora (see ``plan.py``)."""

from .plan import RankedSection, SearchPlan, SearchPlanError, Sighting, make_search_plan, section_probabilities
from .sections import Section, kora_sections, section_of

__all__ = ["RankedSection", "SearchPlan", "SearchPlanError", "Section", "Sighting", "kora_sections",
           "make_search_plan", "section_of", "section_probabilities"]
