"""Unit tests for the inventory package: ``python3 -m unittest discover -s tests`` from the project folder."""

import asyncio
import unittest
from datetime import date, datetime, timedelta, timezone

from inventory import reports
from inventory.models import Item, Movement, MovementKind, PurchaseOrder, StockLevel
from inventory.pricing import BulkDiscount, MarginFloor, PriceBook, SeasonalMarkup, format_cents, rounded_price
from inventory.storage import JSONSnapshot, RepositoryError, SQLiteRepository

START = datetime(2025, 3, 1, tzinfo=timezone.utc)


def filled_repository() -> SQLiteRepository:
    """An in-memory repository with two items and ten days of sales."""
    repo = SQLiteRepository()
    repo.add(Item("bolt", "Bolt", unit_price=25, unit_cost=10), reorder_at=20)
    repo.add(Item("hose", "Hose", unit_price=3000, unit_cost=1500, tags=["garden"]))
    repo.record(Movement("BOLT", 100, MovementKind.RECEIPT, START))
    repo.record(Movement("HOSE", 4, MovementKind.RECEIPT, START))
    for day in range(1, 11):
        repo.record(Movement("BOLT", -8, MovementKind.SALE, START + timedelta(days=day)))
    return repo


class ModelTests(unittest.TestCase):
    def test_item_normalises_sku_and_rejects_negative_prices(self):
        self.assertEqual(Item(" ab-1 ", "x").sku, "AB-1")
        with self.assertRaises(ValueError):
            Item("A", "x", unit_price=-1)

    def test_stock_level_refuses_to_oversell(self):
        level = StockLevel(Item("A", "a"), on_hand=2)
        with self.assertRaises(ValueError):
            level.apply(Movement("A", -3, MovementKind.SALE))

    def test_purchase_order_receipt_creates_movements_once(self):
        order = PurchaseOrder("Acme", "PO-1")
        order.add(Item("A", "a", unit_cost=10), 5)
        self.assertEqual(order.total, 50)
        self.assertEqual([m.quantity for m in order.receive()], [5])
        with self.assertRaises(RuntimeError):
            order.receive()


class PricingTests(unittest.TestCase):
    def test_bulk_discount_and_floor(self):
        item = Item("A", "a", unit_price=100, unit_cost=95)
        quote = PriceBook([BulkDiscount(), MarginFloor()]).quote(item, 50, on=date(2025, 1, 1))
        self.assertEqual(quote.price, round(95 * 50 * 1.05))
        self.assertEqual(len(quote.notes), 2)

    def test_seasonal_markup_only_in_season(self):
        item = Item("H", "hose", unit_price=1000, tags=["Garden"])
        book = PriceBook([SeasonalMarkup()])
        self.assertEqual(book.quote(item, 1, on=date(2025, 5, 1)).price, 1080)
        self.assertEqual(book.quote(item, 1, on=date(2025, 9, 1)).price, 1000)

    def test_formatting(self):
        self.assertEqual(format_cents(123456), "$1,234.56")
        self.assertEqual(rounded_price(101), 105)


class StorageAndReportTests(unittest.TestCase):
    def test_record_updates_stock_and_rejects_duplicates(self):
        repo = filled_repository()
        self.assertEqual(repo.stock("bolt").on_hand, 20)
        self.assertTrue(repo.stock("bolt").needs_reorder())
        with self.assertRaises(RepositoryError):
            repo.add(Item("BOLT", "again"))

    def test_snapshot_round_trip(self):
        repo = filled_repository()
        copy = SQLiteRepository()
        JSONSnapshot.capture(repo).restore(copy)
        self.assertEqual([l.on_hand for l in copy.stock_levels()], [l.on_hand for l in repo.stock_levels()])
        self.assertEqual(reports.reconcile(copy.stock_levels(), copy.movements()), [])

    def test_reports(self):
        repo = filled_repository()
        levels, movements = repo.stock_levels(), repo.movements()
        self.assertEqual(reports.abc_analysis(levels, movements), {"BOLT": "A", "HOSE": "C"})
        self.assertAlmostEqual(reports.demand_rate(movements, "BOLT", 10), 8.0)
        suggestion = reports.reorder_suggestions(levels, movements, days=10)[0]
        self.assertEqual(suggestion.sku, "BOLT")
        self.assertEqual(reports.percentile([1, 2, 3, 4], 0.5), 2.5)
        bundle = asyncio.run(reports.build_bundle(["valuation", "reorder"], levels, movements, 10))
        self.assertIn("## reorder", bundle.as_markdown())


if __name__ == "__main__":
    unittest.main()
