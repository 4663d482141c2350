/// A deterministic slice of a repository's files, so N CI jobs can split one run (`--shard I/N`).
///
/// A file belongs to shard `I` when the FNV-1a hash of its path is `I − 1` modulo `N`: the partition depends
/// only on the path, so adding a file never moves another file to a different shard.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based shard number.
    public var index: Int
    /// The number of shards.
    public var count: Int

    /// Parses `I/N` with `1 ≤ I ≤ N`.
    ///
    /// - Returns: nil when the text is not of that form.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether the file at `path` belongs to this shard.
    public func contains(_ path: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
