"""briefing: typed, source-grounded briefings of news articles with an LLM.

``Briefer`` (the LLM path), ``brief_offline`` and ``cross_check`` load on first use, so importing
briefing stays cheap for code that only needs the models, ``align`` or the offline extractor.
"""

from importlib import import_module
from typing import Any

from briefing.errors import (
    APIError,
    AuthenticationError,
    BriefingError,
    ConfigurationError,
    ContextLengthError,
    ExtractionError,
    InputError,
    ModelNotFoundError,
    PromptError,
    QuotaExceededError,
    RateLimitError,
    RefusalError,
    ServiceUnavailableError,
    TruncatedOutputError,
)
from briefing.checks import check_briefing
from briefing.grounding import (
    AlignOptions,
    Aligner,
    Alignment,
    align,
    ground_briefing,
    unlocated_excerpts,
)
from briefing.models import (
    Article,
    Briefing,
    Channel,
    Claim,
    ClaimCheck,
    ClaimKind,
    Difference,
    Dispute,
    FigureCheck,
    GroundingSummary,
    Position,
    Span,
    Speaker,
    UntrustedClaim,
    Usage,
)

_LAZY = {
    "Briefer": "briefing.extract",
    "BriefingCache": "briefing.cache",
    "brief_offline": "briefing.offline",
    "cross_check": "briefing.crosscheck",
    "SpeakerMismatch": "briefing.crosscheck",
    "CrossCheck": "briefing.crosscheck",
    "Pacer": "briefing.pacing",
    "OutputBudget": "briefing.budget",
    "PriceTable": "briefing.prices",
    "load_prices": "briefing.prices",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")


__all__ = [
    "AlignOptions",
    "Aligner",
    "Alignment",
    "Briefer",
    "BriefingCache",
    "CrossCheck",
    "OutputBudget",
    "Pacer",
    "PriceTable",
    "SpeakerMismatch",
    "align",
    "brief_offline",
    "check_briefing",
    "cross_check",
    "load_prices",
    "ground_briefing",
    "unlocated_excerpts",
    "APIError",
    "Article",
    "AuthenticationError",
    "Briefing",
    "BriefingError",
    "Channel",
    "Claim",
    "ClaimCheck",
    "ClaimKind",
    "ConfigurationError",
    "ContextLengthError",
    "Difference",
    "Dispute",
    "ExtractionError",
    "FigureCheck",
    "GroundingSummary",
    "InputError",
    "ModelNotFoundError",
    "Position",
    "PromptError",
    "QuotaExceededError",
    "RateLimitError",
    "RefusalError",
    "ServiceUnavailableError",
    "Span",
    "Speaker",
    "TruncatedOutputError",
    "UntrustedClaim",
    "Usage",
]
