"""``diff(previous, today)``: a day's briefing against the earlier day's, the library deciding
what is new, what continues and what changed.

- **Claims.** Two days' claims are the same claim when their words are (the shorter found in the
  longer by ``align``, exactly or reworded), compared by the rule that links claims across
  outlets (``linking.compare``, i.e. ``agree``):
  - ``repeated``: the words say the same (modifiers left out, "8" for "eight", converted units),
    or are linked without a verdict (amounts in two currencies, other words);
  - ``updated``: a figure that differs after conversion ("140 injured" then "200 injured"), a
    negation added or dropped, an opposite direction word, another date. A change since the
    earlier day is news, not a disagreement: the claim keeps its same-day verdict (never
    ``contested`` for it), carries ``previous`` (the earlier day's reports) and ``change_notes``
    ("140 → 200");
  - ``new``: no claim of the earlier day's matching stories says it.
  Reports are compared one by one: when one of today's reports gives a figure no earlier report
  gave, the claim is ``updated`` even if another outlet still repeats the earlier figure (that
  same-day disagreement is ``contested`` as always); a figure already reported the day before
  (one outlet said 140, another 200) is not an update when today's reports keep to it.
- **Stories.** A story continues one of the earlier day when they share an article URL, or share
  a claim and some names, or share most of their names (``HistoryOptions``). Each earlier story
  is continued by at most one story, the closest, which keeps its ``id`` (``continuing``); any
  other story gets ``story-DATE-N`` (its place that day), so ids never repeat across days. A
  story matching an earlier one already taken (a story that split) is ``continuing`` under its
  own id. Earlier stories nothing matches are ``dropped``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from briefing.daily.entities import features
from briefing.daily.linking import COMPARABLE_CHANGES, LinkOptions, compare
from briefing.daily.models import (
    DailyBriefing,
    DroppedStory,
    Relation,
    Source,
    Story,
    StoryClaim,
)
from briefing.grounding.agreement import Agreement, agree, word_differences
from briefing.grounding.aligner import Aligner
from briefing.grounding.spans import widen
from briefing.quantities import compare_texts
from briefing.text.fold import STOPWORDS, fold_fast

_WORDS = re.compile(r"\w+")
_PRIORITY: dict[Relation, int] = {"same": 0, "contradicts": 1, "unclear": 2}


@dataclass(frozen=True)
class HistoryOptions:
    """Knobs of ``diff``, with their documented defaults.

    ``linking``: how two days' claim words are compared (``LinkOptions``: ``min_words`` for an
    exact match, ``min_words_fuzzy`` for reworded words or a changed figure, the agreement rule).
    ``name_similarity``: the cosine similarity of two stories' names (people, places,
    organisations; each weighted by how rare it is among both days' stories) from which they
    are one story continuing (default 0.5: most names shared). ``linked_name_similarity``: the
    lower name similarity that suffices when the two stories also share a claim (default 0.2:
    a claim shared by two events of the same kind, "aftershocks are likely", is not enough
    alone). ``shared_claims``: the share of the smaller story's claims that, linked word for word
    (at least two), make two stories one continuing whatever their names (default 0.5: a story
    told again, even one that names no one). ``max_reports``: how many reports of each claim are
    compared (default 3).
    ``max_postings``: a word held by more of the earlier day's claims than this proposes no pair
    of claims to compare ("officials", "people" on a big day); pairs proposed by rarer words still
    count every shared word (default 50, as ``GroupingOptions.max_postings``). ``max_candidates``:
    how many of the earlier claims sharing the most words (Jaccard) each claim is compared with,
    closest first, stopping at the first with the same words (default 3).
    """

    linking: LinkOptions = field(default_factory=LinkOptions)
    name_similarity: float = 0.5
    linked_name_similarity: float = 0.2
    shared_claims: float = 0.5
    max_reports: int = 3
    max_postings: int = 50
    max_candidates: int = 3


@dataclass(frozen=True)
class ClaimLink:
    """What two days' words of a claim are to each other: ``relation`` (``agree``'s), the earlier
    and later words compared, and whether they are long enough to tie two stories (``strong``)."""

    relation: Relation
    earlier: str
    later: str
    strong: bool

    @property
    def contradicts(self) -> bool:
        return self.relation == "contradicts"


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(fold_fast(text)))


def relate(earlier: str, later: str, options: LinkOptions | None = None) -> ClaimLink | None:
    """Whether ``later`` words say the claim of ``earlier`` ones, and how: the shorter is looked
    for in the longer with ``align``; found or refused for a figure or a negation, the words are
    compared with ``linking.compare``. None when they are not the same claim."""
    options = options or LinkOptions()
    if _WORDS.findall(fold_fast(earlier)) == _WORDS.findall(fold_fast(later)):
        same = bool(earlier.strip())
        return ClaimLink("same", earlier, later, len(earlier.split()) >= options.min_words) if same else None
    earlier_first = len(earlier.split()) <= len(later.split())
    shorter, longer = (earlier, later) if earlier_first else (later, earlier)
    count = len(shorter.split())
    ours = _words(shorter)
    if count < options.min_words or len(ours & _words(longer)) * 2 < len(ours):
        return None
    alignment = Aligner(longer).align(shorter)
    if alignment.status in ("exact", "normalized") and alignment.start is not None and alignment.end is not None:
        start, end, agreement = alignment.start, alignment.end, Agreement("same")
    elif count < options.min_words_fuzzy:
        return None
    else:
        span = (alignment.start, alignment.end) if alignment.found else (
            (alignment.nearest.start, alignment.nearest.end)
            if alignment.nearest is not None and alignment.change in COMPARABLE_CHANGES else (None, None))
        if span[0] is None or span[1] is None:
            return None
        start, end = widen(longer, span[0], span[1], options.widen_reach)
        differences = word_differences(shorter, longer[start:end])
        agreement = compare(shorter, longer[start:end], differences, change=alignment.change, options=options)
        if not alignment.found and not (agreement.contradicts or agreement.same or alignment.change == "figure"):
            return None
    located = longer[start:end]
    pair = (shorter, located) if earlier_first else (located, shorter)
    return ClaimLink(agreement.relation, *pair, strong=True)


def change_notes(earlier: str, later: str, options: LinkOptions | None = None) -> list[str]:
    """What changed from ``earlier`` words to ``later`` ones, earlier first: each figure or date
    that differs ("140 → 200", "Monday → Tuesday"), then the rule's other reasons (a negation
    added or dropped, opposite words)."""
    options = options or LinkOptions()
    compared = compare_texts(earlier, later, options.agreement.quantities, options.agreement.language)
    conflicts = compared.conflicts
    notes = [f"{c.a.text} → {c.b.text}" if c.a is not None and c.b is not None else c.note for c in conflicts]
    skip = {c.note for c in conflicts}
    notes += [r for r in agree(earlier, later, options=options.agreement).reasons if r not in skip]
    return list(dict.fromkeys(notes))


Memo = dict[tuple[str, str], "ClaimLink | None"]


def _best_link(claim: StoryClaim, earlier: StoryClaim, options: HistoryOptions, memo: Memo) -> ClaimLink | None:
    """How today's claim relates to an earlier one, report by report: each of today's reports
    takes its closest earlier report (same before contradicts before unclear); a report that
    contradicts every earlier one it links to makes the claim updated (a figure no report had),
    even when another of today's reports repeats the earlier words. ``memo`` keeps what each pair
    of words gave (outlets often carry the same words)."""
    closest: list[ClaimLink] = []
    for new in claim.reports[:options.max_reports]:
        best: ClaimLink | None = None
        for old in earlier.reports[:options.max_reports]:
            pair = (old.evidence, new.evidence)
            if pair not in memo:
                memo[pair] = relate(*pair, options.linking)
            link = memo[pair]
            if link is not None and (best is None or _PRIORITY[link.relation] < _PRIORITY[best.relation]):
                best = link
        if best is not None:
            closest.append(best)
    if not closest:
        return None
    return next((link for link in closest if link.contradicts),
                min(closest, key=lambda link: _PRIORITY[link.relation]))


def _story_text(story: Story) -> str:
    return "\n".join([story.headline, story.summary, *(c.reports[0].evidence for c in story.claims if c.reports)])


def _names(story: Story) -> set[str]:
    return {f for f in features(_story_text(story)) if f.startswith(("n:", "p:"))}


def _name_similarity(earlier: Sequence[set[str]], later: Sequence[set[str]]) -> dict[tuple[int, int], float]:
    """Cosine similarity of every (earlier, later) pair of name sets, each name weighted
    ``log(1 + stories / stories holding it)`` over both days (common names weigh less)."""
    pool = [*earlier, *later]
    held = Counter(name for names in pool for name in names)
    weight = {name: math.log(1 + len(pool) / count) for name, count in held.items()}
    norms = [math.sqrt(sum(weight[n] ** 2 for n in names)) or 1.0 for names in pool]
    offset = len(earlier)
    return {(i, j): sum(weight[n] ** 2 for n in a & b) / (norms[i] * norms[offset + j])
            for i, a in enumerate(earlier) for j, b in enumerate(later) if a & b}


def _url_key(url: str | None) -> str | None:
    """``url`` without its scheme, fragment and trailing slash, host case-folded; None for no URL."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1": not a URL to compare
        return None
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}" or None


