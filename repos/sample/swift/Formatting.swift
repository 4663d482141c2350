/// Formats cents as a dollar amount: `123456` → `$1,234.56`, `-5` → `-$0.05`.
public func formatCents(_ cents: Int) -> String {
    let sign = cents < 0 ? "-" : ""
    let magnitude = cents.magnitude
    let whole = String(magnitude / 100)
    let fraction = magnitude % 100
    return "\(sign)$\(groupThousands(whole)).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Inserts commas every three digits from the right: `1234567` → `1,234,567`.
func groupThousands(_ digits: String) -> String {
    var result = ""
    for (offset, character) in digits.reversed().enumerated() {
        if offset > 0 && offset % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return String(result.reversed())
}

extension Array where Element == Shelf {
    /// The sum of the shelves' capacities in units.
    public var totalCapacity: Int { reduce(0) { $0 + $1.capacity } }

    /// The shelves at least `ratio` full (0 to 1), fullest first.
    public func shelves(fullerThan ratio: Double) -> [Shelf] {
        filter { $0.fillRatio >= ratio }.sorted { $0.fillRatio > $1.fillRatio }
    }
}

extension Warehouse {
    /// A plain-text stock list: one line per SKU with units and value, then the total.
    public func stockReport() -> String {
        var lines = ["\(name) warehouse"]
        for sku in skus {
            lines.append("  \(sku.rawValue.padding(toLength: 12))\(units(of: sku))")
        }
        lines.append("  retail value \(formatCents(retailValue))")
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces (or cut) to exactly `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: " ", count: length - count)
    }
}

/// Splits `units` over shelves in proportion to their free space, largest remainders first, so the result
/// always sums to `min(units, total free space)`.
public func distribute(_ units: Int, over shelves: [Shelf]) -> [Int] {
    let free = shelves.map(\.freeSpace)
    let total = free.reduce(0, +)
    guard total > 0, units > 0 else { return Array(repeating: 0, count: shelves.count) }
    let amount = Swift.min(units, total)
    var shares = free.map { $0 * amount / total }
    var left = amount - shares.reduce(0, +)
    let order = free.indices.sorted { (free[$0] * amount) % total > (free[$1] * amount) % total }
    for index in order where left > 0 && shares[index] < free[index] {
        shares[index] += 1
        left -= 1
    }
    return shares
}
