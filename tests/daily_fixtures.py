"""Small hand-written articles for the daily-briefing tests: two earthquakes of the same kind
(different towns, dates and figures, shared vocabulary), outlets quoting the same words, and a
figure that differs between outlets."""

from __future__ import annotations

from briefing import Article

QUAKE_A1 = """A magnitude 6.1 earthquake struck near Ridgecrest on Tuesday, collapsing buildings and cutting power to thousands of homes.

"The shaking went on for almost a minute and we lost everything in the kitchen," said Maria Lopez, who runs a bakery on Main Street.

Kern County fire chief David Witt said 140 people were injured in Ridgecrest and crews were still searching damaged homes.

The United States Geological Survey said aftershocks were likely to continue through Thursday."""

QUAKE_A2 = """Rescue crews in Ridgecrest searched collapsed buildings on Tuesday after a magnitude 6.1 earthquake rattled Kern County.

Kern County fire chief David Witt said 200 people were injured in Ridgecrest and crews were still searching damaged homes.

"The shaking went on for almost a minute and we lost everything in the kitchen," said Maria Lopez, a Ridgecrest baker.

Aftershocks rattled the desert town through the afternoon, the Geological Survey said."""

QUAKE_A3 = """Ridgecrest counted the damage on Wednesday, a day after the magnitude 6.1 earthquake, as Kern County officials opened shelters.

"The shaking went on for almost a minute and we lost everything in the kitchen," Maria Lopez told reporters outside her bakery.

Governor Ann Marsh toured Ridgecrest and promised state money for repairs."""

QUAKE_B1 = """A magnitude 5.4 earthquake shook Eureka in Humboldt County early Saturday, damaging a bridge and cracking the harbour wall.

"We heard a roar and then the whole pier was moving," said fisherman Tom Becker, who was at the Eureka harbour at dawn.

Humboldt County sheriff Linda Cho said 12 people were treated for minor injuries and the Samoa Bridge was closed.

Aftershocks were likely over the next few days, the Geological Survey said."""

QUAKE_B2 = """Engineers inspected the Samoa Bridge in Eureka on Saturday after a magnitude 5.4 earthquake struck Humboldt County.

"We heard a roar and then the whole pier was moving," said Tom Becker, a Eureka fisherman.

Sheriff Linda Cho said 12 people were treated for minor injuries across Humboldt County.

The earthquake was felt as far away as Arcata, the Geological Survey said."""


def quake_day() -> list[Article]:
    """Five articles, two earthquakes: Ridgecrest (a1-a3) and Eureka (b1-b2), interleaved."""
    return [
        Article(id="a1", text=QUAKE_A1, source="Desert Sun", url="https://desert.example/quake", published="2026-11-25T07:00:00Z"),
        Article(id="b1", text=QUAKE_B1, source="Coast Times", url="https://coast.example/quake", published="2026-11-25T08:00:00Z"),
        Article(id="a2", text=QUAKE_A2, source="Valley Post", url="https://valley.example/a2", published="2026-11-25"),
        Article(id="b2", text=QUAKE_B2, source="North Wire", url=None, published=None),
        Article(id="a3", text=QUAKE_A3, source="State News", url="https://state.example/a3", published="2026-11-25"),
    ]


def story_claim(statement: str, articles: list[str], verdict: str | None = None, speaker: str | None = None,
                anonymous: bool = False, evidence: str | None = None):
    """A hand-made ``StoryClaim`` with one exact report per article (verdict: corroborated when
    several articles report it, else single_source, unless given)."""
    from briefing.core.models import Span, Speaker
    from briefing.daily.models import Report, StoryClaim

    words = evidence if evidence is not None else statement
    return StoryClaim(
        statement=statement, verdict=verdict or ("corroborated" if len(articles) > 1 else "single_source"),
        speaker=Speaker(name=speaker, anonymous=anonymous) if speaker else None,
        reports=[Report(article=a, evidence=words, span=Span(start=0, end=len(words)), grounding="exact")
                 for a in articles])


def hand_day(stories, outlets: dict[str, str | None], urls: dict[str, str] | None = None):
    """A ``DailyBriefing`` of hand-made ``stories``; ``outlets`` maps each article id to its outlet
    (None: no outlet), ``urls`` gives some of them a link."""
    from briefing.daily.models import DailyBriefing, Source

    urls = urls or {}
    return DailyBriefing(title="Hand-made day", date="2026-12-06", stories=stories,
                         sources=[Source(id=a, source=o, title=f"Title {a}", url=urls.get(a)) for a, o in outlets.items()])
