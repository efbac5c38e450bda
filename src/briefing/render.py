"""Render a Briefing for people: the terminal view printed by ``briefing brief``."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefing.models import Briefing, Claim, Speaker

STATUS_STYLE = {"exact": "green", "normalized": "green", "fuzzy": "yellow", "not_found": "bold red"}
STATUS_LABEL = {"exact": "exact", "normalized": "normalized", "fuzzy": "fuzzy", "not_found": "NOT FOUND"}


def speaker_label(speaker: Speaker | None) -> str:
    """'Jamie Shea (Former NATO official)', 'unnamed NATO diplomats [anon] via AFP', or '(article)'."""
    if speaker is None:
        return "(article)"
    label = speaker.name
    if speaker.role and speaker.role.lower() not in speaker.name.lower():
        label += f" ({speaker.role})"
    if speaker.anonymous:
        label += " [anon]"
    if speaker.via:
        label += f" via {speaker.via}"
    return label


def _checks_label(claim: Claim) -> Text:
    notes = Text()
    if claim.check is None:
        return notes
    if claim.check.speaker_in_article is False:
        notes.append("speaker not in article\n", style="red")
    for figure in claim.check.added_figures:
        notes.append(f"figure {figure} not in article\n", style="red")
    if not notes:
        notes.append("ok", style="green")
    return notes


def _evidence(text: str, quote: bool, limit: int = 160) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"“{short}”" if quote else short


def _claims_table(briefing: Briefing) -> Table:
    table = Table(title="Claims", title_justify="left", expand=True, show_lines=True)
    table.add_column("#", justify="right", width=3)
    table.add_column("Speaker", ratio=2)
    table.add_column("Kind", width=11)
    table.add_column("Claim and evidence", ratio=5)
    table.add_column("Grounding", width=12)
    table.add_column("Checks", ratio=1)
    for number, claim in enumerate(briefing.claims, 1):
        body = Text(claim.statement + "\n")
        body.append(_evidence(claim.evidence, claim.direct_quote), style="italic dim")
        if claim.source_text and claim.grounding == "fuzzy":
            body.append(f"\nsource says: {claim.source_text}", style="yellow")
        where = f"\n@{claim.span.start}–{claim.span.end}" if claim.span else ""
        grounding = Text(STATUS_LABEL[claim.grounding], style=STATUS_STYLE[claim.grounding])
        grounding.append(where, style="dim")
        table.add_row(str(number), escape(speaker_label(claim.speaker)), claim.kind.value, body,
                      grounding, _checks_label(claim))
    return table


def _disputes(briefing: Briefing) -> Table:
    table = Table(title="Disputes", title_justify="left", expand=True, show_lines=True)
    table.add_column("Assertion", ratio=2)
    table.add_column("Party", ratio=1)
    table.add_column("Stance", width=9)
    table.add_column("Evidence", ratio=3)
    table.add_column("Grounding", width=10)
    for dispute in briefing.disputes:
        for index, position in enumerate(dispute.positions):
            table.add_row(
                dispute.assertion if index == 0 else "",
                escape(position.party), position.stance,
                Text(_evidence(position.evidence, False), style="italic"),
                Text(STATUS_LABEL[position.grounding], style=STATUS_STYLE[position.grounding]),
            )
    return table


def _footer(briefing: Briefing) -> Text:
    if briefing.extractor == "offline":
        source = f"offline rule-based extractor ({briefing.prompt_version}), no model"
    else:
        u = briefing.usage
        source = (f"{briefing.model}, prompt {briefing.prompt_version}, {u.requests} request(s), "
                  f"{u.total_tokens} tokens")
    line = Text(f"Extracted by {source}.", style="dim")
    summary = briefing.grounding_summary
    if summary is not None:
        counts = ", ".join(f"{n} {status}" for status, n in summary.counts.items() if n)
        line.append(f"\nGrounding: {counts or 'nothing to ground'}.", style="dim")
        if summary.untrusted:
            numbers = ", ".join(f"#{i + 1}" for i in summary.untrusted)
            line.append(f"\nCheck before trusting: claims {numbers}.", style="bold yellow")
    for warning in briefing.warnings:
        line.append(f"\nNote: {warning}", style="yellow")
    return line


def print_briefing(briefing: Briefing, console: Console) -> None:
    """Print the headline, summary, claims table, disputes and provenance of ``briefing``."""
    title = f"[bold]{escape(briefing.headline)}[/bold]"
    if briefing.article:
        title += f"  [dim]{escape(briefing.article)}[/dim]"
    parts: list = [Panel(Text(briefing.summary), title=title, title_align="left")]
    parts.append(_claims_table(briefing) if briefing.claims else Text("No claims found.", style="dim"))
    if briefing.disputes:
        parts.append(_disputes(briefing))
    parts.append(_footer(briefing))
    console.print(Group(*parts))
    console.print()
