"""The daily views a reader gets: the top N claims per story numbered 1..N, a count of the rest,
"Also reported" at the end, valid CommonMark past claim 9 (checked by rendering it with
markdown-it), wrapped plain text, Slack mrkdwn, correct plurals, and ``briefing daily``'s
``--max-claims`` and ``--format``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from typer.testing import CliRunner

from briefing import daily
from briefing.cli.app import app
from briefing.core.errors import ConfigurationError
from briefing.core.models import Difference
from briefing.core.wording import plural
from briefing.daily import ViewOptions, daily_to_html, daily_to_markdown, daily_to_slack
from briefing.daily.markdown import block_safe, wrap
from briefing.daily.models import (
    CitedSentence,
    Report,
    Source,
    Story,
    StoryDispute,
    StoryPosition,
)
from briefing.daily.slack import escape_slack
from daily_fixtures import hand_day, quake_day, story_claim

runner = CliRunner()

HOSTILE = ["1. fake item", "# fake heading", "- fake bullet", "+ plus", "> fake quote", "<script>alert(1)</script>",
           "https://evil.example/bare", "www.evil.example/login", "[click](https://evil.example/x)", "&amp; &lt;b&gt;",
           "**bold**", "`code`", "---", "===", "| a | b |", "<!channel>", "@here", "10) other", "![img](https://e.x/i.png)"]
URLS = {"a": "https://desert.example/a", "b": "https://valley.example/b", "c": "https://state.example/c"}
OUTLETS = {"a": "Desert Sun", "b": "Valley Post", "c": "State News", "lone": "Harbour Gazette"}


def _big_day(claims: int = 12, hostile: bool = False):
    """One three-outlet story with ``claims`` claims (the first two shared), one lone story."""
    made = [story_claim(f"claim {k}: {HOSTILE[k % len(HOSTILE)] if hostile else 'words'}",
                        ["a", "b"] if k < 2 else ["a"], speaker=f"Speaker {k}") for k in range(claims)]
    made[0].reports[1].notes.append("140 ≠ 200 (the same qualifier, another figure)")  # says more than the difference: shown
    made[0].reports[1].differences.append(Difference("140", "200"))
    big = Story(id="story-1", headline="Ridgecrest quake" + (" " + " ".join(HOSTILE) if hostile else ""),
                summary="An earthquake." + (" " + " ".join(HOSTILE) if hostile else ""), articles=["a", "b", "c"],
                claims=made, summary_sentences=[CitedSentence(text="Quake.", claims=[1, claims])])
    lone = Story(id="story-2", headline="Harbour festival opens" + (" <b>" if hostile else ""), summary="Boats.",
                 articles=["lone"], claims=[story_claim("Boats sail", ["lone"])])
    urls = {**URLS, "lone": "https://harbour.example/fest"}
    return hand_day([lone, big], OUTLETS, urls)


def _tree(markdown: str, preset: str = "commonmark") -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt(preset).enable("table" if preset == "gfm-like" else []).parse(markdown))


def _walk(node: SyntaxTreeNode):
    yield node
    for child in node.children:
        yield from _walk(child)


def _claim_lists(tree: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    return [n for n in _walk(tree) if n.type == "ordered_list"]


def _links(tree: SyntaxTreeNode) -> list[str]:
    return [str(n.attrs["href"]) for n in _walk(tree) if n.type == "link"]


# --------------------------------------------------------------------------------- plurals
def test_every_view_says_one_story_from_one_article():
    d = daily([quake_day()[0]])
    md, html, slack = daily_to_markdown(d), daily_to_html(d), daily_to_slack(d)
    for text in (md, html, slack):
        assert "1 story from 1 article" in text and "stories" not in text.split("from")[0] and "(s)" not in text
    assert "*1 article: Desert Sun*" in md and ">1 article:" in html
    assert not any("1 articles" in text or "1 stories" in text for text in (md, html, slack))
    two = daily(quake_day())
    assert "2 stories from 5 articles" in daily_to_markdown(two) and "2 stories from 5 articles" in daily_to_html(two)


# --------------------------------------------------------------------------------- top N
def test_views_show_the_top_n_claims_numbered_without_gaps_and_count_the_rest():
    d = _big_day(12)
    for n, rest in ((8, 4), (3, 9), (12, 0), (20, 0)):
        tree = _tree(daily_to_markdown(d, max_claims=n))
        [claims] = _claim_lists(tree)
        items = [c for c in claims.children if c.type == "list_item"]
        assert [i.info for i in items] == [str(k) for k in range(1, min(n, 12) + 1)]
        md = daily_to_markdown(d, max_claims=n)
        assert (f"…and {plural(rest, 'more claim')} in the JSON" in md) == bool(rest)
        html = daily_to_html(d, max_claims=n)
        assert html.count('<li id="story-1-c') == min(n, 12)
        assert (f"…and {plural(rest, 'more claim')} in the JSON" in html) == bool(rest)
        assert (f"…and {plural(rest, 'more claim')} in the JSON" in daily_to_slack(d, max_claims=n)) == bool(rest)
    assert "…and 1 more claim in the JSON" in daily_to_markdown(d, max_claims=11)
    assert len(d.stories[1].claims) == 12  # the model keeps every claim


def test_the_default_is_eight_claims_and_zero_shows_headlines_and_counts():
    d = _big_day(12)
    assert ViewOptions().max_claims == 8
    assert daily_to_markdown(d) == daily_to_markdown(d, max_claims=8) == daily_to_markdown(d, ViewOptions(8))
    md = daily_to_markdown(d, max_claims=0)
    assert _claim_lists(_tree(md)) == [] and "…and 12 more claims in the JSON" in md
    with pytest.raises(ConfigurationError):
        daily_to_markdown(d, max_claims=-1)


def test_a_citation_of_a_claim_not_shown_is_not_a_link_in_html():
    html = daily_to_html(_big_day(12), max_claims=3)
    assert 'href="#story-1-c1">[1]</a>' in html and "[12]" in html and 'href="#story-1-c12"' not in html
    assert 'href="#story-1-c12">[12]</a>' in daily_to_html(_big_day(12), max_claims=12)


# ----------------------------------------------------------------------------- also reported
def test_a_lone_story_is_also_reported_one_line_with_its_outlet_after_the_main_stories():
    d = _big_day(3)
    md = daily_to_markdown(d)
    assert md.index("## 1. Ridgecrest quake") < md.index("## Also reported") < md.index("## Sources")
    assert "- [Harbour festival opens](<https://harbour.example/fest>) · Harbour Gazette\n" in md
    assert "## 2." not in md and "Boats sail" not in md
    html = daily_to_html(d)
    also = html[html.index("<h3>Also reported</h3>"):html.index("<h3>Sources</h3>")]
    assert '<a href="https://harbour.example/fest">Harbour festival opens</a>' in also and "Harbour Gazette" in also
    assert "Boats sail" not in html and html.count("Harbour festival opens") == 1  # not in the contents either
    slack = daily_to_slack(d)
    assert "*Also reported*\n• <https://harbour.example/fest|Harbour festival opens> · Harbour Gazette" in slack


def test_no_also_reported_section_without_lone_stories():
    d = daily(quake_day())
    for text in (daily_to_markdown(d), daily_to_html(d), daily_to_slack(d)):
        assert "Also reported" not in text


# ------------------------------------------------------------------------------ CommonMark
@pytest.mark.parametrize("preset", ["commonmark", "gfm-like"])
def test_claims_past_nine_keep_their_list_and_their_nested_reports(preset):
    d = _big_day(12)
    tree = _tree(daily_to_markdown(d, max_claims=12), preset)
    [claims] = _claim_lists(tree)
    items = [c for c in claims.children if c.type == "list_item"]
    assert [i.info for i in items] == [str(k) for k in range(1, 13)]
    for k, item in enumerate(items):
        reports = [c for c in item.children if c.type == "bullet_list"]
        assert len(reports) == 1 and len(reports[0].children) == (2 if k < 2 else 1), k
    note = [n for n in _walk(items[0]) if n.type == "bullet_list"]
    assert len(note) == 2  # the note is nested inside its report, inside claim 1


def _hostile_day():
    """The big day with hostile text where a line starts: the summary, an outlet with no link, a
    dispute's assertion and party, a note, a warning."""
    d = _big_day(12, hostile=True)
    big = d.stories[1]
    dispute = StoryDispute(assertion="1. the target", positions=[
        StoryPosition(party="# Party", stance="denies", article="c", evidence="- no")])
    big = big.model_copy(update={"summary": "1. fake item " + big.summary, "disputes": [dispute], "summary_sentences": [],
                                 "claims": [*big.claims, story_claim("by no link", ["nolink"])]})
    big.claims[0].reports[1].notes.append("- a note")
    sources = [*d.sources, Source(id="nolink", source="- Outlet # with no link")]
    return d.model_copy(update={"stories": [d.stories[0], big], "sources": sources, "warnings": ["> warning"]})


