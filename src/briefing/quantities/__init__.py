"""Reading and comparing figures, dates and direction words in news text.

The one way the library reads "15 miles" and "24km", "$88m" and "103 million euros", "more than
100", "Tuesday" or "6 a.m." and decides whether two of them agree:

* :func:`find_quantities` / :func:`compare_quantities` -- figures with units, money, bounds;
* :func:`find_dates` / :func:`compare_dates` -- weekdays, months, years, full dates, clock times;
* :func:`load_directions` / :func:`are_opposites` -- opposite direction words ("rose"/"fell");
* :func:`compare_texts` -- all of the above for two short texts, paired up;
* :class:`QuantityOptions` -- every threshold, with its default.

Only the standard library and pint are used; pint loads on the first unit conversion.
"""

from briefing.quantities.comparing import compare_quantities
from briefing.quantities.dates import compare_dates, find_dates
from briefing.quantities.directions import (
    DirectionLexicon,
    are_opposites,
    load_directions,
    tokenize,
)
from briefing.quantities.model import Comparison, DateMention, Quantity, TextComparison
from briefing.quantities.options import QuantityOptions
from briefing.quantities.reading import find_quantities
from briefing.quantities.texts import compare_texts, may_hold_figures

__all__ = [
    "Comparison",
    "DateMention",
    "DirectionLexicon",
    "Quantity",
    "QuantityOptions",
    "TextComparison",
    "are_opposites",
    "compare_dates",
    "compare_quantities",
    "compare_texts",
    "find_dates",
    "find_quantities",
    "load_directions",
    "may_hold_figures",
    "tokenize",
]
