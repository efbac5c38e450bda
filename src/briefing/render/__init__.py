"""Render briefings for people: the terminal view, and HTML for notebooks and browsers."""

from briefing.core.models import speaker_label
from briefing.render.html import to_html
from briefing.render.terminal import print_briefing, print_cross_check

__all__ = ["print_briefing", "print_cross_check", "speaker_label", "to_html"]
