public import DocgenTokens

/// A ``Tokenizer`` for tests: one token per UTF-8 byte, so expected counts are easy to compute by hand.
///
/// Token ids are the byte values; `decodeBytes` returns them unchanged.
public struct ByteTokenCounter: Tokenizer {
    /// Creates a counter.
    public init() {}

    public var name: String { "bytes" }

    public func encode(_ text: String) -> [Int] { text.utf8.map(Int.init) }

    public func countTokens(in text: String) -> Int { text.utf8.count }

    public func decodeBytes(_ tokens: [Int]) -> [UInt8] {
        tokens.compactMap { (0...255).contains($0) ? UInt8($0) : nil }
    }
}
