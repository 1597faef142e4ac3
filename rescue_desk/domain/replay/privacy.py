"""Masking personal data in free text for training views and scenarios (see domain/personal_data.py)."""

from __future__ import annotations

from rescue_desk.domain.personal_data import MASK, has_personal_data, has_personal_numbers, scrub_text

__all__ = ["MASK", "scrub_text", "has_personal_data", "has_personal_numbers"]
