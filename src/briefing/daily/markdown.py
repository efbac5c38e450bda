"""Markdown for a ``DailyBriefing``: for email and chat. Valid CommonMark (ordered lists keep
their numbers and their nested reports past claim 9), readable as plain text (wrapped at word
boundaries, no HTML entities). Every model or article string is escaped so it cannot open a link,
an image, HTML or a block (a heading, list or quote) in the reader's Markdown renderer."""

from __future__ import annotations

import re

from briefing.core.models import speaker_label
from briefing.core.wording import plural
from briefing.daily.coverageview import coverage_text
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
    source_line,
    source_name,
    sources_by_id,
    statement_adds,
    who,
)
from briefing.daily.whatchanged import what_changed

_SPECIAL = re.compile(r"([\\`*\[\]<>~]|(?<!\w)_|_(?!\w)|(?<=\w):(?=//)|(?i:(?<=\bwww)\.)|&(?=#?\w+;))")
_BLOCK_START = re.compile(r"([0-9]{1,9})([.)])|([-+#=|:>])")
_SAFE_START = re.compile(r"[^\W_]|\\|[“‘\"'(«]")

DEFAULT_WIDTH = 80
"""Where the Markdown wraps its paragraphs and list items (word boundaries only; 0 or None: never)."""


def escape_md(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped and newlines folded to spaces (control characters and bidirectional overrides dropped,
    ``view.one_line``);
    a bare ``https://`` or ``www.`` gets an escaped ``:`` or ``.`` so GFM does not make it a link,
    and an ``&`` that would start an entity (``&amp;``) is escaped so it stays as written."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def block_safe(line: str) -> str:
    """``line`` (escaped text that a line starts with) with its first character escaped when it
    would open a block: a heading ``#``, a list ``-``/``+``/``1.``, a quote, a rule or a table."""
    found = _BLOCK_START.match(line)
    if found is None:
        return line
    if found.group(1):
        return f"{found.group(1)}\\{found.group(2)}{line[found.end():]}"
    return "\\" + line


def _breakable(word: str) -> bool:
    """True when a line may start with ``word``: it opens no block (checked conservatively)."""
    return bool(_SAFE_START.match(word)) and not re.match(r"[0-9]{1,9}[.)]", word)


def wrap(first: str, text: str, indent: int, width: int | None) -> list[str]:
    """``first`` (a list marker, or "") then ``text`` as lines of at most ``width`` characters where
    the words allow, continuation lines indented by ``indent`` spaces; a line never starts with a
    word that could open a block, so wrapping changes no structure. ``width`` None or 0: one line."""
    words = block_safe(text).split(" ")
    lines: list[str] = []
    line = first + words[0]
    for word in words[1:]:
        if width and len(line) + 1 + len(word) > width and line.strip() and _breakable(word):
            lines.append(line)
            line = " " * indent + word
        else:
            line += " " + word
    lines.append(line)
    return lines


def _link(label: str, url: str | None) -> str:
    safe = safe_url(url)
    return f"[{escape_md(label)}](<{safe}>)" if safe else escape_md(label)  # safe_url encodes < > and breaks


def what_changed_markdown(briefing: DailyBriefing, width: int | None = DEFAULT_WIDTH) -> list[str]:
    """The "What changed since DATE" section's lines (none for a briefing not compared with an
    earlier day): new stories, updated claims with both days' words and dates, stories dropped out."""
    changes = what_changed(briefing)
    if changes is None:
        return []
    since = escape_md(changes.since)
    lines = ["", f"## What changed since {since}", ""]
    if changes.nothing:
        return lines + wrap("", "Nothing new: no new stories, no updated figures, no stories dropped out.", 0, width)
    if changes.new:
        lines += ["**New stories**", ""]
        for story in changes.new:
            lines += wrap("- ", f"{escape_md(story.headline)} ({plural(len(story.articles), 'article')})", 2, width)
        lines.append("")
    if changes.updated:
        today = escape_md(changes.today or "today")
        lines += ["**Updated**", ""]
        for u in changes.updated:
            lines += wrap("- ", f"{escape_md(u.story.headline)} ({escape_md(who(u.claim))}): **{escape_md(u.what)}**",
                          2, width)
            if u.earlier is not None:
                lines += wrap("  - ", f"{since}: “{escape_md(u.earlier.evidence)}”", 4, width)
            if u.later is not None:
                lines += wrap("  - ", f"{today}: “{escape_md(u.later.evidence)}”", 4, width)
        lines.append("")
    if changes.dropped:
        lines += ["**Dropped out**", ""]
        for dropped in changes.dropped:
            outlets = f" ({escape_md(', '.join(dropped.outlets))})" if dropped.outlets else ""
            lines += wrap("- ", escape_md(dropped.headline) + outlets, 2, width)
        lines.append("")
    return lines[:-1]


def also_in(source: Source | None) -> str:
    """' (also in Outlet, Outlet)' for an article other outlets ran word for word, else ''."""
    if source is None or not source.copies:
        return ""
    return " (also in " + ", ".join(c.source or c.title or c.id for c in source.copies) + ")"


def _report(report: Report, briefing: DailyBriefing) -> str:
    source = sources_by_id(briefing).get(report.article)
    where = _link(source_name(source, report.article), source.url if source else None)
    if report.grounding == "not_found":
        return f"{where}: “{escape_md(report.evidence)}” (not found in the article)"
    note = "" if report.grounding in ("exact", "normalized") else f" ({report.grounding} match)"
    diffs = "; ".join(f"“{escape_md(d.excerpt)}” → “{escape_md(d.article)}”" for d in report.differences)
    return f"{where}: “{escape_md(report.evidence)}”{note}" + (f" (differs: {diffs})" if diffs else "")


def _claims(story: Story, briefing: DailyBriefing, options: ViewOptions, width: int | None) -> list[str]:
    shown, left = shown_claims(story, options)
    lines: list[str] = []
    if shown:
        lines += ["", "**Claims**", ""]
        for number, claim in shown:
            marker = f"{number}. "
            pad = len(marker)  # CommonMark: an item's content, and what nests in it, starts past its marker
            speaker = speaker_label(claim.speaker) if claim.speaker else who(claim)
            said = f": {escape_md(claim.statement)}" if statement_adds(claim) else ""
            lines += wrap(marker, f"**{VERDICT_LABEL[claim.verdict]}** · {escape_md(speaker)}{said}", pad, width)
            for r in claim.reports:
                lines += wrap(" " * pad + "- ", _report(r, briefing), pad + 2, width)
                for note in report_notes(r):
                    lines += wrap(" " * (pad + 2) + "- ", f"note: {escape_md(note)}", pad + 4, width)
    if left:
        lines += [""] + wrap("", f"*…and {plural(left, 'more claim')} in the JSON.*", 0, width)
    return lines


def _story(n: int, story: Story, briefing: DailyBriefing, options: ViewOptions, width: int | None) -> list[str]:
    sources = sources_by_id(briefing)
    listed, left = listed_articles(story, options)
    outlets = ", ".join(escape_md(source_name(sources.get(a), a) + also_in(sources.get(a))) for a in listed)
    outlets += more_outlets(left)
    lines = [f"## {n}. {escape_md(story.headline)}", ""]
    lines += wrap("", f"*{plural(len(story.articles), 'article')}: {outlets}*", 0, width) + [""]
    if story.coverage is not None:
        lines += wrap("", f"*{escape_md(coverage_text(story.coverage))}*", 0, width) + [""]
    if story.summary_sentences:
        summary = " ".join(f"{escape_md(s.text)} [{', '.join(map(str, s.claims))}]" if s.claims else escape_md(s.text)
                           for s in story.summary_sentences)
    else:
        summary = escape_md(story.summary)
    lines += wrap("", summary, 0, width)
    lines += _claims(story, briefing, options, width)
    if story.disputes:
        lines += ["", "**Disputed**", ""]
        for dispute in story.disputes:
            lines += wrap("- ", escape_md(dispute.assertion), 2, width)
            for p in dispute.positions:
                where = source_name(sources.get(p.article), p.article)
                lines += wrap("  - ", f"{escape_md(p.party)} {p.stance}: “{escape_md(p.evidence)}” ({escape_md(where)})",
                              4, width)
    return lines


def _also_reported(day: DayLayout, width: int | None) -> list[str]:
    if not day.also:
        return []
    sources = sources_by_id(day.day)
    lines = ["", "## Also reported", ""]
    for story in day.also:
        article = story.articles[0] if story.articles else ""
        source = sources.get(article)
        outlet = escape_md(source_name(source, article) + also_in(source))
        lines += wrap("- ", f"{_link(story.headline, source.url if source else None)} · {outlet}", 2, width)
    return lines


def daily_to_markdown(briefing: DailyBriefing, options: ViewOptions | None = None, *,
                      max_claims: int | None = None, width: int | None = DEFAULT_WIDTH) -> str:
    """The briefing as Markdown: the main stories, most widely carried first, each with its top
    claims (``max_claims``, default ``options.max_claims``, 8) and their reports linked to their
    sources; disputes; the "Also reported" stories (one article, nothing corroborated) one line
    each; the sources. Lines wrap at ``width`` characters (None or 0: one line a paragraph).

    Raises:
        ConfigurationError: ``max_claims`` below 0.
    """
    options = options or ViewOptions()
    if max_claims is not None:
        options = ViewOptions(max_claims=max_claims)
    day = layout(briefing)
    lines = [f"# {escape_md(briefing.title)}", ""] + wrap("", escape_md(day_line(briefing)), 0, width)
    lines += what_changed_markdown(day.day, width)
    for n, story in enumerate(day.stories, 1):
        lines += [""] + _story(n, story, day.day, options, width)
    lines += _also_reported(day, width)
    lines += ["", "## Sources", ""]
    for s in briefing.sources:
        label, details = source_line(s)
        extra = ", ".join(escape_md(x) for x in details)
        lines += wrap("- ", _link(label, s.url) + (f" ({extra})" if extra else ""), 2, width)
        for c in s.copies:
            lines += wrap("  - ", f"same text: {_link(c.source or c.title or c.id, c.url)}", 4, width)
    if briefing.warnings or briefing.failures:
        lines += ["", "## Notes", ""]
        for w in briefing.warnings + briefing.failures:
            lines += wrap("- ", escape_md(w), 2, width)
    return "\n".join(lines) + "\n"
