"""briefing: typed, source-grounded briefings of news articles with an LLM.

``Briefer`` (the LLM path), ``RetryPolicy``, ``BriefingCache``, ``brief_offline``,
``cross_check`` and ``check`` load on first use, so importing briefing stays cheap (no openai, no
instructor) for code that only needs the models, ``align`` or the offline extractor. Type checkers
and IDEs see them through the ``TYPE_CHECKING`` imports below, and ``dir(briefing)`` lists them.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from briefing.brief.each import Outcome, brief_each
from briefing.core.errors import (
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
from briefing.core.extractor import Extractor
from briefing.core.models import (
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
from briefing.grounding.aligner import (
    Aligner,
    Alignment,
    AlignOptions,
    align,
    ground_briefing,
    unlocated_excerpts,
)
from briefing.grounding.inarticle import check_briefing

if TYPE_CHECKING:  # the lazy names below, as type checkers should see them
    from briefing.brief.briefer import Briefer
    from briefing.brief.cache import BriefingCache
    from briefing.daily import (
        DailyBriefing,
        HistoryOptions,
        adaily,
        daily,
        diff,
        load_articles,
    )
    from briefing.llm.budget import OutputBudget
    from briefing.llm.pacing import Pacer
    from briefing.llm.prices import PriceTable, load_prices
    from briefing.llm.prompts import Prompt
    from briefing.llm.retry import RetryPolicy
    from briefing.offline import brief_offline
    from briefing.offline.crosscheck import CrossCheck, SpeakerMismatch, cross_check
    from briefing.verify.checker import (
        Checker,
        CheckOptions,
        Evidence,
        Verification,
        acheck,
        check,
    )
from briefing.core.options import BriefingOptions

_LAZY = {
    "Briefer": "briefing.brief.briefer",
    "BriefingCache": "briefing.brief.cache",
    "RetryPolicy": "briefing.llm.retry",
    "Prompt": "briefing.llm.prompts",
    "brief_offline": "briefing.offline",
    "cross_check": "briefing.offline.crosscheck",
    "SpeakerMismatch": "briefing.offline.crosscheck",
    "CrossCheck": "briefing.offline.crosscheck",
    "check": "briefing.verify.checker",
    "acheck": "briefing.verify.checker",
    "Checker": "briefing.verify.checker",
    "CheckOptions": "briefing.verify.checker",
    "Evidence": "briefing.verify.checker",
    "Verification": "briefing.verify.checker",
    "daily": "briefing.daily",
    "adaily": "briefing.daily",
    "load_articles": "briefing.daily",
    "DailyBriefing": "briefing.daily",
    "diff": "briefing.daily",
    "HistoryOptions": "briefing.daily",
    "Pacer": "briefing.llm.pacing",
    "OutputBudget": "briefing.llm.budget",
    "PriceTable": "briefing.llm.prices",
    "load_prices": "briefing.llm.prices",
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
    "HistoryOptions",
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
    "diff",
    "ground_briefing",
    "load_articles",
    "load_prices",
    "unlocated_excerpts",
]
