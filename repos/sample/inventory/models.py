"""Data models for the inventory package.

Prices are integers in cents and quantities are integers in units, so arithmetic is exact. Every model can be
turned into a plain ``dict`` (``to_dict``) and rebuilt from one (``from_dict``); the storage layer relies on that.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable, Optional


class MovementKind(enum.Enum):
    """Why the on-hand quantity of an item changed."""

    RECEIPT = "receipt"
    SALE = "sale"
    RETURN = "return"
    ADJUSTMENT = "adjustment"
    TRANSFER = "transfer"

    @property
    def sign(self) -> int:
        """``+1`` when the movement adds stock, ``-1`` when it removes it, ``0`` when the caller decides."""
        if self in (MovementKind.RECEIPT, MovementKind.RETURN):
            return 1
        if self is MovementKind.SALE:
            return -1
        return 0


@dataclass
class Item:
    """A product that the warehouse stocks.

    Attributes:
        sku: The stock-keeping unit, unique per product.
        name: A human-readable name.
        unit_price: Selling price of one unit in cents.
        unit_cost: What one unit costs us in cents (used for valuation and margins).
        category: A free-form grouping such as ``"hardware"``.
        tags: Extra labels used for searching.
    """

    sku: str
    name: str
    unit_price: int = 0
    unit_cost: int = 0
    category: str = "general"
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sku or not self.sku.strip():
            raise ValueError("an item needs a non-empty sku")
        if self.unit_price < 0 or self.unit_cost < 0:
            raise ValueError(f"{self.sku}: prices must not be negative")
        self.sku = self.sku.strip().upper()

    def price_for(self, quantity: int) -> int:
        """Return the list price of ``quantity`` units in cents."""
        if quantity < 0:
            raise ValueError("quantity must not be negative")
        return self.unit_price * quantity

    @property
    def margin(self) -> int:
        """The profit of one unit in cents (may be negative)."""
        return self.unit_price - self.unit_cost

    @property
    def margin_ratio(self) -> float:
        """The margin as a fraction of the price, ``0.0`` for a free item."""
        if self.unit_price == 0:
            return 0.0
        return self.margin / self.unit_price

    def has_tag(self, tag: str) -> bool:
        """True when the item carries ``tag`` (case-insensitive)."""
        wanted = tag.casefold()
        return any(existing.casefold() == wanted for existing in self.tags)

    def to_dict(self) -> dict[str, Any]:
        """The item as plain JSON-compatible values."""
        return {
            "sku": self.sku,
            "name": self.name,
            "unit_price": self.unit_price,
            "unit_cost": self.unit_cost,
            "category": self.category,
            "tags": list(self.tags),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Item":
        """Rebuild an item from :meth:`to_dict` output; unknown keys are ignored."""
        return cls(
            sku=str(data["sku"]),
            name=str(data.get("name", data["sku"])),
            unit_price=int(data.get("unit_price", 0)),
            unit_cost=int(data.get("unit_cost", 0)),
            category=str(data.get("category", "general")),
            tags=[str(tag) for tag in data.get("tags", [])],
        )


@dataclass(frozen=True)
class Movement:
    """One change of stock: ``quantity`` units of ``sku``, signed (negative removes stock)."""

    sku: str
    quantity: int
    kind: MovementKind
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    note: str = ""

    @property
    def day(self) -> date:
        """The calendar day of the movement (UTC)."""
        return self.at.astimezone(timezone.utc).date()

    def to_dict(self) -> dict[str, Any]:
        """The movement as plain JSON-compatible values (the time as ISO 8601)."""
        return {
            "sku": self.sku,
            "quantity": self.quantity,
            "kind": self.kind.value,
            "at": self.at.isoformat(),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Movement":
        """Rebuild a movement from :meth:`to_dict` output."""
        return cls(
            sku=str(data["sku"]),
            quantity=int(data["quantity"]),
            kind=MovementKind(data["kind"]),
            at=datetime.fromisoformat(str(data["at"])),
            note=str(data.get("note", "")),
        )


class StockLevel:
    """How many units of an item are on hand, with a reorder threshold."""

    def __init__(self, item: Item, on_hand: int = 0, reorder_at: Optional[int] = None):
        self.item = item
        self.on_hand = on_hand
        self.reorder_at = reorder_at

    def __repr__(self) -> str:
        return f"StockLevel({self.item.sku!r}, on_hand={self.on_hand}, reorder_at={self.reorder_at})"

    def needs_reorder(self) -> bool:
        """True when the stock is at or below the reorder threshold."""
        return self.reorder_at is not None and self.on_hand <= self.reorder_at

    @property
    def value(self) -> int:
        """The on-hand stock valued at cost, in cents."""
        return max(self.on_hand, 0) * self.item.unit_cost

    def apply(self, movement: Movement) -> int:
        """Apply a movement of this item and return the new on-hand count.

        Raises:
            ValueError: When the movement is for another item, or a sale would take the count below zero.
        """
        if movement.sku != self.item.sku:
            raise ValueError(f"movement for {movement.sku} applied to {self.item.sku}")
        new_count = self.on_hand + movement.quantity
        if new_count < 0 and movement.kind is MovementKind.SALE:
            raise ValueError(f"{self.item.sku}: cannot sell {-movement.quantity}, only {self.on_hand} on hand")
        self.on_hand = new_count
        return new_count

    async def refresh(self, source) -> None:
        """Reload the on-hand count from an async ``source`` that has ``async def count(sku) -> int``."""
        self.on_hand = await source.count(self.item.sku)


class PurchaseOrder:
    """An order to a supplier: several lines, each a quantity of one item at an agreed cost."""

    class Line:
        """One line of a purchase order."""

        __slots__ = ("sku", "quantity", "unit_cost")

        def __init__(self, sku: str, quantity: int, unit_cost: int):
            if quantity <= 0:
                raise ValueError("an order line needs a positive quantity")
            self.sku = sku
            self.quantity = quantity
            self.unit_cost = unit_cost

        @property
        def total(self) -> int:
            """The line's cost in cents."""
            return self.quantity * self.unit_cost

    def __init__(self, supplier: str, number: str, ordered_on: Optional[date] = None):
        self.supplier = supplier
        self.number = number
        self.ordered_on = ordered_on or date.today()
        self.lines: list[PurchaseOrder.Line] = []
        self.received = False

    def add(self, item: Item, quantity: int, unit_cost: Optional[int] = None) -> "PurchaseOrder.Line":
        """Add a line for ``item``; the cost defaults to the item's ``unit_cost``."""
        if self.received:
            raise RuntimeError(f"order {self.number} was already received")
        line = PurchaseOrder.Line(item.sku, quantity, item.unit_cost if unit_cost is None else unit_cost)
        self.lines.append(line)
        return line

    @property
    def total(self) -> int:
        """The order's cost in cents."""
        return sum(line.total for line in self.lines)

    def receive(self, received_at: Optional[datetime] = None) -> list[Movement]:
        """Mark the order received and return one receipt movement per line."""
        if self.received:
            raise RuntimeError(f"order {self.number} was already received")
        self.received = True
        moment = received_at or datetime.now(timezone.utc)
        return [
            Movement(line.sku, line.quantity, MovementKind.RECEIPT, moment, note=f"PO {self.number}")
            for line in self.lines
        ]


def total_quantity(movements: Iterable[Movement], sku: Optional[str] = None) -> int:
    """Sum the signed quantities of ``movements``, optionally only those of ``sku``."""
    return sum(m.quantity for m in movements if sku is None or m.sku == sku)
