"""HTML for a ``DailyBriefing``: one self-contained page (inline CSS, no scripts, no external
assets), readable on a phone. Given the day's articles, the page ends with each article's text
once, every shown report's evidence marked at its span, and each report opens at its mark (plain
in-page links). Jinja2 autoescaping escapes every model and article string; links are kept only
when they are http(s) URLs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

import jinja2

from briefing.core.loaders import distinct_ids
from briefing.core.models import Article, Span
from briefing.core.shown import shown_value
from briefing.core.wording import plural
from briefing.daily.coverage import day_coverage
from briefing.daily.coverageview import coverage_html
from briefing.daily.models import (
    Coverage,
    DailyBriefing,
    Report,
    Source,
    Story,
    StoryClaim,
)
from briefing.daily.view import (
    VERDICT_LABEL,
    ViewOptions,
    cited_shown,
    differs,
    layout,
    listed_articles,
    report_notes,
    safe_url,
    same_words,
    shown_claims,
    source_line,
    source_name,
    statement_adds,
    who,
)
from briefing.daily.whatchanged import what_changed
from briefing.text.segments import Segment, segments


@dataclass(frozen=True)
class ArticleText:
    """One article's text on the page: its section's element id, its source, and its text cut at
    the marked spans (each run's keys are the anchor ids of the reports it carries)."""

    anchor: str
    source: Source
    runs: list[Segment[str]]


@dataclass(frozen=True)
class Target:
    """Where a mark in an article leads back to: the element id of a claim or a dispute, the short
    label printed after the mark ("3"), and the long one of its tooltip ("claim 3")."""

    element: str
    short: str
    long: str


@dataclass
class _Marks:
    """The articles' texts and, for each shown report and located position, its anchor."""

    articles: list[ArticleText] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # article id -> its section's element id
    anchors: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (story, item, article) -> id
    targets: dict[str, Target] = field(default_factory=dict)  # anchor id -> where its mark leads back


def _fits(text: str, span: Span, evidence: str) -> bool:
    """True when ``span`` holds ``evidence`` in ``text`` word for word (a report always does in its
    own article; another text, or a span gone missing, is never marked)."""
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == evidence


def _texts(articles: Iterable[Article | str]) -> dict[str, str]:
    """Article texts by id, ids made distinct as ``daily()`` makes them (a string is a text)."""
    return {a.id or "": a.text for a in distinct_ids(Article(text=a) if isinstance(a, str) else a for a in articles)}


def _marks(briefing: DailyBriefing, stories: list[Story], texts: dict[str, str], options: ViewOptions) -> _Marks:
    """Anchor every shown report and located dispute position of ``stories`` (the main ones) in
    its article's text."""
    marks = _Marks()
    numbers = {s.id: n for n, s in enumerate(briefing.sources, 1)}
    spans: dict[str, list[tuple[str, Span]]] = {}

    def add(story: str, item: str, article: str, span: Span | None, evidence: str, target: Target) -> None:
        text = texts.get(article)
        if text is None or article not in numbers or span is None or not _fits(text, span, evidence):
            return
        anchor = f"ev-{story}-{item}-a{numbers[article]}"
        if anchor in marks.targets:
            return  # one report per article and claim; a second one would repeat the anchor
        marks.anchors[(story, item, article)] = anchor
        marks.targets[anchor] = target
        spans.setdefault(article, []).append((anchor, span))

    for story in stories:
        for n, claim in shown_claims(story, options)[0]:
            for report in claim.reports:
                add(story.id, f"c{n}", report.article, report.span, report.evidence,
                    Target(f"{story.id}-c{n}", str(n), f"claim {n}"))
        for d, dispute in enumerate(story.disputes, 1):
            for p, position in enumerate(dispute.positions, 1):
                add(story.id, f"d{d}p{p}", position.article, position.span, position.evidence,
                    Target(f"{story.id}-d{d}", f"D{d}", f"disputed {d}"))
    sources = {s.id: s for s in briefing.sources}
    in_stories = [a for story in briefing.stories for a in story.articles if a in sources]
    for article in dict.fromkeys([*in_stories, *sources]):  # story by story, then any other source
        source, text = sources[article], texts.get(article)
        if text is None:
            continue
        anchor = f"art-{numbers[source.id]}"
        marks.sections[source.id] = anchor
        marks.articles.append(ArticleText(anchor, source, segments(text, spans.get(source.id, []))))
    return marks


@dataclass(frozen=True)
class _View:
    """Helpers the template calls: names, links and the claims to show."""

    sources: dict[str, Source]
    options: ViewOptions
    marks: _Marks = field(default_factory=_Marks)

    def name(self, article: str) -> str:
        return source_name(self.sources.get(article), article)

    @staticmethod
    def line(source: Source) -> tuple[str, list[str]]:
        return source_line(source)

    def href(self, article: str) -> str:
        """The article's text on the page when it is there, else its web page, else its source line."""
        if article in self.marks.sections:
            return "#" + self.marks.sections[article]
        source = self.sources.get(article)
        return (safe_url(source.url) if source else None) or f"#src-{article}"

    def at(self, story: Story, item: str, article: str) -> str:
        """The link that opens a report (``item`` "c3") or a position ("d1p2") at its mark in its
        article, else the article as ``href`` links it."""
        anchor = self.marks.anchors.get((story.id, item, article))
        return "#" + anchor if anchor else self.href(article)

    def back(self, keys: tuple[str, ...]) -> list[Target]:
        """Where the marks ending (or lying) here lead back to, each once."""
        return list(dict.fromkeys(self.marks.targets[k] for k in keys))

    def original(self, source: Source) -> str | None:
        return safe_url(source.url)

    def copies(self, article: str) -> str:
        """' (also in Outlet, Outlet)' for an article other outlets ran word for word, else ''."""
        source = self.sources.get(article)
        if source is None or not source.copies:
            return ""
        return " (also in " + ", ".join(c.source or c.title or c.id for c in source.copies) + ")"

    def url(self, url: str | None) -> str | None:
        return safe_url(url)

    def shown(self, story: Story) -> tuple[list[tuple[int, StoryClaim]], int]:
        return shown_claims(story, self.options)

    def listed(self, story: Story) -> tuple[list[str], int]:
        """The articles the story's outlet line names, and how many more it carries."""
        return listed_articles(story, self.options)

    def cited(self, number: int, story: Story) -> bool:
        """True when claim ``number`` is listed, so a citation of it can link to it."""
        return cited_shown(number, story, self.options)

    def plural(self, count: int, singular: str, plural_form: str | None = None) -> str:
        return plural(count, singular, plural_form)

    def groups(self, claim: StoryClaim) -> list[list[Report]]:
        return same_words(claim.reports)

    def notes(self, report: Report) -> list[str]:
        return report_notes(report)

    def differs(self, report: Report) -> bool:
        return differs(report)

    def who(self, claim: StoryClaim) -> str:
        return who(claim)

    def statement(self, claim: StoryClaim) -> bool:
        return statement_adds(claim)

    @cached_property
    def day(self) -> Coverage:
        return day_coverage(self.sources.values())

    def coverage(self, story: Story) -> str:
        """The story's coverage bar and caption (escaped HTML; the template marks it safe), or ''."""
        return coverage_html(story.coverage, self.day) if story.coverage is not None else ""

    def verdict(self, claim: StoryClaim) -> str:
        outlets = len({r.article for r in claim.reports})
        label = VERDICT_LABEL[claim.verdict]
        return f"{label} · {outlets} outlets" if outlets > 1 else label



@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing.daily", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        finalize=shown_value,
    )
    return env.get_template("daily.html.j2")


def daily_to_html(briefing: DailyBriefing, *, full_page: bool = True, options: ViewOptions | None = None,
                  max_claims: int | None = None, articles: Iterable[Article | str] | None = None) -> str:
    """The briefing as HTML: a whole document (``full_page``), or a fragment for notebooks. The main
    stories, most widely carried first, show their top ``max_claims`` claims (default
    ``options.max_claims``, 8); the "Also reported" stories close the page, one line each.

    ``articles``: the articles the briefing was made from (as given to ``daily()``); each source's
    text is then shown once at the end of the page, with every shown report's evidence marked at
    its span and linked from the report. A report whose span does not hold its evidence in the
    given text is not marked; its outlet links to the article's web page as without ``articles``.

    Raises:
        ConfigurationError: ``max_claims`` below 0.
    """
    options = ViewOptions(max_claims=max_claims) if max_claims is not None else (options or ViewOptions())
    day = layout(briefing)
    marks = _marks(day.day, day.stories, _texts(articles), options) if articles is not None else _Marks()
    view = _View({s.id: s for s in day.day.sources}, options, marks)
    return _template().render(d=day.day, stories=day.stories, also=day.also, view=view, full_page=full_page,
                              changes=what_changed(day.day))
