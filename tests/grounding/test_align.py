"""align() and Aligner: every status, offsets into the original text, and property tests."""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.grounding.aligner import Aligner, align
from briefing.text.fold import STOPWORDS, normalize, on_boundaries, split_words

SEED = (Path(__file__).parents[2] / "seeds" / "nato-us-russia-thaw.txt").read_text(encoding="utf-8")


def _span(a):
    return SEED[a.start : a.end]


# --------------------------------------------------------------------------- each status


def test_exact():
    excerpt = "We know the direction: less US in the alliance."
    a = align(excerpt, SEED)
    assert (a.status, _span(a), a.score, a.source_text) == ("exact", excerpt, 1.0, excerpt)


@pytest.mark.parametrize(
    ("excerpt", "source"),
    [
        # straightened quotes and apostrophe
        ('"If it is a strategic shift, then of course it\'s a big problem,"',
         "“If it is a strategic shift, then of course it’s a big problem,”"),
        # re-cased first word, dropped trailing punctuation
        ("further talks are anticipated", "Further talks are anticipated"),
        # a line break and doubled spaces instead of single spaces
        ("the US-led\nmilitary  alliance", "the US-led military alliance"),
        # a dash variant
        ("the ongoing US–Russia talks", "the ongoing US-Russia talks"),
        # leading and trailing quote marks the source does not have there
        ("'complete nonsense", "complete nonsense"),
    ],
)
def test_normalized(excerpt, source):
    a = align(excerpt, SEED)
    assert a.status == "normalized"
    assert _span(a) == source == a.source_text


def test_normalized_span_keeps_edge_punctuation_the_source_has():
    a = align('"complete nonsense."', SEED)
    assert a.status == "normalized" and _span(a) == "“complete nonsense.”"


@pytest.mark.parametrize(
    ("excerpt", "first", "last"),
    [
        ("We know the direction ... keep the maximum US in the alliance", "We know", "alliance"),
        ("European NATO members are worried… could weaken the US-led military alliance",
         "European NATO", "alliance"),
        # a misquote: one word swapped
        ("European NATO members are worried that Washington’s better relations with Moscow",
         "European NATO", "Moscow"),
        # the first word swapped: the span still covers the source's word there
        ("Trump has also refuted claims by NATO member states that it intends to attack",
         "Russia has", "attack"),
    ],
)
def test_fuzzy(excerpt, first, last):
    a = align(excerpt, SEED)
    assert a.status == "fuzzy"
    assert _span(a).startswith(first) and _span(a).endswith(last)
    assert a.source_text == _span(a) and 0.75 <= a.score <= 1.0


@pytest.mark.parametrize(
    "excerpt",
    [
        "NATO will dissolve itself by next spring, officials confirmed.",  # invented
        "alliance the NATO members worried European are that",  # shuffled words
        "the of and to in that",  # common words that happen to occur
        "in the alliance said that the",
        "Trump said",
        "(a+)+$[",  # regex metacharacters are just text
        "",
        "...",
    ],
)
def test_not_found(excerpt):
    a = align(excerpt, SEED)
    assert (a.start, a.end, a.status, a.score, a.source_text) == (None, None, "not_found", 0.0, None)


def test_sentence_from_another_article_is_not_found():
    other = "The Federal Reserve held interest rates steady on Wednesday, citing persistent inflation."
    assert align(other, SEED).status == "not_found"


def test_seed_stray_last_line_does_not_disturb_alignment():
    a = align("Putin has dismissed such speculation as “complete nonsense.”", SEED)
    assert a.status == "exact"
    assert align("“`", SEED).status == "not_found"  # a stray quote pair is no evidence


# --------------------------------------------------------------------------- repeats, offsets


def test_repeated_excerpts_map_to_successive_occurrences():
    said = "the alliance rejected the plan"
    text = f"NATO met. The alliance rejected the plan. Later {said} again. The alliance rejected the plan."
    aligner = Aligner(text)
    got = [aligner.align(said) for _ in range(4)]
    occurrences = {m for m in range(len(text)) if text.lower().startswith(said, m)}
    assert got[0].status == "exact"  # the exact copy first, then the others
    assert {a.start for a in got[:3]} == occurrences and len(occurrences) == 3
    assert got[3].start == got[0].start  # all used: start over
    assert align(said, text).start == text.index(said)  # align() is stateless


