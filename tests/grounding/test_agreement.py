"""agree(): when two texts say the same thing, when they contradict each other, and when neither.

Each rule has its adversarial partner beside it: the input that would make the rule lie.
"""

from __future__ import annotations

import pytest

from briefing.core.models import Difference
from briefing.grounding.agreement import (
    Agreement,
    AgreementOptions,
    agree,
    negated,
    negation_changed,
    word_differences,
)
from briefing.grounding.hedges import hedge_around, hedges
from briefing.grounding.spans import widen
from briefing.quantities import QuantityOptions

SAME, CONTRADICTS, UNCLEAR = "same", "contradicts", "unclear"


@pytest.mark.parametrize("claim, article, relation", [
    # says it: the article's words, or fewer of them
    ("The council will raise taxes", "The council will raise taxes", SAME),
    ("Three cables were damaged", "Three undersea cables in the sea were damaged", SAME),
    # number words, hyphenated ages, units converted the way newsrooms round
    ("He spent two nights there", "He spent 2 nights there", SAME),
    ("an 8-year-old boy was found", "an eight-year-old boy was found", SAME),
    ("a storm 15 miles wide", "a storm 24 km wide", SAME),
    ("winds of 120 mph", "winds of 193 km/h", SAME),
    ("a tower 150 metres tall", "a tower 492 feet tall", SAME),
    ("1.2 million people voted", "1,200,000 people voted", SAME),
    # ... and their partners: the figure really differs
    ("a storm 15 miles wide", "a storm 40 km wide", CONTRADICTS),
    ("He spent two nights there", "He spent 3 nights there", CONTRADICTS),
    ("3 dead and 140 injured", "3 dead and 400 injured", CONTRADICTS),
    ("It cost 2.5 million", "It cost 25 million", CONTRADICTS),
    # digits the figure reader leaves alone are compared as written: scores, days, numbers in names
    ("despite a 89 - 39 record", "despite a 43 - 39 record", CONTRADICTS),
    ("despite a 43 - 39 record", "despite a 43 - 39 record", SAME),
    ("the Boeing 747 landed", "the Boeing 737 landed", CONTRADICTS),
    ("the 3-2 win", "the win", UNCLEAR),
    # bounds: a bound the figure meets says the same; one it breaks contradicts
    ("more than 100 people died", "120 people died", SAME),
    ("at least 5 people died", "3 people died", CONTRADICTS),
    ("at least 140 people were hurt", "at least 200 people were hurt", CONTRADICTS),
    # currencies are not compared without a rate
    ("the deal cost $88m", "the deal cost 103 million euros", UNCLEAR),
    ("the deal cost $88m", "the deal cost $88 million", SAME),
    ("the deal cost $88m", "the deal cost $98m", CONTRADICTS),
    # negation, including a negating prefix
    ("they will raise taxes", "they will not raise taxes", CONTRADICTS),
    ("they won't raise taxes", "they will raise taxes", CONTRADICTS),
    ("the resolution is binding", "the resolution is non-binding", CONTRADICTS),
    # direction words are meaning
    ("Prices fell sharply", "Prices rose sharply", CONTRADICTS),
    ("Shares went up on Monday", "Shares went down on Monday", CONTRADICTS),
    ("the vote came before the storm", "the vote came after the storm", CONTRADICTS),
    ("the team won the final", "the team lost the final", CONTRADICTS),
    ("Prices rose sharply", "Prices rose sharply", SAME),
    # dates
    ("It happened on Tuesday", "It happened on Wednesday", CONTRADICTS),
    ("the law passed in March", "the law passed in May", CONTRADICTS),
    ("the plant opened in 2013", "the plant opened in 2008", CONTRADICTS),
    ("the talks start at 6:00", "the talks start at 6 a.m.", SAME),
    # neither: other words, another order, a figure the article does not give, a hedge left out
    ("Smith beat Jones", "Jones beat Smith", UNCLEAR),
    ("EU countries are reviewing spending", "EU countries are increasing spending", UNCLEAR),
    ("200 people were injured", "Many people were injured", UNCLEAR),
    ("The suspect killed the guard", "The suspect allegedly killed the guard", UNCLEAR),
    ("Taxes will rise", "Taxes will rise if the bill passes", UNCLEAR),
])
def test_what_two_texts_say(claim, article, relation):
    assert agree(claim, article).relation == relation


