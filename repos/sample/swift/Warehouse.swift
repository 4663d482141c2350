/// A warehouse: aisles of shelves, the products stored on them and reorder thresholds.
///
/// Not thread-safe; use it from one task, or put it behind an actor such as ``StockLedger``.
///
/// ```swift
/// let warehouse = Warehouse(name: "North")
/// let aisle = warehouse.addAisle("A", shelves: 4, capacity: 40)
/// try warehouse.receive(Product(sku: "BOLT-M6", name: "M6 bolt", unitPrice: 25), units: 100)
/// ```
public final class Warehouse {
    /// A row of shelves with a letter, such as aisle `B`.
    public final class Aisle {
        /// The aisle's letter or name.
        public let name: String
        /// The shelves, labelled `B-1`, `B-2`, …
        public private(set) var shelves: [Shelf]

        /// Creates an aisle of `count` empty shelves of equal capacity.
        init(name: String, count: Int, capacity: Int) {
            self.name = name
            self.shelves = (1...Swift.max(1, count)).map { Shelf(label: "\(name)-\($0)", capacity: capacity) }
        }

        /// Units the aisle can still take.
        public var freeSpace: Int { shelves.reduce(0) { $0 + $1.freeSpace } }

        /// Stores units on the first shelves with room and returns how many did not fit.
        func store(_ units: Int) -> Int {
            var remaining = units
            for index in shelves.indices where remaining > 0 && !shelves[index].isFull {
                remaining = shelves[index].store(remaining)
            }
            return remaining
        }

        /// Takes units from the fullest shelves first and returns how many were taken.
        func take(_ units: Int) -> Int {
            var remaining = units
            for index in shelves.indices.sorted(by: { shelves[$0].units > shelves[$1].units }) where remaining > 0 {
                remaining -= shelves[index].take(remaining)
            }
            return units - remaining
        }
    }

    /// Why a warehouse operation failed.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The product is not stocked here.
        case unknownProduct(SKU)
        /// Fewer units are on hand than requested.
        case insufficientStock(SKU, requested: Int, available: Int)
        /// The aisles have no room for this many slots.
        case noSpace(SKU, missingSlots: Int)

        /// A sentence naming the product and what to do.
        public var description: String {
            switch self {
            case .unknownProduct(let sku):
                return "\(sku) is not stocked here; receive it first."
            case .insufficientStock(let sku, let requested, let available):
                return "\(sku): \(requested) units requested, only \(available) on hand."
            case .noSpace(let sku, let missing):
                return "\(sku): \(missing) more slots needed; add an aisle or free some shelves."
            }
        }
    }

    /// The warehouse's name.
    public let name: String
    /// The aisles, in the order they were added.
    public private(set) var aisles: [Aisle] = []
    private var products: [SKU: any Stockable] = [:]
    private var stock: [SKU: Int] = [:]
    private var thresholds: [SKU: Int] = [:]
    private var observers: [WeakObserver] = []

    /// Creates an empty warehouse.
    public init(name: String) {
        self.name = name
    }

    /// Adds an aisle of `shelves` shelves, each holding `capacity` slots, and returns it.
    @discardableResult
    public func addAisle(_ name: String, shelves: Int, capacity: Int) -> Aisle {
        let aisle = Aisle(name: name, count: shelves, capacity: capacity)
        aisles.append(aisle)
        return aisle
    }

    /// Registers an observer; the warehouse holds it weakly.
    public func addObserver(_ observer: any StockObserver) {
        observers.removeAll { $0.observer == nil }
        observers.append(WeakObserver(observer: observer))
    }

    /// Sets the reorder point of a product (nil removes it).
    public func setReorderPoint(_ units: Int?, for sku: SKU) {
        thresholds[sku] = units
    }

    /// Units of `sku` on hand (0 for unknown products).
    public func units(of sku: SKU) -> Int { stock[sku, default: 0] }

    /// Every stocked SKU, sorted.
    public var skus: [SKU] { products.keys.sorted() }

    /// The stock valued at selling prices, in cents.
    public var retailValue: Int {
        products.values.reduce(0) { $0 + $1.price(for: stock[$1.sku, default: 0]) }
    }

    /// Puts `units` of a product on the shelves.
    ///
    /// - Throws: ``Failure/noSpace(_:missingSlots:)`` when the aisles cannot take them; nothing is stored then.
    public func receive(_ product: any Stockable, units: Int) throws {
        let slots = slotsNeeded(units, perSlot: product.unitsPerSlot)
        let free = aisles.reduce(0) { $0 + $1.freeSpace }
        guard slots <= free else { throw Failure.noSpace(product.sku, missingSlots: slots - free) }
        var remaining = slots
        for aisle in aisles where remaining > 0 { remaining = aisle.store(remaining) }
        products[product.sku] = product
        stock[product.sku, default: 0] += units
        notify(product.sku)
    }

    /// Removes `units` of a product and returns what they sell for, in cents.
    ///
    /// - Throws: ``Failure/unknownProduct(_:)`` or ``Failure/insufficientStock(_:requested:available:)``.
    @discardableResult
    public func ship(_ sku: SKU, units: Int) throws -> Int {
        guard let product = products[sku] else { throw Failure.unknownProduct(sku) }
        let available = stock[sku, default: 0]
        guard units <= available else {
            throw Failure.insufficientStock(sku, requested: units, available: available)
        }
        let before = slotsNeeded(available, perSlot: product.unitsPerSlot)
        let after = slotsNeeded(available - units, perSlot: product.unitsPerSlot)
        var toFree = before - after
        for aisle in aisles.reversed() where toFree > 0 { toFree -= aisle.take(toFree) }
        stock[sku] = available - units
        notify(sku)
        return product.price(for: units)
    }

    private func notify(_ sku: SKU) {
        let units = stock[sku, default: 0]
        for entry in observers {
            guard let observer = entry.observer else { continue }
            observer.stockDidChange(sku, units: units)
            if let threshold = thresholds[sku], units <= threshold {
                observer.reorderNeeded(sku, units: units, threshold: threshold)
            }
        }
    }

    /// Holds an observer without keeping it alive.
    private struct WeakObserver {
        weak var observer: (any StockObserver)?
    }
}

/// Divides units into slots, rounding up: 10 units at 4 per slot need 3 slots.
func slotsNeeded(_ units: Int, perSlot: Int) -> Int {
    guard units > 0 else { return 0 }
    let size = Swift.max(1, perSlot)
    return (units + size - 1) / size
}
