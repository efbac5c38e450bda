"""Direct quotes and their speakers, in every arrangement news uses.

``X said: "..."``, ``"...," X said``, ``"...," said X, the role``, ``X told AFP: "..."``, a quote
split around its cue, and a quote that carries on from the previous one without a new cue.
Short quoted fragments inside a sentence ("dismissed it as "nonsense"") are left to the
reported-speech rules, which attribute the whole clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from briefing.offline.cues import ADVERBIAL, CUE, NAMING, QUOTE_CUE
from briefing.offline.lead_ins import lead_in_speaker, source_before
from briefing.offline.phrases import phrase_after
from briefing.offline.sourcing import (
    Attributed,
    Speaker,
    audience_end,
    is_person_like,
    outlet_audience,
    parse_speaker,
)
from briefing.text.edges import chars_before
from briefing.text.marks import Quote, find_quotes
from briefing.text.sentences import is_abbreviation, paragraphs

# Before the quote: the window ends with a cue, maybe an audience, then ":" or ",". The
# quote-only verbs count here too ('She continued: "..."'): only an adverbial may stand between
# them and the quote, so 'Trump continued to attack her, "..."' is none.
_CUE_BEFORE = re.compile(
    QUOTE_CUE + r"(?P<tail>[^“”\"]{0,40}?)" + r"\s*[:,]?\s*(?:that\s+)?$", re.VERBOSE
)

# After the quote: the source then the cue ("," Trump said), or the cue then the source.
_CUE_AT = re.compile(r"\s*" + QUOTE_CUE + ADVERBIAL, re.VERBOSE)
_CUE_ANY = re.compile(QUOTE_CUE, re.VERBOSE)
_CUE_FIRST = re.compile(r"[\s,—–-]*" + CUE + r"\s+", re.VERBOSE)
_DASH = re.compile(r"[ \t]*(?P<cue>[―—])[ \t]*(?=[A-Z])")
# A party and state label after a lawmaker's name: 'Sen. Claire McCaskill (D-Mo.) said'.
_PARTY = re.compile(r"\s*\((?:[RDI]|[RDI]-[A-Z][A-Za-z. ]{1,14})\)")
_ROLE_AFTER = re.compile(r"\s*,\s*(?P<role>(?:an?|the)\s+[^,.;“”\"]{2,80}?|[a-z][^,.;“”\"]{2,80}?)\s*[.,;]")


# The word before a period that ends no sentence: a title or an initial ('Mr.', 'Sen.', 'J.').
_TITLE_OR_INITIAL = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}$")


def _window_before(text: str, quote: Quote, floor: int) -> tuple[int, int]:
    """From the start of the sentence (or the previous quote) to the opening mark; the period of
    a title or an initial ('Mr. King's programming') ends no sentence."""
    start = floor
    for match in re.finditer(r"[.!?][”\"’]?\s+", text[floor:quote.open]):
        stop = floor + match.start()
        if text[stop] != "." or not (is_abbreviation(text, stop) and _TITLE_OR_INITIAL.search(
                text, max(0, stop - 5), stop)):
            start = floor + match.end()
    return start, quote.open


def _window_after(text: str, quote: Quote, ceiling: int) -> tuple[int, int]:
    """From the closing mark to the end of the clause that follows it.

    The period of a title or an initial ('," Mr. Podesta said', '," said John F. Kerry') does
    not end the clause: news style puts honorifics before names in most attributions. Nor does
    a period followed by a comma ('," Sen. Ana Ruiz, D-Ore., said').
    """
    for match in re.finditer(r"[.!?;]", text[quote.close:ceiling]):
        stop = quote.close + match.start()
        if text[stop] == "." and (is_abbreviation(text, stop) or text[stop + 1:stop + 2] in (",", ")")):
            continue
        return quote.close, stop + 1
    return quote.close, ceiling


def _speaker_after(text: str, start: int, end: int) -> tuple[Speaker, int, str] | None:
    """'"...," Trump said', '"...," he added', '"...," said Jamie Shea, a former official',
    and a byline dash ('"..." ― Pamela Padilla')."""
    if (dash := _DASH.match(text, start, end)) is not None:
        phrase = phrase_after(text, dash.end(), end)
        if phrase is not None:
            return parse_speaker(phrase.text), phrase.start, dash.group("cue")
    if (first := _CUE_FIRST.match(text, start, end)) is not None:
        phrase = phrase_after(text, first.end(), end)
        if phrase is not None:
            role = _ROLE_AFTER.match(text, phrase.end, end)
            speaker = parse_speaker(phrase.text, role=role.group("role") if role else None)
            return speaker, phrase.start, first.group("cue")
    lead = re.match(r"[\s,—–-]*", text[start:end])
    begin = start + (lead.end() if lead else 0)
    if begin >= end or text[begin] in "“\"":
        return None
    phrase = phrase_after(text, begin, end)
    party = _PARTY.match(text, phrase.end, end) if phrase is not None else None
    cue = _CUE_AT.match(text, party.end() if party else phrase.end, end) if phrase is not None else None
    if phrase is None or cue is None:
        return _described_source_after(text, begin, end)
    via = outlet_audience(text, cue.end("cue"), end)
    speaker = parse_speaker(phrase.text)
    if via:
        speaker = speaker.model_copy(update={"via": via})
    return speaker, phrase.start, cue.group("cue")


def _described_source_after(text: str, begin: int, end: int) -> tuple[Speaker, int, str] | None:
    """A source phrase with a description between the quote and the cue: '"...," the New York
    businessman said', '"...," Ana Ruiz, the city's mayor, said', '"...," Ana Ruiz, who led the
    inquiry, said'. News style often describes a speaker at first mention; the first cue of the
    clause must have its source phrase start right after the quote."""
    for cue in _CUE_ANY.finditer(text, begin, min(end, begin + 200)):
        found = source_before(text, cue.start("cue"), begin)
        if found is not None and found[1] == begin:
            break  # a cue word inside the description ('one of the states suing') is no cue
    else:
        return None
    speaker, source_start = found
    if via := outlet_audience(text, cue.end("cue"), end):
        speaker = speaker.model_copy(update={"via": via})
    return speaker, source_start, cue.group("cue")


_NAMED = re.compile(NAMING + r"$")


def _speaker_before(text: str, start: int, end: int) -> tuple[Speaker, int, str] | None:
    """'X said: "..."', 'X told AFP: "..."', 'while another added, "..."'; a name given
    ('A movie called "..."') has no speaker."""
    if _NAMED.search(text, start, end):
        return None
    match = _CUE_BEFORE.search(text, start, end)
    if match is None:
        return lead_in_speaker(text, start, end)
    tail_start = audience_end(text, match.group("cue"), match.end("cue"), end)
    tail = text[tail_start:end]
    if not re.fullmatch(r"(?:" + ADVERBIAL + r")?\s*[:,]?\s*(?:that\s+)?", tail, re.VERBOSE):
        return lead_in_speaker(text, start, end)
    found = source_before(text, match.start("cue"), start)
    if found is None:
        return lead_in_speaker(text, start, end)
    speaker, source_start = found
    via = outlet_audience(text, match.end("cue"), end)
    if via:
        speaker = speaker.model_copy(update={"via": via})
    return speaker, source_start, match.group("cue")


def _own_statement_after(text: str, quote: Quote, hit: tuple[Speaker, int, str],
                         end: int) -> bool:
    """Whether what follows a quote that ends its own sentence ('... step back.”') is a new
    sentence with its own content ('Diplomats are reportedly urging the US to ...'), not the
    quote's attribution ('... step back,” Ana Ruiz said.')."""
    if text[quote.start:quote.end].rstrip("”’\"'")[-1:] not in (".", "!", "?"):
        return False
    cue_at = text.find(hit[2], quote.close, end)  # the attribution's own cue, not one in its description
    if cue_at < 0 or cue_at < hit[1]:
        return False
    return len(re.findall(r"\w+", text[cue_at + len(hit[2]):end])) >= 3


# A quotation right after a preposition, a possessive, "the", a demonstrative or a number is a title or a
# phrase of the sentence ('said on CBS's "Face the Nation," House Speaker Paul Ryan said the ...',
# 'The four "loopholes" he cited are ...'), not a statement.
_TITLE_BEFORE = re.compile(r"(?:\b(?:on|in|of|at|from|by|about|for|to|(?i:the|this|these|those|two|three|"
                           r"four|five|six|seven|eight|nine|ten|several))|\w[’']s)\s*$")


def _standalone(text: str, quote: Quote, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A quote that is a sentence of its own: nothing but punctuation around it."""
    return not text[before[0]:before[1]].strip() and not re.search(r"\w", text[after[0]:after[1]])


def _runs(quotes: list[Quote]) -> list[tuple[Quote, Quote]]:
    """Each quotation as (first, last) paragraph quote: a quotation that runs on over several
    paragraphs (an opening mark on each, the closing mark only on the last) is one run; any
    other quote is a run of one."""
    runs: list[tuple[Quote, Quote]] = []
    first: Quote | None = None
    for quote in quotes:
        first = first or quote
        if not quote.runs_on:
            runs.append((first, quote))
            first = None
    if first is not None:
        runs.append((first, quotes[-1]))
    return runs


def find_direct_quotes(text: str) -> list[Attributed]:
    """Attribute each quotation to its speaker; quotations with no speaker are left out.

    A quotation over several paragraphs is one claim, its speaker named before its first
    paragraph or after its last. A paragraph that is only a quotation, right after a paragraph
    whose quotation is attributed, carries on that speaker (the news continuation quote).
    """
    found: list[Attributed] = []
    paras = paragraphs(text)
    starts = [p[0] for p in paras]
    last: Attributed | None = None
    last_para = -1
    previous_close = 0
    for first, final in _runs(find_quotes(text)):
        para = max(0, bisect_right(starts, first.open) - 1)
        end_para = max(0, bisect_right(starts, final.open) - 1)
        p_start = paras[para][0]
        floor = max(p_start, previous_close if previous_close <= first.open else p_start)
        quote = Quote(first.open, final.close, first.start, final.end)
        before = _window_before(text, quote, floor)
        after = _window_after(text, quote, paras[end_para][1])
        previous_close = final.close
        hit = _speaker_after(text, *after)
        if hit is not None and (_own_statement_after(text, quote, hit, after[1])
                                or _TITLE_BEFORE.search(text, before[0], before[1])):
            hit = None
        hit = hit or _speaker_before(text, *before)
        if hit is None and last is not None and para - last_para <= 1 and _standalone(
            text, quote, before, after
        ):
            hit = (last.speaker, -1, last.cue)  # a quote carrying on from the last speaker
        if hit is None and last is not None and para == last_para and _sentence_resumes(
                text, last, quote) and _split_around_cue(text, last, True, quote, last.speaker):
            hit = (last.speaker, -1, last.cue)  # '"A," X said, referring to Y, "b."'
        if hit is None and last is not None and para - last_para <= 1 and not is_person_like(
                last.speaker) and (it := _IT_CUE.match(text, after[0], after[1])) is not None:
            hit = (last.speaker, -1, it.group("cue"))  # '"A," the Times wrote. "B," it added.'
        if hit is None and _standalone(text, quote, before, after):
            hit = _attribution_just_before(text, p_start, quote.open)  # '..., X said. "B."'
        if hit is None:
            continue
        speaker, source_start, cue = hit
        if _split_around_cue(text, last, para == last_para, quote, speaker):
            assert last is not None
            found[-1] = last = Attributed(last.start, quote.end, last.speaker, last.cue, True,
                                          last.source_start, gaps=(*last.gaps, (last.end, quote.start)))
            last_para = end_para
            continue
        last = Attributed(quote.start, quote.end, speaker, cue, True, source_start)
        last_para = end_para
        found.append(last)
    return found


# "it" and a cue right after a quotation: '"...," it added.', '"...," it further wrote.'
_IT_CUE = re.compile(r"[\s,—–-]*it\s+(?:further\s+)?" + QUOTE_CUE + ADVERBIAL + r"\s*[.,;]", re.VERBOSE)


# A sentence that ends with its attribution: '..., Ana Ruiz said on Monday.'
_CLOSING_CUE = re.compile(r",\s*(?P<source>[^,;:“”\"]{1,80}?)\s+" + QUOTE_CUE + ADVERBIAL + r"\s*\.\s*$",
                          re.VERBOSE)


def _attribution_just_before(text: str, floor: int, open_: int) -> tuple[Speaker, int, str] | None:
    """The speaker of a quotation that stands as a sentence of its own right after a sentence of
    the same paragraph that ends with its attribution ('... of the plan, Ana Ruiz said. "We will
    build it."'): the quotation carries on what that speaker said."""
    start = max(floor, open_ - 300)
    match = _CLOSING_CUE.search(text, start, open_)
    if match is None:
        return None
    found = source_before(text, match.start("cue"), match.start("source"))
    if found is None or found[1] != match.start("source"):
        return None
    return found[0], found[1], match.group("cue")


def _sentence_resumes(text: str, last: Attributed, quote: Quote) -> bool:
    """Whether ``quote`` resumes the sentence that ``last`` broke off for its attribution:
    '"Every time you say that," Ana Ruiz said, referring to the budget, "you give ammunition to
    its critics."'. The first part ends with a comma, a comma opens the second, and the second
    starts in lowercase, as the rest of one sentence does."""
    return (text[last.end:last.end + 1] == "," and last.end < last.source_start < quote.open
            and chars_before(text, quote.open, 1) == ","
            and text[quote.start:quote.start + 2].lstrip("[")[:1].islower())  # 'you', or an editor's '[y]ou'


def _split_around_cue(text: str, last: Attributed | None, same_paragraph: bool, quote: Quote,
                      speaker: Speaker) -> bool:
    """'"A," she said. "B."': one statement split around its cue, kept as one claim.

    Between the two parts stands only the attribution: one clause, however long the source's
    description ('"A," said Ana Ruiz, a lawyer who has worked on harbor cases since 1990. "B."'),
    with no sentence end inside it, so narrative between two quotations keeps them apart."""
    if last is None or not same_paragraph or last.speaker != speaker:
        return False
    if not last.end < last.source_start < quote.start:
        return False
    gap = text[last.source_start:quote.open].rstrip().rstrip("”\"’'").rstrip()
    ends = [m.start() for m in re.finditer(r"[.!?]", gap)
            if not (gap[m.start()] == "." and (
                is_abbreviation(text, last.source_start + m.start())
                or gap[m.start() + 1:m.start() + 2] in (",", ")")  # 'Wash., recently', '(D-Fla.)'
                or re.search(r"(?:^|[\s.])[A-Z]$", gap[:m.start()]) is not None))]  # 'G.K. Butterfield'
    return len(gap.split()) <= 60 and all(end >= len(gap) - 1 for end in ends) and not (
        _SECOND_STATEMENT.search(gap))


# A participle in the attribution between two quotations says the second is a statement of its
# own: '"A," X said, adding later, "B."' is two claims, '"A," X said. "B."' one.
_SECOND_STATEMENT = re.compile(r",\s*(?:(?:and|then|later)\s+)?(?:adding|continuing|noting|asking|"
                               r"saying|arguing|warning|insisting|explaining)\b")