def test_hostile_text_opens_no_block_no_html_and_no_link():
    d = _hostile_day()
    md = daily_to_markdown(d, max_claims=13)
    for preset in ("commonmark", "gfm-like"):
        tree = _tree(md, preset)
        types = {n.type for n in _walk(tree)}
        assert not types & {"html_block", "html_inline", "blockquote", "hr", "table", "image", "code_inline"}
        emphasis = [n.children[0].content for n in _walk(tree) if n.type == "em"]  # the meta lines only
        assert emphasis and all(re.match(r"(\d+ articles?: |…and \d+ more claims?)", e) for e in emphasis), emphasis
        headings = [n for n in _walk(tree) if n.type == "heading"]
        assert [h.tag for h in headings] == ["h1", "h2", "h2", "h2", "h2"]  # title, story, also, sources, notes
        assert len(_claim_lists(tree)) == 1
        assert len([n for n in _walk(tree) if n.type == "bullet_list"]) == 13 + 1 + 2 + 1 + 1 + 1
        # a report list per claim, the notes, the dispute and its positions, also reported, sources, notes
        wanted = {*URLS.values(), "https://harbour.example/fest"}
        assert set(_links(tree)) <= wanted and "https://desert.example/a" in _links(tree)
        strong = [n for n in _walk(tree) if n.type == "strong"]
        assert all(s.children[0].content in ("Claims", "Disputed", "corroborated", "one source") for s in strong)
    text = MarkdownIt("commonmark").render(md)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    assert "&amp;amp; &amp;lt;b&amp;gt;" in text  # the entity stays as written, not decoded


