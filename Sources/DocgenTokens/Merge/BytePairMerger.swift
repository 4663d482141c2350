/// Splits one pre-tokenized piece into tokens by byte-pair merging, exactly as tiktoken's `byte_pair_encode`.
///
/// The merge repeatedly joins the adjacent pair whose concatenation has the lowest rank, the leftmost one on
/// ties, until no adjacent pair is a token. Three strategies give the same tokens, each where it is fastest:
/// short pieces use tiktoken's own O(n·m) loop over a small array; medium pieces an 8-ary heap of candidate
/// pairs over a linked list of parts, O(n log n); long pieces (1 MB of one letter, base64 without line breaks,
/// minified code are single pieces or long ones) a bucket queue indexed by rank, O(n + R) for R tokens, so the
/// time per byte stays flat however long the piece is.
///
/// Within one encode call of a long text, a ``RankCache`` keeps recent rank lookups and a ``PieceCache`` replays
/// the tokens of pieces merged before; neither changes the result (a test checks both ways).
struct BytePairMerger {
    /// Pieces longer than this many bytes are merged with the heap.
    static let heapThreshold = 96

    /// Pieces longer than this many bytes are merged with the rank-bucket queue, whose fixed cost (a bitmap of
    /// R bits to scan) only pays off on long pieces.
    static let queueThreshold = 2_048

    /// Texts of at least this many bytes get a ``RankCache``.
    static let cacheThreshold = 512

