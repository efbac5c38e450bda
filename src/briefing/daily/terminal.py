"""The terminal view of a ``DailyBriefing``, printed by ``briefing daily``: stories with their
outlets, the shown claims with speaker and verdict colours, and the sources. Built from rich
``Text`` (never markup), so article text cannot style, move or clear the screen: control
characters and bidirectional overrides are dropped. Lines wrap between words at the console's
width; only a word longer than a whole line is cut (a URL is kept whole, past the edge).
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefing.core.models import speaker_label
from briefing.core.wording import plural
from briefing.daily.models import DailyBriefing, Report, Source, Story, StoryClaim
from briefing.daily.view import (
    VERDICT_LABEL,
    ViewOptions,
    differs,
    layout,
    listed_articles,
    more_outlets,
    one_line,
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

VERDICT_STYLE = {"corroborated": "bold green", "contested": "bold red", "single_source": "cyan"}


def clean(text: str) -> str:
    """``text`` on one line, safe for a terminal (``view.one_line``)."""
    return one_line(text)


def _outlet(article: str, sources: dict[str, Source]) -> Text:
    source = sources.get(article)
    url = safe_url(source.url) if source else None
    return Text(clean(source_name(source, article)), style=f"bold blue link {url}" if url else "bold blue")


def _report_line(group: list[Report], sources: dict[str, Source]) -> Text:
    """'Desert Sun, Valley Post: “words”', with what the reader should know after it."""
    line = Text()
    for i, report in enumerate(group):
        line.append_text(_outlet(report.article, sources))
        line.append(", " if i < len(group) - 1 else ": ")
    first = group[0]
    line.append(f"“{clean(first.evidence)}”", style="italic")
    if first.grounding == "not_found":
        line.append(" not found in the article", style="bold red")
    elif first.grounding == "fuzzy":
        line.append(" reworded", style="yellow")
    if first.differences:
        style = "red" if differs(first) else "dim"
        pairs = "; ".join(f"{clean(d.excerpt) or '∅'} → {clean(d.article) or '∅'}" for d in first.differences)
        line.append(f"\ndiffers: {pairs}", style=style)
    for note in report_notes(first):
        line.append(f"\n{clean(note)}", style="dim italic")
    return line


def _claim(claim: StoryClaim, sources: dict[str, Source]) -> Group:
    outlets = len({r.article for r in claim.reports})
    head = Text()
    head.append(VERDICT_LABEL[claim.verdict] + (f" · {outlets} outlets" if outlets > 1 else ""),
                style=VERDICT_STYLE[claim.verdict])
    head.append("  ")
    head.append(clean(speaker_label(claim.speaker) if claim.speaker else who(claim)), style="bold")
    parts: list[RenderableType] = [head]
    if statement_adds(claim):
        parts.append(Text(clean(claim.statement)))
    parts += [_report_line(group, sources) for group in same_words(claim.reports)]
    return Group(*parts)


def _numbered(rows: list[tuple[str, RenderableType]], width: int) -> Table:
    """Rows of (number, body): the body wraps in its own column, under itself. The space after
    the number is part of its column (no cell padding, which rich versions measure apart)."""
    grid = Table.grid()
    grid.add_column(width=width + 1, no_wrap=True)
    grid.add_column(ratio=1)
    for number, body in rows:
        grid.add_row(Text(number.rjust(width) + " ", style="dim"), body)
    return grid


def _story(number: int, story: Story, sources: dict[str, Source], options: ViewOptions) -> Group:
    outlets = Text(plural(len(story.articles), "article") + ": ", style="dim")
    listed, left = listed_articles(story, options)
    for i, article in enumerate(listed):
        outlets.append_text(_outlet(article, sources))
        if i < len(listed) - 1:
            outlets.append(", ", style="dim")
    outlets.append(more_outlets(left), style="dim")
    summary = " ".join(clean(s.text) for s in story.summary_sentences) or clean(story.summary)
    body: list[RenderableType] = [Text(clean(story.headline), style="bold"), outlets, Text(summary)]
    shown, left = shown_claims(story, options)
    if shown:
        rows: list[tuple[str, RenderableType]] = [(str(n), _claim(c, sources)) for n, c in shown]
        spaced = [(n, Group(c, Text("")) if i < len(rows) - 1 else c) for i, (n, c) in enumerate(rows)]
        body += [Text(""), _numbered(spaced, max(len(n) for n, _ in rows))]
    if left:
        body.append(Text(f"\n…and {plural(left, 'more claim')} in the JSON.", style="dim italic"))
    for dispute in story.disputes:
        lines = Text("\nDisputed: ", style="bold magenta")
        lines.append(clean(dispute.assertion))
        for position in dispute.positions:
            lines.append(f"\n{position.stance} ", style="magenta")
            lines.append(clean(position.party), style="bold")
            lines.append(": ")
            lines.append(f"“{clean(position.evidence)}” ", style="italic")
            lines.append_text(_outlet(position.article, sources))
        body.append(lines)
    return Group(_numbered([(f"{number}.", Group(*body))], 2), Text(""))


def _print_sources(briefing: DailyBriefing, console: Console) -> None:
    """Each source on a line, and its URL whole on the next (past the edge if it must: a URL cut
    over two lines can be neither clicked nor copied)."""
    console.print(Text("Sources", style="bold"))
    for source in briefing.sources:
        label, details = source_line(source)
        line = Text(clean(label))
        if details:
            line.append(f" · {' · '.join(clean(x) for x in details)}", style="dim")
        console.print(Padding(line, (0, 0, 0, 2)))
        url = safe_url(source.url)
        if url:
            console.print(Text("    ").append(url, style=f"blue link {url}"), soft_wrap=True)


def what_changed_parts(briefing: DailyBriefing) -> list[RenderableType]:
    """The "What changed since DATE" lines (none for a briefing not compared with an earlier day):
    new stories, updated claims with both days' words and dates, stories dropped out."""
    changes = what_changed(briefing)
    if changes is None:
        return []
    parts: list[RenderableType] = [Text(f"What changed since {clean(changes.since)}", style="bold")]
    if changes.nothing:
        parts.append(Padding(Text("Nothing new: no new stories, no updated figures, no stories dropped out."),
                             (0, 0, 0, 2)))
    for story in changes.new:
        line = Text("new: ", style="bold green").append(clean(story.headline))
        parts.append(Padding(line.append(f" ({plural(len(story.articles), 'article')})", style="dim"), (0, 0, 0, 2)))
    for u in changes.updated:
        line = Text("updated: ", style="bold yellow").append(f"{clean(u.story.headline)} ({clean(who(u.claim))}): ")
        parts.append(Padding(line.append(clean(u.what), style="bold"), (0, 0, 0, 2)))
        for day, report in ((changes.since, u.earlier), (changes.today or "today", u.later)):
            if report is not None:
                parts.append(Padding(Text(f"{clean(day)}: ", style="dim").append(f"“{clean(report.evidence)}”",
                                                                                  style="italic"), (0, 0, 0, 4)))
    for dropped in changes.dropped:
        line = Text("dropped out: ", style="bold red").append(clean(dropped.headline))
        if dropped.outlets:
            line.append(f" ({clean(', '.join(dropped.outlets))})", style="dim")
        parts.append(Padding(line, (0, 0, 0, 2)))
    return [*parts, Text("")]


