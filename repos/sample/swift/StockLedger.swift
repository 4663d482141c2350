/// One recorded change of stock.
public struct LedgerEntry: Sendable, Equatable {
    /// What kind of change it was.
    public enum Kind: String, Sendable, CaseIterable {
        /// Goods arrived from a supplier.
        case receipt
        /// Goods left to a customer.
        case sale
        /// A stock count corrected the books.
        case adjustment
    }

    /// The product.
    public let sku: SKU
    /// Signed units: positive adds stock.
    public let units: Int
    /// The kind of change.
    public let kind: Kind
    /// A sequence number, increasing by one per entry.
    public let sequence: Int
}

/// A thread-safe, append-only record of stock changes with running balances.
///
/// ```swift
/// let ledger = StockLedger()
/// await ledger.record("BOLT-M6", units: 100, kind: .receipt)
/// let onHand = await ledger.balance(of: "BOLT-M6")   // 100
/// ```
public actor StockLedger {
    private var entries: [LedgerEntry] = []
    private var balances: [SKU: Int] = [:]

    /// Creates an empty ledger.
    public init() {}

    /// Appends an entry and returns the new balance of its SKU.
    @discardableResult
    public func record(_ sku: SKU, units: Int, kind: LedgerEntry.Kind) -> Int {
        let entry = LedgerEntry(sku: sku, units: units, kind: kind, sequence: entries.count + 1)
        entries.append(entry)
        balances[sku, default: 0] += units
        return balances[sku, default: 0]
    }

    /// The running balance of `sku` in units.
    public func balance(of sku: SKU) -> Int { balances[sku, default: 0] }

    /// The entries of one SKU, or all of them, in order.
    public func history(of sku: SKU? = nil) -> [LedgerEntry] {
        guard let sku else { return entries }
        return entries.filter { $0.sku == sku }
    }

    /// Records many entries concurrently collected from `sources`, then returns the total units added.
    ///
    /// Each source is an async closure (for example a scanner at a loading dock) that yields its entries.
    public func importBatches(
        _ sources: [@Sendable () async -> [(SKU, Int)]]
    ) async -> Int {
        let batches = await withTaskGroup(of: [(SKU, Int)].self) { group in
            for source in sources { group.addTask { await source() } }
            var collected: [[(SKU, Int)]] = []
            for await batch in group { collected.append(batch) }
            return collected
        }
        var added = 0
        for batch in batches {
            for (sku, units) in batch {
                record(sku, units: units, kind: units >= 0 ? .receipt : .sale)
                added += units
            }
        }
        return added
    }
}

/// Replays a ledger's history into a new ``Warehouse`` of one large aisle, for audits.
///
/// - Parameters:
///   - ledger: The ledger to replay.
///   - catalogue: The products, found by SKU; entries of unknown SKUs are skipped.
/// - Returns: The rebuilt warehouse and the SKUs that were skipped.
public func rebuildWarehouse(
    from ledger: StockLedger,
    catalogue: [SKU: Product]
) async -> (warehouse: Warehouse, skipped: Set<SKU>) {
    let warehouse = Warehouse(name: "audit")
    warehouse.addAisle("Z", shelves: 1, capacity: Int.max / 2)
    var skipped: Set<SKU> = []
    for entry in await ledger.history() {
        guard let product = catalogue[entry.sku] else {
            skipped.insert(entry.sku)
            continue
        }
        if entry.units >= 0 {
            try? warehouse.receive(product, units: entry.units)
        } else {
            _ = try? warehouse.ship(entry.sku, units: -entry.units)
        }
    }
    return (warehouse, skipped)
}
