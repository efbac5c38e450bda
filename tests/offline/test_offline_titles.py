"""Titles and headlines (issue 19): a .txt article's headline line becomes its title, front
matter and JSON titles win, and an offline headline is a whole sentence that never shouts."""

from __future__ import annotations

import json

import pytest

from briefing.core.articlefiles import headline_title, load_file
from briefing.core.models import Article
from briefing.offline import brief_offline

BODY = "Mayor Ana Ruiz said on Monday that the bridge over the river would reopen in May.\n"


def test_a_txt_headline_line_becomes_the_title_and_stays_in_the_text(tmp_path):
    path = tmp_path / "art-009.txt"
    path.write_text("Bridge to reopen in May, mayor says\n\n" + BODY, encoding="utf-8")
    [article] = load_file(path)
    assert article.title == "Bridge to reopen in May, mayor says"
    assert article.text.startswith("Bridge to reopen")  # spans index the file's text as written
    briefing = brief_offline(article)
    assert briefing.headline == "Bridge to reopen in May, mayor says"
    assert all(c.span and article.text[c.span.start:c.span.end] == c.evidence for c in briefing.claims)


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # the first line is the lead sentence: it ends with a full stop
        "Bridge to reopen in May, mayor says\n" + BODY,  # no blank line after it
        "Bridge to reopen in May, mayor says\n\n",  # nothing after it
        " ".join(["word"] * 17) + "\n\n" + BODY,  # too long for a headline
    ],
)
def test_no_title_when_the_first_line_is_no_headline(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert load_file(path)[0].title is None


def test_headline_title_word_limit_is_a_parameter():
    text = "Bridge to reopen in May, mayor says\n\n" + BODY
    assert headline_title(text, max_words=3) is None
    assert headline_title(text) == "Bridge to reopen in May, mayor says"


def test_front_matter_and_json_titles_win(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: The council's title\n---\nBridge to reopen\n\n" + BODY, encoding="utf-8")
    assert load_file(md)[0].title == "The council's title"
    js = tmp_path / "b.json"
    js.write_text(json.dumps([{"text": "Bridge to reopen\n\n" + BODY, "title": "From JSON"}]),
                  encoding="utf-8")
    assert load_file(js)[0].title == "From JSON"


def test_an_offline_headline_is_a_whole_sentence_never_cut():
    lead = ("I confirmed yesterday that the mayor has offered the job of running the harbor to a "
            "longtime ally from the council, who has not yet said whether she will take it, and "
            "that the council will vote on it in June.")
    briefing = brief_offline(Article(text=lead + "\n\nThe vote is set for June 3.\n"))
    assert briefing.headline == lead.removesuffix(".")
    assert "…" not in briefing.headline and "..." not in briefing.headline


def test_an_offline_headline_never_shouts():
    text = "THE WHITE HOUSE\n\n" + BODY
    briefing = brief_offline(Article(text=text))
    assert briefing.headline == BODY.strip().removesuffix(".")
    assert brief_offline(Article(text=BODY, title="BRIDGE TO REOPEN")).headline == "Bridge to reopen"


@pytest.mark.parametrize(("line", "dateline"), [
    ("DECEMBER 16, 2008", True),
    ("December 15th, 2008, 7: 35 am", True),
    ("THURSDAY, MAY 2, 2013, 1: 32 PM", True),
    ("Updated: Tuesday 7:35 am EST", True),
    ("2008", True),
    # the partners: headlines that hold a date or a figure
    ("Red Sox offer Teixeira $200 million", False),
    ("May Day rally draws 2,000", False),
    ("Sept. 11 memorial draws thousands", False),
    ("Tuesday", False),  # no figure: a word, not a date
])
def test_a_dateline_is_no_headline(line, dateline):
    from briefing.core.articlefiles import is_dateline
    from helpers import run_examples

    assert is_dateline(line) is dateline
    assert (headline_title(f"{line}\n\nThe Red Sox made an offer to Mark Teixeira on Thursday.\n") is None) is dateline
    assert run_examples(is_dateline) == (0, 1)


def test_a_headline_under_a_dateline_is_the_title():
    text = "DECEMBER 16, 2008\n\nHerald: Sox Make Offer To Teixeira (8 Years?)\n\nMichael Silverman reports the Red Sox made an offer.\n"
    assert headline_title(text) == "Herald: Sox Make Offer To Teixeira (8 Years?)"
    assert headline_title("DECEMBER 16, 2008\n\nThe Red Sox made an offer.\n\nMore text.\n") is None  # a sentence
    assert headline_title("DECEMBER 16, 2008\nRed Sox offer\n\nMore text.\n") is None  # no blank line after the date
    assert headline_title("DECEMBER 16, 2008\n\nRed Sox offer\n") is None  # nothing after the headline


def test_a_sentence_cut_at_a_line_break_does_not_open_the_summary():
    text = ("Sox make offer to Teixeira\n\nMichael Silverman reports that the Red Sox\n\n"
            "have made an offer for Mark Teixeira, the biggest and longest yet for this ownership group.\n\n"
            "The offer is believed to be for at least eight years, people close to the talks say.\n")
    summary = brief_offline(Article(text=text)).summary
    assert summary.startswith("The offer is believed") and "have made an offer" not in summary
    whole = text.replace("the Red Sox\n\nhave made", "the Red Sox have made")  # the partner: one sentence
    assert brief_offline(Article(text=whole)).summary.startswith("Michael Silverman reports that the Red Sox have made")


def test_a_sentence_cut_at_a_line_break_heads_nothing():
    text = ("DECEMBER 16, 2008\n\nMichael Silverman reports that the Red Sox\n\n"
            "have made an offer for Mark Teixeira, the biggest and longest yet for this ownership group.\n\n"
            "The offer is believed to be for at least eight years, people close to the talks say.\n")
    assert brief_offline(Article(text=text)).headline == (
        "The offer is believed to be for at least eight years, people close to the talks say")
