/// Remembers the tokens of pieces that needed merging, for the rest of one encode call.
///
/// Natural language repeats its words, and a word that is not a single token costs a full byte-pair merge
/// every time; this direct-mapped cache (sized to the text: 256 to 16,384 slots of 24 bytes) replays the earlier
/// result instead. Pieces of up to ``maxPieceLength`` bytes are cached until the arenas hold ``arenaLimit``
/// bytes or tokens. A struct over one manually managed `State`, so passing it around costs no reference
/// counting; the owner calls ``deallocate()``.
struct PieceCache {
    /// One slot; `length == 0` means empty.
    struct Entry {
        var hash: UInt64
        var length: UInt32
        var tokenCount: UInt32
        var bytesOffset: UInt32
        var tokensOffset: UInt32
    }

    /// The mutable arenas.
    struct State {
        var bytes: UnsafeMutablePointer<UInt8>
        var bytesCapacity: Int
        var bytesCount: Int
        var tokens: UnsafeMutablePointer<UInt32>
        var tokensCapacity: Int
        var tokensCount: Int
    }

    /// Longer pieces are not cached (they rarely repeat).
    static let maxPieceLength = 256
    private static let arenaLimit = 1 << 22

    private let entries: UnsafeMutablePointer<Entry>
    private let slotMask: Int
    private let state: UnsafeMutablePointer<State>

    /// A cache sized for a text of `textLength` bytes.
    init(textLength: Int) {
        var count = 256
        while count < 16_384, count * 16 < textLength {
            count <<= 1
        }
        slotMask = count - 1
        entries = UnsafeMutablePointer<Entry>.allocate(capacity: count)
        entries.initialize(
            repeating: Entry(hash: 0, length: 0, tokenCount: 0, bytesOffset: 0, tokensOffset: 0), count: count)
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(
            to: State(
                bytes: UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 14), bytesCapacity: 1 << 14, bytesCount: 0,
                tokens: UnsafeMutablePointer<UInt32>.allocate(capacity: 1 << 12), tokensCapacity: 1 << 12,
                tokensCount: 0))
    }

    /// Frees the cache; it must not be used afterwards.
    func deallocate() {
        state.pointee.bytes.deallocate()
        state.pointee.tokens.deallocate()
        state.deallocate()
        entries.deallocate()
    }

    /// The number of tokens in the token arena (a mark for ``finish(_:_:hash:tokensFrom:into:)``).
    var tokensCount: Int {
        state.pointee.tokensCount
    }

    /// Emits the cached tokens of `piece` into `sink` and returns true, or returns false on a miss.
    @inline(__always)
    func emit<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, hash: UInt64, into sink: inout Sink)
        -> Bool
    {
        let entry = entries[Int(truncatingIfNeeded: hash >> 11) & slotMask]
        guard entry.hash == hash, entry.length == UInt32(length) else { return false }
        let stored = state.pointee.bytes + Int(entry.bytesOffset)
        for index in 0..<length where stored[index] != piece[index] {
            return false
        }
        let tokens = state.pointee.tokens
        let first = Int(entry.tokensOffset)
        for index in first..<(first + Int(entry.tokenCount)) {
            sink.append(tokens[index])
        }
        return true
    }

    /// Appends one token to the token arena (used while merging a missed piece).
    @inline(__always)
    func appendToken(_ token: UInt32) {
        if state.pointee.tokensCount == state.pointee.tokensCapacity {
            let capacity = state.pointee.tokensCapacity * 2
            let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
            grown.moveInitialize(from: state.pointee.tokens, count: state.pointee.tokensCount)
            state.pointee.tokens.deallocate()
            state.pointee.tokens = grown
            state.pointee.tokensCapacity = capacity
        }
        state.pointee.tokens[state.pointee.tokensCount] = token
        state.pointee.tokensCount += 1
    }

    /// Records the tokens appended since `mark` as the result for `piece`, and replays them into `sink`.
    func finish<Sink: TokenSink>(
        _ piece: UnsafePointer<UInt8>, _ length: Int, hash: UInt64, tokensFrom mark: Int, into sink: inout Sink
    ) {
        let tokens = state.pointee.tokens
        let end = state.pointee.tokensCount
        for index in mark..<end {
            sink.append(tokens[index])
        }
        let bytesCount = state.pointee.bytesCount
        guard bytesCount + length <= Self.arenaLimit, end <= Self.arenaLimit else {
            state.pointee.tokensCount = mark
            return
        }
        if bytesCount + length > state.pointee.bytesCapacity {
            var capacity = state.pointee.bytesCapacity * 2
            while capacity < bytesCount + length {
                capacity *= 2
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.moveInitialize(from: state.pointee.bytes, count: bytesCount)
            state.pointee.bytes.deallocate()
            state.pointee.bytes = grown
            state.pointee.bytesCapacity = capacity
        }
        (state.pointee.bytes + bytesCount).update(from: piece, count: length)
        entries[Int(truncatingIfNeeded: hash >> 11) & slotMask] = Entry(
            hash: hash, length: UInt32(length), tokenCount: UInt32(end - mark),
            bytesOffset: UInt32(bytesCount), tokensOffset: UInt32(mark))
        state.pointee.bytesCount = bytesCount + length
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
