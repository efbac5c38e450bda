"""align never places an excerpt whose meaning the model changed (issue 8).

Each rule is tried with the input that would make it lie: a negation inserted or removed, a
figure changed, content words swapped, a cut inside a word, an ellipsis over a negation, a
compatibility character folded into a digit. Property tests draw real passages from the seed
article and the fixtures kept in the repository, never from ../shared/data: the examples a run
draws must not depend on whether that folder is present (issue 18, item 20).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.grounding.aligner import Alignment, align, describe
from briefing.text.fold import STOPWORDS, fold_char, normalize, on_boundaries

REPO = Path(__file__).resolve().parents[2]
SEED = (REPO / "seeds" / "nato-us-russia-thaw.txt").read_text(encoding="utf-8")
LONG = (REPO / "tests" / "fixtures" / "long_article.txt").read_text(encoding="utf-8")
FIXTURES = REPO / "tests" / "fixtures"
PASSAGE_FILES = [*sorted(FIXTURES.glob("*.txt")), *sorted((FIXTURES / "day").glob("*.txt")),
                 *sorted((FIXTURES / "eval").glob("*.txt"))]
PASSAGE_TEXTS = [SEED, *(p.read_text(encoding="utf-8") for p in PASSAGE_FILES)]

TEXT = ("Mayor Ana Ruiz said the council will raise taxes on the middle class next year. "
        "The company lost $18 million in the third quarter, its chief executive said. "
        "NATO blamed Russia for the attack on the convoy near the border, officials said. "
        "The suspect is unlikely to be charged with fraud before the summer, police said. "
        "We will not cut jobs at the plant in Leeds this year, the manager promised. "
        "He did not say the reform would fail in the upper house. "
        "The plan, which was not popular with voters, would still go ahead in the spring. "
        "She denied that she mishandled classified information during her time in office. "
        "The economy grew by 10\u00b2 billion dollars and prices rose by \u00bd percent last year.")


def _not_placed(excerpt: str, text: str = TEXT):
    a = align(excerpt, text)
    assert a.status == "not_found" and a.start is None and a.end is None, (excerpt, a)
    return a


# --------------------------------------------------------------------------- each rule


def test_a_genuine_misquote_is_still_fuzzy_with_its_differences():
    a = align("NATO blamed Russia for the assault on the convoy near the border", TEXT)
    assert a.status == "fuzzy"
    assert [tuple(d) for d in a.differences] == [("assault", "attack")]
    assert TEXT[a.start : a.end] == "NATO blamed Russia for the attack on the convoy near the border"


def test_exact_and_normalized_matches_have_no_differences():
    assert align("the council will raise taxes on the middle class", TEXT).differences == ()
    assert align("THE COUNCIL WILL RAISE TAXES", TEXT).differences == ()


@pytest.mark.parametrize(
    ("excerpt", "wrote", "says"),
    [
        ("the council will not raise taxes on the middle class next year", "will not", "will"),
        ("the council won't raise taxes on the middle class next year", "won't", "will"),
        ("the council will never raise taxes on the middle class next year", "never", "will"),
        ("We will cut jobs at the plant in Leeds this year", "will", "will not"),
    ],
)
def test_a_negation_added_or_removed_is_not_placed(excerpt, wrote, says):
    a = _not_placed(excerpt)
    assert a.nearest is not None and a.differences
    assert any(wrote in d.excerpt and says in d.article for d in a.differences), a.differences
    # the nearest span is real article text around the place the excerpt resembled
    assert "jobs" in TEXT[a.nearest.start : a.nearest.end] or "taxes" in TEXT[a.nearest.start : a.nearest.end]


def test_the_same_negation_written_otherwise_is_a_misquote_not_a_change():
    a = align("We won't cut jobs at the plant in Leeds this year", TEXT)
    assert a.status == "fuzzy" and [tuple(d) for d in a.differences] == [("won't", "will not")]


def test_a_negating_prefix_is_a_negation():
    a = _not_placed("The suspect is likely to be charged with fraud before the summer")
    assert ("likely", "unlikely") in [tuple(d) for d in a.differences]


NON_BINDING = "The resolution adopted on Monday is non-binding on all member states, diplomats said."


@pytest.mark.parametrize("excerpt", [
    "The resolution adopted on Monday is binding on all member states",
    "resolution adopted on Monday is binding on all member states",
    "binding on all member states",  # cut off the "non-" it follows
    "The resolution adopted on Monday is non",  # cut off the word "non-" starts
])
def test_a_hyphenated_negating_prefix_is_a_negation(excerpt):
    """Issue 18: "non-binding" was split into "non" and "binding", so "is binding" was placed
    as a fuzzy match of "is non-binding" (differences: "is" / "is non")."""
    _not_placed(excerpt, NON_BINDING)


def test_a_non_hyphenated_claim_of_a_negated_word_is_placed_as_written():
    a = align("The resolution adopted on Monday is non-binding on all member states", NON_BINDING)
    assert (a.status, a.start) == ("exact", 0)
    b = align("The resolution adopted on Monday is nonbinding on all member states", NON_BINDING)
    assert b.status == "fuzzy" and [tuple(d) for d in b.differences] == [("nonbinding", "non-binding")]


@pytest.mark.parametrize(
    "excerpt",
    [
        "The company lost $21 million in the third quarter",
        "The company lost $18 billion in the third quarter",
        "The company lost 18 million dollars in the fourth quarter",  # "third" is not a figure
        "The company lost $18.5 million in the third quarter",
        "The company lost eighteen thousand in the third quarter",
    ],
)
def test_a_changed_figure_is_not_placed(excerpt):
    a = align(excerpt, TEXT)
    if "fourth" in excerpt:  # an ordinal is an ordinary word: a fuzzy misquote, shown as such
        assert a.status == "fuzzy"
        assert [tuple(d) for d in a.differences] == [("million dollars", "million"), ("fourth", "third")]
        return
    assert a.status == "not_found" and a.nearest is not None


def test_the_same_figure_in_words_is_not_a_change():
    text = "Officials said five percent of the budget would go to the new hospital wing."
    a = align("Officials said 5 percent of the budget would go to the new hospital wing", text)
    assert a.status == "fuzzy" and [tuple(d) for d in a.differences] == [("5", "five")]


@pytest.mark.parametrize(
    "excerpt",
    [
        "Russia blamed NATO for the attack on the convoy near the border",
        "NATO blamed the convoy for the attack on Russia near the border",
        "NATO blamed Russia for the border on the convoy near the attack",
    ],
)
def test_content_words_in_another_order_are_not_placed(excerpt):
    _not_placed(excerpt)


@pytest.mark.parametrize(
    "excerpt",
    [
        "likely to be charged with fraud before the summer",  # from "unlikely"
        "nlikely to be charged with fraud before the summer",
        "he suspect is unlikely to be charged with fraud",  # from "The"
        "the suspect is unlikely to be charged with fra",
        "is unlikely to be charged with fraud before the summ",
        "likely to be charged",
        "e",
    ],
)
def test_an_excerpt_cut_inside_a_word_is_not_placed(excerpt):
    _not_placed(excerpt)


def test_an_ellipsis_over_a_negation_is_not_placed_but_one_over_other_words_is():
    a = _not_placed("We will ... cut jobs at the plant in Leeds this year")
    assert a.nearest is not None and any("not" in d.article for d in a.differences)
    kept = align("We will not cut jobs ... this year", TEXT)
    assert kept.status == "fuzzy" and kept.differences == ()
    # a negation fenced off by commas on both sides does not govern the kept words
    fenced = align("The plan ... would still go ahead in the spring", TEXT)
    assert fenced.status == "fuzzy"
    # figures may be left out by an abridgement
    assert align("The company lost ... in the third quarter, its chief executive said", TEXT).found


def test_an_abridgement_with_a_short_part_is_still_located():
    text = "Jamie Shea said: We always knew that the moment would come when the US would leave."
    for excerpt in ("We always ... the moment would come when the US would leave",
                    "We always knew that the moment would come ... leave"):
        a = align(excerpt, text)
        assert a.status == "fuzzy" and a.differences == (), excerpt


def test_every_part_of_an_abridged_excerpt_must_be_in_the_article():
    text = "He said we do not believe that we engaged in any improper conduct under the bylaws."
    _not_placed("Invented ... that we engaged in any improper conduct under the bylaws", text)


def test_a_negation_just_before_the_excerpt_is_not_dropped():
    a = _not_placed("say the reform would fail in the upper house")
    assert a.nearest is not None and a.differences[0].article.startswith("not")
    # a verb that introduces what was denied is not a negation of the excerpt
    assert align("that she mishandled classified information", TEXT).status == "exact"


@pytest.mark.parametrize(
    ("excerpt", "text"),
    [
        ("The economy grew by 102 billion dollars", TEXT),
        ("prices rose by 1/2 percent last year", TEXT),
        ("prices rose by 12 percent last year", TEXT),
    ],
)
def test_compatibility_forms_never_become_digits(excerpt, text):
    _not_placed(excerpt, text)


def test_a_full_width_digit_is_the_same_figure_but_not_the_same_text():
    a = align("a rise of 2 percent in the second quarter", "a rise of \uff12 percent in the second quarter")
    assert a.status == "fuzzy" and [tuple(d) for d in a.differences] == [("2", "\uff12")]


def test_a_short_excerpt_is_placed_only_as_a_whole_quotation():
    text = "Asked whether he would resign, the minister said: \u201cNever.\u201d Then he left."
    assert align("Never", text).status == "exact"
    assert align("he left", text).status == "not_found"  # one content word, not a quotation


def test_describe_says_what_the_model_wrote_and_what_the_article_says():
    a = align("the council will not raise taxes on the middle class next year", TEXT)
    said = describe(a)
    assert "you wrote 'will not'" in said and "the article says 'will'" in said
    assert f"{a.nearest.start}-{a.nearest.end}" in said
    assert describe(align("completely invented words about nothing at all here", TEXT)) == ""


def test_hostile_input_never_raises():
    for excerpt in ["...", "\u2026", "not not not not not", "0" * 5000, "\x00\ufffd" * 50,
                    "(a+)+$[" * 30, "no " * 2000, TEXT * 3]:
        a = align(excerpt, TEXT)
        assert a == Alignment(None, None, "not_found", 0.0), excerpt  # and nothing resembled


# --------------------------------------------------------------------------- properties

def _passages() -> list[tuple[str, int, int]]:
    """(text, start, end) of sentences with 8+ words from the articles in the repository."""
    found = []
    for text in PASSAGE_TEXTS:
        for m in re.finditer(r"[A-Z\u201c][^.!?\n]{30,}[.!?]", text):
            if len(m.group().split()) >= 8:
                found.append((text, m.start(), m.end()))
    return found


PASSAGES = _passages()
NUMBERED = [p for p in PASSAGES if any(c.isdigit() for c in p[0][p[1] : p[2]])]
_PROPS = settings(max_examples=120, deadline=None)
_AUX = {"will", "would", "can", "could", "should", "is", "are", "was", "were", "has", "have",
        "had", "does", "did", "may", "might", "must"}
_NEGATIONS = {"not", "never", "no"}


def _control(text: str, start: int, end: int) -> None:
    """Only passages whose unchanged words are located where they are serve as examples, so a
    property below never passes only because ``align`` finds nothing. (A few real passages are not
    found as they stand by design, e.g. "It’s all about ME ME AND ONLY ME." has under two content words.)"""
    a = align(text[start:end], text)
    assume(a.status == "exact" and text[a.start : a.end] == text[start:end])


def _unique(text: str, excerpt: str) -> bool:
    core = normalize(excerpt)[0].strip(" .,;:!?\"'")
    norm = normalize(text)[0]
    return len(re.findall(r"(?<!\w)" + re.escape(core) + r"(?!\w)", norm)) == 0


@_PROPS
@given(st.sampled_from(PASSAGES), st.data())
def test_inserting_a_negation_is_never_placed(passage, data):
    text, start, end = passage
    _control(text, start, end)
    words = text[start:end].split()
    aux = [k for k, w in enumerate(words[:-1]) if w.lower().strip(",;:") in _AUX]
    assume(aux and not any(w.lower() in _NEGATIONS or "n't" in w or "n\u2019t" in w for w in words))
    k = data.draw(st.sampled_from(aux))
    negated = " ".join(words[: k + 1] + [data.draw(st.sampled_from(["not", "never"]))] + words[k + 1 :])
    assert align(negated, text).status == "not_found"


@_PROPS
@given(st.sampled_from(NUMBERED), st.data())
def test_changing_a_number_is_never_placed(passage, data):
    text, start, end = passage
    _control(text, start, end)
    words = text[start:end].split()
    numbered = [k for k, w in enumerate(words) if any(c.isdigit() for c in w)]
    assume(numbered)
    k = data.draw(st.sampled_from(numbered))
    digits = [i for i, c in enumerate(words[k]) if c.isdigit()]
    i = data.draw(st.sampled_from(digits))
    new = str((int(words[k][i]) + data.draw(st.integers(1, 9))) % 10)
    words[k] = words[k][:i] + new + words[k][i + 1 :]
    changed = " ".join(words)
    assume(_unique(text, changed))
    assert align(changed, text).status == "not_found"


@_PROPS
@given(st.sampled_from(PASSAGES), st.data())
def test_swapping_two_content_words_is_never_placed(passage, data):
    text, start, end = passage
    _control(text, start, end)
    words = text[start:end].split()
    content = [k for k, w in enumerate(words) if w.isalpha() and w.lower() not in STOPWORDS]
    assume(len({words[k].lower() for k in content}) >= 2)
    a = data.draw(st.sampled_from(content))
    b = data.draw(st.sampled_from([k for k in content if words[k].lower() != words[a].lower()]))
    words[a], words[b] = words[b], words[a]
    swapped = " ".join(words)
    assume(_unique(text, swapped))
    found = align(swapped, text)
    # never placed where its words were swapped (a near-copy elsewhere may hold it as a misquote)
    assert found.status == "not_found" or found.end <= start or found.start >= end


@_PROPS
@given(st.sampled_from(PASSAGES), st.data())
def test_starting_or_ending_inside_a_word_is_never_placed(passage, data):
    text, start, end = passage
    _control(text, start, end)
    excerpt = text[start:end].rstrip(".!?\u201d\"")
    first, last = excerpt.split()[0], excerpt.split()[-1]
    at_start = data.draw(st.booleans())
    word = first if at_start else last
    assume(len(word) >= 3 and word.isalpha())
    cut = data.draw(st.integers(1, len(word) - 1))
    cut_excerpt = excerpt[cut:] if at_start else excerpt[: len(excerpt) - cut]
    assume(_unique(text, cut_excerpt))
    assert align(cut_excerpt, text).status == "not_found"


@_PROPS
@given(st.sampled_from(PASSAGES), st.data())
def test_every_located_span_of_a_real_passage_lies_on_word_boundaries(passage, data):
    text, start, end = passage
    _control(text, start, end)
    i = data.draw(st.integers(start, end - 1))
    j = data.draw(st.integers(i + 1, end))
    a = align(text[i:j], text)
    assert not a.found or on_boundaries(text, a.start, a.end)


def test_no_compatibility_character_is_ever_folded_into_a_digit():
    digits = set("0123456789")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if c in digits or unicodedata.category(c) == "Cs":
            continue
        assert not digits & set(fold_char(c)), (hex(cp), fold_char(c))


def test_the_property_passages_come_from_the_repository_only():
    """The same examples with or without ../shared/data: every passage's text is a file in the repo."""
    assert {id(text) for text, _, _ in PASSAGES} <= {id(text) for text in PASSAGE_TEXTS}
    assert all(path.is_relative_to(REPO / "tests" / "fixtures") for path in PASSAGE_FILES)
    assert LONG in PASSAGE_TEXTS and len(PASSAGE_TEXTS) >= 9  # the seed, the long fixture, day and eval articles
    assert len(PASSAGES) >= 50 and len(NUMBERED) >= 8
