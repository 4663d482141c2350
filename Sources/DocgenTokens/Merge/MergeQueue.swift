/// The candidate pairs of one long piece, popped in tiktoken's merge order: lowest rank first, leftmost on ties.
///
/// A bucket queue indexed by rank instead of a comparison heap, so each operation is O(1) amortised and a merge
/// of n bytes costs O(n + R) for a vocabulary of R tokens, independent of how the ranks are distributed:
///
/// - Every part whose pair with its right neighbour is a token (its *candidate*) sits in the intrusive,
///   doubly linked list of the bucket for that rank, in insertion order; a changed or dead candidate is unlinked
///   in O(1), so buckets hold current candidates only.
/// - The lowest non-empty bucket becomes *current*: its members are copied into a snapshot and sorted by start
///   (buckets fill almost in start order, so the sort is usually a check). A bitmap of touched buckets finds the
///   next one in R / 64 word reads.
/// - While bucket `current` is processed, a candidate whose rank is `current` or lower cannot go into a bucket
///   (it would have to be interleaved with the snapshot): it goes into a small binary heap of `rank << 32 |
///   start` keys that ``popMin()`` merges with the snapshot. tiktoken's vocabularies almost never need it (a
///   pair's concatenation ranks above the pair), but it keeps the order exact for any rank file.
///
/// Popped keys may be stale (their part merged away or their rank changed since): the caller checks them. The
/// owner calls ``deallocate()``.
struct MergeQueue {
    /// `linkPrevious` of a part that is in no bucket (in the snapshot, in the heap, or without a candidate).
    private static let unlinked: Int32 = -2

    private let heads: UnsafeMutablePointer<Int32>
    private let tails: UnsafeMutablePointer<Int32>
    /// Bit r is set once bucket r has been used; `heads[r]`/`tails[r]` are valid only then.
    private let touched: UnsafeMutablePointer<UInt64>
    private let wordCount: Int
    private let linkNext: UnsafeMutablePointer<Int32>
    private let linkPrevious: UnsafeMutablePointer<Int32>
    /// The current bucket's members, sorted by start.
    private let snapshot: UnsafeMutablePointer<Int32>
    private var snapshotCount = 0
    private var snapshotIndex = 0
    /// The rank being processed; -1 before the first.
    private var current = -1
    /// Candidates of rank `current` or lower that arrived while `current` was processed.
    private var early = LowRankHeap()

    /// A queue for the parts `0..<partCount` of a piece, with ranks below `rankCount`.
    init(partCount: Int, rankCount: Int) {
        let parts = max(partCount, 1)
        heads = UnsafeMutablePointer<Int32>.allocate(capacity: max(rankCount, 1))
        tails = UnsafeMutablePointer<Int32>.allocate(capacity: max(rankCount, 1))
        wordCount = rankCount / 64 + 1
        touched = UnsafeMutablePointer<UInt64>.allocate(capacity: wordCount)
        touched.initialize(repeating: 0, count: wordCount)
        linkNext = UnsafeMutablePointer<Int32>.allocate(capacity: parts)
        linkPrevious = UnsafeMutablePointer<Int32>.allocate(capacity: parts)
        linkPrevious.initialize(repeating: Self.unlinked, count: parts)
        snapshot = UnsafeMutablePointer<Int32>.allocate(capacity: parts)
    }

    /// Frees the queue; it must not be used afterwards.
    func deallocate() {
        heads.deallocate()
        tails.deallocate()
        touched.deallocate()
        linkNext.deallocate()
        linkPrevious.deallocate()
        snapshot.deallocate()
    }

