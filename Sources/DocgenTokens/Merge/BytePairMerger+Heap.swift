extension BytePairMerger {
    /// The same merge as `mergeSmall`, in O(n log n): a min-heap of `(rank, start)` keys over a doubly linked
    /// list of parts, with stale heap entries skipped lazily.
    ///
    /// Popping the smallest `(rank, start)` key picks the lowest rank and, on ties, the leftmost pair, which is
    /// the pair tiktoken's scan picks. An entry is current when its part is alive and the part's pair still has
    /// that rank; every current pair always has an entry, so the popped current entry is the global minimum.
    func mergeLarge<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ length: Int, into sink: inout Sink) {
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: length + 1)
        let previous = UnsafeMutablePointer<Int32>.allocate(capacity: length + 1)
        let pairRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: length + 1)
        let tokens = UnsafeMutablePointer<UInt32>.allocate(capacity: length + 1)
        var heap = KeyHeap(capacity: 2 * length + 2)  // n - 1 initial pairs, at most one net push per merge
        defer {
            next.deallocate()
            previous.deallocate()
            pairRanks.deallocate()
            tokens.deallocate()
            heap.deallocate()
        }
        for start in 0..<length {
            next[start] = Int32(start + 1)
            previous[start] = Int32(start - 1)
            tokens[start] = vocabulary.byteRanks[Int(piece[start])]
            let initial = start + 2 <= length ? vocabulary.pairRank(piece[start], piece[start + 1]) : UInt32.max
            pairRanks[start] = initial
            if initial != UInt32.max {
                heap.appendUnordered(UInt64(initial) << 32 | UInt64(start))
            }
        }
        heap.heapify()
        let dead: Int32 = -2
        while let key = heap.min {
            let pairRank = UInt32(truncatingIfNeeded: key >> 32)
            let start = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
            guard previous[start] != dead, pairRanks[start] == pairRank else {
                heap.removeMin()
                continue
            }
            tokens[start] = pairRank
            let removed = Int(next[start])
            let following = Int(next[removed])
            next[start] = Int32(following)
            previous[removed] = dead
            // The popped entry's slot is reused for the first new pair: one sift instead of two.
            var isTopReplaced = false
            if following < length {
                previous[following] = Int32(start)
                let merged = rank(tokens[start], tokens[following], piece + start, Int(next[following]) - start)
                pairRanks[start] = merged
                if merged != UInt32.max {
                    heap.replaceMin(with: UInt64(merged) << 32 | UInt64(start))
                    isTopReplaced = true
                }
            } else {
                pairRanks[start] = UInt32.max
            }
            let before = Int(previous[start])
            if before >= 0 {
                let merged = rank(tokens[before], tokens[start], piece + before, following - before)
                pairRanks[before] = merged
                if merged != UInt32.max {
                    let newKey = UInt64(merged) << 32 | UInt64(before)
                    if isTopReplaced {
                        heap.push(newKey)
                    } else {
                        heap.replaceMin(with: newKey)
                        isTopReplaced = true
                    }
                }
            }
            if !isTopReplaced {
                heap.removeMin()
            }
        }
        var start = 0
        while start < length {
            let end = Int(next[start])
            sink.append(tokens[start])
            start = end
        }
    }
}
