"""``daily()``: a day's articles to a ``DailyBriefing``, one step a module.

load (``loaders``) -> fold syndicated copies (``duplicates``) -> brief each article (the model,
or the offline extractor) -> group into stories (``modelgroup`` with ``grouping`` as fallback)
-> link claims across articles (``linking``) -> synthesise each story (``synthesis``) -> each
story's outlets and label groups (``coverage``) -> rank stories and claims, what matters first
(``ranking``).
One article that fails is reported in ``failures`` and the rest go on.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from briefing.brief.each import FATAL, brief_each
from briefing.core.errors import (
    APIError,
    BriefingError,
    ContextLengthError,
    ExtractionError,
    InputError,
)
from briefing.core.limits import AnswerLimits, cut
from briefing.core.loaders import LoadedArticles, distinct_ids
from briefing.core.models import Article, Briefing, Usage
from briefing.core.wording import plural
from briefing.daily.coverage import CoverageOptions, with_coverage
from briefing.daily.duplicates import DuplicateOptions, find_copies
from briefing.daily.grouping import GroupingOptions, group_offline
from briefing.daily.linking import LinkOptions, link_claims, merge_disputes
from briefing.daily.models import (
    CitedSentence,
    Copy,
    DailyBriefing,
    Source,
    Story,
    StoryClaim,
)
from briefing.daily.ranking import rank_stories
from briefing.daily.speakers import merge_story_speakers
from briefing.daily.synthesis import cited_from, offline_synthesis, synthesis_request

if TYPE_CHECKING:
    from briefing.brief.briefer import Briefer
    from briefing.llm.client import Answer

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while the day is built (stages: brief, group, synthesise)."""


@dataclass(frozen=True)
class DailyOptions:
    """Every knob of the daily briefing, with documented defaults (see each options class).

    ``concurrency``: articles briefed at a time with a model. ``model_grouping`` and
    ``model_synthesis``: ask the model (when a briefer is given) to group the day and to write
    cited story summaries; the offline results are the fallback either way. ``max_retries``:
    re-asks for an invalid grouping or synthesis answer. ``max_summary_sentences``: a model's
    story summary keeps at most this many sentences (default 12); its headline, each sentence and
    the whole summary are cut to the briefer's ``AnswerLimits`` as a briefing's are. ``coverage``:
    when a story counts as carried by one label group only (``CoverageOptions``).
    """

    grouping: GroupingOptions = field(default_factory=GroupingOptions)
    linking: LinkOptions = field(default_factory=LinkOptions)
    duplicates: DuplicateOptions = field(default_factory=DuplicateOptions)
    concurrency: int = 4
    model_grouping: bool = True
    model_synthesis: bool = True
    max_retries: int = 2
    language: str = "English"
    max_summary_sentences: int = 12
    coverage: CoverageOptions = field(default_factory=CoverageOptions)


def _add(total: Usage, more: Usage) -> None:
    """Add ``more`` to ``total``; the cost stays None (unknown) once any paid part has no price."""
    if more.requests == 0 and more.total_tokens == 0:
        return
    first = total.requests == 0 and total.total_tokens == 0
    for name, info in Usage.model_fields.items():
        if info.annotation is int:
            setattr(total, name, getattr(total, name) + getattr(more, name))
    if first:
        total.cost_usd = more.cost_usd
    elif total.cost_usd is not None and more.cost_usd is not None:
        total.cost_usd += more.cost_usd
    else:
        total.cost_usd = None


def _listed(failures: list[str], shown: int = 3) -> str:
    """The first ``shown`` failure lines and how many more: a rejected key must not print one
    line naming every file of a large day."""
    more = len(failures) - shown
    return "; ".join(failures[:shown]) + (f"; and {more} more" if more > 0 else "")


def _capped(headline: str, sentences: list[CitedSentence], limits: AnswerLimits,
            most: int) -> tuple[str, list[CitedSentence]]:
    """A model's story headline and summary sentences cut to ``limits`` (as a briefing's are):
    at most ``most`` sentences, each a statement's length, within a summary's length in all."""
    kept: list[CitedSentence] = []
    room = limits.max_summary_chars
    for sentence in sentences[:most]:
        text = cut(sentence.text, min(limits.max_statement_chars, room))
        if not text or room <= 0:
            break
        kept.append(sentence.model_copy(update={"text": text}))
        room -= len(text) + 1
    return cut(headline, limits.max_headline_chars), kept


