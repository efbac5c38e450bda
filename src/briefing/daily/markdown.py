"""Markdown for a ``DailyBriefing``: for email and chat. Every model or article string is
escaped so it cannot open a link, an image or HTML in the reader's Markdown renderer."""

from __future__ import annotations

import re

from briefing.core.models import speaker_label
from briefing.daily.coverageview import coverage_text
from briefing.daily.models import DailyBriefing, Report, Source, Story
from briefing.daily.view import (
    VERDICT_LABEL,
    ViewOptions,
    safe_url,
    shown_claims,
    source_name,
    sources_by_id,
    statement_adds,
    who,
)

_SPECIAL = re.compile(r"([\\`*\[\]<>~]|(?<!\w)_|_(?!\w)|(?<=\w):(?=//)|(?i:(?<=\bwww)\.))")


def escape_md(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped and newlines folded to spaces;
    a bare ``https://`` or ``www.`` gets an escaped ``:`` or ``.`` so GFM does not make it a link."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _link(label: str, url: str | None) -> str:
    safe = safe_url(url)
    return f"[{escape_md(label)}](<{safe}>)" if safe else escape_md(label)  # safe_url encodes < > and breaks


def _also(source: Source | None) -> str:
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


def _story(n: int, story: Story, briefing: DailyBriefing, options: ViewOptions) -> list[str]:
    sources = sources_by_id(briefing)
    outlets = ", ".join(escape_md(source_name(sources.get(a), a) + _also(sources.get(a))) for a in story.articles)
    lines = [f"## {n}. {escape_md(story.headline)}", "", f"*{len(story.articles)} article(s): {outlets}*", ""]
    if story.coverage is not None:
        lines[-1:-1] = ["", f"*{escape_md(coverage_text(story.coverage))}*"]
    if story.summary_sentences:
        lines.append(" ".join(f"{escape_md(s.text)} [{', '.join(map(str, s.claims))}]" for s in story.summary_sentences))
    else:
        lines.append(escape_md(story.summary))
    shown, left = shown_claims(story, options)
    if shown:
        lines += ["", "**Claims**", ""]
        for number, claim in shown:
            speaker = speaker_label(claim.speaker) if claim.speaker else who(claim)
            said = f": {escape_md(claim.statement)}" if statement_adds(claim) else ""
            lines.append(f"{number}. **{VERDICT_LABEL[claim.verdict]}** · {escape_md(speaker)}{said}")
            for r in claim.reports:
                lines.append(f"   - {_report(r, briefing)}")
                lines += [f"      - note: {escape_md(note)}" for note in r.notes]
        if left:
            lines.append(f"\n*{left} more single-source claim(s) in the JSON.*")
    if story.disputes:
        lines += ["", "**Disputed**", ""]
        for dispute in story.disputes:
            lines.append(f"- {escape_md(dispute.assertion)}")
            for p in dispute.positions:
                where = source_name(sources.get(p.article), p.article)
                lines.append(f"   - {escape_md(p.party)} {p.stance}: “{escape_md(p.evidence)}” ({escape_md(where)})")
    return lines


def daily_to_markdown(briefing: DailyBriefing, options: ViewOptions | None = None) -> str:
    """The briefing as Markdown: stories with claims, reports linked to their sources, disputes."""
    options = options or ViewOptions()
    how = "offline rule-based extractor" if briefing.extractor == "offline" else (briefing.model or "a model")
    lines = [f"# {escape_md(briefing.title)}", "",
             f"{len(briefing.stories)} stories from {len(briefing.sources)} articles · {escape_md(how)}"]
    for n, story in enumerate(briefing.stories, 1):
        lines += [""] + _story(n, story, briefing, options)
    lines += ["", "## Sources", ""]
    for s in briefing.sources:
        label = s.title or s.source or s.id
        extra = ", ".join(escape_md(x) for x in (s.source if s.title else None, s.published, s.id) if x)
        lines.append(f"- {_link(label, s.url)}" + (f" ({extra})" if extra else ""))
        for c in s.copies:
            lines.append(f"   - same text: {_link(c.source or c.title or c.id, c.url)}")
    if briefing.warnings or briefing.failures:
        lines += ["", "## Notes", ""] + [f"- {escape_md(w)}" for w in briefing.warnings + briefing.failures]
    return "\n".join(lines) + "\n"
