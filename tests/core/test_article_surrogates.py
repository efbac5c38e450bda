"""``Article`` replaces lone surrogates (legal in JSON and Python strings, not in UTF-8) with
U+FFFD, one for one, so offsets keep their meaning and the article can always be written out."""

from __future__ import annotations

from briefing import Article


def test_an_article_replaces_lone_surrogates_one_for_one():
    article = Article(text="a\ud800b\udfffc", title="t\ud83d", source="s", labels={"k\udc00": "v\ud800"})
    assert article.text == "a\ufffdb\ufffdc" and article.title == "t\ufffd"
    assert article.labels == {"k\ufffd": "v\ufffd"}
    assert Article(text="a\U0001f600b").text == "a\U0001f600b"  # the partner: a real pair stays
