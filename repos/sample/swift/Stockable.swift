/// A stock-keeping unit: the identifier of one product, normalised to upper case.
public struct SKU: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The normalised identifier, such as `BOLT-M6`.
    public let rawValue: String

    /// Creates a SKU; surrounding whitespace is removed and letters are upper-cased.
    public init(_ text: String) {
        rawValue = text.trimmingWhitespace().uppercased()
    }

    /// Creates a SKU from a literal: `let sku: SKU = "bolt-m6"`.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The identifier.
    public var description: String { rawValue }

    /// Orders SKUs alphabetically.
    public static func < (lhs: SKU, rhs: SKU) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Something the warehouse can stock: it has a SKU, a name and a price.
public protocol Stockable: Sendable {
    /// The product's identifier.
    var sku: SKU { get }
    /// A human-readable name.
    var name: String { get }
    /// The selling price of one unit, in cents.
    var unitPrice: Int { get }
    /// How many units fit in one storage slot; most products use the default of 1.
    var unitsPerSlot: Int { get }
}

extension Stockable {
    /// By default one unit takes one slot.
    public var unitsPerSlot: Int { 1 }

    /// The price of `quantity` units in cents.
    public func price(for quantity: Int) -> Int { unitPrice * Swift.max(0, quantity) }
}

/// A product with a fixed price: the simplest ``Stockable``.
public struct Product: Stockable, Hashable {
    /// The product's identifier.
    public let sku: SKU
    /// A human-readable name.
    public var name: String
    /// The selling price of one unit, in cents.
    public var unitPrice: Int
    /// How many units fit in one storage slot.
    public var unitsPerSlot: Int

    /// Creates a product.
    public init(sku: SKU, name: String, unitPrice: Int, unitsPerSlot: Int = 1) {
        self.sku = sku
        self.name = name
        self.unitPrice = unitPrice
        self.unitsPerSlot = Swift.max(1, unitsPerSlot)
    }
}

/// Receives stock notifications from a ``Warehouse``.
public protocol StockObserver: AnyObject {
    /// Called after the stock of `sku` changed to `units`.
    func stockDidChange(_ sku: SKU, units: Int)
    /// Called when the stock of `sku` dropped to or below its reorder point.
    func reorderNeeded(_ sku: SKU, units: Int, threshold: Int)
}

extension StockObserver {
    /// Observers that do not care about reorders can leave this out.
    public func reorderNeeded(_ sku: SKU, units: Int, threshold: Int) {}
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