@pytest.mark.parametrize("line, safe", [("1. x", "1\\. x"), ("10) x", "10\\) x"), ("# x", "\\# x"), ("- x", "\\- x"),
                                        ("+ x", "\\+ x"), ("= x", "\\= x"), ("| x", "\\| x"), ("1 x", "1 x"),
                                        ("x 1. y", "x 1. y"), ("2024 ended", "2024 ended"), ("", "")])
def test_a_line_start_that_would_open_a_block_is_escaped(line, safe):
    assert block_safe(line) == safe


def test_wrapping_breaks_at_words_before_safe_words_only():
    text = "alpha beta 1. gamma - delta # epsilon " + "w" * 30
    lines = wrap("12. ", text, 4, 16)
    assert lines[0].startswith("12. alpha") and all(line.startswith("    ") for line in lines[1:])
    assert all(not re.match(r"\s*(\d+[.)]|[-#+=|>])(\s|$)", line[4:]) for line in lines[1:])
    assert "".join(line.strip() + " " for line in lines).split() == ["12."] + text.split()
    assert wrap("- ", text, 2, None) == ["- " + text]


_WORDS = st.sampled_from(["word", "Ridgecrest", "1.", "10)", "-", "#", "+", ">", "=", "|", "***", "`x`", "[a](b)",
                          "<b>", "&amp;", "https://e.example/x", "www.e.example", "_x_", "—", "“quoted”", "12", ":"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=30), st.integers(min_value=12, max_value=40))
