/// A shelf in the warehouse that holds a bounded number of units.
///
/// ```swift
/// var shelf = Shelf(label: "A-3", capacity: 40)
/// let overflow = shelf.store(50)  // 10 units did not fit
/// ```
public struct Shelf: Hashable, Sendable {
    /// The shelf's label, such as `A-3`.
    public let label: String
    /// How many units fit on the shelf.
    public let capacity: Int
    /// How many units are on the shelf now.
    public private(set) var units: Int = 0

    /// Creates an empty shelf.
    ///
    /// - Precondition: `capacity` is not negative.
    public init(label: String, capacity: Int) {
        precondition(capacity >= 0, "a shelf cannot have a negative capacity")
        self.label = label
        self.capacity = capacity
    }

    /// Puts units on the shelf and returns how many did not fit.
    public mutating func store(_ count: Int) -> Int {
        let fitting = Swift.max(0, Swift.min(count, capacity - units))
        units += fitting
        return count - fitting
    }

    /// Takes up to `count` units off the shelf and returns how many were taken.
    @discardableResult
    public mutating func take(_ count: Int) -> Int {
        let taken = Swift.max(0, Swift.min(count, units))
        units -= taken
        return taken
    }
}

extension Shelf {
    /// True when no more units fit.
    public var isFull: Bool { units >= capacity }

    /// True when the shelf holds nothing.
    public var isEmpty: Bool { units == 0 }

    /// Room left, in units.
    public var freeSpace: Int { capacity - units }

    /// How full the shelf is, from 0 to 1 (an empty-capacity shelf counts as full).
    public var fillRatio: Double {
        capacity == 0 ? 1 : Double(units) / Double(capacity)
    }
}

extension Shelf: CustomStringConvertible {
    /// `A-3 (12/40)`.
    public var description: String { "\(label) (\(units)/\(capacity))" }
}