def test_repeated_fuzzy_excerpts_map_to_successive_occurrences():
    sentence = "the committee approved the long awaited budget for regional rail services"
    text = f"In March {sentence}. In May {sentence}."
    aligner = Aligner(text)
    misquote = "the committee approved the long delayed budget for regional rail services"
    got = [aligner.align(misquote) for _ in range(2)]
    assert [a.status for a in got] == ["fuzzy", "fuzzy"]
    assert got[0].start != got[1].start


def test_repeated_exact_excerpts_map_to_successive_occurrences():
    text = "Vote yes, Smith. Vote yes, Smith. Vote yes, Smith."
    aligner = Aligner(text)
    assert [aligner.align("Vote yes, Smith.").start for _ in range(3)] == [0, 17, 34]


def test_a_match_inside_a_word_is_no_match():
    text = "The suspect is unlikely to be charged with fraud, police said."
    assert align("likely to be charged", text).status == "not_found"
    assert align("nlikely to be charged with fraud", text).status == "not_found"
    assert align("to be charg", text).status == "not_found"
    # the whole words elsewhere are found there, never inside "unlikely"
    text2 = text + " Another is likely to be charged with theft."
    a = align("likely to be charged", text2)
    assert a.status == "exact" and a.start == text2.index("likely to be charged with theft")


def test_word_boundaries_hold_for_normalized_matches():
    text = "She said the REFORMS WILL PASS. Reforms will pass, he said."
    a = align("reforms will pass", text)
    assert a.status == "normalized" and text[a.start : a.end] == "REFORMS WILL PASS"
    assert align("eforms will pass", text).status == "not_found"


@pytest.mark.parametrize("excerpt", ["e", "US", "said no", "the alliance", "5%", "NATO"])
def test_fewer_than_two_content_words_are_never_located(excerpt):
    text = "The US said no. NATO met; the alliance agreed to spend 5% of GDP, the statement said."
    assert align(excerpt, text).status == "not_found"


@pytest.mark.parametrize(
    ("excerpt", "quoted"),
    [("Nonsense", "“Nonsense,”"), ("nonsense", "'nonsense'"), ("No!", '"No!"'), ("Never.", "«Never.»")],
)
def test_a_short_excerpt_that_is_a_whole_quotation_is_located(excerpt, quoted):
    text = f"Asked about the plan, the minister replied {quoted} and left."
    a = align(excerpt, text)
    assert a.status == "exact"
    assert text[a.start : a.end] == excerpt


def test_cjk_and_emoji_offsets():
    text = "😀📰 東京で会議が開かれた。“大事な一歩だ”と山田氏は述べた。 Café ’au lait’"
    for excerpt in ("会議が開かれた", "“大事な一歩だ”", "山田氏"):
        a = align(excerpt, text)
        assert a.status == "exact" and text[a.start : a.end] == excerpt
    a = align('"大事な一歩だ"', text)
    assert a.status == "normalized" and text[a.start : a.end] == "“大事な一歩だ”"
    a = align("CAFÉ 'AU LAIT'", text)
    assert a.status == "normalized" and text[a.start : a.end] == "Café ’au lait’"


def test_decomposed_accents_match_composed():
    text = "Talks in Tu\u0308rkiye went on."
    a = align("talks in Türkiye", text)
    assert a.status == "normalized" and text[a.start : a.end] == "Talks in Tu\u0308rkiye"


def test_fuzzy_cjk():
    text = "東京で会議が開かれた。参加者は新しい協定について長時間議論した。"
    a = align("参加者は新しい条約について長時間議論した", text)
    assert a.status == "fuzzy"
    assert text[a.start : a.end] == "参加者は新しい協定について長時間議論した"


# --------------------------------------------------------------------------- properties

_ALPHABET = st.characters(
    codec="utf-8", categories=("Lu", "Ll", "Lo", "Nd", "Po", "Pd", "Pi", "Pf", "Zs", "So")
)
_PROPS = settings(max_examples=150, deadline=None)


def _content_words(s: str) -> float:
    tokens, weights = split_words(normalize(s)[0])
    return sum(w for t, w in zip(tokens, weights, strict=True) if t not in STOPWORDS)