def test_a_contradiction_says_why_and_a_conversion_is_noted():
    opposite = agree("Prices fell sharply", "Prices rose sharply")
    assert opposite.contradicts and not opposite.same
    assert opposite.reasons == ("opposite words: fell / rose",)
    converted = agree("a storm 15 miles wide", "a storm 24 km wide")
    assert converted.same and not converted.contradicts and converted.reasons == ()
    assert converted.notes == ("15 miles ≈ 24 km (converted: 15 mi = 24.14 km)",)
    figure = agree("3 dead and 140 injured", "3 dead and 400 injured")
    assert figure.reasons == ("140 ≠ 400",)
    currency = agree("the deal cost $88m", "the deal cost 103 million euros")
    assert currency.notes == ("different currencies (USD, EUR): not compared without an exchange rate",)
    missing = agree("200 people were injured", "Many people were injured")
    assert missing.notes == ("the article's words here do not give '200'",)
    assert agree("Smith beat Jones", "Jones beat Smith").notes == ("the same words in another order",)
    assert agree("Smith met Jones", "Smith met Brown").notes == ("words not in the article here: jones",)
    assert agree("Smith killed Jones", "Smith allegedly killed Jones").notes == (
        "the article hedges what the claim states: allegedly",)


def test_given_differences_decide_the_negation_and_a_change_name_counts():
    # the differences an alignment found are trusted over a fresh word-by-word comparison
    assert agree("a b c d", "a b c d", [Difference("will not", "will")]).contradicts
    assert agree("a b c d", "a b c d", []).same
    assert agree("a b c d", "a b c d", [], change="negation").contradicts
    assert agree("a b c d", "a b c d", [], change="abridgement skips a negation").contradicts
    assert agree("a b c d", "a b c d", [], change="word order").same  # order is checked on the words


def test_negations_and_their_forms():
    assert negated("did not say") and negated("didn't say") and negated("never said") and negated("denied it")
    assert not negated("said it") and not negated("knot notably")
    assert negation_changed([Difference("likely", "unlikely")])
    assert negation_changed([Difference("binding", "non-binding")])
    assert not negation_changed([Difference("binding", "bonding")])
    assert not negation_changed([Difference("will", "would")])


def test_word_differences_are_the_places_where_two_texts_part():
    assert word_differences("the storm was 15 miles wide", "the storm was 24 km wide") == [
        Difference("15 miles", "24 km")]
    assert word_differences("taxes will rise", "taxes will not rise") == [Difference("", "not")]
    assert word_differences("a b", "a b") == []
    assert word_differences("x a b", "a b") == [Difference("x", "")]


def test_widen_takes_in_a_figure_that_touches_the_span():
    text = "Officials said 120 people were injured in the blast."
    start = text.index("people")
    assert text[slice(*widen(text, start, len(text) - 1))] == "120 people were injured in the blast"
    # a figure separated by other words stays out
    text = "In 2013, officials said people were injured."
    start = text.index("people")
    assert widen(text, start, len(text) - 1) == (start, len(text) - 1)


def test_the_hedge_lexicon_is_data_in_english_first():
    words = hedges("en")
    assert {"allegedly", "may", "if", "reportedly"} <= words
    assert "said" not in words and "" not in words and all(w == w.strip().lower() for w in words)
    with pytest.raises(FileNotFoundError):
        hedges("xx")


def test_options_reach_the_figures():
    strict = AgreementOptions(quantities=QuantityOptions(min_significant_digits=3, conversion_rel_tol=0.01))
    # "190" read to 3 significant digits, and 1.6% off, no longer admits 120 mph = 193.1 km/h
    assert agree("winds of 120 mph", "winds of 190 km/h").same
    assert agree("winds of 120 mph", "winds of 190 km/h", options=strict).contradicts
    assert AgreementOptions() == AgreementOptions(quantities=QuantityOptions(), language="en")