    /// Adds part `start` as a candidate of `rank`; the part must not be queued already.
    @inline(__always)
    mutating func insert(_ start: Int, rank: UInt32) {
        let bucket = Int(rank)
        guard bucket > current else {
            early.push(UInt64(rank) << 32 | UInt64(start))
            return
        }
        let word = bucket >> 6
        let bit = UInt64(1) << UInt64(bucket & 63)
        if touched[word] & bit == 0 {
            touched[word] |= bit
            heads[bucket] = -1
            tails[bucket] = -1
        }
        let tail = tails[bucket]
        linkPrevious[start] = tail
        linkNext[start] = -1
        if tail >= 0 {
            linkNext[Int(tail)] = Int32(truncatingIfNeeded: start)
        } else {
            heads[bucket] = Int32(truncatingIfNeeded: start)
        }
        tails[bucket] = Int32(truncatingIfNeeded: start)
    }

    /// Withdraws part `start`, a candidate of `rank`, from its bucket (keys already in the snapshot or the heap
    /// stay and are found stale later).
    @inline(__always)
    mutating func remove(_ start: Int, rank: UInt32) {
        let previous = linkPrevious[start]
        guard previous != Self.unlinked else { return }
        let next = linkNext[start]
        let bucket = Int(rank)
        if previous >= 0 {
            linkNext[Int(previous)] = next
        } else {
            heads[bucket] = next
        }
        if next >= 0 {
            linkPrevious[Int(next)] = previous
        } else {
            tails[bucket] = previous
        }
        linkPrevious[start] = Self.unlinked
    }

    /// The next key `rank << 32 | start` in merge order, or nil when no candidate is left.
    @inline(__always)
    mutating func popMin() -> UInt64? {
        while true {
            if snapshotIndex < snapshotCount {
                let candidate = UInt64(current) << 32 | UInt64(snapshot[snapshotIndex])
                if let low = early.min, low < candidate {
                    return early.popMin()
                }
                snapshotIndex += 1
                return candidate
            }
            if let low = early.popMin() {
                return low
            }
            guard advance() else {
                return nil
            }
        }
    }

    /// Makes the next non-empty bucket current; false when there is none.
    private mutating func advance() -> Bool {
        while true {
            let from = current + 1
            var word = from >> 6
            guard word < wordCount else { return false }
            var bits = touched[word] & (UInt64.max << UInt64(from & 63))
            while bits == 0 {
                word += 1
                guard word < wordCount else { return false }
                bits = touched[word]
            }
            let bucket = word << 6 | bits.trailingZeroBitCount
            // From now on, candidates of this rank or lower go to `early`, so the bucket is never used again.
            touched[word] &= ~(UInt64(1) << UInt64(bucket & 63))
            current = bucket
            var member = heads[bucket]
            var count = 0
            var isSorted = true
            while member >= 0 {
                if count > 0, snapshot[count - 1] > member {
                    isSorted = false
                }
                snapshot[count] = member
                count += 1
                linkPrevious[Int(member)] = Self.unlinked
                member = linkNext[Int(member)]
            }
            if count > 0 {
                if !isSorted {
                    var members = UnsafeMutableBufferPointer(start: snapshot, count: count)
                    members.sort()
                }
                snapshotCount = count
                snapshotIndex = 0
                return true
            }
        }
    }
}

/// A binary min-heap of `UInt64` keys in an array: the rarely used overflow of ``MergeQueue``.
struct LowRankHeap {
    private var keys: [UInt64] = []

    /// The smallest key, or nil when empty.
    var min: UInt64? {
        keys.first
    }

    mutating func push(_ key: UInt64) {
        keys.append(key)
        var index = keys.count - 1
        while index > 0 {
            let parent = (index - 1) / 2
            guard keys[parent] > key else { break }
            keys[index] = keys[parent]
            index = parent
        }
        keys[index] = key
    }

    mutating func popMin() -> UInt64? {
        guard let top = keys.first else { return nil }
        guard let last = keys.popLast(), !keys.isEmpty else { return top }
        var index = 0
        let count = keys.count
        while true {
            var child = 2 * index + 1
            guard child < count else { break }
            if child + 1 < count, keys[child + 1] < keys[child] {
                child += 1
            }
            guard keys[child] < last else { break }
            keys[index] = keys[child]
            index = child
        }
        keys[index] = last
        return top
    }
}
