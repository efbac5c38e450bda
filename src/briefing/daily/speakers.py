"""One name per speaker in a story: the outlets of a story name the same person or body in
different forms ("SEACOM" and "Seacom", "the Geological Survey" and "the United States
Geological Survey", "Witt" and "David Witt"). Each story claim's speaker takes the one name the
story knows them by, with the rules that merge names within an article (``merge_names``)."""

from __future__ import annotations

from briefing.daily.models import StoryClaim
from briefing.offline.names import merge_names


def merge_story_speakers(claims: list[StoryClaim]) -> list[StoryClaim]:
    """``claims`` with each named speaker under the story's one name for them; anonymous speakers
    ("officials") and names that fit two longer names ("Clinton": Hillary or Bill) stay as written."""
    names = merge_names(c.speaker for c in claims if c.speaker is not None)
    return [_renamed(c, names[c.speaker.name])
            if c.speaker is not None and names.get(c.speaker.name, c.speaker.name) != c.speaker.name else c
            for c in claims]


def _renamed(claim: StoryClaim, name: str) -> StoryClaim:
    """``claim`` with its speaker called ``name``, in the statement too when it opens with the
    old name ("the Geological Survey: Aftershocks ...", as the offline extractor writes it)."""
    assert claim.speaker is not None
    old = claim.speaker.name + ": "
    statement = name + ": " + claim.statement[len(old):] if claim.statement.startswith(old) else claim.statement
    return claim.model_copy(update={"speaker": claim.speaker.model_copy(update={"name": name}), "statement": statement})
