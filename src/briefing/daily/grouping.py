"""Group a day's articles into stories offline: deterministic, driven by names, places, dates and
figures (``briefing.daily.entities``), never by the shared vocabulary of a kind of event.

Each article becomes a set of name/figure/date features weighted by how rare they are in the
day (a name every article carries tells nothing). A small day (``GroupingOptions.small_day``
articles or fewer) has no other articles to tell rare from common: there every feature weighs
the same, so names and figures that both articles of a two-article day share are evidence that
they report one event, and the features one carries alone are evidence that they do not. Articles are joined by average-linkage
clustering of the cosine similarity of those vectors until no two groups are similar enough.
A group is then checked for two events of the same kind that shared names glued together (two
offers for the same player, two navy rescues in the same gulf): weighted again within the group,
where the shared names weigh nothing, it is cut in two where its similarity graph is thinnest
(``bisect``), and split when the halves barely resemble each other compared with how much each
resembles itself, or when each half has names, dates or figures of its own that its articles
share far beyond chance (``own_features``: one event's minister, the other's year). Each half is
checked again, so three events glued together come apart too.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.models import Article
from briefing.daily.actors import (
    led_by_different_actors,
    led_by_same_actors,
    main_actors,
)
from briefing.daily.entities import features

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class GroupingOptions:
    """Knobs of the offline grouping, with their documented defaults.

    ``min_similarity``: the average cosine similarity (of rarity-weighted name/figure/date
    features) two groups need to be joined; lower joins more. ``split_ratio``: a group is split
    in two when the similarity between its halves is below this share of the halves' own
    (lower splits less). ``min_split``: the fewest articles each half of a split needs.
    ``min_shared``: the fewest dates and figures two articles must share to count as alike when
    they share no name (one shared weekday or number is a coincidence, not an event); one shared
    name is enough. ``small_day``: days of at most this many articles weigh every feature the
    same (a day of two or three articles cannot say which names are common);
    ``small_day_similarity``: the cosine similarity two groups of such a day need to be joined
    (with equal weights: the shared features over the geometric mean of each article's count).
    ``max_postings``: a feature held by more than this many articles proposes no pairs (a figure
    or date in a fifth of a big day would make every pair of them a candidate; it still counts in
    the similarity of pairs that other features propose); ``None`` uses every feature. With the
    cap, an article's features visit at most ``max_postings`` other articles each, so the pairs
    grow with the day, not with its square. Days up to this many articles are grouped exactly
    as without the cap. ``own_p`` and ``min_own``: a group
    is also split when each half has at least ``min_own`` features that cluster in it with a
    chance below ``own_p`` (a hypergeometric tail; lower or more splits less). ``max_splits``:
    how many times in a row a group may be cut (0 never splits).

    ``actor_mentions`` and ``lead_sentences``: on a small day, two articles each led by a main
    actor the other never mentions are two events (``briefing.daily.actors``), however much else
    they share, and two led by the same main actors, neither with one of its own, are one event,
    however little else they share: a main actor is named in the title or the first ``lead_sentences`` sentences
    (the headline line and the opening sentence: where a report says whom it is about) and
    ``actor_mentions`` times in all (the lead and at least twice more: a subject the report
    keeps returning to, not a passing mention); ``None`` turns the check off. Bigger days need
    no such check: there the names a kind of event shares weigh little by rarity, and groups are
    checked for two events (``own_p``, ``min_own``).
    """

    min_similarity: float = 0.12
    split_ratio: float = 0.3
    min_split: int = 3
    min_shared: int = 2
    small_day: int = 3
    small_day_similarity: float = 0.15
    max_postings: int | None = 50
    own_p: float = 0.01
    min_own: int = 2
    max_splits: int = 3
    actor_mentions: int | None = 3
    lead_sentences: int = 2


Vector = dict[str, float]


def article_features(article: Article) -> set[str]:
    """The grouping features of an article: those of its text and of its title."""
    found = features(article.text)
    if article.title:
        found |= features(article.title)
    return found


def _vectors(feature_sets: Sequence[set[str]], small_day: int = 0) -> list[Vector]:
    """Inverse-document-frequency weights within ``feature_sets``; features in one set only, or
    in every set, weigh nothing and are dropped. ``small_day`` sets or fewer: every feature
    weighs 1 (too few articles to tell rare from common)."""
    n = len(feature_sets)
    if n <= small_day:
        return [{f: 1.0 for f in sorted(s)} for s in feature_sets]
    df = Counter(f for s in feature_sets for f in s)
    weight = {f: math.log(n / c) for f, c in df.items() if 1 < c < n}
    return [{f: weight[f] for f in sorted(s) if f in weight} for s in feature_sets]


def similarities(vectors: Sequence[Vector], min_shared: int = 1,
                 max_postings: int | None = None) -> dict[tuple[int, int], float]:
    """Cosine similarity of every pair ``(i, j)``, ``i < j``, that shares ``min_shared`` features
    (a name counts as ``min_shared``), in pair order. With ``max_postings``, a feature held by
    more vectors than that proposes no pair (its pairs would cost the square of its holders);
    it still counts in the similarity of the pairs other features propose, so a proposed pair
    shares the same features and scores as without the cap (up to the last bit of the float
    sum: the widely held features are added last)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for f in vector:
            postings[f].append(i)
    wide = sorted(f for f, holders in postings.items() if max_postings is not None and len(holders) > max_postings)
    n = len(vectors)
    dots: dict[int, float] = defaultdict(float)  # by pair, as i * n + j: cheaper to hash than a tuple
    shared: dict[int, int] = defaultdict(int)
    skip = set(wide)
    for f in sorted(postings):
        if f in skip:
            continue
        holders = postings[f]
        w2 = vectors[holders[0]][f] ** 2
        step = _weight_of_sharing(f, min_shared)
        for x, i in enumerate(holders):
            for j in holders[x + 1:]:
                dots[i * n + j] += w2
                shared[i * n + j] += step
    if wide:
        _add_wide(vectors, postings, wide, dots, shared, min_shared)
    norms = [math.sqrt(sum(w * w for w in v.values())) or 1.0 for v in vectors]
    found: dict[tuple[int, int], float] = {}
    for key in sorted(dots):
        if shared[key] >= min_shared:
            i, j = divmod(key, n)
            found[i, j] = dots[key] / (norms[i] * norms[j])
    return found


def _weight_of_sharing(feature: str, min_shared: int) -> int:
    """What sharing ``feature`` counts towards ``min_shared``: a name is enough alone."""
    return min_shared if feature.startswith(("n:", "p:")) else 1


def _add_wide(vectors: Sequence[Vector], postings: dict[str, list[int]], wide: list[str],
              dots: dict[int, float], shared: dict[int, int], min_shared: int) -> None:
    """Add to each proposed pair (``i * n + j``) the widely held features (``wide``, sorted)
    both vectors carry: one bit per feature, so a pair costs an AND of two integers, not a walk
    of the holders; pairs that share the same wide features add the same sum, computed once."""
    masks = [0] * len(vectors)
    for k, f in enumerate(wide):
        for i in postings[f]:
            masks[i] |= 1 << k
    squares = [vectors[postings[f][0]][f] ** 2 for f in wide]
    steps = [_weight_of_sharing(f, min_shared) for f in wide]
    added: dict[int, tuple[float, int]] = {}  # by the set of wide features a pair shares
    for key in dots:
        i, j = divmod(key, len(vectors))
        both = masks[i] & masks[j]
        if both:
            if both not in added:
                added[both] = _sum_bits(both, squares, steps)
            dot, step = added[both]
            dots[key] += dot
            shared[key] += step


def _sum_bits(mask: int, squares: list[float], steps: list[int]) -> tuple[float, int]:
    """The squared weights and the sharing steps of the features whose bits ``mask`` sets,
    summed in feature order."""
    dot, step = 0.0, 0
    while mask:
        low = mask & -mask
        k = low.bit_length() - 1
        dot += squares[k]
        step += steps[k]
        mask ^= low
    return dot, step


def average_linkage(n: int, sims: dict[tuple[int, int], float], *, min_similarity: float,
                    min_clusters: int = 1) -> list[list[int]]:
    """Agglomerate ``n`` items by average linkage until the most similar pair of groups is below
    ``min_similarity`` or ``min_clusters`` groups are left. Ties break by index: deterministic.

    The queue holds only pairs at ``min_similarity`` or above, and a join re-queues only the
    pairs whose sum it raised (the absorbed group's neighbours); a pair whose mean a join
    lowered is re-read when it comes up. So a join costs the absorbed group's neighbours, not
    the whole neighbourhood of the growing one."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    size = [1] * n
    total: dict[int, dict[int, float]] = defaultdict(dict)  # sum of pairwise similarities
    for (i, j), s in sims.items():
        total[i][j] = total[j][i] = s
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= min_similarity]
    heapq.heapify(heap)
    while heap and len(members) > min_clusters:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = total[a][b] / (size[a] * size[b])
        if mean != -neg:  # a join since lowered it: queue what it is now
            if mean >= min_similarity:
                heapq.heappush(heap, (-mean, a, b))
            continue
        members[a].extend(members.pop(b))
        size[a] += size[b]
        ours, raised = total[a], total.pop(b)
        del ours[b], raised[a]
        for c, s in raised.items():
            theirs = total[c]
            del theirs[b]
            ours[c] = theirs[a] = ours.get(c, 0.0) + s
            mean = ours[c] / (size[a] * size[c])
            if mean >= min_similarity:
                heapq.heappush(heap, (-mean, a, c) if a < c else (-mean, c, a))
    return sorted(sorted(m) for m in members.values())


def _cosines(feature_sets: Sequence[set[str]]) -> np.ndarray:
    """The cosine similarities of ``feature_sets`` weighted by rarity among them, as
    ``similarities(_vectors(feature_sets))`` gives them, as a matrix (zero on the diagonal and
    where two sets share no weighed feature): one product of arrays, not a walk of every pair."""
    import numpy as np

    names = sorted(set().union(*feature_sets))
    index = {f: k for k, f in enumerate(names)}
    size = len(feature_sets)
    held = np.zeros((size, len(names)))
    for row, found in enumerate(feature_sets):
        held[row, [index[f] for f in found]] = 1.0
    df = held.sum(axis=0)
    weighed = (df > 1) & (df < size)  # in one set or in every set: tells nothing
    x = held[:, weighed] * np.log(size / df[weighed])
    dots = x @ x.T
    norms = np.sqrt(np.diag(dots)).copy()
    norms[norms == 0] = 1.0
    cosines = dots / np.outer(norms, norms)
    np.fill_diagonal(cosines, 0.0)
    return cosines


def _mean_between(cosines: np.ndarray, xs: list[int], ys: list[int]) -> float:
    """The mean similarity of the pairs of one item of ``xs`` and one of ``ys`` (disjoint)."""
    import numpy as np

    return float(cosines[np.ix_(xs, ys)].sum()) / (len(xs) * len(ys))


def _mean_within(cosines: np.ndarray, xs: list[int]) -> float:
    """The mean similarity of the pairs of two distinct items of ``xs`` (1.0 for one item)."""
    import numpy as np

    return float(cosines[np.ix_(xs, xs)].sum()) / (len(xs) * (len(xs) - 1)) if len(xs) > 1 else 1.0


def bisect(n: int, sims: dict[tuple[int, int], float]) -> list[list[int]]:
    """Two halves of ``n`` items, cut where the similarity graph is thinnest: spectral bisection
    (the Fiedler vector of the normalised Laplacian, then the order along it is cut where the
    normalised cut is smallest). Unlike agglomeration down to two groups, it does not cut off
    one stray item when the group holds two big halves. Items alike to none go with the larger
    half (they tell nothing about where to cut). Returns ``[]`` when fewer than 2 items are
    alike to any other."""
    import numpy as np

    weights = np.zeros((n, n))
    for (i, j), s in sims.items():
        if s > 0:
            weights[i, j] = weights[j, i] = s
    return _bisect(weights)


def _bisect(weights: np.ndarray) -> list[list[int]]:
    """``bisect`` over a symmetric matrix of similarities (zero: not alike)."""
    import numpy as np

    n = len(weights)
    linked = [int(i) for i in np.flatnonzero((weights > 0).any(axis=1))]
    if len(linked) < 2:
        return []
    at = set(linked)
    size = len(linked)
    weights = weights[np.ix_(linked, linked)]
    degree = weights.sum(axis=1)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(size) - scale[:, None] * weights * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    order = np.argsort(np.round(vectors[:, 1] * scale, 12), kind="stable")
    ordered = weights[np.ix_(order, order)]
    # moving the k-th item of the order to the left half cuts its links to the right and uncuts
    # its links to the left: the cut after each move, and its normalised score
    cut = np.cumsum(degree[order] - 2 * np.tril(ordered, -1).sum(axis=1))[:-1]
    volume = np.cumsum(degree[order])[:-1]
    scores = cut / volume + cut / (float(degree.sum()) - volume)
    cut_at = int(np.argmin(scores)) + 1
    halves = sorted([sorted(linked[i] for i in order[:cut_at]), sorted(linked[i] for i in order[cut_at:])],
                    key=lambda half: (-len(half), half))
    halves[0].extend(i for i in range(n) if i not in at)
    return sorted(sorted(half) for half in halves)


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def over_represented(total: int, holders: int, drawn: int, held: int) -> float:
    """The chance that ``drawn`` articles picked at random from ``total`` include ``held`` or more
    of the ``holders`` that carry a feature (the hypergeometric upper tail): small when the
    feature clusters in those articles."""
    top = min(holders, drawn)
    if held <= 0:
        return 1.0
    if held > top:
        return 0.0
    base = _log_comb(total, drawn)
    return min(1.0, sum(math.exp(_log_comb(holders, x) + _log_comb(total - holders, drawn - x) - base)
                        for x in range(held, top + 1)))


def own_features(feature_sets: Sequence[set[str]], halves: Sequence[list[int]], p: float) -> list[int]:
    """For each half, how many features (held by two articles or more) cluster in it beyond
    chance (``over_represented`` below ``p``): a name or date that one event's articles carry
    and the other event's do not."""
    df = Counter(f for s in feature_sets for f in s)
    return [sum(1 for _ in _clustering(feature_sets, df, half, p)) for half in halves]


def _clustering(feature_sets: Sequence[set[str]], df: Counter[str], half: list[int], p: float) -> Iterator[str]:
    """The features of ``half`` that cluster in it beyond chance, one at a time, those most of
    the half holds first (so a caller that needs only a few stops early)."""
    inside = Counter(f for i in half for f in feature_sets[i])
    for f, c in inside.most_common():
        if df[f] > 1 and over_represented(len(feature_sets), df[f], len(half), c) < p:
            yield f


def each_has_own(feature_sets: Sequence[set[str]], halves: Sequence[list[int]], p: float, enough: int) -> bool:
    """Whether every half has at least ``enough`` features of its own (``own_features``), found
    without counting past ``enough``: a big group's check costs a few tail sums, not one per
    feature."""
    df = Counter(f for s in feature_sets for f in s)
    return all(sum(1 for _ in itertools.islice(_clustering(feature_sets, df, half, p), max(enough, 0))) >= enough
               for half in halves)


def _two_events(group: list[int], feature_sets: Sequence[set[str]],
                options: GroupingOptions) -> list[list[int]] | None:
    """The group's two halves when it holds two events glued by shared names, else None."""
    sets = [feature_sets[i] for i in group]
    cosines = _cosines(sets)
    halves = _bisect(cosines)
    if len(halves) != 2 or min(map(len, halves)) < options.min_split:
        return None
    a, b = halves
    apart = _mean_between(cosines, a, b) < options.split_ratio * min(_mean_within(cosines, a), _mean_within(cosines, b))
    if apart or each_has_own(sets, halves, options.own_p, options.min_own):
        return [[group[i] for i in half] for half in halves]
    return None


def _split(group: list[int], feature_sets: Sequence[set[str]], options: GroupingOptions,
           depth: int = 0) -> list[list[int]]:
    """The group, or its events when it holds several (each half is checked again)."""
    if len(group) < 2 * options.min_split or depth >= options.max_splits:
        return [group]
    halves = _two_events(group, feature_sets, options)
    if halves is None:
        return [group]
    return [g for half in halves for g in _split(half, feature_sets, options, depth + 1)]


def _one_blas_thread() -> contextlib.AbstractContextManager[object]:
    """BLAS on one thread while groups are checked: their matrices have a few dozen rows, and
    waking BLAS threads for each costs more than the work (a 30-row ``eigh`` takes about five
    times the CPU on two threads as on one)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _by_actors(articles: Sequence[Article], sims: dict[tuple[int, int], float], mentions: int,
               lead_sentences: int) -> dict[tuple[int, int], float]:
    """``sims`` as the main actors (``briefing.daily.actors``, each named ``mentions`` times and
    in the first ``lead_sentences`` sentences) decide: without the pairs led by different actors,
    and with the pairs led by the same actors as alike as can be (1.0), whatever else they name;
    the other pairs as they were."""
    actors = [main_actors(a, lead_sentences=lead_sentences, min_mentions=mentions) for a in articles]
    decided = dict(sims)
    for i, j in itertools.combinations(range(len(articles)), 2):
        if led_by_different_actors(actors[i], actors[j]):
            decided.pop((i, j), None)
        elif led_by_same_actors(actors[i], actors[j]):
            decided[i, j] = 1.0
    return dict(sorted(decided.items()))


def group_offline(articles: Sequence[Article], options: GroupingOptions = GroupingOptions()) -> list[list[int]]:
    """Stories as groups of article indexes: each article in exactly one group, groups ordered by
    size (most articles first), then by their first article; members in input order."""
    feature_sets = [article_features(a) for a in articles]
    sims = similarities(_vectors(feature_sets, options.small_day), options.min_shared, options.max_postings)
    small = len(articles) <= options.small_day
    if small and options.actor_mentions is not None:
        sims = _by_actors(articles, sims, options.actor_mentions, options.lead_sentences)
    threshold = options.small_day_similarity if small else options.min_similarity
    joined = average_linkage(len(articles), sims, min_similarity=threshold)
    checked = any(len(group) >= 2 * options.min_split for group in joined)
    with _one_blas_thread() if checked else contextlib.nullcontext():
        groups = [g for group in joined for g in _split(group, feature_sets, options)]
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))
