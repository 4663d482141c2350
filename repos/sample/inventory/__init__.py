"""Inventory: items, stock levels and reorder rules for a small warehouse."""

from .models import Item, StockLevel

__all__ = ["Item", "StockLevel"]
