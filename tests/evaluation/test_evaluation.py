"""The shared scorer and the annotation loaders, on hand-made cases and a hand-annotated fixture.

The scripted models are served by ``briefing.testing.responder.Responder`` on loopback: a function of the
request that answers with exactly the annotated attributions (or every other one) of whichever
fixture article the prompt carries, so their true scores are known before the run.
"""

from __future__ import annotations

import json
import shutil

import pytest

from briefing import Briefer
from briefing.core.errors import InputError
from briefing.core.models import Article, Briefing
from briefing.core.options import BriefingOptions
from briefing.evaluation.annotations import Gold, characters, load_annotated
from briefing.evaluation.scorer import (
    COLUMNS,
    Predicted,
    Tally,
    evaluate,
    match,
    predictions,
)
from briefing.llm.retry import RetryPolicy
from briefing.offline import brief_offline
from briefing.testing.responder import Responder
from helpers import FIXTURE, polnear_copy, scripted

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

FAST = RetryPolicy(max_attempts=2, initial_wait=0.01, max_wait=0.02)


def span(start: int, end: int, speaker: str | None = "Ana Ruiz") -> Predicted:
    return Predicted(frozenset(range(start, end)), speaker)


def gold(start: int, end: int, source: str | None = "Mayor Ana Ruiz") -> Gold:
    return Gold(frozenset(range(start, end)), source)


# ----------------------------------------------------------------------------------- the scorer

def test_iou_threshold_is_inclusive_and_one_to_one():
    g = [gold(0, 10)]
    assert len(match([span(0, 5)], g)) == 1            # IoU exactly 0.5 matches
    assert match([span(0, 4)], g) == []                # 0.4 does not
    assert match([span(5, 15)], g) == []               # 5/15 overlap is not a match
    pairs = match([span(0, 10), span(0, 9)], g)        # two claims on one attribution: one match
    assert len(pairs) == 1 and pairs[0][0] == span(0, 10)


def test_best_pairs_are_matched_first():
    g = [gold(0, 10), gold(10, 20)]
    p = [span(0, 12), span(9, 20)]                     # each overlaps both; the best pairing wins
    assert {(min(a.chars), min(b.content)) for a, b in match(p, g)} == {(0, 0), (9, 10)}


def test_one_claim_covering_the_whole_article_matches_nothing():
    assert match([span(0, 1000)], [gold(0, 100), gold(200, 300), gold(500, 600)]) == []


def test_precision_recall_f1_from_counts():
    tally = Tally()
    tally.add([span(0, 10), span(30, 40)], [gold(0, 10), gold(50, 60), gold(70, 80), gold(90, 99)])
    assert (tally.precision, tally.recall) == (0.5, 0.25)
    assert tally.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_speaker_accuracy_skips_pronoun_sources_and_needs_a_shared_name_word():
    tally = Tally()
    tally.add([span(0, 10, "Ruiz"), span(20, 30, "Berg"), span(40, 50, "the mayor"), span(60, 70, None)],
              [gold(0, 10, "Mayor Ana Ruiz"), gold(20, 30, "he"), gold(40, 50, "Ana Ruiz’s office"),
               gold(60, 70, "Ana Ruiz")])
    assert tally.named == 3                            # "he" is not counted either way
    assert tally.speaker_right == 1                    # "the mayor" shares no name word; None is wrong
    assert tally.speaker_accuracy == pytest.approx(1 / 3)


def test_no_prediction_and_no_named_source_are_zero_and_none_not_errors():
    tally = Tally()
    tally.add([], [gold(0, 10, None)])
    assert (tally.precision, tally.recall, tally.f1, tally.speaker_accuracy) == (0.0, 0.0, 0.0, None)