def test_agreement_defaults_and_hostile_input():
    assert Agreement("same") == Agreement("same", (), ())
    huge = "word " * 20_000
    assert agree(huge, huge).same
    assert agree("", "").same  # nothing claimed, nothing contradicted
    assert agree("{{ 7*7 }} <script>", "{{ 7*7 }} <script>").same
    # a 5,000-digit "number" is not read as a figure, but its digits are compared as written
    assert agree("9" * 5000, "9" * 4999 + "8").reasons == (f"other figures: {'9' * 5000} / {'9' * 4999 + '8'}",)
    assert agree(huge + "rose", huge + "fell").contradicts


@pytest.mark.parametrize("claim, evidence, missing", [
    ("500 people died in Ridgecrest on Tuesday", "Ridgecrest on Tuesday", ("500",)),
    ("500 people died in Ridgecrest on Tuesday", "About 500 people died in Ridgecrest on Tuesday", ()),
    ("500 people died in Ridgecrest on Tuesday", "500 people died on Tuesday", ("Ridgecrest",)),
    ("The storm was 15 miles wide", "the storm was 24 km wide", ()),  # converted, carried
    ("The Angels offered $160 million", "the Angels offered $150 million", ("$160 million",)),
    ("Mayor Ruiz said it", "Ruiz said it", ()),  # a title is not a name
    ("Governor Smith said it", "Ruiz said it", ("Smith",)),
    ("It happened on Tuesday", "It happened", ("Tuesday",)),
    ("They won 3-2", "They won", ("3", "2")),
])
def test_what_a_support_must_carry(claim, evidence, missing):
    from briefing.grounding.agreement import carried

    assert carried(claim, evidence) == missing


@pytest.mark.parametrize("claim, article", [
    # a figure put where the article has another, even one that is no valid date or time
    ("the Oscars on Feb. 47 at the theatre", "the Oscars on Feb. 22 at the theatre"),
    ("he escaped just after 21 a. m. on Monday", "he escaped just after 9 a. m. on Monday"),
    ("a record of 43 - 39 in 2004 - 05", "a record of 43 - 39 in 2004 - 13. Overall, in five"),
    ("the Oscars on Feb. 22 and March 47", "the Oscars on Feb. 22 and March 4"),
])
def test_a_figure_in_place_of_another_contradicts(claim, article):
    found = agree(claim, article)
    assert found.relation == CONTRADICTS, found
    assert any(r.startswith("another figure in its place") for r in found.reasons)


@pytest.mark.parametrize("claim, article, relation", [
    # the partners: a conversion, a currency, a figure left out or added beside, words in its place
    ("a storm 15 miles wide on Feb. 2", "a storm 24 km wide on Feb. 2", SAME),
    ("the deal cost $88m", "the deal cost 103 million euros", UNCLEAR),
    ("200 people were injured", "Many people were injured in 2013", UNCLEAR),
    ("three cables were damaged", "three undersea cables, 2 km long, were damaged", SAME),
    ("an attack on ten Nov 11.", "an attack on 10 Nov 11.", SAME),
    ("the Oscars on Feb. 22 at the theatre", "the Oscars on Feb. 22 at the theatre", SAME),
])
def test_what_is_not_a_figure_in_place_of_another(claim, article, relation):
    assert agree(claim, article).relation == relation


def test_a_long_stretch_of_other_words_is_not_a_figure_swap():
    """``figure_swap_words``: past it, the words that part are other words (unclear), not a
    figure put in place of another."""
    claim = "he left the old house at 21 on a cold day"
    article = "he left the old house after a long cold wait at 9 a. m. on a cold day"
    assert agree(claim, article).contradicts  # 6 words at most on either side: a swap
    narrow = agree(claim, article, options=AgreementOptions(figure_swap_words=2))
    assert narrow.relation == UNCLEAR
    assert AgreementOptions().figure_swap_words == 6


