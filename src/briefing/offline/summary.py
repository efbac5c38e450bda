"""Headline and extractive summary: the title or lead, then the most central sentences."""

from __future__ import annotations

import re
from collections import Counter

from briefing.core.models import Article
from briefing.text.fold import STOPWORDS
from briefing.text.sentences import Sentence, paragraphs

_WORD = re.compile(r"[A-Za-z][\w’'-]+")
_MAX_HEADLINE = 120


def looks_like_headline(line: str) -> bool:
    """A short line (16 words at most) with no closing full stop, question or exclamation mark."""
    return len(line.split()) <= 16 and not re.search(r"[.!?][”\"’]?$", line)


def _shorten(sentence: str) -> str:
    """Cut a lead sentence to a headline's length at a clause or word boundary."""
    sentence = re.sub(r"[.!?]+[”\"’]?$", "", sentence.strip())
    if len(sentence) <= _MAX_HEADLINE:
        return sentence
    clause = sentence.split(", ")[0]
    if 30 <= len(clause) <= _MAX_HEADLINE:
        return clause
    return sentence[:_MAX_HEADLINE].rsplit(" ", 1)[0] + "…"


def headline(article: Article, sentences: list[Sentence]) -> str:
    """The title, or the first line when it reads as a headline, else the lead shortened."""
    if article.title:
        return article.title.strip()
    paras = paragraphs(article.text)
    if len(paras) > 1:
        first = article.text[paras[0][0]:paras[0][1]]
        if looks_like_headline(first):
            return first
    return _shorten(sentences[0].text) if sentences else ""


def _balanced(sentence: str) -> bool:
    """False for a sentence cut inside a quotation (its quote marks do not pair up)."""
    return sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0


def _words(sentence: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(sentence)} - STOPWORDS


def summary(article: Article, sentences: list[Sentence], size: int = 3) -> str:
    """The lead sentence plus the most central others (sharing most words), in article order."""
    body = [s for s in sentences if len(s.text.split()) >= 6 and not looks_like_headline(s.text)
            and _balanced(s.text)]
    if not body:
        return " ".join(s.text for s in sentences[:size])
    frequency = Counter(w for s in body for w in _words(s.text))

    def centrality(s: Sentence) -> float:
        words = _words(s.text)
        return sum(frequency[w] - 1 for w in words) / (len(words) + 5)

    lead, rest = body[0], body[1:]
    chosen = sorted(rest, key=centrality, reverse=True)[: size - 1 if len(body) >= 6 else 1]
    return " ".join(s.text for s in [lead, *sorted(chosen, key=lambda s: s.start)])