@_PROPS
@given(st.text(_ALPHABET, min_size=1, max_size=80), st.data())
def test_every_located_span_lies_on_word_boundaries(text, data):
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    a = align(text[i:j], text)
    assert not a.found or on_boundaries(text, a.start, a.end)


_FOLDS = {"“": '"', "”": '"', "’": "'", "‘": "'", "—": "-", "–": "-", " ": "\n"}
_WORDS = st.text(st.characters(codec="utf-8", categories=("Lu", "Ll", "Lo", "Nd")), min_size=1,
                 max_size=8)
_SEPARATORS = st.sampled_from([" ", " — ", "–", ", ", " “", "” ", "’", " ‘", ": ", "\n"])


def _recase(c: str) -> str:
    """The other case of ``c`` where that folds back to the same character."""
    other = c.lower() if c.isupper() else c.upper()
    return other if other.casefold() == c.casefold() else c


def _occurrences(haystack: str, needle: str) -> int:
    """How often ``needle`` occurs in ``haystack``, overlapping occurrences included."""
    count, pos = 0, haystack.find(needle)
    while pos >= 0:
        count, pos = count + 1, haystack.find(needle, pos + 1)
    return count


@_PROPS
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=2, max_size=12), st.data())
def test_any_run_of_whole_words_aligns_exact(pieces, data):
    text = "".join(w + s for w, s in pieces)
    starts, pos = [], 0
    for w, s in pieces:
        starts.append(pos)
        pos += len(w) + len(s)
    i = data.draw(st.integers(0, len(pieces) - 2))
    j = data.draw(st.integers(i + 1, len(pieces) - 1))
    excerpt = text[starts[i] : starts[j] + len(pieces[j][0])]
    assume(_content_words(excerpt) >= 2)
    a = align(excerpt, text)
    assert a.status == "exact"
    assert text[a.start : a.end] == excerpt


@_PROPS
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=12), st.data())
def test_normalized_variants_align_to_the_same_span(pieces, data):
    text = "".join(w + s for w, s in pieces)
    words = [w for w, _ in pieces]
    starts, pos = [], 0
    for w, s in pieces:
        starts.append(pos)
        pos += len(w) + len(s)
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i, len(words) - 1))
    start, end = starts[i], starts[j] + len(words[j])
    original = text[start:end]
    variant = "".join(_FOLDS.get(c, c) for c in original)
    variant = "".join(_recase(c) if data.draw(st.booleans()) else c for c in variant)
    variant = data.draw(st.sampled_from(["", '"', "“", "'"])) + variant + data.draw(
        st.sampled_from(["", ".", "”", ",", '."']))
    assume(_content_words(original) >= 2)
    a = align(variant, text)
    verbatim = [p for p in range(len(text)) if text.startswith(variant, p) and on_boundaries(text, p, p + len(variant))]
    assert a.status == ("exact" if verbatim else "normalized")
    got = normalize(text[a.start : a.end])[0].strip(" \"'.,-")
    assert got == normalize(original)[0]
    if _occurrences(normalize(text)[0], normalize(original)[0]) == 1:
        # the same span, grown at most over edge punctuation the excerpt also has
        assert a.start <= start and end <= a.end
        assert not (text[a.start : start] + text[end : a.end]).strip("\"'.,“”’‘")


_LATIN = st.text(st.sampled_from("abcdefghij "), min_size=1, max_size=200)
_ABSENT = st.text(st.sampled_from("κλμνξοπρστ χψω"), min_size=1, max_size=60)


@_PROPS
@given(_LATIN, _ABSENT)
def test_text_absent_from_the_source_is_not_found(text, excerpt):
    assume(excerpt.strip())
    a = align(excerpt, text)
    assert a.status == "not_found" and a.start is None and a.end is None


@_PROPS
@given(st.text(_ALPHABET, max_size=60))
def test_normalize_offsets_point_into_the_original(s):
    norm, starts, ends = normalize(s)
    assert len(norm) == len(starts) == len(ends)
    assert all(0 <= a < b <= len(s) for a, b in zip(starts, ends, strict=True))
    assert list(starts) == sorted(starts)  # compact arrays since issue 18, item 14
    for c, a, b in zip(norm, starts, ends, strict=True):
        source = unicodedata.normalize("NFD", s[a:b]).casefold()
        assert c in "\"'- ." or c in source or c in unicodedata.normalize("NFD", source)
