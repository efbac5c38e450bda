"""Grounding: locate an excerpt in an article (``align``), say what differs, and check claims within their article. Pure.
"""

from briefing.grounding.aligner import (
    Aligner,
    Alignment,
    AlignOptions,
    align,
    ground_briefing,
    unlocated_excerpts,
)

__all__ = ["AlignOptions", "Aligner", "Alignment", "align", "ground_briefing", "unlocated_excerpts"]