def test_wrapping_changes_no_structure_and_no_words(words, width):
    text = " ".join(words)
    d = hand_day([Story(id="s", headline="H", summary=text, articles=["a", "b"],
                        claims=[story_claim(text, ["a", "b"], speaker=text), story_claim(text, ["a"])])],
                 {"a": text, "b": None}, {"a": "https://desert.example/a"})
    wide = MarkdownIt("commonmark").parse(daily_to_markdown(d, width=None))
    narrow_md = daily_to_markdown(d, width=width)
    narrow = MarkdownIt("commonmark").parse(narrow_md)
    assert [(t.type, t.info) for t in narrow] == [(t.type, t.info) for t in wide]
    for a, b in zip(narrow, wide, strict=True):
        if a.type == "inline":
            assert _inline(a) == _inline(b)


def _inline(token) -> list[tuple[str, str]]:
    """An inline token's children as (type, text), soft breaks read as spaces and texts merged."""
    merged: list[tuple[str, str]] = []
    for child in token.children or []:
        kind, content = ("text", " ") if child.type == "softbreak" else (child.type, child.content)
        if kind == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + content)
        else:
            merged.append((kind, content))
    return [(k, " ".join(c.split()) if k == "text" else c) for k, c in merged]


def test_markdown_reads_as_plain_text_lines_within_the_width():
    md = daily_to_markdown(daily(quake_day()))
    assert [line for line in md.splitlines() if len(line) > 80 and not line.startswith("#")] == []
    assert "&amp;" not in md and "&#" not in md and "<" not in md.replace("(<https://", "")
    assert max(len(line) for line in daily_to_markdown(daily(quake_day()), width=None).splitlines()) > 80


# ------------------------------------------------------------------------------------ Slack
def test_slack_escapes_and_links_and_defuses_mentions():
    assert escape_slack("a & b <c> <!channel> @here @Everyone @channel1 mail@here.example (@here.)") == (
        "a &amp; b &lt;c&gt; &lt;!channel&gt; @\u2060here @\u2060Everyone @channel1 mail@here.example (@\u2060here.)")
    d = _big_day(12, hostile=True)
    slack = daily_to_slack(d, max_claims=12)
    assert "<script>" not in slack and "<!channel>" not in slack and "&lt;!channel&gt;" in slack
    links = re.findall(r"<([^<>|]+)\|([^<>]*)>", slack)
    assert {u for u, _ in links} <= {*URLS.values(), "https://harbour.example/fest"}
    assert all(re.fullmatch(r"<[^<>|]+\|[^<>]*>", m) for m in re.findall(r"<[^>]*>", slack))  # no other < … >
    assert re.search(r"^\*1\. Ridgecrest quake ", slack, re.MULTILINE)
    numbers = [int(m) for m in re.findall(r"^(\d+)\. \*", slack, re.MULTILINE)]
    assert numbers == list(range(1, 13))
    assert "<https://desert.example/a|Desert Sun>" in slack and "[click](https:\u2060//evil.example/x)" in slack
    assert not re.search(r"(?i)https?://evil|www\.evil", slack)  # a bare URL in article text links nowhere
    assert escape_slack("see https://e.x/a, HTTP://E.X and www.e.x; swww.x https:x") == (
        "see https:\u2060//e.x/a, HTTP:\u2060//E.X and www\u2060.e.x; swww.x https:x")


def test_slack_formatting_marks_in_article_text_stay_marks():
    j = "\u2060"
    assert escape_slack("This is *the* best _plan_ by ~2027~, `rm`") == (
        f"This is {j}*{j}the{j}*{j} best {j}_{j}plan{j}_{j} by {j}~{j}2027{j}~{j}, {j}`{j}rm{j}`{j}")
    d = hand_day([Story(id="s", headline="A *bold* claim", summary="S", articles=["a", "b"],
                        claims=[story_claim("x *y* z", ["a", "b"])])], {"a": "A_1", "b": "Bee"}, {})
    slack = daily_to_slack(d)
    assert "*1. A \u2060*\u2060bold\u2060*\u2060 claim*" in slack  # the view's own bold holds the headline's marks
    assert not re.search(r"(?<!\u2060)\*bold|bold\*(?!\u2060)", slack)
    assert escape_slack("plain words, no marks") == "plain words, no marks"


