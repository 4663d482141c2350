/// The nesting of a file's symbols, read from their qualified names in source order: a symbol sits one level under
/// the longest qualifying prefix that is itself one of the file's symbols. A package or namespace that only
/// qualifies a name (`com.acme.Item`, `geo.Shape`) nests nothing.
///
/// ```swift
/// var nesting = SymbolNesting()
/// nesting.depth(of: "Warehouse")      // 0
/// nesting.depth(of: "Warehouse.add")  // 1
/// nesting.depth(of: "com.acme.Item")  // 0
/// ```
public struct SymbolNesting: Sendable {
    private var depths: [String: Int] = [:]

    /// No symbol seen yet.
    public init() {}

    /// The depth of the next symbol in source order (0 at the top), remembered for the symbols after it; a repeated
    /// name keeps the depth of its first occurrence.
    ///
    /// - Parameter qualifiedName: The dotted name through enclosing types.
    /// - Returns: The depth. Complexity O(dots in the name).
    public mutating func depth(of qualifiedName: String) -> Int {
        // Cut on the bytes: `.` is ASCII, and pages with thousands of symbols are outlined on every run.
        var end = qualifiedName.utf8.endIndex
        var depth = 0
        while let dot = qualifiedName.utf8[..<end].lastIndex(of: UInt8(ascii: ".")) {
            end = dot
            if let parent = depths[String(qualifiedName[..<dot])] {
                depth = parent + 1
                break
            }
        }
        if depths[qualifiedName] == nil { depths[qualifiedName] = depth }
        return depth
    }
}
