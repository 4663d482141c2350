import Dispatch
import Synchronization

/// CPU-bound work over many items on every core, outside Swift concurrency's cooperative pool: checking thousands
/// of pages, digesting thousands of files, rendering a site.
///
/// ```swift
/// let lengths = ParallelMap.map(pages) { $0.utf8.count }  // in the order of `pages`
/// ```
public enum ParallelMap {
    /// `transform` over `items` on every core; the results are in the order of `items`.
    ///
    /// - Parameters:
    ///   - items: The inputs.
    ///   - transform: Called once per item, from any thread.
    /// - Returns: The outputs, in order.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Output
    ) -> [Output] {
        let results = Mutex<[Int: Output]>([:])
        let chunks = max(1, min(items.count, 64))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [Int: Output] = [:]
            var index = chunk
            while index < items.count {
                local[index] = transform(items[index])
                index += chunks
            }
            let done = local
            results.withLock { $0.merge(done) { first, _ in first } }
        }
        return results.withLock { all in items.indices.compactMap { all[$0] } }
    }
}