def test_a_month_named_may_is_not_a_hedge():
    assert agree("the council will raise taxes", "On May 5 the council will raise taxes").relation == SAME
    assert agree("the council will raise taxes", "the council may raise taxes").relation == UNCLEAR


@pytest.mark.parametrize(("text", "hedge"), [
    ("Allegedly, Ruiz said the council will raise taxes.", "Allegedly"),
    ("The council will raise taxes if the bill passes.", "if"),
    ("Ruiz said the council will raise taxes. It may rain.", None),  # another sentence
    ("the council will raise taxes. It may rain.", None),  # the span holds its full stop
    ("On May 5 the council will raise taxes.", None),  # a date
    ("Officials in Mayfield said the council will raise taxes.", None),
    # "Mr." and "Gen." end no sentence: the hedge before them is still in the claim's sentence
    ("Allegedly, Mr. Ruiz said the council will raise taxes.", "Allegedly"),
    ("Allegedly, Gen. Ruiz said the council will raise taxes.", "Allegedly"),
    ("Allegedly, he left. Mr. Ruiz said the council will raise taxes.", None),  # the partner: another sentence
    ("Allegedly he left\nRuiz said the council will raise taxes.", None),  # a line break ends one too
])
def test_hedge_around(text, hedge):
    claim = "the council will raise taxes"
    at = text.lower().index(claim)
    stop = 1 if text[at + len(claim):].startswith(".") else 0
    assert hedge_around(claim, text, at, at + len(claim)) == hedge
    assert hedge_around(claim, text, at, at + len(claim) + stop) == hedge
    assert hedge_around("allegedly " + claim + " if", text, at, at + len(claim)) is None  # the claim carries it


def test_hedge_around_looks_inside_the_span_only_when_asked():
    text = "The mayor may have taken the money."
    assert hedge_around("The mayor took the money", text, 0, len(text) - 1) is None
    assert hedge_around("The mayor took the money", text, 0, len(text) - 1, inside=True) == "may"
    assert hedge_around("The mayor may have taken the money", text, 0, len(text) - 1, inside=True) is None
    assert hedge_around("the money", "In May the mayor took the money.", 23, 32, inside=True) is None  # a month


def test_a_changed_record_is_another_figure():
    # "9-14" reads as a range, "21-14" (no valid range) as loose digits: still one figure for another
    assert agree("the 76ers have opened 9-14 with eight losses", "the 76ers have opened 21-14 with eight losses").contradicts
    assert agree("the 76ers have opened 9-14 with eight losses", "the 76ers have opened 9-14 with eight losses").same
    # the partner: the same record written with spaces is the same figure
    assert not agree("the 76ers have opened 21-14 this year", "the 76ers have opened 21 - 14 this year").contradicts


def test_dates_that_share_no_field_are_not_a_figure_swap():
    """"Monday" and "Nov. 30" may name one day: not a contradiction (the partner of the rule
    that "Feb. 47" in place of "Feb. 22" contradicts)."""
    claim = "Comeaux was in a wheelchair Monday when he pulled a gun"
    assert agree(claim, "Comeaux, 49, was in a wheelchair Nov. 30 when he pulled a gun").relation != CONTRADICTS
    assert agree(claim, "Comeaux was in a wheelchair Tuesday when he pulled a gun").contradicts
    assert agree("he left at 21 on Monday", "he left at 9 a. m. on Monday").contradicts


@pytest.mark.parametrize(("claim", "article", "relation"), [
    # the same amount, its currency left out on one side: never another figure in its place
    ("110bn in loans over three years", "110 billion euros in loans over three years", "unclear"),
    ("110bn in loans over three years", "$110bn in loans over three years", "unclear"),
    # the partners: another amount is another figure, with or without the currency
    ("110bn in loans over three years", "120 billion euros in loans over three years", "contradicts"),
    ("110bn in loans over three years", "150bn in loans over three years", "contradicts"),
])
def test_an_amount_without_its_currency_is_no_other_figure(claim, article, relation):
    assert agree(claim, article).relation == relation