def _with_ids(articles: Iterable[Article | str]) -> list[Article]:
    """Articles with ids no two share (``core.loaders.distinct_ids``); a plain string is an
    article's text (judged when it is briefed, as ``check`` does)."""
    return distinct_ids(Article(text=a) if isinstance(a, str) else a for a in articles)


def _day(articles: Sequence[Article]) -> str | None:
    """The most common publication date (its YYYY-MM-DD part) among the articles, if any."""
    days = Counter(a.published[:10] for a in articles if a.published and len(a.published) >= 10)
    return days.most_common(1)[0][0] if days else None


def _source(article: Article, copies: Sequence[Article]) -> Source:
    return Source(id=article.id or "", title=article.title, source=article.source, url=article.url,
                  published=article.published, labels=dict(article.labels),
                  copies=[Copy(id=c.id or "", title=c.title, source=c.source, url=c.url, published=c.published,
                               labels=dict(c.labels))
                          for c in copies])


MODEL_STEP_ERRORS = (ExtractionError, APIError)
"""What a grouping or synthesis request may raise that the day survives (offline fallback)."""


def _short(error: BriefingError, limit: int = 240) -> str:
    """The first line of ``error``'s message, at most ``limit`` characters (no raw answer dumps)."""
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    first = first.removeprefix(f"{error.article}: ") if error.article else first
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _error_line(error: BriefingError) -> str:
    name = getattr(error, "path", None) or error.article or "article"
    return f"{name}: {error}" if not str(error).startswith(str(name)) else str(error)


