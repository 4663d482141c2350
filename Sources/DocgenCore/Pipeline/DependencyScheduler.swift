/// Runs work in dependency order with a fixed width: an element starts once every element it waits for has a
/// result (done or failed), so leaves go first and independent elements still run concurrently.
///
/// Ready elements start in input order (give them leaves first, e.g. by strongly connected component). The
/// waits must not form a cycle; elements of one cycle should not wait for each other (pass only waits on other
/// components). A wait on an index outside the input, or on itself, is ignored.
///
/// ```swift
/// // 0 ← 1 ← 2 (2 uses 1, 1 uses 0): runs 0, then 1, then 2; 3 runs beside them.
/// let results = await DependencyScheduler.map([a, b, c, d], waits: [[], [0], [1], []], width: 2) { await doc($0) }
/// ```
public enum DependencyScheduler {
    /// Runs `operation` on every element, each after the elements it waits for, at most `width` at once.
    ///
    /// - Parameters:
    ///   - elements: The inputs, in preferred start order.
    ///   - waits: For each element, the indices of the elements it waits for.
    ///   - width: Operations in flight at once (at least 1).
    ///   - onResult: Called on the calling task as each result arrives, with its index and the number done.
    ///   - operation: The work for one element.
    /// - Returns: One result per element, `nil` for elements not started (cancelled).
    ///
    /// O(n + w log n) scheduling work for n elements and w waits.
    public static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element],
        waits: [[Int]],
        width: Int,
        onResult: ((_ index: Int, _ result: Output, _ done: Int) -> Void)? = nil,
        _ operation: @escaping @Sendable (Element) async -> Output
    ) async -> [Output?] {
        let count = elements.count
        var results = [Output?](repeating: nil, count: count)
        var remaining = Array(repeating: 0, count: count)
        var waiters = Array(repeating: [Int](), count: count)
        for index in 0..<count {
            let unique = Set((index < waits.count ? waits[index] : []).filter { $0 >= 0 && $0 < count && $0 != index })
            remaining[index] = unique.count
            for wait in unique { waiters[wait].append(index) }
        }
        var ready = MinimumHeap((0..<count).filter { remaining[$0] == 0 })
        await withTaskGroup(of: (Int, Output).self) { group in
            var running = 0
            var done = 0
            func startReady() {
                while running < max(1, width), !Task.isCancelled, let index = ready.pop() {
                    running += 1
                    let element = elements[index]
                    group.addTask { (index, await operation(element)) }
                }
            }
            startReady()
            while let (index, result) = await group.next() {
                running -= 1
                results[index] = result
                done += 1
                onResult?(index, result, done)
                for waiter in waiters[index] {
                    remaining[waiter] -= 1
                    if remaining[waiter] == 0 { ready.push(waiter) }
                }
                startReady()
            }
        }
        return results
    }
}

/// A binary min-heap of indices: the lowest ready index starts first.
struct MinimumHeap {
    private var items: [Int] = []

    init(_ values: [Int]) {
        for value in values { push(value) }
    }

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, items[left] < items[smallest] { smallest = left }
                if right < items.count, items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
