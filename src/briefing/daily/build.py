"""``daily()``: a day's articles to a ``DailyBriefing``, one step a module.

load (``loaders``) -> fold syndicated copies (``duplicates``) -> brief each article (the model,
or the offline extractor) -> group into stories (``modelgroup`` with ``grouping`` as fallback)
-> link claims across articles (``linking``) -> synthesise each story (``synthesis``).
One article that fails is reported in ``failures`` and the rest go on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.batch import brief_each
from briefing.daily.duplicates import DuplicateOptions, find_copies
from briefing.daily.grouping import GroupingOptions, group_offline
from briefing.daily.linking import LinkOptions, link_claims, merge_disputes
from briefing.daily.loaders import LoadedArticles
from briefing.daily.models import CitedSentence, Copy, DailyBriefing, Source, Story
from briefing.daily.synthesis import model_synthesis, offline_synthesis
from briefing.errors import BriefingError, ExtractionError, InputError
from briefing.models import Article, Briefing, Usage

if TYPE_CHECKING:
    from briefing.extract import Briefer

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while the day is built (stages: brief, group, synthesise)."""


@dataclass(frozen=True)
class DailyOptions:
    """Every knob of the daily briefing, with documented defaults (see each options class).

    ``concurrency``: articles briefed at a time with a model. ``model_grouping`` and
    ``model_synthesis``: ask the model (when a briefer is given) to group the day and to write
    cited story summaries; the offline results are the fallback either way. ``max_retries``:
    re-asks for an invalid grouping or synthesis answer.
    """

    grouping: GroupingOptions = field(default_factory=GroupingOptions)
    linking: LinkOptions = field(default_factory=LinkOptions)
    duplicates: DuplicateOptions = field(default_factory=DuplicateOptions)
    concurrency: int = 4
    model_grouping: bool = True
    model_synthesis: bool = True
    max_retries: int = 2
    language: str = "English"


def _add(total: Usage, more: Usage) -> None:
    for name in Usage.model_fields:
        setattr(total, name, getattr(total, name) + getattr(more, name))


def _with_ids(articles: Iterable[Article]) -> list[Article]:
    """Articles with unique ids: a missing id becomes ``article-N``, a repeated one ``ID-2``, ``ID-3``."""
    seen: Counter[str] = Counter()
    out = []
    for n, article in enumerate(articles, 1):
        base = article.id or f"article-{n}"
        seen[base] += 1
        new_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(article if new_id == article.id else article.model_copy(update={"id": new_id}))
    return out


def _day(articles: Sequence[Article]) -> str | None:
    """The most common publication date (its YYYY-MM-DD part) among the articles, if any."""
    days = Counter(a.published[:10] for a in articles if a.published and len(a.published) >= 10)
    return days.most_common(1)[0][0] if days else None


def _source(article: Article, copies: Sequence[Article]) -> Source:
    return Source(id=article.id or "", title=article.title, source=article.source, url=article.url,
                  published=article.published,
                  copies=[Copy(id=c.id or "", title=c.title, source=c.source, url=c.url, published=c.published)
                          for c in copies])


def _error_line(error: BriefingError) -> str:
    name = getattr(error, "path", None) or error.article or "article"
    return f"{name}: {error}" if not str(error).startswith(str(name)) else str(error)