class _Day:
    """Everything ``daily`` and ``adaily`` share: the steps between the model calls, and what
    to do with each answer. The two drivers differ only in how they await the model."""

    def __init__(self, articles: Iterable[Article | str], briefer: Briefer | None, options: DailyOptions,
                 progress: Progress | None) -> None:
        self.briefer, self.options, self.progress = briefer, options, progress
        self.failures = [_error_line(e) for e in articles.errors] if isinstance(articles, LoadedArticles) else []
        self.given = _with_ids(articles)
        groups = find_copies(self.given, options.duplicates)
        self.kept = [self.given[g[0]] for g in groups]
        self.copies = {self.given[g[0]].id: [self.given[i] for i in g[1:]] for g in groups}
        self.usage, self.warnings = Usage(), list[str]()
        self.briefed: list[Article] = []
        self.briefings: list[Briefing] = []
        self.groups: list[list[int]] = []
        self.headlines: list[str | None] = []
        self.stories: list[Story] = []
        self.model_grouped = False
        self.down: APIError | None = None  # a server error that ends the day's optional model steps
        self.unasked: set[int] = set()  # stories not sent to a server that had failed
        self.extractive: dict[str, list[str]] = {}  # why -> the stories that kept the extractive summary

    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(stage, done, total)

    def briefed_one(self, item: Article, briefing: Briefing | None, error: BriefingError | None, done: int) -> None:
        """Record one article's outcome: a briefing, an error, or skipped (neither)."""
        if briefing is not None:
            self.briefed.append(item)
            self.briefings.append(briefing)
            _add(self.usage, briefing.usage)
        elif error is not None:
            self.failures.append(_error_line(error))
        else:
            self.failures.append(f"{item.id}: not briefed (the run stopped after an error every article would meet)")
        self.tick("brief", done, len(self.kept))

    def grouping_request(self) -> dict[str, Any] | None:
        """The model grouping request, or None when the day is grouped offline.

        Raises:
            InputError: no article could be briefed at all.
        """
        if not self.briefed:
            raise InputError(f"no article could be briefed ({len(self.failures)} failed): "
                             + (_listed(self.failures) or "no articles were given"), reason="empty")
        self.tick("group", 0, 1)
        if self.briefer is None or not self.options.model_grouping or len(self.briefed) < 2:
            return None
        from briefing.daily.modelgroup import grouping_request

        return grouping_request(self.briefed, self.briefings, max_retries=self.options.max_retries,
                                language=self.options.language)

    def _failed(self, error: BriefingError) -> None:
        """Count what a failed model step spent; a server error (not a too-long prompt) ends the
        day's model steps: the retry policy has already retried it."""
        spent = getattr(error, "usage", None)
        if spent:
            _add(self.usage, self._priced(spent))
        if isinstance(error, APIError) and not isinstance(error, ContextLengthError):
            self.down = self.down or error

    def _priced(self, usage: Usage) -> Usage:
        """``usage`` of a grouping or synthesis request, with its cost at the briefer's prices."""
        if self.briefer is None or usage.cost_usd is not None:
            return usage
        return usage.model_copy(update={"cost_usd": self.briefer.prices.cost(self.briefer.settings.model, usage)})

    def grouped(self, answer: Answer | None, error: BriefingError | None = None) -> None:
        """Take the model's grouping (ordered by size), or group offline without one."""
        if answer is not None:
            from briefing.daily.modelgroup import groups_from

            _add(self.usage, self._priced(answer.usage))
            groups, headlines = groups_from(answer.value, self.briefed)
            headlines = [cut(h, self.briefer.limits.max_headline_chars) if self.briefer else h for h in headlines]
            order = sorted(range(len(groups)), key=lambda k: (-len(groups[k]), groups[k][0]))
            self.groups, self.headlines = [groups[k] for k in order], [headlines[k] for k in order]
            self.model_grouped = True
            self.tick("group", 1, 1)
            return
        if error is not None:
            self._failed(error)
            why = "the server failed" if isinstance(error, APIError) else "the model's grouping stayed invalid"
            self.warnings.append(f"grouping: {why} ({_short(error)}); grouped offline instead")
        self.groups = group_offline(self.briefed, self.options.grouping)
        self.headlines = [None] * len(self.groups)
        self.tick("group", 1, 1)

    def story_parts(self, n: int) -> tuple[list[StoryClaim], dict[str, Any] | None]:
        """Story ``n``'s linked claims and its synthesis request (None offline or without claims)."""
        members = self.groups[n]
        self.tick("synthesise", n, len(self.groups))
        claims = merge_story_speakers(link_claims([self.briefed[i] for i in members],
                                                  [self.briefings[i] for i in members], self.options.linking))
        if self.briefer is None or not self.options.model_synthesis or not claims:
            return claims, None
        if self.down is not None:
            self.unasked.add(n)
            return claims, None
        return claims, synthesis_request(claims, len(members), max_retries=self.options.max_retries,
                                         language=self.options.language, story=f"story-{n + 1}")

    def story(self, n: int, claims: list[StoryClaim], answer: Answer | None, error: BriefingError | None = None) -> None:
        """Finish story ``n`` with the model's cited synthesis, or the extractive one."""
        articles = [self.briefed[i] for i in self.groups[n]]
        briefings = [self.briefings[i] for i in self.groups[n]]
        story_id = f"story-{n + 1}"
        headline, summary = offline_synthesis(briefings, claims)
        sentences: list[CitedSentence] = []
        if answer is not None:
            _add(self.usage, self._priced(answer.usage))
            headline, sentences = cited_from(answer.value)
            if self.briefer is not None:
                headline, sentences = _capped(headline, sentences, self.briefer.limits,
                                              self.options.max_summary_sentences)
            summary = " ".join(s.text for s in sentences)
        elif error is not None or n in self.unasked:
            if error is not None:
                self._failed(error)
                why = (f"the server failed ({_short(error)})" if isinstance(error, APIError)
                       else f"the model's summary never cited valid claims ({_short(error)})")
            else:
                why = "not asked after the server failed"
            self.extractive.setdefault(why, []).append(story_id)
            headline = self.headlines[n] or headline
        self.stories.append(Story(id=story_id, headline=headline, summary=summary,
                                  articles=[a.id or "" for a in articles], claims=claims,
                                  disputes=merge_disputes(briefings, self.options.linking),
                                  summary_sentences=sentences))
        self.tick("synthesise", n + 1, len(self.groups))

    def model_steps(self) -> Iterator[tuple[dict[str, Any], Callable[[Answer | None, BriefingError | None], None]]]:
        """The day's model steps in order (the grouping, then each story's synthesis), each as
        its request and the function that takes its answer or error. Steps that need no model
        are done on the way; the caller sends each request (sync or async) and hands back what
        came of it before asking for the next step, which may depend on it."""
        request = self.grouping_request()
        if request is None:
            self.grouped(None)
        else:
            yield request, self.grouped
        for n in range(len(self.groups)):
            claims, request = self.story_parts(n)
            if request is None:
                self.story(n, claims, None)
            else:
                yield request, partial(self.story, n, claims)

    def finish(self, title: str | None, date: str | None) -> DailyBriefing:
        if self.extractive:
            count = sum(len(ids) for ids in self.extractive.values())
            reasons = "; ".join(f"{', '.join(ids)}: {why}" for why, ids in self.extractive.items())
            self.warnings.append(f"synthesis: {count} of {plural(len(self.groups), 'story', 'stories')} kept the extractive summary "
                                 f"({reasons})")
        day = date or _day(self.given)
        briefer = self.briefer
        sources = [_source(a, self.copies[a.id]) for a in self.briefed]
        return DailyBriefing(
            title=title or (f"Daily briefing, {day}" if day else "Daily briefing"), date=day,
            stories=rank_stories(with_coverage(self.stories, sources, self.options.coverage), sources),
            sources=sources, usage=self.usage,
            extractor="llm" if briefer is not None else "offline",
            model=briefer.settings.model if briefer is not None else None,
            grouping="model" if self.model_grouped else "offline",
            warnings=self.warnings, failures=self.failures,
        )