    let vocabulary: Vocabulary
    /// The per-call lookup cache, or nil for short texts.
    var cache: RankCache?
    /// The per-call piece cache, or nil for short texts.
    var pieces: PieceCache?
    /// The per-call token-pair cache, or nil for short texts.
    var pairs: PairCache?

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// The rank of `bytes[0..<length]`, through the cache when there is one and the string is short.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        if length <= 8, let cache {
            return cache.rank(bytes, length, table: vocabulary.table)
        }
        return vocabulary.table.rank(bytes, length)
    }

    /// The rank of the concatenation of the adjacent tokens `left` and `right`, whose bytes are
    /// `bytes[0..<length]`.
    @inline(__always)
    func rank(_ left: UInt32, _ right: UInt32, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        if let pairs {
            return pairs.rank(left, right, bytes, length, table: vocabulary.table)
        }
        return vocabulary.table.rank(bytes, length)
    }

    /// Emits the tokens of `piece[0..<length]` into `sink`.
    @inline(__always)
    func encode<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        if length == 1 {
            sink.append(vocabulary.byteRanks[Int(piece[0])])
            return
        }
        if length == 2 {
            let rank = vocabulary.pairRank(piece[0], piece[1])
            if rank != UInt32.max {
                sink.append(rank)
            } else {
                sink.append(vocabulary.byteRanks[Int(piece[0])])
                sink.append(vocabulary.byteRanks[Int(piece[1])])
            }
            return
        }
        if length <= vocabulary.table.maxTokenLength {
            let wholeRank = rank(piece, length)
            if wholeRank != UInt32.max {
                sink.append(wholeRank)
                return
            }
        }
        if let pieces, length <= PieceCache.maxPieceLength {
            let key = RankTable.packedPrefix(piece, length)
            let hash = UInt64(bitPattern: Int64(RankTable.hash(key, piece, length)))
            if pieces.emit(piece, length, hash: hash, into: &sink) {
                return
            }
            let mark = pieces.tokensCount
            var arena = PieceCacheSink(cache: pieces)
            merge(piece, length, into: &arena)
            pieces.finish(piece, length, hash: hash, tokensFrom: mark, into: &sink)
            return
        }
        merge(piece, length, into: &sink)
    }

    /// Merges a piece that is not a single token.
    @inline(__always)
    private func merge<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        if length <= Self.heapThreshold {
            mergeSmall(piece, length, into: &sink)
        } else if length <= Self.queueThreshold {
            mergeLarge(piece, length, into: &sink)
        } else {
            mergeQueued(piece, length, into: &sink)
        }
    }

    /// tiktoken's `_byte_pair_merge`: a linear scan for the minimum after every merge.
    ///
    /// Each part keeps its position (its start offset) and one `UInt64` key, `pairRank << 32 | start`, where
    /// `pairRank` is the rank of the part joined with its right neighbour; merged-away parts get `UInt64.max`.
    /// The smallest key is then the lowest rank, leftmost on ties, and names its own position, so the scan is a
    /// plain minimum (four independent accumulators) and nothing is shifted. Neighbours are found through
    /// `next`/`previous` links. The token of a merged part is the rank of the pair that formed it.
    func mergeSmall<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: length) { keys in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length) { tokens in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * length + 2) { links in
                    mergeSmall(piece, length, keys: keys, tokens: tokens, links: links, into: &sink)
                }
            }
        }
    }

    @inline(__always)
    private func mergeSmall<Sink: TokenSink>(
        _ piece: UnsafePointer<UInt8>,
        _ length: Int,
        keys: UnsafeMutableBufferPointer<UInt64>,
        tokens: UnsafeMutableBufferPointer<UInt32>,
        links: UnsafeMutableBufferPointer<Int32>,
        into sink: inout Sink
    ) {
        // links[p] is the start of the part after p; links[length + 1 + p] the start of the part before p.
        let byteRanks = vocabulary.byteRanks
        for index in 0..<(length - 1) {
            keys[index] = UInt64(vocabulary.pairRank(piece[index], piece[index + 1])) << 32 | UInt64(index)
            tokens[index] = byteRanks[Int(piece[index])]
            links[index] = Int32(index + 1)
            links[length + 1 + index] = Int32(index - 1)
        }
        keys[length - 1] = Self.noPair | UInt64(length - 1)
        tokens[length - 1] = byteRanks[Int(piece[length - 1])]
        links[length - 1] = Int32(length)
        links[length + 1 + length - 1] = Int32(length - 2)
        while true {
            var best0 = UInt64.max
            var best1 = UInt64.max
            var best2 = UInt64.max
            var best3 = UInt64.max
            var index = 0
            while index &+ 4 <= length {
                best0 = Swift.min(best0, keys[index])
                best1 = Swift.min(best1, keys[index &+ 1])
                best2 = Swift.min(best2, keys[index &+ 2])
                best3 = Swift.min(best3, keys[index &+ 3])
                index &+= 4
            }
            while index < length {
                best0 = Swift.min(best0, keys[index])
                index &+= 1
            }
            let best = Swift.min(Swift.min(best0, best1), Swift.min(best2, best3))
            if best >= Self.noPair {
                break
            }
            let start = Int(truncatingIfNeeded: best & 0xFFFF_FFFF)
            tokens[start] = UInt32(truncatingIfNeeded: best >> 32)
            let removed = Int(links[start])
            let following = Int(links[removed])
            keys[removed] = UInt64.max
            links[start] = Int32(following)
            if following < length {
                links[length + 1 + following] = Int32(start)
                let end = Int(links[following])
                let merged = rank(tokens[start], tokens[following], piece + start, end - start)
                keys[start] = UInt64(merged) << 32 | UInt64(start)
            } else {
                keys[start] = Self.noPair | UInt64(start)
            }
            let before = Int(links[length + 1 + start])
            if before >= 0 {
                let merged = rank(tokens[before], tokens[start], piece + before, following - before)
                keys[before] = UInt64(merged) << 32 | UInt64(before)
            }
        }
        var start = 0
        while start < length {
            sink.append(tokens[start])
            start = Int(links[start])
        }
    }

    /// The key marking a part with no mergeable right neighbour (rank `UInt32.max`).
    static let noPair: UInt64 = 0xFFFF_FFFF_0000_0000

}
