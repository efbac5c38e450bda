"""Slack mrkdwn for a ``DailyBriefing``: the Markdown view's content in Slack's own markup
(``*bold*``, ``_italic_``, ``<url|text>`` links, ``•`` bullets), to post with a webhook or the API.

Every model or article string is escaped as Slack asks (``&``, ``<``, ``>`` as entities), so it
cannot open a link or a mention such as ``<!channel>``; a bare ``@channel``, ``@here`` or
``@everyone`` gets a word joiner after its ``@`` so it notifies no one, a bare URL one inside
its ``://`` (or ``www.``) so Slack links only what the view links, and a formatting mark one on
each side so article text never turns bold, italic, struck or code.
"""

from __future__ import annotations

import re

from briefing.core.models import speaker_label
from briefing.core.wording import plural
from briefing.daily.models import DailyBriefing, Report, Source, Story
from briefing.daily.view import (
    VERDICT_LABEL,
    DayLayout,
    ViewOptions,
    day_line,
    layout,
    listed_articles,
    more_outlets,
    one_line,
    report_notes,
    safe_url,
    shown_claims,
    source_name,
    sources_by_id,
    statement_adds,
    who,
)
from briefing.daily.whatchanged import what_changed

_AUTOLINK = re.compile(r"(?i)(?<=\bhttps:)(?=//)|(?<=\bhttp:)(?=//)|(?<=\bwww)(?=\.)")
_MENTION = re.compile(r"(?<![\w.])@(?=(?:channel|here|everyone)(?![\w-]|\.\w))", re.IGNORECASE)
_FORMATTING = re.compile(r"[*_~`]")
_INDENT = "      "  # Slack has no nested lists: the reports of a claim are indented bullets