def test_an_abbreviation_starts_no_sentence_whose_negation_would_negate_nothing():
    # "Gen. Lee will not" is one sentence: its "not" is the claim's own, and it changes the meaning
    assert negation_changed([Difference(excerpt="Gen. Lee will not", article="Lee will")])
    # the partner: a real sentence end, and the other side holds none, so the next sentence's "not" is not compared
    assert not negation_changed([Difference(excerpt="leave. Lee will not", article="leave")])
    assert negation_changed([Difference(excerpt="leave. Lee will not", article="leave. Lee will")])


def test_a_negation_in_a_sentence_the_article_does_not_hold_contradicts_nothing():
    # the claim runs on into a sentence the article lacks: that sentence is not mentioned there
    claim = 'The referee stopped the fight at 2:56. "Thompson was not so easy to box."'
    assert agree(claim, "The referee stopped the fight.").relation != "contradicts"
    assert not negation_changed([Difference('fight. He did not win', 'fight')])
    # the partners: a negation inside the shared sentence still contradicts, with or without a
    # second sentence, and a negation the article's own extra sentence drops is read the same way
    assert agree("The referee did not stop the fight. Thompson won.",
                 "The referee stopped the fight. Thompson won.").relation == "contradicts"
    assert negation_changed([Difference("did not stop the fight. He won", "stopped the fight")])
    assert negation_changed([Difference("not", "")])


def test_the_figure_swap_stretch_is_six_words_at_most():
    claim = "he went there on Feb. 22 to see"
    six = agree(claim, "he went there on Feb. 47 with a b c d to see")  # "47 with a b c d": six words
    assert six.reasons == ("another figure in its place: 22 / 47 with a b c d",)
    assert not agree(claim, "he went there on Feb. 47 with a b c d e to see").contradicts  # seven: other words
    assert agree(claim, "he went there on Feb. 47 with a b c d e to see",
                 options=AgreementOptions(figure_swap_words=7)).contradicts


def test_a_negation_alone_is_the_reason_even_with_a_figure_swap_beside_it():
    assert agree("he did not go there on Feb. 22", "he went there on Feb. 47").reasons == (
        "a negation added or dropped",)


def test_the_words_not_in_the_article_are_named_five_at_most():
    found = agree("the mayor said taxes rise today because of alpha beta gamma delta epsilon zeta",
                  "the mayor said taxes rise today")
    [note] = [n for n in found.notes if n.startswith("words not in the article here")]
    assert note == "words not in the article here: alpha, beta, gamma, delta, epsilon"


def test_agreement_and_its_options_are_frozen():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        AgreementOptions().figure_swap_words = 7  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        agree("a b c", "a b c").relation = "contradicts"  # type: ignore[misc]


def test_a_changed_day_is_found_beside_a_season_of_the_same_year():
    # "April 21, 2004" and "2004 - 05" are consistent: paired so, the changed day met no partner
    claim = "O'Brien was hired as the 20th coach of the 76ers on April 21, 2004 and posted a record of 43 - 39 in 2004 - 05."
    found = agree(claim, claim.replace("April 21", "April 28"))
    assert found.reasons == ("different day: April 21, 2004 vs April 28, 2004",)
    assert agree(claim, claim).same  # the partner: the same words still agree
    assert agree(claim, claim.replace("April 21, 2004", "April 21 2004")).same


@pytest.mark.parametrize(("claim", "article"), [
    ("Klitschko stops Thompson in the 6th round to retain his belts",
     "Klitschko stops Thompson in the 6-7th round to retain his belts"),
    ("federal scientists have performed the consultations for 35 years on projects",
     "federal scientists have performed the consultations for 35-9 years on projects"),
])
def test_a_figure_joined_to_another_in_its_place_contradicts(claim, article):
    # found by the differential search over agreement's mutants: loose digits are no date, and a
    # mark is read only inside the stretch where the texts part
    assert agree(claim, article).contradicts and agree(article, claim).contradicts
