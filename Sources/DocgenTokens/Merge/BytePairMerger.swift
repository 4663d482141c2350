/// Splits one pre-tokenized piece into tokens by byte-pair merging, exactly as tiktoken's `byte_pair_encode`.
///
/// The merge repeatedly joins the adjacent pair whose concatenation has the lowest rank, the leftmost one on
/// ties, until no adjacent pair is a token. Short pieces use tiktoken's own O(n·m) loop over a small array,
/// which is fastest there; long pieces use an 8-ary heap of candidate pairs over a linked list of parts, which
/// makes the worst case O(n log n) instead of quadratic (1 MB of one letter is a single piece).
///
/// Within one encode call of a long text, a ``RankCache`` keeps recent rank lookups and a ``PieceCache`` replays
/// the tokens of pieces merged before; neither changes the result (a test checks both ways).
struct BytePairMerger {
    /// Pieces longer than this many bytes are merged with the heap.
    static let heapThreshold = 96

    /// Texts of at least this many bytes get a ``RankCache``.
    static let cacheThreshold = 512

    let vocabulary: Vocabulary
    let table: RankTable
    /// The per-call lookup cache, or nil for short texts.
    var cache: RankCache?
    /// The per-call piece cache, or nil for short texts.
    var pieces: PieceCache?

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        self.table = vocabulary.table
    }

    /// The rank of `bytes[0..<length]`, through the cache when there is one and the string is short.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        if length <= 8, let cache {
            return cache.rank(bytes, length, table: table)
        }
        return table.rank(bytes, length)
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
        if length <= table.maxTokenLength {
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
        } else {
            mergeLarge(piece, length, into: &sink)
        }
    }

    /// tiktoken's `_byte_pair_merge`: a linear scan for the minimum after every merge.
    ///
    /// Each part is one `UInt64` key, `pairRank << 32 | start`, where `pairRank` is the rank of the part joined
    /// with its right neighbour; the smallest key is then the lowest rank, leftmost on ties, in one branch-free
    /// scan. The token of a merged part is the rank of the pair that formed it, so no final lookups are needed.
    func mergeSmall<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: length + 1) { keys in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length + 1) { tokens in
                let byteRanks = vocabulary.byteRanks
                for index in 0..<(length - 1) {
                    keys[index] = UInt64(vocabulary.pairRank(piece[index], piece[index + 1])) << 32 | UInt64(index)
                    tokens[index] = byteRanks[Int(piece[index])]
                }
                keys[length - 1] = Self.noPair | UInt64(length - 1)
                tokens[length - 1] = byteRanks[Int(piece[length - 1])]
                keys[length] = Self.noPair | UInt64(length)
                var partCount = length + 1
                while true {
                    var best = UInt64.max
                    var bestIndex = 0
                    for index in 0..<(partCount - 1) {
                        let key = keys[index]
                        let isLess = key < best
                        best = isLess ? key : best
                        bestIndex = isLess ? index : bestIndex
                    }
                    if best >= Self.noPair {
                        break
                    }
                    let index = bestIndex
                    tokens[index] = UInt32(truncatingIfNeeded: best >> 32)
                    if index > 0 {
                        keys[index - 1] = spanKey(piece, keys[index - 1], keys[index + 2], index + 2 < partCount)
                    }
                    keys[index] = spanKey(
                        piece, keys[index], index + 3 < partCount ? keys[index + 3] : 0, index + 3 < partCount)
                    for moved in (index + 1)..<(partCount - 1) {
                        keys[moved] = keys[moved + 1]
                        tokens[moved] = tokens[moved + 1]
                    }
                    partCount -= 1
                }
                for index in 0..<(partCount - 1) {
                    sink.append(tokens[index])
                }
            }
        }
    }

    /// The key marking a part with no mergeable right neighbour (rank `UInt32.max`).
    static let noPair: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The key of the part starting at `key`'s start whose pair extends to `endKey`'s start.
    @inline(__always)
    private func spanKey(_ piece: UnsafePointer<UInt8>, _ key: UInt64, _ endKey: UInt64, _ hasEnd: Bool) -> UInt64 {
        let start = key & 0xFFFF_FFFF
        guard hasEnd else { return Self.noPair | start }
        let end = endKey & 0xFFFF_FFFF
        let spanRank = rank(piece + Int(start), Int(end - start))
        return UInt64(spanRank) << 32 | start
    }
}
