"""What matters first: the order of a day's stories and of each story's claims.

Stories: more outlets first (distinct ``source`` names, else the article id; syndicated copies
count, as they are carried by their outlet), then more corroborated claims, then more contested
ones. Claims in a story: corroborated and contested ones first, then more outlets, then a named
speaker before an anonymous one, a pronoun or none, then claims with figures. Ties keep the order
they had (the sort is stable), so ranking a ranked day changes nothing.

Summary sentences cite claims by their 1-based index (``CitedSentence.claims``); ranking remaps
them, so every citation still names the same claim. Nothing is dropped: views choose how many
claims to show, the JSON keeps all of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefing.daily.models import DailyBriefing, Source, Story, StoryClaim
from briefing.quantities import find_quantities

PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "someone", "one", "him", "her", "them"])
"""Speaker names that name no one: a claim they said is not "named"."""


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def outlet_of(article: str, sources: Mapping[str, Source]) -> str:
    """The outlet that carries ``article``: its ``source`` name (case and spacing folded), else its id."""
    source = sources.get(article)
    name = _fold(source.source) if source is not None and source.source else ""
    return name or f"article:{article}"


def story_outlets(story: Story, sources: Mapping[str, Source]) -> int:
    """How many outlets carry the story: its articles' and their syndicated copies' outlets."""
    names = {outlet_of(a, sources) for a in story.articles}
    for article in story.articles:
        source = sources.get(article)
        for copy in source.copies if source is not None else []:
            names.add(_fold(copy.source) if copy.source and copy.source.strip() else f"article:{copy.id}")
    return len(names)


def claim_outlets(claim: StoryClaim, sources: Mapping[str, Source]) -> int:
    """How many distinct outlets report the claim."""
    return len({outlet_of(r.article, sources) for r in claim.reports})


def named_speaker(claim: StoryClaim) -> bool:
    """True for a speaker named on the record: a name that is not a pronoun, not anonymous."""
    speaker = claim.speaker
    return (speaker is not None and not speaker.anonymous and bool(speaker.name.strip())
            and _fold(speaker.name) not in PRONOUNS)


def has_figures(claim: StoryClaim) -> bool:
    """True when the claim's statement or first report holds a figure: digits, or a number word
    with a unit, a currency or a counted noun ("three people"); a bare "one" is not a figure."""
    texts = [claim.statement, *(r.evidence for r in claim.reports[:1])]
    return any(any(ch.isdigit() for ch in q.text) or q.unit or q.currency or q.counted
               for text in texts for q in find_quantities(text))


def _claim_key(claim: StoryClaim, sources: Mapping[str, Source]) -> tuple[int, int, int, int]:
    return (0 if claim.verdict in ("corroborated", "contested") else 1, -claim_outlets(claim, sources),
            0 if named_speaker(claim) else 1, 0 if has_figures(claim) else 1)


def rank_claims(story: Story, sources: Mapping[str, Source]) -> Story:
    """``story`` with its claims in reading order and its summary's citations remapped to them."""
    order = sorted(range(len(story.claims)), key=lambda k: _claim_key(story.claims[k], sources))
    if order == list(range(len(story.claims))):
        return story
    new_number = {old + 1: new + 1 for new, old in enumerate(order)}
    sentences = [s.model_copy(update={"claims": [new_number.get(c, c) for c in s.claims]})
                 for s in story.summary_sentences]
    return story.model_copy(update={"claims": [story.claims[k] for k in order], "summary_sentences": sentences})


def _story_key(story: Story, sources: Mapping[str, Source]) -> tuple[int, int, int]:
    verdicts = [c.verdict for c in story.claims]
    return (-story_outlets(story, sources), -verdicts.count("corroborated"), -verdicts.count("contested"))


def rank_stories(stories: Sequence[Story], sources: Sequence[Source]) -> list[Story]:
    """The stories, each with ranked claims, most widely carried and corroborated first."""
    by_id = {s.id: s for s in sources}
    ranked = [rank_claims(story, by_id) for story in stories]
    return sorted(ranked, key=lambda story: _story_key(story, by_id))


def rank_day(day: DailyBriefing) -> DailyBriefing:
    """``day`` with its stories and their claims in reading order (a copy; ``day`` is unchanged)."""
    stories = rank_stories(day.stories, day.sources)
    if all(a is b for a, b in zip(stories, day.stories, strict=True)):
        return day
    return day.model_copy(update={"stories": stories})


def also_reported(story: Story) -> bool:
    """True for a story that one article alone reports, with no claim another article corroborates."""
    return len(story.articles) <= 1 and not any(c.verdict == "corroborated" for c in story.claims)


def split_day(day: DailyBriefing) -> tuple[list[Story], list[Story]]:
    """The main stories and the "Also reported" ones, each in the day's order. When every story
    would be "also reported" (a day of unrelated articles), none is: there is no main list to
    put them after, and their claims are the day."""
    main = [s for s in day.stories if not also_reported(s)]
    if not main:
        return list(day.stories), []
    return main, [s for s in day.stories if also_reported(s)]
