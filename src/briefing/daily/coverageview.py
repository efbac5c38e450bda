"""How a story's coverage reads: one line of text (Markdown, captions) and a small inline SVG bar
(HTML, notebooks). Presentation only, over ``Story.coverage`` and the day's ``day_coverage``.

Outlet names, label keys and values are the user's and the feeds' strings: data, never markup.
The text line is plain (a view escapes it); the SVG and its caption escape every string here.
"""

from __future__ import annotations

from html import escape

from briefing.daily.models import Coverage

SHORT = 60
"""A name, key or value longer than this many characters is cut (with …) in the views."""

MAX_ROWS = 6
"""Label keys drawn as bars at most; the rest are named in the caption only."""

MAX_SEGMENTS = 12
"""Values drawn as segments of one bar at most; the day's later values share the last segment."""

MAX_NAMES = 10
"""Names listed at most in one part of a line (outlets, missing values), then 'and N more'."""

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#7F7F7F")
"""Label values' colours, in the day's value order (Okabe-Ito, readable with colour blindness)."""

OTHER = "#555555"
"""The colour of the values past ``MAX_SEGMENTS - 1``, drawn as one segment."""


def _colour(index: int, values: int) -> str:
    """The colour of a key's ``index``-th value of ``values``: the palette's, or ``OTHER`` for
    the values that share the bar's last segment."""
    if values > MAX_SEGMENTS and index >= MAX_SEGMENTS - 1:
        return OTHER
    return PALETTE[index % len(PALETTE)]


_LABEL_W, _BAR_W, _ROW_H, _BAR_H = 84, 200, 16, 10


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listed(names: list[str]) -> str:
    shown = ", ".join(map(_short, names[:MAX_NAMES]))
    return shown + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else "")


def _only(coverage: Coverage, key: str) -> str:
    return next(iter(coverage.labels.get(key, {})), "")


def coverage_text(coverage: Coverage) -> str:
    """'Covered by 3 outlets: A, B, C · region: US-West 2, EU 1 (none from Asia) · only US-West
    (region)', plain text (names cut to ``SHORT`` characters; escape it for the view's format)."""
    n = len(coverage.outlets)
    parts = [f"Covered by {n} outlet{'' if n == 1 else 's'}: " + _listed(coverage.outlets)]
    for key in dict.fromkeys([*coverage.labels, *coverage.missing]):
        carried = _listed([f"{_short(v)} {k}" for v, k in coverage.labels.get(key, {}).items()])
        missing = _listed(coverage.missing.get(key, []))
        if carried and missing:
            carried += f" (none from {missing})"
        parts.append(f"{_short(key)}: {carried or f'none from {missing}'}")
    if coverage.unlabeled:
        parts.append("no labels: " + _listed(coverage.unlabeled))
    parts += [f"only {_short(_only(coverage, key))} ({_short(key)})" for key in coverage.one_sided]
    return " · ".join(parts)


def _rows(coverage: Coverage, day: Coverage) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    """(row name, [(day outlets, story outlets, colour, value name)]) per bar: all outlets, then each label key."""
    rows = [("outlets", [(len(day.outlets), len(coverage.outlets), "#1f2328", "outlets")])]
    for key, values in list(day.labels.items())[:MAX_ROWS]:
        carried = coverage.labels.get(key, {})
        segments = [(total, carried.get(value, 0), _colour(i, len(values)), value)
                    for i, (value, total) in enumerate(values.items())]
        if len(segments) > MAX_SEGMENTS:
            rest = segments[MAX_SEGMENTS - 1:]
            segments[MAX_SEGMENTS - 1:] = [(sum(s[0] for s in rest), sum(s[1] for s in rest), OTHER,
                                            f"{len(rest)} other values")]
        rows.append((key, segments))
    return rows


def coverage_svg(coverage: Coverage, day: Coverage) -> str:
    """An inline SVG bar chart of ``coverage`` against the day's (``day_coverage``): a row for the
    outlets (the story's share of the day's), then a row per label key (at most ``MAX_ROWS``),
    one segment per value of the day, as wide as its outlets and filled as far as the story's
    outlets of that value go. No scripts, no external assets; the text line is its ``<title>`` and
    ``aria-label``, every string escaped."""
    rows = _rows(coverage, day)
    said = escape(coverage_text(coverage), quote=True)
    width, height = _LABEL_W + _BAR_W, _ROW_H * len(rows)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="coverage" role="img" aria-label="{said}" '
              f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" style="max-width:100%;height:auto">'
              f'<title>{said}</title>')]
    for r, (name, segments) in enumerate(rows):
        y = r * _ROW_H
        parts.append(f'<text x="0" y="{y + _BAR_H}" font-size="10" font-family="sans-serif" fill="#656d76">'
                     f'{escape(_short(name, 14))}</text>')
        total = sum(s[0] for s in segments) or 1
        x = float(_LABEL_W)
        for of, carried, colour, value in segments:
            w = _BAR_W * of / total
            share = w * min(carried, of) / of if of else 0.0
            tip = escape(f"{_short(value)}: {carried} of {of}", quote=True)
            parts.append(f'<g><title>{tip}</title>'
                         f'<rect x="{x:.1f}" y="{y}" width="{max(w - 1, 0.5):.1f}" height="{_BAR_H}" fill="{colour}" '
                         f'fill-opacity="0.18"/>'
                         + (f'<rect x="{x:.1f}" y="{y}" width="{max(share - 1, 0.5):.1f}" height="{_BAR_H}" '
                            f'fill="{colour}"/>' if carried else "") + '</g>')
            x += w
    parts.append("</svg>")
    return "".join(parts)


def coverage_html(coverage: Coverage, day: Coverage) -> str:
    """The coverage bar with its caption (each label value beside its colour), as an HTML fragment
    (every string escaped): what the HTML view and the notebook show under a story's sources."""
    colours = {(key, value): _colour(i, len(values))
               for key, values in day.labels.items() for i, value in enumerate(values)}
    caption = [escape(f"Covered by {len(coverage.outlets)} of {len(day.outlets)} outlets")]
    for key in list(dict.fromkeys([*coverage.labels, *coverage.missing]))[:MAX_NAMES]:
        carried = list(coverage.labels.get(key, {}).items())
        values = [f'<span style="color:{colours.get((key, v), OTHER)}">■</span> {escape(_short(v))} {n}'
                  for v, n in carried[:MAX_NAMES]]
        values += [f'<s>{escape(_short(v))}</s>' for v in coverage.missing.get(key, [])[:MAX_NAMES]]
        more = max(len(carried) - MAX_NAMES, 0) + max(len(coverage.missing.get(key, [])) - MAX_NAMES, 0)
        caption.append(f"{escape(_short(key))}: " + ", ".join(values) + (f" and {more} more" if more else ""))
    if coverage.unlabeled:
        caption.append("no labels: " + escape(_listed(coverage.unlabeled)))
    flag = "".join(f' <strong style="color:#a40e26">only {escape(_short(_only(coverage, key)))} '
                   f'({escape(_short(key))})</strong>' for key in coverage.one_sided)
    return (f'<div class="coverage" style="margin:.4rem 0;font-size:.8rem;color:#656d76">'
            f'{coverage_svg(coverage, day)}<div>{" · ".join(caption)}{flag}</div></div>')
