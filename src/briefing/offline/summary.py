"""Headline and extractive summary: the title or lead, then the most central sentences."""

from __future__ import annotations

import re
from collections import Counter

from briefing.core.models import Article
from briefing.text.fold import STOPWORDS
from briefing.text.sentences import Sentence, paragraphs

_WORD = re.compile(r"[A-Za-z][\w’'-]+")


def looks_like_headline(line: str, max_words: int = 16) -> bool:
    """A short line (``max_words`` words at most, default 16) with no closing full stop, question
    or exclamation mark."""
    return len(line.split()) <= max_words and not re.search(r"[.!?][”\"’]?$", line)


def shouts(line: str) -> bool:
    """Whether a line is set in capitals ("THE WHITE HOUSE"): a kicker or a section label, not a
    headline to show."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _sentence_case(line: str) -> str:
    """A line in capitals in sentence case: only its first letter stays a capital."""
    return line[:1].upper() + line[1:].lower()


def _whole(sentence: str) -> str:
    """A lead sentence as a headline: whole (never cut mid-way), without its final full stop."""
    return re.sub(r"(?<![.!?])\.([”\"’]?)$", r"\1", sentence.strip())


def headline(article: Article, sentences: list[Sentence]) -> str:
    """The title (in sentence case if set in capitals), or the first line when it reads as a
    headline and is not set in capitals, else the first whole sentence that is not in capitals."""
    if article.title and article.title.strip():
        title = article.title.strip()
        return _sentence_case(title) if shouts(title) else title
    paras = paragraphs(article.text)
    if len(paras) > 1:
        first = article.text[paras[0][0]:paras[0][1]]
        if looks_like_headline(first) and not shouts(first):
            return first
    whole = [s for s in sentences if not s.text[:1].islower()]  # one that opens in lower case was cut at a line break
    lead = next((s for s in whole if not shouts(s.text) and not looks_like_headline(s.text)),
                next((s for s in whole if not shouts(s.text)), None))
    if lead is not None:
        return _whole(lead.text)
    return _sentence_case(_whole(sentences[0].text)) if sentences else ""


def _balanced(sentence: str) -> bool:
    """False for a sentence cut inside a quotation (its quote marks do not pair up)."""
    return sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0


def _words(sentence: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(sentence)} - STOPWORDS


def summary(article: Article, sentences: list[Sentence], size: int = 3) -> str:
    """The lead sentence plus the most central others (sharing most words), in article order; a
    sentence cut at a line break (it opens in lower case) is none of them."""
    body = [s for s in sentences if len(s.text.split()) >= 6 and not looks_like_headline(s.text)
            and _balanced(s.text) and not s.text[:1].islower()]  # "have made an offer ...": a broken line
    if not body:
        return " ".join(s.text for s in sentences[:size])
    word_sets = [_words(s.text) for s in body]  # each sentence's words, read once
    frequency = Counter(w for words in word_sets for w in words)

    def centrality(words: set[str]) -> float:
        return sum(frequency[w] - 1 for w in words) / (len(words) + 5)

    lead, rest = body[0], list(zip(body[1:], word_sets[1:]))
    ranked = [s for s, _ in sorted(rest, key=lambda pair: centrality(pair[1]), reverse=True)]
    chosen = ranked[: size - 1 if len(body) >= 6 else 1]
    return " ".join(s.text for s in [lead, *sorted(chosen, key=lambda s: s.start)])
