/// Splits one pre-tokenized piece into tokens by byte-pair merging, exactly as tiktoken's `byte_pair_encode`.
///
/// The merge repeatedly joins the adjacent pair whose concatenation has the lowest rank, the leftmost one on
/// ties, until no adjacent pair is a token. Short pieces use tiktoken's own O(n·m) loop over a small array,
/// which is fastest there; long pieces use a binary heap of candidate pairs over a linked list of parts, which
/// makes the worst case O(n log n) instead of quadratic (1 MB of one letter is a single piece).
struct BytePairMerger {
    /// Pieces longer than this many bytes are merged with the heap.
    static let heapThreshold = 96

    let vocabulary: Vocabulary
    let table: RankTable

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        self.table = vocabulary.table
    }

    /// Emits the tokens of `piece[0..<length]` into `sink`.
    @inline(__always)
    func encode<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        if length == 1 {
            sink.append(vocabulary.byteRanks[Int(piece[0])])
            return
        }
        if length <= table.maxTokenLength {
            let rank = table.rank(piece, length)
            if rank != UInt32.max {
                sink.append(rank)
                return
            }
        }
        if length <= Self.heapThreshold {
            mergeSmall(piece, length, into: &sink)
        } else {
            mergeLarge(piece, length, into: &sink)
        }
    }

    /// tiktoken's `_byte_pair_merge`: a linear scan for the minimum after every merge.
    func mergeSmall<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length + 1) { ranks in
                for index in 0..<(length - 1) {
                    starts[index] = index
                    ranks[index] = table.rank(piece + index, 2)
                }
                starts[length - 1] = length - 1
                ranks[length - 1] = UInt32.max
                starts[length] = length
                ranks[length] = UInt32.max
                var partCount = length + 1
                while true {
                    var minRank = UInt32.max
                    var minIndex = 0
                    for index in 0..<(partCount - 1) where ranks[index] < minRank {
                        minRank = ranks[index]
                        minIndex = index
                    }
                    if minRank == UInt32.max {
                        break
                    }
                    if minIndex > 0 {
                        ranks[minIndex - 1] = pairRank(piece, starts, minIndex - 1, partCount)
                    }
                    ranks[minIndex] = pairRank(piece, starts, minIndex, partCount)
                    for index in (minIndex + 1)..<(partCount - 1) {
                        starts[index] = starts[index + 1]
                        ranks[index] = ranks[index + 1]
                    }
                    partCount -= 1
                }
                for index in 0..<(partCount - 1) {
                    sink.append(table.rank(piece + starts[index], starts[index + 1] - starts[index]))
                }
            }
        }
    }

    /// The rank of the bytes spanning parts `index` and `index + 1` once part `index + 1` has merged with
    /// part `index + 2` (tiktoken's `get_rank`, evaluated before the removal).
    @inline(__always)
    private func pairRank(
        _ piece: UnsafePointer<UInt8>,
        _ starts: UnsafeMutableBufferPointer<Int>,
        _ index: Int,
        _ partCount: Int
    ) -> UInt32 {
        guard index + 3 < partCount else { return UInt32.max }
        return table.rank(piece + starts[index], starts[index + 3] - starts[index])
    }
}
