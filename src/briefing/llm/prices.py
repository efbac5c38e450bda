"""What a briefing cost: a price table (model -> dollars per 1M tokens) and the arithmetic.

The table shipped in the package (``briefing/data/prices.json``) holds OpenAI's list prices; a
user's table (a JSON file, or a mapping) is laid over it, so a user can correct a price, add a
model or price a local server at zero. A model that is in neither has no cost: ``None``, never a
guess. A dated snapshot (``gpt-4o-mini-2024-07-18``) is priced as its model when the snapshot
itself is not listed; nothing else is matched loosely.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from briefing.core.errors import ConfigurationError
from briefing.core.models import Usage

_SNAPSHOT = re.compile(r"-\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Price:
    """US dollars per 1M tokens: prompt tokens, prompt tokens served from the provider's cache,
    and output tokens."""

    input: float
    cached_input: float
    output: float


@dataclass(frozen=True)
class PriceTable:
    """Prices by model name, and the Batch API's discount (a factor, e.g. 0.5)."""

    models: Mapping[str, Price]
    batch_discount: float = 0.5

    def price(self, model: str | None) -> Price | None:
        """The price of ``model`` (or of the model a dated snapshot names); None when unknown."""
        if not model:
            return None
        found = self.models.get(model)
        if found is None:
            found = self.models.get(_SNAPSHOT.sub("", model))
        return found

    def cost(self, model: str | None, usage: Usage, *, batch: bool = False) -> float | None:
        """Dollars for ``usage`` on ``model``; None when the model has no known price."""
        price = self.price(model)
        if price is None:
            return None
        cached = min(usage.cached_prompt_tokens, usage.prompt_tokens)
        dollars = ((usage.prompt_tokens - cached) * price.input + cached * price.cached_input
                   + usage.completion_tokens * price.output) / 1_000_000
        return dollars * (self.batch_discount if batch else 1.0)

    def estimate(self, model: str | None, prompt_tokens: int, output_tokens: int) -> float | None:
        """Dollars for a request not yet sent (no cached tokens assumed); None when unpriced."""
        return self.cost(model, Usage(prompt_tokens=prompt_tokens, completion_tokens=output_tokens))


PriceSource = PriceTable | Mapping[str, Any] | str | Path | None


def _parse(data: Mapping[str, Any], origin: str) -> tuple[dict[str, Price], float | None]:
    models = data.get("models", data)
    if not isinstance(models, Mapping):
        raise ConfigurationError(f"{origin}: 'models' must map model names to prices")
    table: dict[str, Price] = {}
    for name, entry in models.items():
        if name in ("notes", "as_of", "batch_discount") and "models" not in data:
            continue
        if isinstance(entry, Price):
            table[name] = entry
            continue
        try:
            price = Price(float(entry["input"]), float(entry.get("cached_input", entry["input"])),
                          float(entry["output"]))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ConfigurationError(
                f"{origin}: the price of {name!r} needs numbers 'input' and 'output' "
                "(dollars per 1M tokens; 'cached_input' optional)") from e
        if not all(0 <= v < math.inf for v in (price.input, price.cached_input, price.output)):
            raise ConfigurationError(f"{origin}: the price of {name!r} must be zero or more dollars")
        table[name] = price
    discount = data.get("batch_discount")
    if discount is not None and not (isinstance(discount, (int, float)) and 0 < discount <= 1):
        raise ConfigurationError(f"{origin}: batch_discount must be a number in (0, 1]")
    return table, discount


def shipped_prices() -> PriceTable:
    """The price table shipped with the package."""
    text = resources.files("briefing").joinpath("data/prices.json").read_text(encoding="utf-8")
    models, discount = _parse(json.loads(text), "briefing/data/prices.json")
    return PriceTable(models, 0.5 if discount is None else discount)


def load_prices(source: PriceSource = None) -> PriceTable:
    """The shipped table with ``source`` laid over it.

    ``source``: None (the shipped table), a ``PriceTable`` (used as is), a mapping
    ``{model: {"input", "cached_input", "output"}}`` (optionally under ``"models"``, with
    ``"batch_discount"``), or the path of a JSON file holding such a mapping.

    Raises:
        ConfigurationError: the file cannot be read, or a price is not a number.
    """
    if isinstance(source, PriceTable):
        return source
    base = shipped_prices()
    if source is None:
        return base
    if isinstance(source, (str, Path)):
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ConfigurationError(
                f"cannot read the price file {str(source)!r} ({e}); pass a JSON file like "
                "briefing/data/prices.json") from e
        if not isinstance(data, Mapping):
            raise ConfigurationError(f"{source}: a price file holds a JSON object of models")
        origin = str(source)
    else:
        data, origin = source, "prices"
    models, discount = _parse(data, origin)
    return PriceTable({**base.models, **models}, base.batch_discount if discount is None else discount)
