/// A binary min-heap of `UInt64` keys in manually managed storage (no copy-on-write checks in the hot loop).
struct KeyHeap {
    private let storage: UnsafeMutablePointer<UInt64>
    private let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = UnsafeMutablePointer<UInt64>.allocate(capacity: max(capacity, 1))
    }

    func deallocate() {
        storage.deallocate()
    }

    /// Appends without restoring the heap order; call ``heapify()`` afterwards.
    mutating func appendUnordered(_ key: UInt64) {
        precondition(count < capacity, "KeyHeap capacity exceeded")
        storage[count] = key
        count += 1
    }

    /// Restores the heap order in O(n).
    mutating func heapify() {
        var index = count / 2
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
            let parent = (index - 1) >> 1
            let parentKey = storage[parent]
            if parentKey <= key {
                break
            }
            storage[index] = parentKey
            index = parent
        }
        storage[index] = key
    }

    mutating func popMin() -> UInt64? {
        guard count > 0 else { return nil }
        let top = storage[0]
        count -= 1
        if count > 0 {
            storage[0] = storage[count]
            siftDown(0)
        }
        return top
    }

    private func siftDown(_ start: Int) {
        let key = storage[start]
        var index = start
        while true {
            var child = 2 * index + 1
            if child >= count {
                break
            }
            if child + 1 < count, storage[child + 1] < storage[child] {
                child += 1
            }
            let childKey = storage[child]
            if key <= childKey {
                break
            }
            storage[index] = childKey
            index = child
        }
        storage[index] = key
    }
}
