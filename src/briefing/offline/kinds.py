"""Classify a claim as fact, opinion, prediction, demand, denial or accusation from cue words."""

from __future__ import annotations

import re

from briefing.core.models import ClaimKind

# Cue verbs that decide the kind on their own, checked first.
_CUE_KINDS = [
    (ClaimKind.denial, r"den(?:y|ies|ied)|refut|dismiss|reject|disput|rebuff"),
    (ClaimKind.accusation, r"accus|blam|condemn|critici[sz]|attack|slam|blast|lambast|fault|chid|berat|scold|mock"),
    (ClaimKind.demand, r"urg|demand|call(?:s|ed|ing)?\s+(?:for|on)|press"),
    (ClaimKind.prediction, r"predict|warn|expect|forecast|estimat|caution"),
    (ClaimKind.opinion, r"believ|think|argu|suggest|insist|contend|assert|feel|hop(?:e|es|ed|ing)\b|prais|commend|\bcall(?:s|ed)$"),
]

# Words in the content itself, checked when the cue is neutral ("said").
_CONTENT_KINDS = [
    (ClaimKind.denial, r"\b(?:nonsense|not\s+true|untrue|baseless|false|fake\s+news|never\s+(?:said|did))\b"),
    (ClaimKind.accusation, r"\b(?:accus\w*|blam\w*|fault|lied|lying|responsible\s+for)\b"),
    (ClaimKind.demand, r"\b(?:must|should|need\s+to|needs\s+to|have\s+to|has\s+to|urge\w*|demand\w*)\b"),
    (ClaimKind.prediction, r"\b(?:will|would|could|may|might|going\s+to|likely|expect\w*)\b"),
    (ClaimKind.opinion, r"\b(?:I\s+think|I\s+believe|we\s+believe|in\s+my\s+view|problem|good|bad|great|wrong|right)\b"),
]


def classify(cue: str | None, content: str, *, direct: bool) -> ClaimKind:
    """The kind of a claim: the cue verb first, then words in the content, then a default.

    Direct quotes default to opinion (a voice, not a finding); everything else to fact.
    """
    for kind, pattern in _CUE_KINDS:
        if cue and re.search(pattern, cue, re.IGNORECASE):
            return kind
    for kind, pattern in _CONTENT_KINDS:
        if re.search(pattern, content, re.IGNORECASE if kind is not ClaimKind.opinion else 0):
            return kind
    return ClaimKind.opinion if direct else ClaimKind.fact


# The kind of a stated intention, by its verb's lemma (``offline.intentions``): a request is a
# demand, a plan, promise or expectation a prediction, a hope or readiness an opinion, and a
# decision, agreement, refusal or attempt a fact about what the source did.
_INTENTION_KINDS = {
    ClaimKind.demand: "urge encourage ask press call_on call_for propose warn tell advise implore order "
                      "instruct",
    ClaimKind.prediction: "expect plan intend aim promise pledge vow threaten",
    ClaimKind.opinion: "hope want wish willing determined eager reluctant",
    ClaimKind.fact: "agree refuse decline decide seek offer",
}
_KIND_OF_INTENTION = {lemma.replace("_", " "): kind for kind, lemmas in _INTENTION_KINDS.items()
                      for lemma in lemmas.split()}


def intention_kind(lemma: str) -> ClaimKind:
    """The kind of an intention claim from its verb's lemma ("urge" is a demand, "expect" a
    prediction, "hope" an opinion, "refuse" a fact); a lemma not listed is a fact."""
    return _KIND_OF_INTENTION.get(lemma, ClaimKind.fact)