def daily(articles: Iterable[Article], *, briefer: Briefer | None = None, title: str | None = None,
          date: str | None = None, options: DailyOptions = DailyOptions(),
          progress: Progress | None = None) -> DailyBriefing:
    """Build the day's briefing: stories, claims linked across outlets, disputes and sources.

    Args:
        articles: ``Article``s (e.g. from ``load_articles``; its ``errors`` are carried into
            ``failures``). Ids must be unique; missing or repeated ids are numbered.
        briefer: a ``Briefer`` to brief, group and synthesise with a model; None uses the offline
            extractor and the offline grouping, with no network and no cost.
        title, date: the briefing's title and date (default: the articles' most common date).

    Returns:
        A ``DailyBriefing``. Articles that failed are listed in ``failures``; fallbacks (an
        invalid model grouping or synthesis) are named in ``warnings``.

    Raises:
        InputError: when no article can be briefed at all.
    """
    failures = [_error_line(e) for e in getattr(articles, "errors", [])] if isinstance(articles, LoadedArticles) else []
    given = _with_ids(articles)
    groups = find_copies(given, options.duplicates)
    kept = [given[g[0]] for g in groups]
    copies = {given[g[0]].id: [given[i] for i in g[1:]] for g in groups}
    usage, warnings = Usage(), list[str]()
    briefings: list[Briefing] = []
    briefed: list[Article] = []
    brief = briefer.brief if briefer is not None else _offline
    for done, outcome in enumerate(brief_each(brief, kept, concurrency=options.concurrency if briefer else 1), 1):
        if outcome.briefing is not None:
            briefed.append(outcome.item)
            briefings.append(outcome.briefing)
            _add(usage, outcome.briefing.usage)
        elif outcome.error is not None:
            failures.append(_error_line(outcome.error))
        else:
            failures.append(f"{outcome.item.id}: not briefed (the run stopped after an error every article would meet)")
        if progress:
            progress("brief", done, len(kept))
    if not briefed:
        raise InputError("no article could be briefed: " + ("; ".join(failures) or "no articles were given"),
                         reason="empty")
    if progress:
        progress("group", 0, 1)
    story_groups, headlines = _group(briefed, briefings, briefer, options, usage, warnings)
    stories = []
    for n, (members, model_headline) in enumerate(zip(story_groups, headlines, strict=True), 1):
        if progress:
            progress("synthesise", n - 1, len(story_groups))
        stories.append(_story(n, [briefed[i] for i in members], [briefings[i] for i in members], model_headline,
                              briefer, options, usage, warnings))
    if progress:
        progress("synthesise", len(story_groups), len(story_groups))
    day = date or _day(given)
    return DailyBriefing(
        title=title or (f"Daily briefing, {day}" if day else "Daily briefing"), date=day, stories=stories,
        sources=[_source(a, copies[a.id]) for a in briefed], usage=usage,
        extractor="llm" if briefer is not None else "offline",
        model=briefer.settings.model if briefer is not None else None,
        grouping="model" if briefer is not None and options.model_grouping and not any(
            w.startswith("grouping:") for w in warnings) else "offline",
        warnings=warnings, failures=failures,
    )


def _offline(article: Article) -> Briefing:
    from briefing.extract import as_article
    from briefing.offline import brief_offline

    return brief_offline(as_article(article))


def _group(articles: list[Article], briefings: list[Briefing], briefer: Briefer | None, options: DailyOptions,
           usage: Usage, warnings: list[str]) -> tuple[list[list[int]], list[str | None]]:
    """Story groups (indexes) and the model's headlines (None offline); falls back to offline."""
    if briefer is not None and options.model_grouping and len(articles) > 1:
        from briefing.daily.modelgroup import group_with_model

        try:
            groups, headlines, spent = group_with_model(briefer.llm, articles, briefings,
                                                         max_retries=options.max_retries, language=options.language)
            _add(usage, spent)
            order = sorted(range(len(groups)), key=lambda k: (-len(groups[k]), groups[k][0]))
            return [groups[k] for k in order], [headlines[k] for k in order]
        except ExtractionError as e:
            if e.usage:
                _add(usage, e.usage)
            warnings.append(f"grouping: the model's grouping stayed invalid ({e}); grouped offline instead")
    groups = group_offline(articles, options.grouping)
    return groups, [None] * len(groups)


def _story(n: int, articles: list[Article], briefings: list[Briefing], model_headline: str | None,
           briefer: Briefer | None, options: DailyOptions, usage: Usage, warnings: list[str]) -> Story:
    claims = link_claims(articles, briefings, options.linking)
    disputes = merge_disputes(briefings, options.linking)
    headline, summary = offline_synthesis(briefings, claims)
    sentences: list[CitedSentence] = []
    story_id = f"story-{n}"
    if briefer is not None and options.model_synthesis and claims:
        try:
            headline, sentences, spent = model_synthesis(briefer.llm, claims, len(articles),
                                                         max_retries=options.max_retries,
                                                         language=options.language, story=story_id)
            _add(usage, spent)
            summary = " ".join(s.text for s in sentences)
        except ExtractionError as e:
            if e.usage:
                _add(usage, e.usage)
            warnings.append(f"{story_id}: the model's summary never cited valid claims ({e}); "
                            "kept the extractive summary")
            headline = model_headline or headline
    return Story(id=story_id, headline=headline, summary=summary, articles=[a.id or "" for a in articles],
                 claims=claims, disputes=disputes, summary_sentences=sentences)