def escape_slack(text: str) -> str:
    """``text`` for a Slack message: ``&``, ``<`` and ``>`` as entities, whitespace folded to
    single spaces (one line, control characters and bidirectional overrides dropped:
    ``view.one_line``), broadcast mentions defused, a bare ``https://`` or ``www.`` given a word
    joiner (U+2060) so Slack does not make it a link, and each formatting mark (``*``, ``_``,
    ``~``, a backtick) a word joiner on both sides, since mrkdwn has no escape: "*the*" in a
    quotation stays two asterisks, never bold."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _FORMATTING.sub(lambda m: f"\u2060{m.group()}\u2060", text)
    return _AUTOLINK.sub("\u2060", _MENTION.sub("@\u2060", text))


def _link(label: str, url: str | None) -> str:
    safe = safe_url(url)  # percent-encodes < > | and spaces: the link cannot end early
    return f"<{safe}|{escape_slack(label)}>" if safe else escape_slack(label)


def _outlet(source: Source | None, article: str) -> str:
    copies = ", ".join(c.source or c.title or c.id for c in source.copies) if source is not None else ""
    return escape_slack(source_name(source, article) + (f" (also in {copies})" if copies else ""))


def _report(report: Report, sources: dict[str, Source]) -> str:
    source = sources.get(report.article)
    where = _link(source_name(source, report.article), source.url if source else None)
    line = f"{where}: “{escape_slack(report.evidence)}”"
    if report.grounding == "not_found":
        return line + " _(not found in the article)_"
    if report.grounding not in ("exact", "normalized"):
        line += f" _({report.grounding} match)_"
    diffs = "; ".join(f"“{escape_slack(d.excerpt)}” → “{escape_slack(d.article)}”" for d in report.differences)
    return line + (f" (differs: {diffs})" if diffs else "")


def _story(n: int, story: Story, sources: dict[str, Source], options: ViewOptions) -> list[str]:
    listed, left = listed_articles(story, options)
    outlets = ", ".join(_outlet(sources.get(a), a) for a in listed) + more_outlets(left)
    lines = [f"*{n}. {escape_slack(story.headline)}*", f"_{plural(len(story.articles), 'article')}: {outlets}_"]
    if story.summary_sentences:
        lines.append(" ".join(escape_slack(s.text) + (f" [{', '.join(map(str, s.claims))}]" if s.claims else "")
                              for s in story.summary_sentences))
    else:
        lines.append(escape_slack(story.summary))
    shown, left = shown_claims(story, options)
    for number, claim in shown:
        speaker = speaker_label(claim.speaker) if claim.speaker else who(claim)
        said = f": {escape_slack(claim.statement)}" if statement_adds(claim) else ""
        lines.append(f"{number}. *{VERDICT_LABEL[claim.verdict]}* · {escape_slack(speaker)}{said}")
        for report in claim.reports:
            lines.append(f"{_INDENT}• {_report(report, sources)}")
            lines += [f"{_INDENT}{_INDENT}◦ note: {escape_slack(note)}" for note in report_notes(report)]
    if left:
        lines.append(f"_…and {plural(left, 'more claim')} in the JSON._")
    for dispute in story.disputes:
        lines.append(f"*Disputed:* {escape_slack(dispute.assertion)}")
        for p in dispute.positions:
            lines.append(f"{_INDENT}• {escape_slack(p.party)} {p.stance}: “{escape_slack(p.evidence)}” "
                         f"({_outlet(sources.get(p.article), p.article)})")
    return lines


def _also_reported(day: DayLayout, sources: dict[str, Source]) -> list[str]:
    if not day.also:
        return []
    lines = ["", "*Also reported*"]
    for story in day.also:
        article = story.articles[0] if story.articles else ""
        source = sources.get(article)
        lines.append(f"• {_link(story.headline, source.url if source else None)} · {_outlet(source, article)}")
    return lines


def what_changed_slack(briefing: DailyBriefing) -> list[str]:
    """The "What changed since DATE" lines in mrkdwn (none for a briefing not compared with an
    earlier day): new stories, updated claims with both days' words and dates, stories dropped out."""
    changes = what_changed(briefing)
    if changes is None:
        return []
    since = escape_slack(changes.since)
    lines = ["", f"*What changed since {since}*"]
    if changes.nothing:
        return [*lines, "Nothing new: no new stories, no updated figures, no stories dropped out."]
    lines += [f"• new: {escape_slack(s.headline)} ({plural(len(s.articles), 'article')})" for s in changes.new]
    for u in changes.updated:
        lines.append(f"• updated: {escape_slack(u.story.headline)} ({escape_slack(who(u.claim))}): *{escape_slack(u.what)}*")
        if u.earlier is not None:
            lines.append(f"{_INDENT}◦ {since}: “{escape_slack(u.earlier.evidence)}”")
        if u.later is not None:
            lines.append(f"{_INDENT}◦ {escape_slack(changes.today or 'today')}: “{escape_slack(u.later.evidence)}”")
    lines += [f"• dropped out: {escape_slack(s.headline)}" + (f" ({escape_slack(', '.join(s.outlets))})" if s.outlets else "")
              for s in changes.dropped]
    return lines


def daily_to_slack(briefing: DailyBriefing, options: ViewOptions | None = None, *,
                   max_claims: int | None = None) -> str:
    """The briefing as Slack mrkdwn: what ``daily_to_markdown`` shows (the main stories with their
    top ``max_claims`` claims, default 8; the "Also reported" stories), without the sources list:
    every report links to its article.

    Raises:
        ConfigurationError: ``max_claims`` below 0.
    """
    options = ViewOptions(max_claims=max_claims) if max_claims is not None else (options or ViewOptions())
    day = layout(briefing)
    sources = sources_by_id(day.day)
    lines = [f"*{escape_slack(briefing.title)}*", escape_slack(day_line(briefing))]
    lines += what_changed_slack(day.day)
    for n, story in enumerate(day.stories, 1):
        lines += [""] + _story(n, story, sources, options)
    lines += _also_reported(day, sources)
    if briefing.warnings or briefing.failures:
        lines += ["", "*Notes*"] + [f"• {escape_slack(w)}" for w in briefing.warnings + briefing.failures]
    return "\n".join(lines) + "\n"
