"""Check a claim against articles: supported, contradicted or not mentioned, with located evidence.

``check(claim, articles)`` ranks the articles' sentences for the claim (``briefing.text.retrieval``),
then decides from evidence that ``align`` locates in a named article, so that
``article.text[span.start:span.end] == evidence`` for every item:

- offline (no ``briefer``), by rules over the aligned text: the claim (or each quotation inside
  it) is aligned against the best passages and their neighbours. Located with no meaning-changing
  difference, the passage supports the claim; where the claim's words resemble a passage but add
  or drop a negation or change a figure, the passage's own words contradict it.
- with a model (``briefer=Briefer(...)``): only the top passages go to the model in one small
  request (``briefing.verify.model``); each excerpt it quotes must be located in the article it
  names, else it is asked once more, naming the excerpt, and an excerpt still not located never
  counts.

Either way the verdict is bookkeeping over located evidence: any contradicting passage makes it
``contradicted``, support for every part of the claim ``supported``, anything else
``not_mentioned``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from briefing.core.models import Article
from briefing.text.retrieval import PassageIndex
from briefing.verify.offline import WINDOW_CACHE_CHARS, WindowAligners, check_offline
from briefing.verify.rules import (
    CheckOptions,
    Evidence,
    Verification,
    as_articles,
    claim_parts,
)

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer

__all__ = ["CheckOptions", "Checker", "Evidence", "Verification", "acheck", "check"]


class Checker:
    """Checks claims against one set of articles; build it once to check many claims.

    Args:
        articles: ``Article`` objects or texts (ids ``article-N`` are given to those without).
        briefer: a ``Briefer`` whose model judges the top passages; None checks offline.
        options: the knobs (``CheckOptions``).
        window_cache_chars: offline, the most characters of article text whose index is kept
            for the next claims, and of passage windows (cut from it) kept (default
            ``WINDOW_CACHE_CHARS``, 1,000,000 each: ~120 MB in all); 0 keeps none and builds every
            window afresh. It changes the speed, never a verdict.

    Raises:
        InputError: no articles, or two with the same id.
    """

    def __init__(self, articles: Iterable[Article | str], briefer: Briefer | None = None, *,
                 options: CheckOptions = CheckOptions(), window_cache_chars: int = WINDOW_CACHE_CHARS) -> None:
        self.articles = as_articles(articles)
        self.aligners = WindowAligners(window_cache_chars)
        self.briefer = briefer
        self.options = options
        self.index = PassageIndex([a.text for a in self.articles], max_chars=options.max_passage_chars)

    def check(self, claim: Any) -> Verification:
        """Check one claim (a string, a ``Claim`` or a story claim); returns a ``Verification``.

        Raises:
            InputError: an empty or over-long claim, before any request.
            BriefingError: the model's server failed (see ``Briefer.brief``).
        """
        parts = claim_parts(claim, options=self.options)
        if self.briefer is None:
            return check_offline(self.articles, self.index, parts, self.options, self.aligners)
        from briefing.verify.model import ModelCheck

        run = ModelCheck(self.articles, self.index, self.options, parts, self.briefer)
        if run.passages:
            run.finish(self.briefer.llm.extract(**run.request()))
        return run.verification()

    async def acheck(self, claim: Any) -> Verification:
        """Async ``check`` (needs an async client in the ``Briefer``); same result and errors."""
        parts = claim_parts(claim, options=self.options)
        if self.briefer is None:
            return check_offline(self.articles, self.index, parts, self.options, self.aligners)
        from briefing.verify.model import ModelCheck

        run = ModelCheck(self.articles, self.index, self.options, parts, self.briefer)
        if run.passages:
            run.finish(await self.briefer.llm.aextract(**run.request()))
        return run.verification()


def check(claim: Any, articles: Iterable[Article | str], briefer: Briefer | None = None, *,
          options: CheckOptions = CheckOptions()) -> Verification:
    """Check ``claim`` against ``articles``: supported, contradicted or not mentioned.

    Args:
        claim: the claim as a string (quotations inside it are checked word for word), a
            briefing ``Claim`` (its evidence), or a daily briefing's story claim.
        articles: ``Article`` objects or texts.
        briefer: a ``Briefer`` to let its model judge the top passages; None checks offline.
        options: passages, thresholds and re-asks (``CheckOptions``).

    Returns:
        A ``Verification`` whose evidence each sits at ``text[span.start:span.end]`` of the
        article it names; a verdict other than ``not_mentioned`` always rests on such evidence.

    Raises:
        InputError: no articles, duplicate ids, an empty or over-long claim (before any request).
        BriefingError: the model's server failed (see ``Briefer.brief``).
    """
    return Checker(articles, briefer, options=options).check(claim)


async def acheck(claim: Any, articles: Iterable[Article | str], briefer: Briefer | None = None, *,
                 options: CheckOptions = CheckOptions()) -> Verification:
    """Async ``check``; same arguments, result and errors."""
    return await Checker(articles, briefer, options=options).acheck(claim)
