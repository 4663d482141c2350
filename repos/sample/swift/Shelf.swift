/// A shelf in the warehouse that holds a bounded number of items.
public struct Shelf {
    /// The shelf's label, such as `A-3`.
    public let label: String
    /// How many units fit on the shelf.
    public let capacity: Int
    private(set) var units: Int = 0

    /// Creates an empty shelf.
    public init(label: String, capacity: Int) {
        self.label = label
        self.capacity = capacity
    }

    /// Puts units on the shelf and returns how many did not fit.
    public mutating func store(_ count: Int) -> Int {
        let fitting = min(count, capacity - units)
        units += fitting
        return count - fitting
    }
}

extension Shelf {
    /// True when no more units fit.
    public var isFull: Bool { units >= capacity }
}
