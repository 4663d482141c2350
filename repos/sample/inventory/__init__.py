"""Inventory: items, stock levels, pricing rules and reports for a small warehouse.

The package has no dependencies beyond the standard library. Start with ``python3 -m inventory.cli --help``.
"""

from .models import Item, Movement, MovementKind, PurchaseOrder, StockLevel
from .pricing import PriceBook, Quote
from .storage import JSONSnapshot, RepositoryError, SQLiteRepository

__version__ = "0.3.0"

__all__ = [
    "Item",
    "JSONSnapshot",
    "Movement",
    "MovementKind",
    "PriceBook",
    "PurchaseOrder",
    "Quote",
    "RepositoryError",
    "SQLiteRepository",
    "StockLevel",
    "__version__",
]
