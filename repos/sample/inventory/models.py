"""Data models for the inventory package."""

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Item:
    """A product that the warehouse stocks.

    Attributes:
        sku: The stock-keeping unit, unique per product.
        name: A human-readable name.
        unit_price: Price of one unit in cents.
    """

    sku: str
    name: str
    unit_price: int = 0
    tags: list[str] = field(default_factory=list)

    def price_for(self, quantity: int) -> int:
        """Return the price of ``quantity`` units in cents."""
        if quantity < 0:
            raise ValueError("quantity must not be negative")
        return self.unit_price * quantity


class StockLevel:
    """How many units of an item are on hand, with a reorder threshold."""

    def __init__(self, item: Item, on_hand: int = 0, reorder_at: Optional[int] = None):
        self.item = item
        self.on_hand = on_hand
        self.reorder_at = reorder_at

    def needs_reorder(self) -> bool:
        """True when the stock is at or below the reorder threshold."""
        return self.reorder_at is not None and self.on_hand <= self.reorder_at

    async def refresh(self, source) -> None:
        """Reload the on-hand count from an async ``source``."""
        self.on_hand = await source.count(self.item.sku)
