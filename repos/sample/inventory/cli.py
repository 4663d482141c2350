"""The ``inventory`` command line.

Run it as ``python3 -m inventory.cli --help``. The database defaults to ``inventory.db`` in the current folder
(``--db`` or the ``INVENTORY_DB`` environment variable choose another)::

    python3 -m inventory.cli demo                 # fill the database with sample data
    python3 -m inventory.cli list
    python3 -m inventory.cli receive BOLT-M6 200
    python3 -m inventory.cli price BOLT-M6 60
    python3 -m inventory.cli report valuation
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timedelta, timezone
from typing import Callable, Optional, Sequence

from . import __version__, reports
from .models import Item, Movement, MovementKind
from .pricing import PriceBook, available_rules, format_cents, rule_named
from .storage import JSONSnapshot, RepositoryError, SQLiteRepository

Handler = Callable[[argparse.Namespace, SQLiteRepository], int]
_HANDLERS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    """Decorator registering a subcommand handler under ``name``."""

    def decorate(handler: Handler) -> Handler:
        _HANDLERS[name] = handler
        return handler

    return decorate


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="inventory", description="Track items, stock and prices of a small warehouse.")
    parser.add_argument("--db", default=os.environ.get("INVENTORY_DB", "inventory.db"), help="the SQLite database file")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", help="add an item")
    add.add_argument("sku")
    add.add_argument("name")
    add.add_argument("--price", type=int, default=0, help="unit price in cents")
    add.add_argument("--cost", type=int, default=0, help="unit cost in cents")
    add.add_argument("--category", default="general")
    add.add_argument("--tag", action="append", default=[], dest="tags")
    add.add_argument("--reorder-at", type=int)

    listing = sub.add_parser("list", help="list items with their stock")
    listing.add_argument("--category")
    listing.add_argument("--search")

    for name, kind, text in (("receive", MovementKind.RECEIPT, "receive units"), ("sell", MovementKind.SALE, "sell units")):
        movement = sub.add_parser(name, help=text)
        movement.add_argument("sku")
        movement.add_argument("quantity", type=int)
        movement.add_argument("--note", default="")
        movement.set_defaults(kind=kind)

    price = sub.add_parser("price", help="quote a price")
    price.add_argument("sku")
    price.add_argument("quantity", type=int)
    price.add_argument("--rule", action="append", choices=available_rules(), help="use only these rules")

    report = sub.add_parser("report", help="print a report")
    report.add_argument("name", choices=sorted(reports.REPORTS))
    report.add_argument("--days", type=int, default=30, help="history window in days")

    export = sub.add_parser("export", help="write a JSON snapshot")
    export.add_argument("path")
    restore = sub.add_parser("import", help="load a JSON snapshot into an empty database")
    restore.add_argument("path")

    sub.add_parser("demo", help="fill an empty database with sample data")
    return parser


@command("add")
def _add(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    item = Item(args.sku, args.name, args.price, args.cost, args.category, args.tags)
    repo.add(item, reorder_at=args.reorder_at)
    print(f"added {item.sku}")
    return 0


@command("list")
def _list(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    items = repo.search(args.search) if args.search else repo.items(args.category)
    rows = []
    for item in items:
        level = repo.stock(item.sku)
        flag = "reorder" if level.needs_reorder() else ""
        rows.append([item.sku, item.name, item.category, str(level.on_hand), format_cents(item.unit_price), flag])
    print(reports.render_table(["sku", "name", "category", "on hand", "price", ""], rows))
    return 0


@command("receive")
@command("sell")
def _move(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    quantity = args.quantity * (args.kind.sign or 1)
    on_hand = repo.record(Movement(args.sku.upper(), quantity, args.kind, note=args.note))
    print(f"{args.sku.upper()}: {on_hand} on hand")
    return 0


@command("price")
def _price(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    item = repo.get(args.sku)
    if item is None:
        raise RepositoryError(f"no item {args.sku}")
    book = PriceBook([rule_named(name) for name in args.rule]) if args.rule else PriceBook.standard()
    quote = book.quote(item, args.quantity)
    print(f"{quote.quantity} x {item.sku}: {format_cents(quote.price)} (list {format_cents(quote.list_price)})")
    for note in quote.notes:
        print(f"  - {note}")
    return 0


@command("report")
def _report(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    since = datetime.now(timezone.utc) - timedelta(days=args.days)
    print(reports.run_report(args.name, repo.stock_levels(), repo.movements(since=since), days=args.days))
    return 0


@command("export")
def _export(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    JSONSnapshot.capture(repo).write(args.path)
    print(f"wrote {args.path}")
    return 0


@command("import")
def _import(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    count = JSONSnapshot.read(args.path).restore(repo)
    print(f"imported {len(repo.items())} items and {count} movements")
    return 0


@command("demo")
def _demo(args: argparse.Namespace, repo: SQLiteRepository) -> int:
    if repo.items():
        raise RepositoryError(f"{args.db} is not empty; demo data goes into a new database")
    catalogue = [
        (Item("BOLT-M6", "M6 hex bolt", 25, 9, "hardware", ["metric"]), 200),
        (Item("NUT-M6", "M6 nut", 10, 3, "hardware", ["metric"]), 300),
        (Item("HOSE-15", "Garden hose 15 m", 2999, 1650, "garden", ["garden"]), 5),
        (Item("RAD-500", "Oil radiator 500 W", 5900, 3900, "heating", ["heating"]), 2),
        (Item("GLOVE-L", "Work gloves, large", 799, 310, "safety"), 20),
    ]
    start = datetime.now(timezone.utc) - timedelta(days=45)
    for index, (item, reorder_at) in enumerate(catalogue):
        repo.add(item, reorder_at=reorder_at // 4)
        repo.record(Movement(item.sku, reorder_at * 3 + 20, MovementKind.RECEIPT, start, "opening stock"))
        for day in range(1, 45, 3 + index):
            sold = max(1, (reorder_at // 20) * ((day % 5) + 1) // 3)
            repo.record(Movement(item.sku, -sold, MovementKind.SALE, start + timedelta(days=day)))
    repo.record(Movement("GLOVE-L", -3, MovementKind.ADJUSTMENT, start + timedelta(days=20), "damaged in storage"))
    repo.record(Movement("HOSE-15", 1, MovementKind.RETURN, start + timedelta(days=30), "customer return"))
    print(f"added {len(catalogue)} items with 45 days of history")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status (0 success, 1 error, 2 usage)."""
    args = build_parser().parse_args(argv)
    try:
        with SQLiteRepository(args.db) as repo:
            return _HANDLERS[args.command](args, repo)
    except (RepositoryError, KeyError, ValueError) as error:
        print(f"inventory: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
