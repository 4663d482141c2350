"""Persistence for items, stock levels and movements.

:class:`SQLiteRepository` keeps everything in one SQLite file (or in memory with ``":memory:"``);
:class:`JSONSnapshot` exports a repository to a JSON document and imports it back, for backups and fixtures.
Both use only the standard library.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Optional, Protocol

from .models import Item, Movement, MovementKind, StockLevel

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit_price INTEGER NOT NULL DEFAULT 0,
    unit_cost INTEGER NOT NULL DEFAULT 0,
    category TEXT NOT NULL DEFAULT 'general',
    tags TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS stock (
    sku TEXT PRIMARY KEY REFERENCES items(sku) ON DELETE CASCADE,
    on_hand INTEGER NOT NULL DEFAULT 0,
    reorder_at INTEGER
);
CREATE TABLE IF NOT EXISTS movements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku TEXT NOT NULL REFERENCES items(sku) ON DELETE CASCADE,
    quantity INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS movements_by_sku ON movements(sku, at);
"""


class RepositoryError(Exception):
    """A storage operation failed; the message names the item and what to do."""


class Repository(Protocol):
    """What the rest of the package needs from storage."""

    def get(self, sku: str) -> Optional[Item]: ...

    def items(self) -> list[Item]: ...

    def stock(self, sku: str) -> StockLevel: ...

    def movements(self, sku: Optional[str] = None) -> list[Movement]: ...


class SQLiteRepository:
    """Items, stock levels and the movement history in one SQLite database.

    Use it as a context manager so the connection is closed::

        with SQLiteRepository("inventory.db") as repo:
            repo.add(Item("BOLT-M6", "M6 bolt", unit_price=25, unit_cost=9))
            repo.record(Movement("BOLT-M6", 500, MovementKind.RECEIPT))
    """

    def __init__(self, path: str | Path = ":memory:"):
        self.path = str(path)
        self._connection = sqlite3.connect(self.path)
        self._connection.row_factory = sqlite3.Row
        self._connection.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def __enter__(self) -> "SQLiteRepository":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; the repository cannot be used afterwards."""
        self._connection.close()

    def _migrate(self) -> None:
        with self._connection:
            self._connection.executescript(_SCHEMA)
            version = self._connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RepositoryError(
                    f"{self.path} was written by a newer inventory (schema {version}); upgrade the package"
                )
            self._connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run several writes atomically: all of them happen, or none when the block raises."""
        with self._connection:
            yield self._connection

    # Items

    def add(self, item: Item, reorder_at: Optional[int] = None) -> None:
        """Insert a new item with zero stock.

        Raises:
            RepositoryError: When an item with the same sku exists.
        """
        try:
            with self.transaction() as db:
                db.execute(
                    "INSERT INTO items (sku, name, unit_price, unit_cost, category, tags) VALUES (?, ?, ?, ?, ?, ?)",
                    (item.sku, item.name, item.unit_price, item.unit_cost, item.category, json.dumps(item.tags)),
                )
                db.execute("INSERT INTO stock (sku, on_hand, reorder_at) VALUES (?, 0, ?)", (item.sku, reorder_at))
        except sqlite3.IntegrityError as error:
            raise RepositoryError(f"item {item.sku} already exists; use update() to change it") from error

    def update(self, item: Item) -> None:
        """Replace the stored fields of an existing item."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE items SET name = ?, unit_price = ?, unit_cost = ?, category = ?, tags = ? WHERE sku = ?",
                (item.name, item.unit_price, item.unit_cost, item.category, json.dumps(item.tags), item.sku),
            )
        if cursor.rowcount == 0:
            raise RepositoryError(f"no item {item.sku}; add() it first")

    def remove(self, sku: str) -> bool:
        """Delete an item with its stock and history; False when there was none."""
        with self.transaction() as db:
            cursor = db.execute("DELETE FROM items WHERE sku = ?", (sku.upper(),))
        return cursor.rowcount > 0

    def get(self, sku: str) -> Optional[Item]:
        """The item with ``sku``, or None."""
        row = self._connection.execute("SELECT * FROM items WHERE sku = ?", (sku.upper(),)).fetchone()
        return self._item(row) if row else None

    def items(self, category: Optional[str] = None) -> list[Item]:
        """All items sorted by sku, optionally only one category."""
        if category is None:
            rows = self._connection.execute("SELECT * FROM items ORDER BY sku")
        else:
            rows = self._connection.execute("SELECT * FROM items WHERE category = ? ORDER BY sku", (category,))
        return [self._item(row) for row in rows]

    def search(self, text: str) -> list[Item]:
        """Items whose sku, name or tags contain ``text`` (case-insensitive)."""
        pattern = f"%{text.lower()}%"
        rows = self._connection.execute(
            "SELECT * FROM items WHERE lower(sku) LIKE ? OR lower(name) LIKE ? OR lower(tags) LIKE ? ORDER BY sku",
            (pattern, pattern, pattern),
        )
        return [self._item(row) for row in rows]

    @staticmethod
    def _item(row: sqlite3.Row) -> Item:
        return Item(
            sku=row["sku"],
            name=row["name"],
            unit_price=row["unit_price"],
            unit_cost=row["unit_cost"],
            category=row["category"],
            tags=json.loads(row["tags"]),
        )

    # Stock and movements

    def stock(self, sku: str) -> StockLevel:
        """The stock level of ``sku``.

        Raises:
            RepositoryError: When there is no such item.
        """
        item = self.get(sku)
        if item is None:
            raise RepositoryError(f"no item {sku}; list items with `inventory list`")
        row = self._connection.execute("SELECT on_hand, reorder_at FROM stock WHERE sku = ?", (item.sku,)).fetchone()
        return StockLevel(item, on_hand=row["on_hand"], reorder_at=row["reorder_at"])

    def stock_levels(self) -> list[StockLevel]:
        """Every item's stock level, sorted by sku."""
        return [self.stock(item.sku) for item in self.items()]

    def set_reorder_point(self, sku: str, reorder_at: Optional[int]) -> None:
        """Set (or clear, with None) the threshold at which ``sku`` needs reordering."""
        with self.transaction() as db:
            db.execute("UPDATE stock SET reorder_at = ? WHERE sku = ?", (reorder_at, sku.upper()))

    def record(self, movement: Movement) -> int:
        """Append a movement to the history, update the stock level and return the new on-hand count."""
        level = self.stock(movement.sku)
        try:
            new_count = level.apply(movement)
        except ValueError as error:
            raise RepositoryError(str(error)) from error
        with self.transaction() as db:
            db.execute(
                "INSERT INTO movements (sku, quantity, kind, at, note) VALUES (?, ?, ?, ?, ?)",
                (movement.sku, movement.quantity, movement.kind.value, movement.at.isoformat(), movement.note),
            )
            db.execute("UPDATE stock SET on_hand = ? WHERE sku = ?", (new_count, movement.sku))
        return new_count

    def movements(self, sku: Optional[str] = None, since: Optional[datetime] = None) -> list[Movement]:
        """The movement history in time order, optionally of one sku and from a moment on."""
        query = "SELECT sku, quantity, kind, at, note FROM movements"
        clauses: list[str] = []
        params: list[Any] = []
        if sku is not None:
            clauses.append("sku = ?")
            params.append(sku.upper())
        if since is not None:
            clauses.append("at >= ?")
            params.append(since.isoformat())
        if clauses:
            query += " WHERE " + " AND ".join(clauses)
        query += " ORDER BY at, id"
        return [
            Movement(row["sku"], row["quantity"], MovementKind(row["kind"]), datetime.fromisoformat(row["at"]), row["note"])
            for row in self._connection.execute(query, params)
        ]