def _urls(story: Story, sources: dict[str, Source]) -> set[str]:
    found: set[str] = set()
    for article in story.articles:
        source = sources.get(article)
        if source is not None:
            found.update(k for k in (_url_key(source.url), *(_url_key(c.url) for c in source.copies)) if k)
    return found


@dataclass
class _Pair:
    earlier: int
    later: int
    links: int
    urls: int
    names: float


def _pairs(previous: DailyBriefing, today: DailyBriefing, links: dict[tuple[int, int, int, int], ClaimLink],
           options: HistoryOptions) -> list[_Pair]:
    """The (earlier story, today's story) pairs that are one story continuing, closest first."""
    similar = _name_similarity([_names(s) for s in previous.stories], [_names(s) for s in today.stories])
    old_sources = {s.id: s for s in previous.sources}
    new_sources = {s.id: s for s in today.sources}
    old_urls = [_urls(s, old_sources) for s in previous.stories]
    strong_links = Counter((i, j) for (i, _, j, _), link in links.items() if link.strong)
    pairs = []
    for j, story in enumerate(today.stories):
        urls = _urls(story, new_sources)
        for i in range(len(previous.stories)):
            shared = len(urls & old_urls[i])
            strong = strong_links[i, j]
            names = similar.get((i, j), 0.0)
            fewer = min(len(previous.stories[i].claims), len(story.claims))
            most = strong >= max(2, options.shared_claims * fewer)  # the same story told again
            if shared or most or names >= options.name_similarity or (
                    strong and names >= options.linked_name_similarity):
                pairs.append(_Pair(i, j, strong, shared, names))
    pairs.sort(key=lambda p: (-(p.urls + p.links), -p.names, p.later, p.earlier))
    return pairs


