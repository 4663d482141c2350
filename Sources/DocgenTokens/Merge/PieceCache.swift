/// Remembers the tokens of pieces that needed merging, for the rest of one encode call.
///
/// Natural language repeats its words, and a word that is not a single token costs a full byte-pair merge
/// every time; this direct-mapped cache (4,096 slots) replays the earlier result instead. Pieces of up to
/// ``maxPieceLength`` bytes are cached until the arenas hold ``arenaLimit`` bytes or tokens.
final class PieceCache {
    /// One slot; `length == 0` means empty.
    struct Entry {
        var hash: UInt64
        var length: UInt32
        var tokenCount: UInt32
        var bytesOffset: UInt32
        var tokensOffset: UInt32
    }

    /// Longer pieces are not cached (they rarely repeat).
    static let maxPieceLength = 256
    private static let slotCount = 4096
    private static let arenaLimit = 1 << 22

    private let entries: UnsafeMutablePointer<Entry>
    private var bytes: UnsafeMutablePointer<UInt8>
    private var bytesCapacity = 1 << 14
    private var bytesCount = 0
    private(set) var tokens: UnsafeMutablePointer<UInt32>
    private var tokensCapacity = 1 << 12
    private(set) var tokensCount = 0

    init() {
        entries = UnsafeMutablePointer<Entry>.allocate(capacity: Self.slotCount)
        entries.initialize(
            repeating: Entry(hash: 0, length: 0, tokenCount: 0, bytesOffset: 0, tokensOffset: 0), count: Self.slotCount)
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: bytesCapacity)
        tokens = UnsafeMutablePointer<UInt32>.allocate(capacity: tokensCapacity)
    }

    deinit {
        entries.deallocate()
        bytes.deallocate()
        tokens.deallocate()
    }

    /// Emits the cached tokens of `piece` into `sink` and returns true, or returns false on a miss.
    @inline(__always)
    func emit<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, hash: UInt64, into sink: inout Sink)
        -> Bool
    {
        let entry = entries[Int(truncatingIfNeeded: hash >> 11) & (Self.slotCount - 1)]
        guard entry.hash == hash, entry.length == UInt32(length) else { return false }
        let stored = bytes + Int(entry.bytesOffset)
        for index in 0..<length where stored[index] != piece[index] {
            return false
        }
        let first = Int(entry.tokensOffset)
        for index in first..<(first + Int(entry.tokenCount)) {
            sink.append(tokens[index])
        }
        return true
    }

    /// Appends one token to the token arena (used while merging a missed piece).
    @inline(__always)
    func appendToken(_ token: UInt32) {
        if tokensCount == tokensCapacity {
            let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: tokensCapacity * 2)
            grown.moveInitialize(from: tokens, count: tokensCount)
            tokens.deallocate()
            tokens = grown
            tokensCapacity *= 2
        }
        tokens[tokensCount] = token
        tokensCount += 1
    }

    /// Records the tokens appended since `mark` as the result for `piece`, and replays them into `sink`.
    func finish<Sink: TokenSink>(
        _ piece: UnsafePointer<UInt8>, _ length: Int, hash: UInt64, tokensFrom mark: Int, into sink: inout Sink
    ) {
        for index in mark..<tokensCount {
            sink.append(tokens[index])
        }
        guard bytesCount + length <= Self.arenaLimit, tokensCount <= Self.arenaLimit else {
            tokensCount = mark
            return
        }
        if bytesCount + length > bytesCapacity {
            var capacity = bytesCapacity * 2
            while capacity < bytesCount + length {
                capacity *= 2
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.moveInitialize(from: bytes, count: bytesCount)
            bytes.deallocate()
            bytes = grown
            bytesCapacity = capacity
        }
        (bytes + bytesCount).update(from: piece, count: length)
        entries[Int(truncatingIfNeeded: hash >> 11) & (Self.slotCount - 1)] = Entry(
            hash: hash, length: UInt32(length), tokenCount: UInt32(tokensCount - mark),
            bytesOffset: UInt32(bytesCount), tokensOffset: UInt32(mark))
        bytesCount += length
    }
}

/// A sink that appends to a ``PieceCache``'s token arena.
struct PieceCacheSink: TokenSink {
    let cache: PieceCache

    @inline(__always)
    mutating func append(_ token: UInt32) {
        cache.appendToken(token)
    }
}