def test_slack_keeps_only_web_links():
    d = hand_day([Story(id="s", headline="H", summary="S", articles=["a", "b"],
                        claims=[story_claim("x y", ["a", "b"])])], {"a": "A|B", "b": "Bee"},
                 {"a": "javascript:alert(1)", "b": "https://x.example/p|q>r"})
    slack = daily_to_slack(d)
    assert "javascript" not in slack and "<https://x.example/p%7Cq%3Er|Bee>" in slack and "A|B:" in slack


# --------------------------------------------------------------------------------- the CLI
def _folder(tmp_path):
    tmp_path.mkdir(parents=True)
    for article in quake_day():
        front = "".join(f"{k}: {v}\n" for k, v in (("source", article.source), ("url", article.url)) if v)
        (tmp_path / f"{article.id}.md").write_text(f"---\n{front}---\n{article.text}", encoding="utf-8")
    return tmp_path


def test_cli_max_claims_is_the_claims_shown_per_story_offline_too(tmp_path, no_llm_env):
    folder = _folder(tmp_path / "news")
    result = runner.invoke(app, ["daily", "--offline", "--max-claims", "1", "--format", "markdown", str(folder)])
    assert result.exit_code == 0, result.output
    lists = _claim_lists(_tree(result.stdout))
    assert [len(x.children) for x in lists] == [1, 1] and "more claims in the JSON" in result.stdout
    everything = runner.invoke(app, ["daily", "--offline", "--max-claims", "1", "--json", str(folder)])
    full = runner.invoke(app, ["daily", "--offline", "--json", str(folder)])
    assert everything.stdout == full.stdout  # the JSON keeps every claim
    default = runner.invoke(app, ["daily", "--offline", str(folder)])
    assert default.stdout == runner.invoke(app, ["daily", "--offline", "--max-claims", "8", str(folder)]).stdout


def test_cli_max_claims_help_names_the_view_and_the_default():
    result = runner.invoke(app, ["daily", "--help"], env={"COLUMNS": "200", "TERM": "dumb"})
    text = " ".join(result.stdout.split())
    assert "Claims shown per story" in text and "--format" in text and "slack" in text
    assert re.search(r"default: 8\b", text)


