"""The passage windows a ``Checker`` keeps for its next claims.

Offline, every claim is aligned against windows of a few passages of the day's articles. Each
article is folded and split into words once (``TextWindows``) and its windows are cut from it;
the last windows asked for are kept too. What is kept changes the speed, never a verdict: a
window cut or kept aligns exactly as one built afresh.
"""

from __future__ import annotations

from collections import OrderedDict

from briefing.grounding.aligner import Aligner
from briefing.grounding.windows import TextWindows, Window

WINDOW_CACHE_CHARS = 1_000_000  # the default bound of a Checker's window aligners (~120 MB)


class WindowAligners:
    """The windows of a ``Checker``'s articles, kept for the next claims.

    Articles' indexes and windows are kept, least recently used first out, while each holds at
    most ``max_chars`` characters of text; ``max_chars=0`` keeps nothing and builds every
    window afresh (as ``align`` would).
    """

    def __init__(self, max_chars: int = WINDOW_CACHE_CHARS) -> None:
        self.max_chars = max_chars
        self.chars = 0  # characters of the windows kept
        self.article_chars = 0  # characters of the articles whose index is kept
        self._kept: OrderedDict[tuple[str, int, int], Window] = OrderedDict()
        self._articles: OrderedDict[str, TextWindows] = OrderedDict()

    def get(self, text: str, lo: int, hi: int) -> Window:
        """The window ``text[lo:hi]`` of an article whose text is ``text``."""
        if self.max_chars <= 0:
            return Window(text[lo:hi], lo, Aligner(text[lo:hi]))
        key = (text, lo, hi)  # an article's copies share their windows
        window = self._kept.get(key)
        if window is not None:
            self._kept.move_to_end(key)
            return window
        window = self._article(text).window(lo, hi)
        if hi - lo <= self.max_chars:
            self._kept[key] = window
            self.chars += hi - lo
            while self.chars > self.max_chars:
                _, old = self._kept.popitem(last=False)
                self.chars -= len(old.text)
        return window

    def _article(self, text: str) -> TextWindows:
        windows = self._articles.get(text)
        if windows is not None:
            self._articles.move_to_end(text)
            return windows
        windows = TextWindows(text)
        if len(text) <= self.max_chars:
            self._articles[text] = windows
            self.article_chars += len(text)
            while self.article_chars > self.max_chars:
                _, old = self._articles.popitem(last=False)
                self.article_chars -= len(old.text)
        return windows
