"""The output formats of ``briefing brief --format``: a registry of renderers by name.

A renderer prints one briefing (and its cross-check report, when one was asked for) to a rich
``Console``. ``text`` (the readable view) and ``json`` (one JSON line per article) are built in;
another layer adds its own with ``register_renderer("markdown", fn)``, and the command line
offers it with no change to ``cli.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from rich.console import Console

from briefing.core.errors import ConfigurationError
from briefing.core.models import Briefing
from briefing.offline.crosscheck import CrossCheck
from briefing.render.terminal import print_briefing, print_cross_check

Renderer = Callable[[Briefing, CrossCheck | None, Console], None]
"""``renderer(briefing, cross_check_report_or_None, console)`` prints one briefing."""

_RENDERERS: dict[str, Renderer] = {}


def register_renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Decorator: make ``fn`` the renderer of format ``name`` (replacing any earlier one)."""
    def register(fn: Renderer) -> Renderer:
        _RENDERERS[name] = fn
        return fn
    return register


def formats() -> list[str]:
    """The registered format names, in registration order."""
    return list(_RENDERERS)


def get_renderer(name: str) -> Renderer:
    """The renderer of format ``name``.

    Raises:
        ConfigurationError: no renderer has that name (the message lists those that do).
    """
    try:
        return _RENDERERS[name]
    except KeyError:
        raise ConfigurationError(f"unknown format {name!r}: choose one of {', '.join(formats())}") from None


@register_renderer("text")
def render_text(briefing: Briefing, report: CrossCheck | None, out: Console) -> None:
    """The readable terminal view, then the cross-check report if any."""
    print_briefing(briefing, out)
    if report is not None:
        print_cross_check(report, out)


@register_renderer("json")
def render_json(briefing: Briefing, report: CrossCheck | None, out: Console) -> None:
    """One JSON line: the Briefing, with ``cross_check`` added when a report was asked for."""
    record = briefing.model_dump(mode="json")
    if report is not None:
        record["cross_check"] = report.model_dump(mode="json")
    out.file.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.file.flush()
