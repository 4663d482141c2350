"""Pricing rules: how the price of an order line is computed from an item's list price.

A :class:`PriceBook` applies its rules in priority order; each rule may lower or raise the running price of a
line. Rules are small classes with an ``adjust`` method; :func:`register_rule` makes a rule class available
by name to the command line (``inventory price --rule bulk``).
"""

from __future__ import annotations

import abc
import functools
from dataclasses import dataclass
from datetime import date
from typing import Callable, ClassVar, Optional

from .models import Item

_RULES: dict[str, type["PricingRule"]] = {}


def register_rule(name: str) -> Callable[[type["PricingRule"]], type["PricingRule"]]:
    """Class decorator: make a rule constructible by ``name`` through :func:`rule_named`."""

    def decorate(cls: type["PricingRule"]) -> type["PricingRule"]:
        if name in _RULES:
            raise ValueError(f"a pricing rule named {name!r} is already registered")
        cls.rule_name = name
        _RULES[name] = cls
        return cls

    return decorate


def rule_named(name: str) -> "PricingRule":
    """A default-configured instance of the rule registered as ``name``."""
    try:
        return _RULES[name]()
    except KeyError:
        known = ", ".join(sorted(_RULES)) or "none"
        raise KeyError(f"unknown pricing rule {name!r}; known rules: {known}") from None


def available_rules() -> list[str]:
    """The registered rule names, sorted."""
    return sorted(_RULES)


@dataclass
class Quote:
    """The result of pricing one line: the list price, the final price and why they differ."""

    sku: str
    quantity: int
    list_price: int
    price: int
    notes: list[str]

    @property
    def discount(self) -> int:
        """How much below list price the line ends up, in cents (negative for a markup)."""
        return self.list_price - self.price

    @property
    def unit_price(self) -> float:
        """The effective price of one unit in cents."""
        return self.price / self.quantity if self.quantity else 0.0


class PricingRule(abc.ABC):
    """A step that adjusts the running price of an order line."""

    rule_name: ClassVar[str] = "rule"
    priority: ClassVar[int] = 100

    @abc.abstractmethod
    def adjust(self, item: Item, quantity: int, price: int, on: date) -> tuple[int, Optional[str]]:
        """Return the new price in cents and a note explaining the change (None when unchanged)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.rule_name}>"


@register_rule("bulk")
class BulkDiscount(PricingRule):
    """Tiered volume discount: the largest tier whose threshold the quantity reaches applies."""

    priority = 10

    def __init__(self, tiers: Optional[dict[int, float]] = None):
        self.tiers = dict(sorted((tiers or {10: 0.05, 50: 0.10, 200: 0.15}).items()))
        for threshold, rate in self.tiers.items():
            if threshold <= 0 or not 0 <= rate < 1:
                raise ValueError(f"bad tier {threshold}: {rate}")

    def rate_for(self, quantity: int) -> float:
        """The discount rate for ``quantity`` units (0.0 below the first tier)."""
        rate = 0.0
        for threshold, tier_rate in self.tiers.items():
            if quantity >= threshold:
                rate = tier_rate
        return rate

    def adjust(self, item: Item, quantity: int, price: int, on: date) -> tuple[int, Optional[str]]:
        rate = self.rate_for(quantity)
        if rate == 0:
            return price, None
        return round(price * (1 - rate)), f"bulk discount {rate:.0%} for {quantity} units"


@register_rule("seasonal")
class SeasonalMarkup(PricingRule):
    """A markup on tagged items during given months (``{"garden": (4, 5, 6)}`` marks garden items up in spring)."""

    priority = 20

    def __init__(self, months_by_tag: Optional[dict[str, tuple[int, ...]]] = None, rate: float = 0.08):
        self.months_by_tag = months_by_tag or {"garden": (4, 5, 6), "heating": (11, 12, 1)}
        self.rate = rate

    def adjust(self, item: Item, quantity: int, price: int, on: date) -> tuple[int, Optional[str]]:
        for tag, months in self.months_by_tag.items():
            if item.has_tag(tag) and on.month in months:
                return round(price * (1 + self.rate)), f"seasonal markup {self.rate:.0%} ({tag})"
        return price, None


@register_rule("floor")
class MarginFloor(PricingRule):
    """Never sell below cost plus a minimum margin; runs last so discounts cannot break it."""

    priority = 1000

    def __init__(self, minimum_margin: float = 0.05):
        self.minimum_margin = minimum_margin

    def adjust(self, item: Item, quantity: int, price: int, on: date) -> tuple[int, Optional[str]]:
        floor = round(item.unit_cost * quantity * (1 + self.minimum_margin))
        if price >= floor:
            return price, None
        return floor, f"raised to the margin floor ({self.minimum_margin:.0%} over cost)"


class PriceBook:
    """An ordered set of pricing rules.

    >>> book = PriceBook([BulkDiscount(), MarginFloor()])
    >>> book.quote(Item("A", "a", unit_price=100, unit_cost=50), 20).price
    1900
    """

    def __init__(self, rules: Optional[list[PricingRule]] = None):
        self.rules = sorted(rules or [], key=lambda rule: rule.priority)

    @classmethod
    def standard(cls) -> "PriceBook":
        """The book used by the command line: bulk discount, seasonal markup and a 5% margin floor."""
        return cls([BulkDiscount(), SeasonalMarkup(), MarginFloor()])

    def quote(self, item: Item, quantity: int, on: Optional[date] = None) -> Quote:
        """Price ``quantity`` units of ``item`` on a day (today by default)."""
        day = on or date.today()
        list_price = item.price_for(quantity)
        price = list_price
        notes: list[str] = []
        for rule in self.rules:
            price, note = rule.adjust(item, quantity, price, day)
            if note:
                notes.append(note)
        return Quote(item.sku, quantity, list_price, price, notes)


@functools.lru_cache(maxsize=256)
def rounded_price(cents: int, step: int = 5) -> int:
    """Round a price in cents up to the next multiple of ``step`` (psychological pricing uses 5 or 10)."""
    if step <= 0:
        raise ValueError("step must be positive")
    return -(-cents // step) * step


def format_cents(cents: int, currency: str = "$") -> str:
    """Format cents as a currency amount: ``123456`` → ``$1,234.56``."""
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    return f"{sign}{currency}{whole:,}.{fraction:02d}"