def _content(claim: StoryClaim, options: HistoryOptions) -> set[str]:
    """The words (but stop words) of a claim's first reports: the index ``_claim_links`` looks up."""
    words: set[str] = set()
    for report in claim.reports[:options.max_reports]:
        words |= _words(report.evidence)
    return words - STOPWORDS


def _claim_links(previous: DailyBriefing, today: DailyBriefing,
                 options: HistoryOptions) -> dict[tuple[int, int, int, int], ClaimLink]:
    """Every link (earlier story, earlier claim, today's story, today's claim) -> ``ClaimLink``.
    Only claims sharing half their words (the shorter's) are aligned, and only pairs that a word
    rarer than ``max_postings`` proposes: an index, not every pair."""
    index: dict[str, list[tuple[int, int]]] = {}
    words_of: dict[tuple[int, int], set[str]] = {}
    for i, old_story in enumerate(previous.stories):
        for m, old in enumerate(old_story.claims):
            words_of[i, m] = _content(old, options)
            for word in words_of[i, m]:
                index.setdefault(word, []).append((i, m))
    links = {}
    memo: Memo = {}
    for j, story in enumerate(today.stories):
        for k, claim in enumerate(story.claims):
            words = _content(claim, options)
            postings = [index[word] for word in words if word in index]
            proposed = {key for keys in postings if len(keys) <= options.max_postings for key in keys}
            close = sorted((-len(words & words_of[key]) / (len(words | words_of[key]) or 1), key) for key in proposed
                           if len(words & words_of[key]) * 2 >= min(len(words), len(words_of[key])))
            for _, (i, m) in close[:options.max_candidates]:
                link = _best_link(claim, previous.stories[i].claims[m], options, memo)
                if link is not None:
                    links[i, m, j, k] = link
                    if link.relation == "same":
                        break
    return links


