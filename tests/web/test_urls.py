"""briefing.web.urls: the one rule for what the library fetches, used by the fetcher and by
sources files alike."""

from __future__ import annotations

import pytest

from briefing.web.urls import url_problem
from helpers import run_examples


def test_the_docstring_examples_hold():
    assert run_examples(url_problem) == (0, 2)


@pytest.mark.parametrize("url", ["https://news.example/a.html", "http://news.example:8080/a",
                                 "https://[::1]/rss.xml", "http://127.0.0.1:65535/x",
                                 "https://" + "a" * 63 + ".example/"])
def test_fetchable_urls_have_no_problem(url):
    assert url_problem(url) is None


@pytest.mark.parametrize(("url", "start"), [
    ("ftp://news.example/a", "not an http(s) URL"),
    ("news.example/a", "not an http(s) URL"),
    ("https:///path-only", "not an http(s) URL"),
    ("http://user@/no-host", "not an http(s) URL"),
    ("https://[::1/rss.xml", "not an http(s) URL"),
    ("https://news.exa\nmple/a", "the URL holds a control character"),
    ("https://news.example/\x7f", "the URL holds a control character"),
    ("http://news.example:65536/a", "the URL's host or port cannot be resolved"),
    ("https://" + "a" * 64 + ".example/", "the URL's host or port cannot be resolved"),
])
def test_each_problem_says_what_is_wrong_and_what_to_do(url, start):
    problem = url_problem(url)
    assert problem is not None and problem.startswith(start) and ";" in problem