def test_predictions_are_claims_with_a_speaker_and_a_located_span():
    text = "Mayor Ana Ruiz said the bridge is unsafe for heavy trucks. The bridge opened in 1920."
    briefing = brief_offline(Article(text=text))
    model = briefing.model_copy(update={"claims": [
        briefing.claims[0],
        briefing.claims[0].model_copy(update={"span": None, "grounding": "not_found"}),
        briefing.claims[0].model_copy(update={"speaker": None}),
    ]})
    assert briefing.claims[0].speaker is not None and briefing.claims[0].span is not None
    assert len(predictions(model)) == 1
    assert len(predictions(model, attributed=False)) == 2


def test_a_prediction_with_parts_is_scored_on_its_parts_not_the_attribution_between():
    text = "“Tom is a visionary,” said Ana Ruiz, a miner from the north. “He stepped in.”"
    (claim,) = brief_offline(Article(text=text)).claims
    (predicted,) = predictions(Briefing(headline="h", summary="s", claims=[claim]))
    first, second = text.index("Tom"), text.index("He stepped")
    assert predicted.chars == characters([(first, first + len("Tom is a visionary")),
                                          (second, second + len("He stepped in."))])
    # partner: without parts the whole span is scored
    whole = claim.model_copy(update={"parts": []})
    (predicted,) = predictions(Briefing(headline="h", summary="s", claims=[whole]))
    assert claim.span is not None and predicted.chars == frozenset(range(claim.span.start, claim.span.end))


# ----------------------------------------------------------------------------------- the loaders

def test_brat_folder_reads_every_event_with_discontinuous_spans():
    articles = {a.id: a for a in load_annotated(FIXTURE)}
    assert sorted(articles) == ["harbour-bridge", "river-flood", "school-meals"]
    meals = articles["school-meals"]
    assert len(meals.gold) == 4
    berg = next(g for g in meals.gold if g.source == "Minister Tomas Berg")
    quoted = "".join(meals.text[i] for i in sorted(berg.content))
    assert quoted == "“Hungry children cannot learn,”“and this ends that.”"  # the gap is not content
    assert [g.source for g in meals.gold].count(None) == 1  # Attribution-no-source


def test_polnear_layout_uses_the_first_annotator_by_name(tmp_path):
    assert load_annotated(polnear_copy(tmp_path)) == load_annotated(FIXTURE)


def test_polnear_checkout_layout_is_found_under_data_split(tmp_path):
    root = tmp_path / "checkout" / "data" / "dev"
    shutil.copytree(polnear_copy(tmp_path), root)
    assert load_annotated(tmp_path / "checkout") == load_annotated(FIXTURE)


def test_jsonl_gives_the_same_articles_as_brat(tmp_path):
    articles = [a for a in load_annotated(FIXTURE) if a.id == "river-flood"]  # contiguous spans only
    lines = []
    for a in articles:
        attributions = []
        for g in a.gold:
            source = None
            if g.source is not None:
                start = a.text.index(g.source)
                source = {"start": start, "end": start + len(g.source)}
            attributions.append({"content": {"start": min(g.content), "end": max(g.content) + 1},
                                 "source": source})
        lines.append(json.dumps({"id": a.id, "text": a.text, "attributions": attributions}))
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert load_annotated(path) == articles


@pytest.mark.parametrize(("line", "says"), [
    ('{"id": "a", "text": "abc", "attributions": [{"content": {"start": 0, "end": 9}}]}', "line 1: content 0-9"),
    ('{"id": "a", "text": "abc", "attributions": [{"content": {"start": 2, "end": 1}}]}', "line 1: content 2-1"),
    ('{"id": "a", "text": "abc", "attributions": [{"content": {"start": "0", "end": 1}}]}', "integer"),
    ('{"id": "a", "text": "abc", "attributions": [{"content": {"start": 0, "end": 1}, "source": {}}]}', "source"),
    ('{"id": "a", "attributions": []}', "'text'"),
    ('{"id": "a", "text": "abc", ', "not JSON"),
])
def test_a_malformed_jsonl_line_is_named(tmp_path, line, says):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_annotated(path)
    assert says in str(info.value) and str(path) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(("ann", "says"), [
    ("T1\tContent 0 99999\tx\n", "outside"),
    ("T1\tContent 0 five\tx\n", "START END"),
    ("T1\tContent\n", "LABEL START END"),
])
def test_a_malformed_brat_file_is_named(tmp_path, ann, says):
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "a.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_annotated(tmp_path)
    assert says in str(info.value) and "a.ann" in str(info.value) and "line 1" in str(info.value)


