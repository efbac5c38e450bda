"""Every threshold used when comparing figures and dates, in one frozen value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuantityOptions:
    """Thresholds for :func:`briefing.quantities.compare_quantities` and friends.

    Attributes (defaults in brackets):

    * ``conversion_rel_tol`` [0.02] -- after converting a figure to the other figure's unit, the
      two still match when they differ by at most this fraction of the larger one, even if the
      newsroom rounding rule (the converted value rounds to the written figure at its precision)
      does not hold. Such a match is ``"consistent"``, a rounding match ``"same"``.
    * ``approximate_rel_tol`` [0.1] -- "about 100" stands for 100 plus or minus this fraction
      (90..110); "nearly 100" for the lower half (90..100); "just over 100" for the upper half.
    * ``min_significant_digits`` [2] -- a whole number written with trailing zeros ("190",
      "490") is read as rounded to its last non-zero digit, but never to fewer than this many
      significant digits: "190" may stand for 185..195, "100" for 95..105 (not 50..150).
      Temperatures are never read this way: "100F" is 99.5..100.5.
    * ``max_rounding_rel`` [0.1] -- a rounding window is never wider than this fraction of the
      figure either side: "1 foot" stands for 0.9..1.1 ft (not 0.5..1.5), "$1m" for $0.9m..$1.1m.
    * ``ambiguous_clock_matches_both`` [True] -- a clock time without a.m./p.m. and without a
      leading zero ("6:00", "6 o'clock") matches both 6 a.m. and 6 p.m.; when False it is read
      on the 24-hour clock (6:00 is 6 a.m.). "06:00" and "18:00" are never ambiguous.
    """

    conversion_rel_tol: float = 0.02
    approximate_rel_tol: float = 0.1
    min_significant_digits: int = 2
    max_rounding_rel: float = 0.1
    ambiguous_clock_matches_both: bool = True


DEFAULT_OPTIONS = QuantityOptions()
"""The default thresholds, shared as the default argument of every comparing function."""
