extension BytePairMerger {
    /// The same merge as `mergeSmall`, in O(n + R) for n bytes and R tokens: a doubly linked list of parts and a
    /// ``MergeQueue`` of candidate pairs bucketed by rank.
    ///
    /// Each part keeps its token, its `next`/`previous` neighbours and `pairRanks`, the rank of its pair with the
    /// right neighbour (`UInt32.max` when that is not a token). Every part with a candidate pair is queued under
    /// that rank; the queue pops `(rank, start)` in the order tiktoken's scan picks (lowest rank, leftmost on
    /// ties). A popped key is current when its part is alive and still has that pair rank; merging it changes
    /// at most three parts' candidates (the removed part's and the two new pairs), each in O(1).
    func mergeQueued<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: length + 1)
        let previous = UnsafeMutablePointer<Int32>.allocate(capacity: length + 1)
        let pairRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: length + 1)
        let tokens = UnsafeMutablePointer<UInt32>.allocate(capacity: length + 1)
        var queue = MergeQueue(partCount: length, rankCount: vocabulary.tokenCount)
        defer {
            next.deallocate()
            previous.deallocate()
            pairRanks.deallocate()
            tokens.deallocate()
            queue.deallocate()
        }
        for start in 0..<length {
            next[start] = Int32(start + 1)
            previous[start] = Int32(start - 1)
            tokens[start] = vocabulary.byteRanks[Int(piece[start])]
            let initial = start + 2 <= length ? vocabulary.pairRank(piece[start], piece[start + 1]) : UInt32.max
            pairRanks[start] = initial
            if initial != UInt32.max {
                queue.insert(start, rank: initial)
            }
        }
        let dead: Int32 = -2
        while let key = queue.popMin() {
            let pairRank = UInt32(truncatingIfNeeded: key >> 32)
            let start = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
            guard previous[start] != dead, pairRanks[start] == pairRank else {
                continue
            }
            tokens[start] = pairRank
            let removed = Int(next[start])
            let following = Int(next[removed])
            next[start] = Int32(following)
            previous[removed] = dead
            if pairRanks[removed] != UInt32.max {
                queue.remove(removed, rank: pairRanks[removed])
                pairRanks[removed] = UInt32.max
            }
            queue.remove(start, rank: pairRank)  // a popped part is in no bucket; kept for any future queue
            if following < length {
                previous[following] = Int32(start)
                let merged = rank(tokens[start], tokens[following], piece + start, Int(next[following]) - start)
                pairRanks[start] = merged
                if merged != UInt32.max {
                    queue.insert(start, rank: merged)
                }
            } else {
                pairRanks[start] = UInt32.max
            }
            let before = Int(previous[start])
            if before >= 0 {
                let merged = rank(tokens[before], tokens[start], piece + before, following - before)
                if pairRanks[before] != UInt32.max {
                    queue.remove(before, rank: pairRanks[before])
                }
                pairRanks[before] = merged
                if merged != UInt32.max {
                    queue.insert(before, rank: merged)
                }
            }
        }
        var start = 0
        while start < length {
            sink.append(tokens[start])
            start = Int(next[start])
        }
    }
}
