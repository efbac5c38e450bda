"""briefing: typed, source-grounded briefings of news articles with an LLM.

``Briefer`` (the LLM path), ``RetryPolicy``, ``BriefingCache``, ``brief_offline``,
``cross_check`` and ``check`` load on first use, so importing briefing stays cheap (no openai, no
instructor) for code that only needs the models, ``align`` or the offline extractor. Type checkers
and IDEs see them through the ``TYPE_CHECKING`` imports below, and ``dir(briefing)`` lists them.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from briefing.batch import Outcome, brief_each
from briefing.checks import check_briefing
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
from briefing.extractor import Extractor
from briefing.grounding import (
    Aligner,
    Alignment,
    AlignOptions,
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

if TYPE_CHECKING:  # the lazy names below, as type checkers should see them
    from briefing.budget import OutputBudget
    from briefing.cache import BriefingCache
    from briefing.crosscheck import CrossCheck, SpeakerMismatch, cross_check
    from briefing.daily import DailyBriefing, adaily, daily, load_articles
    from briefing.extract import Briefer
    from briefing.offline import brief_offline
    from briefing.pacing import Pacer
    from briefing.prices import PriceTable, load_prices
    from briefing.prompts import Prompt
    from briefing.retry import RetryPolicy
    from briefing.verify import (
        Checker,
        CheckOptions,
        Evidence,
        Verification,
        acheck,
        check,
    )
from briefing.options import BriefingOptions

_LAZY = {
    "Briefer": "briefing.extract",
    "BriefingCache": "briefing.cache",
    "RetryPolicy": "briefing.retry",
    "Prompt": "briefing.prompts",
    "brief_offline": "briefing.offline",
    "cross_check": "briefing.crosscheck",
    "SpeakerMismatch": "briefing.crosscheck",
    "CrossCheck": "briefing.crosscheck",
    "check": "briefing.verify",
    "acheck": "briefing.verify",
    "Checker": "briefing.verify",
    "CheckOptions": "briefing.verify",
    "Evidence": "briefing.verify",
    "Verification": "briefing.verify",
    "daily": "briefing.daily",
    "adaily": "briefing.daily",
    "load_articles": "briefing.daily",
    "DailyBriefing": "briefing.daily",
    "Pacer": "briefing.pacing",
    "OutputBudget": "briefing.budget",
    "PriceTable": "briefing.prices",
    "load_prices": "briefing.prices",
}
"""Public names imported on first use: name -> module. Add each to the TYPE_CHECKING block too."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "APIError",
    "AlignOptions",
    "Aligner",
    "Alignment",
    "Article",
    "AuthenticationError",
    "Briefer",
    "Briefing",
    "BriefingCache",
    "BriefingError",
    "BriefingOptions",
    "Channel",
    "CheckOptions",
    "Checker",
    "Claim",
    "ClaimCheck",
    "ClaimKind",
    "ConfigurationError",
    "ContextLengthError",
    "CrossCheck",
    "DailyBriefing",
    "Difference",
    "Dispute",
    "Evidence",
    "ExtractionError",
    "Extractor",
    "FigureCheck",
    "GroundingSummary",
    "InputError",
    "ModelNotFoundError",
    "Outcome",
    "OutputBudget",
    "Pacer",
    "Position",
    "PriceTable",
    "Prompt",
    "PromptError",
    "QuotaExceededError",
    "RateLimitError",
    "RefusalError",
    "RetryPolicy",
    "ServiceUnavailableError",
    "Span",
    "Speaker",
    "SpeakerMismatch",
    "TruncatedOutputError",
    "UntrustedClaim",
    "Usage",
    "Verification",
    "acheck",
    "adaily",
    "align",
    "brief_each",
    "brief_offline",
    "check",
    "check_briefing",
    "cross_check",
    "daily",
    "ground_briefing",
    "load_articles",
    "load_prices",
    "unlocated_excerpts",
]
