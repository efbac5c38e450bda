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
    speakers = [c.speaker for c in claims if c.speaker is not None]
    names = merge_names(speakers)
    return [c.model_copy(update={"speaker": c.speaker.model_copy(update={"name": names[c.speaker.name]})})
            if c.speaker is not None and names.get(c.speaker.name, c.speaker.name) != c.speaker.name else c
            for c in claims]