def _fresh_id(date: str | None, place: int, story: Story, taken: set[str]) -> str:
    """``story-DATE-N`` (or the story's own id without a date), suffixed until no day uses it."""
    base = f"story-{date}-{place}" if date else story.id
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _marked(claim: StoryClaim, found: list[tuple[ClaimLink, StoryClaim]], options: HistoryOptions) -> StoryClaim:
    if not found:
        return claim.model_copy(update={"change": "new", "previous": None, "change_notes": []})
    link, old = min(found, key=lambda pair: _PRIORITY[pair[0].relation])
    if link.relation != "contradicts":
        return claim.model_copy(update={"change": "repeated", "previous": None, "change_notes": []})
    notes = change_notes(link.earlier, link.later, options.linking)
    return claim.model_copy(update={"change": "updated", "previous": [r.model_copy() for r in old.reports],
                                    "change_notes": notes})


def diff(previous: DailyBriefing, today: DailyBriefing, options: HistoryOptions | None = None) -> DailyBriefing:
    """``today`` compared with ``previous`` (the earlier day): each story ``new`` or
    ``continuing`` (keeping the earlier id), each claim ``new``, ``repeated`` or ``updated``
    (with ``previous`` reports and ``change_notes``), the earlier stories nothing continues in
    ``dropped``, and ``previous_date``. Pure: neither argument is changed.

    Returns:
        A new ``DailyBriefing``.
    """
    options = options or HistoryOptions()
    links = _claim_links(previous, today, options)
    pairs = _pairs(previous, today, links, options)
    keeps: dict[int, int] = {}  # today's story -> the earlier story whose id it keeps
    kept_ids: set[str] = set()  # an edited day may repeat an id: it is kept once
    matched: dict[int, set[int]] = {}
    for pair in pairs:
        matched.setdefault(pair.later, set()).add(pair.earlier)
        earlier_id = previous.stories[pair.earlier].id
        if pair.later not in keeps and earlier_id not in kept_ids:
            keeps[pair.later] = pair.earlier
            kept_ids.add(earlier_id)
    taken = {s.id for s in previous.stories} | {previous.stories[i].id for i in keeps.values()}
    by_claim: dict[tuple[int, int], list[tuple[int, int, ClaimLink]]] = {}
    for (i, m, j, k), link in links.items():
        by_claim.setdefault((j, k), []).append((i, m, link))
    stories = []
    for j, story in enumerate(today.stories):
        earlier = matched.get(j, set())
        claims = []
        for k, claim in enumerate(story.claims):
            found = [(link, previous.stories[i].claims[m]) for i, m, link in by_claim.get((j, k), [])
                     if i in earlier]
            claims.append(_marked(claim, found, options))
        story_id = previous.stories[keeps[j]].id if j in keeps else _fresh_id(today.date, j + 1, story, taken)
        stories.append(story.model_copy(update={"id": story_id, "claims": claims,
                                                "change": "continuing" if earlier else "new"}))
    continued = set().union(*matched.values()) if matched else set()
    old_sources = {s.id: s for s in previous.sources}
    dropped = [DroppedStory(id=s.id, headline=s.headline, outlets=list(dict.fromkeys(
        (old_sources[a].source or old_sources[a].title or a) if a in old_sources else a for a in s.articles)))
        for i, s in enumerate(previous.stories) if i not in continued]
    return today.model_copy(update={"stories": stories, "dropped": dropped, "previous_date": previous.date})
