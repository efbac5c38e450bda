"""Article -> Briefing with an LLM: render the prompt, ask the model, ground and check the answer.

When the model's evidence cannot be located in the article, instructor's validation re-ask tells
the model which excerpts are wrong; when those re-asks run out, the claim is kept and marked
``not_found``, never dropped and never shown as grounded.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable
from typing import Any, TypeVar

from pydantic import ValidationInfo, model_validator

from briefing.brief.cache import BriefingCache, cache_key
from briefing.core.errors import ContextLengthError
from briefing.core.inputs import as_article
from briefing.core.limits import AnswerLimits, cap_strings
from briefing.core.models import Article, Briefing, ExtractedBriefing, Usage
from briefing.core.options import (
    BriefingOptions,
    Settings,
    endpoint,
    resolve_options,
    resolve_settings,
)
from briefing.grounding.aligner import describe, ground_briefing, unlocated
from briefing.grounding.inarticle import check_briefing
from briefing.llm.budget import OutputBudget
from briefing.llm.client import LLM, Answer
from briefing.llm.pacing import Pacer
from briefing.llm.prices import PriceSource, load_prices
from briefing.llm.prompts import Prompt, load_prompt, load_prompt_folder
from briefing.llm.retry import RetryPolicy
from briefing.text.chunking import Chunk, estimate_tokens, merge_extracted, split_text

MAX_RESPLITS = 2
"""How many times a chunk the server finds too long is halved again before the error stands."""

R = TypeVar("R")


async def _gather(*aws: Awaitable[R]) -> list[R]:
    """``asyncio.gather``, except that when one fails the others are cancelled, not left running
    (and sending paid requests) after the error has been raised."""
    tasks = [asyncio.ensure_future(a) for a in aws]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def halves(chunk: Chunk) -> list[Chunk]:
    """Split ``chunk`` into two (at times three) overlapping parts on natural boundaries, with
    offsets kept in the article."""
    size = len(chunk.text)
    overlap = size // 20
    parts = split_text(chunk.text, max_chars=size // 2 + overlap, overlap_chars=overlap)
    return [Chunk(chunk.start + p.start, chunk.start + p.end, p.text) for p in parts]


def _spent(error: ContextLengthError) -> Answer:
    """What a request the server refused as too long still cost (counted in the usage)."""
    return Answer(None, error.usage or Usage())


class ArticleBriefing(ExtractedBriefing):
    """The briefing of one news article, every evidence excerpt copied verbatim from it."""

    @model_validator(mode="after")
    def _evidence_is_verbatim(self, info: ValidationInfo) -> ArticleBriefing:
        context = info.context or {}
        max_claims = context.get("max_claims")
        if max_claims is not None and len(self.claims) > max_claims:  # before grounding 5,000 claims
            if context.get("claim_reasks_left", 0) > 0:
                context["claim_reasks_left"] -= 1
                raise ValueError(
                    f"the answer has {len(self.claims)} claims, more than asked for: return at most "
                    f"{max_claims}, the ones a reader most needs, in article order."
                )
            self.claims = self.claims[:max_claims]  # asked again already: keep the first ones
        text = context.get("article_text")
        if text is None or context.get("grounding_reasks_left", 0) <= 0:
            return self
        missing = unlocated(self, text)
        if missing:
            context["grounding_reasks_left"] -= 1
            listed = "; ".join(
                repr(excerpt) + (f" ({said})" if (said := describe(alignment)) else "")
                for excerpt, alignment in missing
            )
            raise ValueError(
                f"these evidence excerpts do not occur in the article: {listed}. Copy each evidence "
                "character for character from the article text (same quotes, dashes and case, no "
                "'...'), or drop the claim if the article does not contain it."
            )
        return self


def _article_fields(article: Article) -> dict[str, str | None]:
    """What a Briefing keeps of its Article: the id, url and publication date."""
    return {"article": article.id, "url": article.url, "published": article.published}


class Briefer:
    """Briefs news articles with an LLM.

    Args:
        model: the model name, overriding ``options.model``; without either, ``BRIEFING_MODEL``,
            then ``gpt-4o-mini``.
        options: a ``BriefingOptions`` with every answer-changing knob (mode, max_claims,
            language, context_tokens, max_retries, grounding_reasks, max_output_tokens, limits);
            None uses the documented defaults. A ``mode`` of None (the default) is ``tools`` for
            OpenAI and ``auto`` for any other ``base_url``.
        client: a ready-made ``openai.OpenAI``/``AsyncOpenAI`` (or Azure) client, or an instructor
            client; when None, one is built from ``api_key``/``base_url`` or the environment. An
            openai client's own retries are turned off so ``retry_policy`` alone decides; an
            instructor client is used as given (build it with ``max_retries=0`` for the same).
        api_key, base_url: the server, when no ``client`` is given (fallbacks: ``OPENAI_API_KEY``,
            ``OPENAI_BASE_URL``).
        retry_policy: rate-limit, server-fault and timeout retries (``RetryPolicy``).
        cache: a folder (or a ``BriefingCache``) that keeps successful briefings, so briefing the
            same article with the same settings again sends no request; None (default) keeps none.
        prompt: a custom prompt: a ``Prompt``, or a folder with ``system.j2`` and ``user.j2``
            (see ``prompts.load_prompt_folder``); None uses the packaged ``prompts/brief``. Its
            version enters ``Briefing.prompt_version`` and the cache key.
        output_budget: how each request's output budget is sized (``OutputBudget``); its ``cap``
            is ``options.max_output_tokens`` unless given.
        pacer: a ``Pacer`` for the key's rate limits, shared with other Briefers on the same key
            (``Pacer(rpm, tpm)``); None learns them from the server's ``x-ratelimit-*`` headers.
        prices: a price table, a mapping or a JSON file laid over the shipped prices
            (``prices.load_prices``); ``usage.cost_usd`` is None for a model with no price.

    Raises:
        ConfigurationError: no key, base URL or client, an unknown mode, or an unusable cache folder.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        options: BriefingOptions | None = None,
        client: Any = None,
        api_key: str | None = None,
        base_url: str | None = None,
        retry_policy: RetryPolicy | None = None,
        cache: str | os.PathLike[str] | BriefingCache | None = None,
        prompt: Prompt | str | os.PathLike[str] | None = None,
        output_budget: OutputBudget | None = None,
        pacer: Pacer | None = None,
        prices: PriceSource = None,
    ) -> None:
        options = resolve_options(options, model=model)
        if options.mode is None:  # tools for OpenAI, auto for any other server
            options = options.replace(mode=resolve_settings(base_url=base_url).mode)
        assert options.model is not None  # resolve_options always names one
        self.settings: Settings = resolve_settings(model=options.model, mode=options.mode, api_key=api_key,
                                                   base_url=base_url)
        cap = options.max_output_tokens
        self.output_budget = output_budget or OutputBudget(cap=cap, floor=min(512, cap))
        self.pacer = pacer or Pacer()
        self.prices = load_prices(prices)
        self.llm = LLM(self.settings, client=client, policy=retry_policy,
                       max_output_tokens=self.output_budget.cap, pacer=self.pacer)
        self.prompt = (load_prompt("brief") if prompt is None
                       else prompt if isinstance(prompt, Prompt) else load_prompt_folder(prompt))
        self.options: BriefingOptions = options.replace(
            prompt_version=self.prompt.version,
            endpoint=endpoint(self.llm.base_url),  # the settings' or the given client's; no credentials
        )
        self.cache = cache if cache is None or isinstance(cache, BriefingCache) else BriefingCache(cache)

    def __repr__(self) -> str:
        return f"Briefer(model={self.settings.model!r}, mode={self.settings.mode!r})"

    def __call__(self, article: Article) -> Briefing:
        """``brief(article)``: a Briefer is an ``Extractor``, like ``brief_offline``."""
        return self.brief(article)

    def _chunks(self, article: Article) -> list[Chunk]:
        if estimate_tokens(article.text) <= self.options.context_tokens:
            return [Chunk(0, len(article.text), article.text)]
        chars_per_token = len(article.text) / estimate_tokens(article.text)
        max_chars = int(self.options.context_tokens * chars_per_token)
        return split_text(article.text, max_chars=max_chars, overlap_chars=max_chars // 10)

    def _messages(self, article: Article, chunk: Chunk) -> list[dict[str, str]]:
        return self.prompt.render(
            text=chunk.text, title=article.title, source=article.source,
            max_claims=self.options.max_claims, language=self.options.language,
        )

    def _budget(self, chunk: Chunk) -> int:
        """The output budget for one chunk: sized from its text and ``max_claims``."""
        return self.output_budget.tokens(chunk.text, self.options.max_claims)

    def estimate(self, article: Article | str) -> tuple[int, int]:
        """(prompt tokens, output budget) that briefing ``article`` will reserve, before any call."""
        article = as_article(article)
        prompt = output = 0
        for chunk in self._chunks(article):
            messages = self._messages(article, chunk)
            prompt += estimate_tokens("".join(m["content"] for m in messages)) + self._schema_tokens()
            output += self._budget(chunk)
        return prompt, output

    def _schema_tokens(self) -> int:
        """Tokens of the answer schema sent with every request (as a tool or response format)."""
        import json

        return estimate_tokens(json.dumps(ArticleBriefing.model_json_schema()))

    def _context(self, chunk: Chunk) -> dict[str, Any]:
        return {"article_text": chunk.text, "grounding_reasks_left": self.options.grounding_reasks,
                "max_claims": self.options.max_claims, "claim_reasks_left": self.limits.claim_reasks}

    @property
    def limits(self) -> AnswerLimits:
        """The bounds on the model's answer (part of the options, so of the cache key)."""
        return self.options.limits

    def _cached(self, article: Article) -> tuple[str | None, Briefing | None]:
        """The cache key (None without a cache) and the cached briefing, with this article's id."""
        if self.cache is None:
            return None, None
        key = cache_key(article, self.options)
        hit = self.cache.get(key, article.text)
        return key, None if hit is None else hit.model_copy(update=_article_fields(article))

    def cached(self, article: Article | str) -> Briefing | None:
        """The cached briefing of ``article`` with these settings, if any (no request is sent)."""
        return self._cached(as_article(article))[1]

    def _store(self, key: str | None, briefing: Briefing) -> Briefing:
        if key is not None and self.cache is not None:
            self.cache.put(key, briefing)
        return briefing

    def _finish(self, article: Article, answers: list[Answer]) -> Briefing:
        """Merge the chunks' answers, ground and check them; usage counts failed requests too."""
        values = [a.value for a in answers if a.value is not None]
        values = [v.model_copy(update={"claims": v.claims[: self.options.max_claims]}) for v in values]
        extracted = merge_extracted(values) if len(values) > 1 else values[0]
        extracted = cap_strings(extracted, self.limits)
        usage = Usage(**{
            field: sum(getattr(a.usage, field) for a in answers)
            for field, info in Usage.model_fields.items() if info.annotation is int
        })
        usage.cost_usd = self.prices.cost(self.settings.model, usage)
        briefing = ground_briefing(extracted, article.text)
        briefing = briefing.model_copy(update={
            **_article_fields(article), "extractor": "llm", "model": self.settings.model,
            "prompt_version": self.prompt.version, "usage": usage,
        })
        return check_briefing(briefing, article.text, max_evidence_sentences=self.limits.max_evidence_sentences,
                              max_evidence_chars=self.limits.max_evidence_chars)

    def brief(self, article: Article | str, *, id: str | None = None) -> Briefing:
        """Brief one article (an ``Article`` or its text).

        Returns:
            A ``Briefing`` whose evidence is located in ``article.text`` or marked ``not_found``.

        Raises:
            InputError: unusable text, before any request.
            APIError: the server failed (subclasses say which: key, model, quota, rate, outage).
            ExtractionError: the answers never fit the schema (``RefusalError``, ``TruncatedOutputError``).

        With a ``cache``, a briefing of the same article with the same settings is returned from it
        (``cached=True``, the original ``usage``) without any request; errors are never cached.
        """
        article = as_article(article, id=id)
        key, hit = self._cached(article)
        if hit is not None:
            return hit
        answers = [answer for chunk in self._chunks(article) for answer in self._brief_chunk(article, chunk)]
        return self._store(key, self._finish(article, answers))

    def _request(self, article: Article, chunk: Chunk) -> dict[str, Any]:
        """The keyword arguments of ``LLM.extract`` / ``aextract`` for one chunk: the one request
        body both twins send."""
        return {"messages": self._messages(article, chunk), "response_model": ArticleBriefing,
                "context": self._context(chunk), "max_retries": self.options.max_retries,
                "article": article.id, "max_tokens": self._budget(chunk)}

    def _brief_chunk(self, article: Article, chunk: Chunk, resplits: int = MAX_RESPLITS) -> list[Answer]:
        """Brief one chunk; if the server says it is over the context window, brief its halves."""
        try:
            return [self.llm.extract(**self._request(article, chunk))]
        except ContextLengthError as e:
            if resplits == 0:
                raise
            return [_spent(e)] + [answer for half in halves(chunk) for answer in self._brief_chunk(article, half, resplits - 1)]

    async def _abrief_chunk(self, article: Article, chunk: Chunk, resplits: int = MAX_RESPLITS) -> list[Answer]:
        """Async ``_brief_chunk``: the same request and the same halving, awaited."""
        try:
            return [await self.llm.aextract(**self._request(article, chunk))]
        except ContextLengthError as e:
            if resplits == 0:
                raise
            parts = await _gather(*(self._abrief_chunk(article, half, resplits - 1) for half in halves(chunk)))
            return [_spent(e)] + [answer for part in parts for answer in part]

    async def abrief(self, article: Article | str, *, id: str | None = None) -> Briefing:
        """Async ``brief`` (needs an ``AsyncOpenAI`` client or a key/base URL); same result and errors."""
        article = as_article(article, id=id)
        key, hit = self._cached(article)
        if hit is not None:
            return hit
        parts = await _gather(*(self._abrief_chunk(article, chunk) for chunk in self._chunks(article)))
        return self._store(key, self._finish(article, [answer for part in parts for answer in part]))
