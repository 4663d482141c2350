/// Structured concurrency with a fixed width: the one loop docgen uses for batches, file runs and plans.
public enum BoundedConcurrency {
    /// Runs `operation` on every element with at most `width` operations in flight, and returns the results in
    /// input order.
    ///
    /// When the calling task is cancelled no new operation starts; operations already running see the
    /// cancellation (they are child tasks), and elements never started have a `nil` result.
    ///
    /// - Parameters:
    ///   - elements: The inputs.
    ///   - width: Operations in flight at once (at least 1).
    ///   - onResult: Called on the calling task as each result arrives, with its index and the number done.
    ///   - operation: The work for one element.
    /// - Returns: One result per element, `nil` for elements not started.
    public static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element],
        width: Int,
        onResult: ((_ index: Int, _ result: Output, _ done: Int) -> Void)? = nil,
        _ operation: @escaping @Sendable (Element) async -> Output
    ) async -> [Output?] {
        var results = [Output?](repeating: nil, count: elements.count)
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            var done = 0
            func startNext() {
                guard next < elements.count, !Task.isCancelled else { return }
                let index = next
                next += 1
                let element = elements[index]
                group.addTask { (index, await operation(element)) }
            }
            for _ in 0..<max(1, width) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                done += 1
                onResult?(index, result, done)
                startNext()
            }
        }
        return results
    }
}
