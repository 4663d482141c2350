/// A min-heap of `UInt64` keys with eight children per node, in manually managed storage.
///
/// Eight `UInt64` children fill one 64-byte cache line, so a sift-down touches about log₈ n lines instead of the
/// log₂ n of a binary heap; that matters for the million-entry heaps of very long pieces.
struct KeyHeap {
    private static let arity = 8
    /// Logical index `i` lives at `storage[i + 7]`, so the children of `i`, `8i + 1 ... 8i + 8`, occupy
    /// `storage[8(i + 1) ..< 8(i + 2)]`: one aligned cache line.
    private static let offset = 7

    private let raw: UnsafeMutableRawPointer
    private let storage: UnsafeMutablePointer<UInt64>
    private let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        raw = UnsafeMutableRawPointer.allocate(
            byteCount: (self.capacity + Self.offset + Self.arity) * 8, alignment: 64)
        storage = raw.bindMemory(to: UInt64.self, capacity: self.capacity + Self.offset + Self.arity)
    }

    func deallocate() {
        raw.deallocate()
    }

    /// Appends without restoring the heap order; call ``heapify()`` afterwards.
    mutating func appendUnordered(_ key: UInt64) {
        precondition(count < capacity, "KeyHeap capacity exceeded")
        storage[count + Self.offset] = key
        count += 1
    }

    /// Restores the heap order in O(n).
    mutating func heapify() {
        guard count > 1 else { return }
        var index = (count - 2) / Self.arity + 1
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    mutating func push(_ key: UInt64) {
        precondition(count < capacity, "KeyHeap capacity exceeded")
        var index = count
        count += 1
        while index > 0 {
            let parent = (index - 1) / Self.arity
            let parentKey = storage[parent + Self.offset]
            if parentKey <= key {
                break
            }
            storage[index + Self.offset] = parentKey
            index = parent
        }
        storage[index + Self.offset] = key
    }

    /// The smallest key, or nil when empty.
    var min: UInt64? {
        count > 0 ? storage[Self.offset] : nil
    }

    /// Removes the smallest key; the heap must not be empty.
    mutating func removeMin() {
        count -= 1
        if count > 0 {
            storage[Self.offset] = storage[count + Self.offset]
            siftDown(0)
        }
    }

    /// Replaces the smallest key with `key` in one sift (cheaper than ``removeMin()`` then ``push(_:)``).
    mutating func replaceMin(with key: UInt64) {
        storage[Self.offset] = key
        siftDown(0)
    }

    mutating func popMin() -> UInt64? {
        guard let top = min else { return nil }
        removeMin()
        return top
    }

    private func siftDown(_ start: Int) {
        let key = storage[start + Self.offset]
        var index = start
        while true {
            let first = index * Self.arity + 1
            if first >= count {
                break
            }
            let last = Swift.min(first + Self.arity, count)
            var child = first
            var childKey = storage[first + Self.offset]
            var candidate = first + 1
            while candidate < last {
                // Branch-free selection: equal-rank keys make the comparison unpredictable.
                let candidateKey = storage[candidate + Self.offset]
                let isLess = candidateKey < childKey
                child = isLess ? candidate : child
                childKey = isLess ? candidateKey : childKey
                candidate += 1
            }
            if key <= childKey {
                break
            }
            storage[index + Self.offset] = childKey
            index = child
        }
        storage[index + Self.offset] = key
    }
}
