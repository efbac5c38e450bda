"""The terminal view of a Briefing, printed by ``briefing brief``."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefing.core.models import STATUS_LABEL, Briefing, Claim, Grounded, speaker_label
from briefing.core.shown import shown
from briefing.core.wording import plural
from briefing.grounding.inarticle import untrusted_reasons
from briefing.offline.crosscheck import CrossCheck

STATUS_STYLE = {"exact": "green", "normalized": "green", "fuzzy": "yellow", "not_found": "bold red"}


def _check_notes(claim: Claim) -> Text:
    """Red notes for failed checks; empty when every check passed."""
    notes = Text()
    if claim.check is None:
        return notes
    if claim.check.speaker_in_article is False:
        notes.append("\n! speaker not named in the article", style="red")
    for figure in claim.check.added_figures:
        notes.append(f"\n! figure {figure} is not in the article", style="red")
    return notes


def _evidence(text: str, quote: bool, limit: int = 160) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"“{short}”" if quote else short


def differences_text(grounded: Grounded) -> Text:
    """The words where the evidence parts from the article, side by side, one pair a line:
    'model wrote "will not raise" · article says "will raise"'."""
    out = Text()
    style = "yellow" if grounded.grounding == "fuzzy" else "red"
    for d in grounded.differences:
        out.append("\nmodel wrote ", style="dim")
        out.append(f"“{d.excerpt}”" if d.excerpt else "(nothing)", style=f"bold {style}")
        out.append(" · article says ", style="dim")
        out.append(f"“{d.article}”" if d.article else "(nothing)", style="bold green")
    if grounded.grounding == "not_found" and grounded.nearest is not None:
        out.append(f"\nnot located: the article says otherwise at {grounded.nearest.start}–"
                   f"{grounded.nearest.end}", style=style)
    return out


def _claim_text(claim: Claim) -> Text:
    body = Text()
    if claim.evidence not in claim.statement:
        body.append(claim.statement + "\n")
    body.append(_evidence(claim.evidence, claim.direct_quote), style="italic")
    body.append_text(differences_text(claim))
    body.append_text(_check_notes(claim))
    return body


def _claims_table(briefing: Briefing) -> Table:
    table = Table(title="Claims", title_justify="left", expand=True, show_lines=True)
    table.add_column("#", justify="right", width=3)
    table.add_column("Speaker", ratio=1, min_width=14)
    table.add_column("Claim and evidence", ratio=3)
    table.add_column("Grounding", width=11)
    for number, claim in enumerate(briefing.claims, 1):
        speaker = Text(speaker_label(claim.speaker))
        speaker.append(f"\n{claim.kind.value}", style="dim")
        grounding = Text(STATUS_LABEL[claim.grounding], style=STATUS_STYLE[claim.grounding])
        if claim.span:
            grounding.append(f"\n@{claim.span.start}–{claim.span.end}", style="dim")
        if claim.check is not None and not untrusted_reasons(claim):
            grounding.append("\nchecks ok", style="green")
        table.add_row(str(number), speaker, _claim_text(claim), grounding)
    return table


def _disputes(briefing: Briefing) -> Table:
    table = Table(title="Disputes", title_justify="left", expand=True, show_lines=True)
    table.add_column("Assertion", ratio=2)
    table.add_column("Party and stance", ratio=1, min_width=14)
    table.add_column("Evidence", ratio=3)
    table.add_column("Grounding", width=11)
    for dispute in briefing.disputes:
        for index, position in enumerate(dispute.positions):
            table.add_row(
                dispute.assertion if index == 0 else "",
                Text(position.party).append(f"\n{position.stance}", style="bold"),
                Text(_evidence(position.evidence, False), style="italic").append_text(
                    differences_text(position)),
                Text(STATUS_LABEL[position.grounding], style=STATUS_STYLE[position.grounding]),
            )
    return table


def _footer(briefing: Briefing) -> Text:
    if briefing.extractor == "offline":
        source = f"offline rule-based extractor ({briefing.prompt_version}), no model"
    else:
        u = briefing.usage
        source = (f"{briefing.model or 'an unnamed model'}, prompt {briefing.prompt_version}, "
                  f"{plural(u.requests, 'request')}, {plural(u.total_tokens, 'token')}")
        if briefing.cached:
            source += "; from the cache, no request sent this time"
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


def _shown_all(value: Any) -> Any:
    """``value`` (a model's dump) with every string passed through ``core.shown``."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {k: _shown_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shown_all(v) for v in value]
    return value


def print_briefing(briefing: Briefing, console: Console) -> None:
    """Print the headline, summary, claims table, disputes and provenance of ``briefing``; article
    and model text is shown without control characters (an escape sequence cannot reach the
    terminal)."""
    briefing = Briefing.model_validate(_shown_all(briefing.model_dump()))
    lead = Text(briefing.headline, style="bold")
    lead.append("\n\n")
    lead.append(briefing.summary)
    title = f"[dim]{escape(briefing.article)}[/dim]" if briefing.article else None
    parts: list = [Panel(lead, title=title, title_align="left")]
    parts.append(_claims_table(briefing) if briefing.claims else Text("No claims found.", style="dim"))
    if briefing.disputes:
        parts.append(_disputes(briefing))
    parts.append(_footer(briefing))
    console.print(Group(*parts))
    console.print()


def print_cross_check(report: CrossCheck, console: Console) -> None:
    """Print the quotes the model left out and the speakers it disagrees on."""
    if report.ok:
        console.print(f"[green]Cross-check:[/green] the model covers all {report.offline_quotes} direct "
                      "quotes the offline extractor found, with the same speakers.", highlight=False)
        console.print()
        return
    console.print("[bold yellow]Cross-check with the offline extractor[/bold yellow]", highlight=False)
    for quote in report.missed_quotes:
        console.print(Text.assemble("  missed quote  ", (shown(speaker_label(quote.speaker)), "bold"), ": ",
                                    (shown(_evidence(quote.evidence, True)), "italic")))
    for mismatch in report.speaker_mismatches:
        console.print(Text.assemble(
            f"  claim #{mismatch.model_claim + 1}  ", (shown(_evidence(mismatch.quote.evidence, True, 80)), "italic"),
            "\n    model says ", (shown(speaker_label(mismatch.model_speaker)), "bold"),
            ", quote rules say ", (shown(speaker_label(mismatch.offline_speaker)), "bold")))
    console.print()