def test_cli_format_slack_to_stdout_and_to_any_file(tmp_path, no_llm_env):
    folder = _folder(tmp_path / "news")
    result = runner.invoke(app, ["daily", "--format", "slack", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("*Daily briefing") and "<https://desert.example/quake|Desert Sun>" in result.stdout
    out = tmp_path / "post.txt"
    written = runner.invoke(app, ["daily", "--format", "slack", "--out", str(out), str(folder)])
    assert written.exit_code == 0 and out.read_text(encoding="utf-8") == result.stdout
    assert "2 stories from 5 articles" in written.stderr
    html = runner.invoke(app, ["daily", "--format", "html", str(folder)])
    assert html.stdout.startswith("<!DOCTYPE html>")


def test_cli_a_suffix_without_a_format_and_two_stdout_formats_are_usage_errors(tmp_path, no_llm_env):
    folder = _folder(tmp_path / "news")
    result = runner.invoke(app, ["daily", "--out", str(tmp_path / "post.txt"), str(folder)])
    assert result.exit_code == 2 and "--format" in result.stderr
    both = runner.invoke(app, ["daily", "--json", "--format", "slack", str(folder)])
    assert both.exit_code == 2 and "--json" in both.stderr and both.stdout == ""
    json_twice = runner.invoke(app, ["daily", "--json", "--format", "json", str(folder)])
    assert json_twice.exit_code == 0 and json_twice.stdout.startswith("{")


def test_report_differences_render_in_every_view():
    d = _big_day(3)
    assert "(differs: “140” → “200”)" in daily_to_markdown(d, width=None) and "(differs: “140” → “200”)" in daily_to_slack(d)
    assert isinstance(d.stories[1].claims[0].reports[1], Report)


def test_cli_max_claims_in_daily_never_caps_the_model_extraction(monkeypatch, no_llm_env):
    import briefing.cli.daily as command

    seen = {}

    def capture(arguments, run, **kwargs):
        seen.update(run=run, view=kwargs["view"])
        return 0

    monkeypatch.setattr(command, "run_daily", capture)
    result = runner.invoke(app, ["daily", "--max-claims", "3", "x.txt"])
    assert result.exit_code == 0, result.output
    assert seen["run"].max_claims is None and seen["view"].max_claims == 3  # the model keeps its default cap
    runner.invoke(app, ["daily", "x.txt"])
    assert seen["view"].max_claims == 8


# ---------------------------------------------------------------------------- the outlet line
def _wide_story_day(n: int):
    ids = [f"a{k}" for k in range(n)]
    return hand_day([Story(id="s", headline="H", summary="S", articles=ids,
                           claims=[story_claim("x y z", ids[:2])])], {a: f"Outlet {a}" for a in ids})


def test_the_outlet_line_names_three_outlets_and_counts_the_rest():
    from briefing.daily.terminal import daily_to_text
    from briefing.daily.view import DEFAULT_MAX_OUTLETS, listed_articles, more_outlets

    assert DEFAULT_MAX_OUTLETS == ViewOptions().max_outlets == 3
    d = _wide_story_day(21)
    assert listed_articles(d.stories[0]) == (["a0", "a1", "a2"], 18)
    assert more_outlets(18) == " and 18 more" and more_outlets(0) == ""
    line = "21 articles: Outlet a0, Outlet a1, Outlet a2 and 18 more"
    assert line in " ".join(daily_to_markdown(d, width=None).split())
    assert line in " ".join(daily_to_text(d).split())
    assert line in daily_to_slack(d)
    for view in (daily_to_markdown(d, width=None), daily_to_slack(d)):
        [outlets] = [x for x in view.split("\n") if "21 articles:" in x]
        assert "Outlet a3" not in outlets
    html = daily_to_html(d)
    more = re.search(r'<details class="outlets"><summary>and 18 more</summary>(.*?)</details>', html, re.DOTALL)
    assert more and more.group(1).count("Outlet a") == 18  # the page keeps every outlet, folded
    three = _wide_story_day(3)
    assert "_3 articles: Outlet a0, Outlet a1, Outlet a2_" in daily_to_slack(three).split("\n")
    assert "<details" not in daily_to_html(three)
    wider = daily_to_markdown(d, ViewOptions(max_outlets=20), width=None)
    assert "Outlet a19 and 1 more" in " ".join(wider.split())
    with pytest.raises(ConfigurationError, match="max_outlets must be 1 or more"):
        ViewOptions(max_outlets=0)


def test_a_source_without_title_or_outlet_is_named_by_its_id_once_in_every_view():
    from briefing.daily.models import DailyBriefing
    from briefing.daily.terminal import daily_to_text
    from briefing.daily.view import source_line

    bare = Source(id="art-009", published="2026-12-06")
    titled = Source(id="art-012", title="Dam holds", source="Valley Post")
    assert source_line(bare) == ("art-009", ["2026-12-06"])
    assert source_line(titled) == ("Dam holds", ["Valley Post", "art-012"])
    assert source_line(Source(id="art-013", source="Valley Post")) == ("Valley Post", ["art-013"])
    day = DailyBriefing(title="Day", date="2026-12-06", stories=[], sources=[bare, titled])
    md = daily_to_markdown(day)
    assert "- art-009 (2026-12-06)" in md and md.count("art-009") == 1
    html = daily_to_html(day)
    sources = html[html.index('<ul class="sources">'):]
    assert sources.count("art-009") == 2  # the anchor id and the label, never the label twice
    assert daily_to_text(day).count("art-009") == 1