class JSONSnapshot:
    """A whole repository as one JSON document: ``{"version", "items", "stock", "movements"}``."""

    def __init__(self, data: dict[str, Any]):
        self.data = data

    @classmethod
    def capture(cls, repository: SQLiteRepository) -> "JSONSnapshot":
        """Take a snapshot of everything in ``repository``."""
        levels = repository.stock_levels()
        return cls(
            {
                "version": SCHEMA_VERSION,
                "items": [level.item.to_dict() for level in levels],
                "stock": {level.item.sku: {"on_hand": level.on_hand, "reorder_at": level.reorder_at} for level in levels},
                "movements": [movement.to_dict() for movement in repository.movements()],
            }
        )

    def write(self, path: str | Path) -> None:
        """Write the snapshot as indented JSON, replacing the file atomically."""
        target = Path(path)
        temporary = target.with_suffix(target.suffix + ".tmp")
        temporary.write_text(json.dumps(self.data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        temporary.replace(target)

    @classmethod
    def read(cls, path: str | Path) -> "JSONSnapshot":
        """Read a snapshot written by :meth:`write`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version", 0) > SCHEMA_VERSION:
            raise RepositoryError(f"{path} is from a newer inventory (version {data['version']})")
        return cls(data)

    def restore(self, repository: SQLiteRepository) -> int:
        """Load the snapshot into an empty repository; returns the number of movements replayed."""
        if repository.items():
            raise RepositoryError("restore() needs an empty repository")
        for raw in self.data.get("items", []):
            item = Item.from_dict(raw)
            stock = self.data.get("stock", {}).get(item.sku, {})
            repository.add(item, reorder_at=stock.get("reorder_at"))
        movements = [Movement.from_dict(raw) for raw in self.data.get("movements", [])]
        for movement in movements:
            repository.record(movement)
        return len(movements)