def daily(articles: Iterable[Article | str], *, briefer: Briefer | None = None, title: str | None = None,
          date: str | None = None, options: DailyOptions = DailyOptions(),
          progress: Progress | None = None) -> DailyBriefing:
    """Build the day's briefing: stories, claims linked across outlets, disputes and sources.

    Args:
        articles: ``Article``s or plain texts (e.g. from ``load_articles``; its ``errors`` are carried into
            ``failures``). Ids must be unique; missing or repeated ids are numbered.
        briefer: a ``Briefer`` to brief, group and synthesise with a model; None uses the offline
            extractor and the offline grouping, with no network and no cost.
        title, date: the briefing's title and date (default: the articles' most common date).
        progress: called as ``progress(stage, done, total)`` (stages: brief, group, synthesise).

    Returns:
        A ``DailyBriefing``, stories and their claims in reading order (``briefing.daily.ranking``:
        most widely carried first; every claim kept). Articles that failed are listed in
        ``failures``; fallbacks (an invalid model grouping or synthesis) are named in ``warnings``.

    Raises:
        InputError: when no article can be briefed at all. A server error during grouping or
            synthesis is not raised: the day falls back to the offline grouping or the extractive
            summaries, says so in ``warnings`` and sends no further model step to that server.
    """
    day = _Day(articles, briefer, options, progress)
    brief = briefer.brief if briefer is not None else _offline
    outcomes = brief_each(brief, day.kept, concurrency=options.concurrency if briefer is not None else 1)
    for done, outcome in enumerate(outcomes, 1):
        day.briefed_one(outcome.item, outcome.briefing, outcome.error, done)
    for request, answered in day.model_steps():
        assert briefer is not None
        try:
            answered(briefer.llm.extract(**request), None)
        except MODEL_STEP_ERRORS as e:
            answered(None, e)
    return day.finish(title, date)


async def adaily(articles: Iterable[Article | str], *, briefer: Briefer | None = None, title: str | None = None,
                 date: str | None = None, options: DailyOptions = DailyOptions(),
                 progress: Progress | None = None) -> DailyBriefing:
    """Async ``daily`` (the briefer needs an ``AsyncOpenAI`` client or a key): same steps, same
    result; ``options.concurrency`` articles are briefed at a time."""
    day = _Day(articles, briefer, options, progress)
    if briefer is None:
        for done, article in enumerate(day.kept, 1):
            day.briefed_one(article, _offline(article), None, done)
    else:
        results = await _abrief_all(briefer, day.kept, options.concurrency)
        for done, (article, (briefing, error)) in enumerate(zip(day.kept, results, strict=True), 1):
            day.briefed_one(article, briefing, error, done)
    for request, answered in day.model_steps():
        assert briefer is not None
        try:
            answered(await briefer.llm.aextract(**request), None)
        except MODEL_STEP_ERRORS as e:
            answered(None, e)
    return day.finish(title, date)


async def _abrief_all(briefer: Briefer, articles: list[Article],
                      concurrency: int) -> list[tuple[Briefing | None, BriefingError | None]]:
    """Brief every article, ``concurrency`` at a time, in input order; after an error every later
    article would meet too (``batch.FATAL``) nothing new starts (those come back as (None, None))."""
    gate = asyncio.Semaphore(concurrency)
    stop = asyncio.Event()

    async def one(article: Article) -> tuple[Briefing | None, BriefingError | None]:
        async with gate:
            if stop.is_set():
                return None, None
            try:
                return await briefer.abrief(article), None
            except FATAL as e:
                stop.set()
                return None, e
            except BriefingError as e:
                return None, e

    return list(await asyncio.gather(*(one(a) for a in articles)))


def _offline(article: Article) -> Briefing:
    # from core, not brief.briefer: that module loads the SDKs, which an offline day never needs
    from briefing.core.inputs import as_article
    from briefing.offline import brief_offline

    return brief_offline(as_article(article))