def print_daily(briefing: DailyBriefing, console: Console, options: ViewOptions | None = None) -> None:
    """Print ``briefing`` for a reader at a terminal (colours only when ``console`` has them;
    lines wrap at its width)."""
    options = options or ViewOptions()
    day = layout(briefing)
    briefing = day.day
    sources = {s.id: s for s in briefing.sources}
    how = "offline rule-based extractor, no model" if briefing.extractor == "offline" else clean(briefing.model or "a model")
    parts: list[RenderableType] = [
        Text(clean(briefing.title), style="bold underline"),
        Text(f"{plural(len(briefing.stories), 'story', 'stories')} from {plural(len(briefing.sources), 'article')} · {how}",
             style="dim"),
        Text(""),
    ]
    parts += what_changed_parts(briefing)
    parts += [_story(n, story, sources, options) for n, story in enumerate(day.stories, 1)]
    if day.also:
        parts.append(Text("Also reported", style="bold"))
        rows: list[tuple[str, RenderableType]] = []
        for story in day.also:
            article = story.articles[0] if story.articles else ""
            line = Text(clean(story.headline))
            line.append(f" · {clean(source_name(sources.get(article), article))}", style="dim")
            rows.append(("-", line))
        parts += [Padding(_numbered(rows, 1), (0, 0, 0, 2)), Text("")]  # a long headline wraps under itself
    console.print(Group(*parts))
    _print_sources(briefing, console)
    notes = briefing.warnings + briefing.failures
    if notes:
        console.print(Text("\nNotes", style="bold"))
        console.print(Group(*(Padding(Text(clean(note), style="yellow"), (0, 0, 0, 2)) for note in notes)))


def daily_to_text(briefing: DailyBriefing, *, width: int = 80, options: ViewOptions | None = None) -> str:
    """The terminal view as plain text for a pipe, a file or an email: no colours or escape
    sequences, lines wrapped between words at ``width`` columns, no trailing spaces."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None, force_terminal=False,
                      legacy_windows=False, emoji=False)
    print_daily(briefing, console, options)
    return "\n".join(line.rstrip() for line in console.export_text(styles=False).splitlines()) + "\n"
