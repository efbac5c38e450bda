"""HTML for a ``DailyBriefing``: one self-contained page (inline CSS, no scripts, no external
assets), readable on a phone. Jinja2 autoescaping escapes every model and article string; links
are kept only when they are http(s) URLs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import jinja2

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
    safe_url,
    same_words,
    shown_claims,
    source_name,
    statement_adds,
    who,
)


@dataclass(frozen=True)
class _View:
    """Helpers the template calls: names, links and the claims to show."""

    sources: dict[str, Source]
    options: ViewOptions

    def name(self, article: str) -> str:
        return source_name(self.sources.get(article), article)

    def href(self, article: str) -> str:
        source = self.sources.get(article)
        return (safe_url(source.url) if source else None) or f"#src-{article}"

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

    def cited(self, number: int, story: Story) -> bool:
        """True when claim ``number`` is listed, so a citation of it can link to it."""
        return cited_shown(number, story, self.options)

    def plural(self, count: int, singular: str, plural_form: str | None = None) -> str:
        return plural(count, singular, plural_form)

    def groups(self, claim: StoryClaim) -> list[list[Report]]:
        return same_words(claim.reports)

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
    )
    return env.get_template("daily.html.j2")


def daily_to_html(briefing: DailyBriefing, *, full_page: bool = True, options: ViewOptions | None = None,
                  max_claims: int | None = None) -> str:
    """The briefing as HTML: a whole document (``full_page``), or a fragment for notebooks. The main
    stories, most widely carried first, show their top ``max_claims`` claims (default
    ``options.max_claims``, 8); the "Also reported" stories close the page, one line each.

    Raises:
        ConfigurationError: ``max_claims`` below 0.
    """
    options = ViewOptions(max_claims=max_claims) if max_claims is not None else (options or ViewOptions())
    day = layout(briefing)
    view = _View({s.id: s for s in day.day.sources}, options)
    return _template().render(d=day.day, stories=day.stories, also=day.also, view=view, full_page=full_page)
