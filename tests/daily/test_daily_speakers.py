"""A story names each speaker once: the forms its outlets use are merged."""

from __future__ import annotations

from briefing import daily
from briefing.core.models import Speaker
from briefing.daily.models import Report, StoryClaim
from briefing.daily.speakers import merge_story_speakers
from daily_fixtures import quake_day


def _claim(name: str, anonymous: bool = False, role: str | None = None) -> StoryClaim:
    return StoryClaim(statement="s", speaker=Speaker(name=name, anonymous=anonymous, role=role),
                      verdict="single_source", reports=[Report(article="a", evidence="e")])


def _names(claims: list[StoryClaim]) -> list[str | None]:
    return [c.speaker.name if c.speaker else None for c in claims]


def test_case_surnames_and_shorter_bodies_take_the_story_s_one_name():
    claims = [_claim("The United States Geological Survey"), _claim("the Geological Survey"),
              _claim("SEACOM"), _claim("Seacom"), _claim("Witt", role="fire chief"), _claim("David Witt")]
    merged = merge_story_speakers(claims)
    assert _names(merged) == ["The United States Geological Survey"] * 2 + ["Seacom"] * 2 + ["David Witt"] * 2
    assert merged[4].speaker.role == "fire chief"  # only the name changes


def test_a_statement_that_opens_with_the_old_name_takes_the_new_one():
    claim = _claim("the Geological Survey").model_copy(update={"statement": "the Geological Survey: Aftershocks rattled"})
    other = _claim("The United States Geological Survey").model_copy(update={"statement": "the Geological Survey said so"})
    merged = merge_story_speakers([claim, other])
    assert [c.statement for c in merged] == ["The United States Geological Survey: Aftershocks rattled",
                                             "the Geological Survey said so"]  # a statement in its own words stays


def test_a_surname_that_is_also_a_title_word_takes_the_full_name():
    # "White" (also a word of "the White House") written bare, as a surname is
    claims = [_claim("White"), _claim("Prosecutor Terry White"), _claim("King"), _claim("Ed King")]
    assert _names(merge_story_speakers(claims)) == ["Prosecutor Terry White"] * 2 + ["Ed King"] * 2
    # partners: with an article it is a body, and a body is no person's surname
    claims = [_claim("the House"), _claim("the White House"), _claim("House"), _claim("the poll"),
              _claim("the Quinnipiac poll")]
    assert _names(merge_story_speakers(claims)) == _names(claims)


def test_ambiguous_short_names_and_anonymous_speakers_stay_as_written():
    claims = [_claim("Clinton"), _claim("Hillary Clinton"), _claim("Bill Clinton"),
              _claim("officials", anonymous=True), _claim("senior officials", anonymous=True)]
    assert _names(merge_story_speakers(claims)) == _names(claims)
    assert merge_story_speakers([]) == []


def test_the_daily_briefing_names_the_geological_survey_once_per_story():
    d = daily(quake_day())
    names = {c.speaker.name for c in d.stories[0].claims if c.speaker}
    assert "the Geological Survey" not in names and "The United States Geological Survey" in names


def test_a_note_that_only_repeats_a_shown_difference_is_left_out_of_every_view():
    from briefing.daily import daily_to_html, daily_to_markdown, daily_to_slack
    from briefing.daily.terminal import daily_to_text
    from briefing.daily.view import report_notes

    d = daily(quake_day())
    [contested] = [c for c in d.stories[0].claims if c.verdict == "contested"]
    second = contested.reports[1]
    assert "140 ≠ 200" in second.notes and report_notes(second) == [n for n in second.notes if n != "140 ≠ 200"]
    views = [daily_to_markdown(d), daily_to_slack(d), daily_to_html(d), daily_to_text(d)]
    assert all("140 ≠ 200" not in v for v in views) and all("140" in v and "200" in v for v in views)
    # its partner: a note that says more than the difference stays
    kept = second.model_copy(update={"notes": ["140 ≠ 200 (the same qualifier, another figure)"]})
    assert report_notes(kept) == kept.notes
