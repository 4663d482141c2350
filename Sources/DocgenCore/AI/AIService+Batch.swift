public import DocgenTokens

extension AIService {
    /// One item of a batch: a planned request and the budget it was planned with.
    public struct BatchItem: Sendable {
        /// The planned request.
        public var request: ChatCompletionRequest
        /// Its budget (for re-planning).
        public var budget: TokenBudget
        /// A label for logs and metrics.
        public var module: String

        /// Creates an item.
        public init(request: ChatCompletionRequest, budget: TokenBudget, module: String) {
            self.request = request
            self.budget = budget
            self.module = module
        }
    }

    /// Sends many requests with at most `concurrency` in flight and returns each outcome in input order.
    ///
    /// Structured concurrency: cancelling the calling task cancels in-flight requests, starts no new ones, and
    /// still returns every result that finished (unstarted items fail with `CancellationError`).
    ///
    /// - Parameters:
    ///   - items: The requests.
    ///   - counter: The encoding for counting answers without server usage.
    ///   - concurrency: Requests in flight at once (at least 1).
    /// - Returns: One result per item, in input order.
    public func completeAll(
        _ items: [BatchItem],
        counter: any TokenCounting,
        concurrency: Int
    ) async -> [Result<ChatCompletionResult, any Error>] {
        var results = [Result<ChatCompletionResult, any Error>?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Result<ChatCompletionResult, any Error>).self) { group in
            var next = 0
            func startNext() {
                guard next < items.count, !Task.isCancelled else { return }
                let index = next
                next += 1
                let item = items[index]
                group.addTask {
                    do {
                        let result = try await complete(
                            item.request, budget: item.budget, counter: counter, module: item.module)
                        return (index, .success(result))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
        }
        return results.map { $0 ?? .failure(CancellationError()) }
    }
}