def test_duplicate_ids_are_an_input_error(tmp_path):
    record = json.dumps({"id": "same", "text": "Ana said so.", "attributions": []})
    path = tmp_path / "dup.jsonl"
    path.write_text(f"{record}\n{record}\n", encoding="utf-8")
    with pytest.raises(InputError, match="two articles have the id 'same'"):
        load_annotated(path)


def test_a_folder_without_annotations_or_a_missing_path_is_an_input_error(tmp_path):
    (tmp_path / "only.txt").write_text("No annotations here.", encoding="utf-8")
    with pytest.raises(InputError, match="no annotated article"):
        load_annotated(tmp_path)
    with pytest.raises(InputError, match="no such file or folder"):
        load_annotated(tmp_path / "missing")


# --------------------------------------------------------------------------- scripted models

def run_scripted(articles, **kwargs):
    with Responder(scripted(articles, **kwargs)) as server:
        briefer = Briefer(base_url=server.base_url, api_key="loopback-not-secret", retry_policy=FAST, options=BriefingOptions(model="scripted", max_retries=1))
        return evaluate(briefer.brief, articles, extractor="scripted", concurrency=2), server


def test_a_model_answering_every_attribution_scores_one():
    articles = load_annotated(FIXTURE)
    result, server = run_scripted(articles)
    row = result.row()
    assert row["articles"] == 3 and result.failures == []
    assert row["precision"] == row["recall"] == row["f1"] == 1.0
    assert row["speaker_accuracy"] == 1.0 and result.tally.named == 8  # pronoun and no-source left out
    assert row["grounded_share"] == 1.0 and row["not_found_share"] == 0.0
    assert row["requests_per_article"] == 1.0 == len(server.requests) / 3
    assert row["tokens_per_article"] > 0 and row["cost_per_article_usd"] is None  # unpriced
    assert server.requests[0]["tools"]  # a loopback base URL means auto, which tries tools first


def test_a_model_answering_every_other_attribution_has_half_the_recall():
    articles = load_annotated(FIXTURE)
    result, _ = run_scripted(articles, every=2)
    row = result.row()
    assert row["precision"] == 1.0
    assert row["recall"] == pytest.approx(0.5)  # 2 of the 4 in each article
    assert row["f1"] == pytest.approx(2 / 3)


def test_a_failed_article_is_reported_and_left_out_not_scored_as_empty():
    articles = load_annotated(FIXTURE)
    result, _ = run_scripted(articles, broken="river-flood")
    row = result.row()
    assert [e.article for e in result.failures] == ["river-flood"]
    assert row["articles"] == 2
    assert row["recall"] == 1.0 and result.tally.gold == 8  # its 4 attributions are not counted as missed


def test_the_row_has_exactly_the_contract_columns():
    articles = load_annotated(FIXTURE)
    row = evaluate(brief_offline, articles, extractor="offline", price=lambda b: 0.0).row()
    assert tuple(row) == COLUMNS
    assert row["cost_per_article_usd"] == 0.0 and row["requests_per_article"] == 0.0


def test_no_article_scored_gives_none_per_article_figures():
    def fail(article):
        raise InputError("unreadable", reason="test")
    row = evaluate(fail, load_annotated(FIXTURE), extractor="x").row()
    assert row["articles"] == 0 and row["seconds_per_article"] is None and row["f1"] == 0.0


def test_characters_of_ranges():
    assert characters([(0, 2), (5, 6)]) == frozenset({0, 1, 5})
