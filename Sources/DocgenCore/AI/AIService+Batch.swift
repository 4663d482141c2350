import DocgenBase
public import DocgenTokens

extension AIService {
    /// One item of a batch: a planned request and the budget it was planned with.
    public struct BatchItem: Sendable {
        /// The planned request.
        public var request: ChatCompletionRequest
        /// Its budget (for re-planning).
        public var budget: TokenBudget
        /// A label for logs and metrics.
        public var file: String

        /// Creates an item.
        public init(request: ChatCompletionRequest, budget: TokenBudget, file: String) {
            self.request = request
            self.budget = budget
            self.file = file
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
        counter: any Tokenizer,
        concurrency: Int
    ) async -> [Result<ChatCompletionResult, any Error>] {
        let results = await BoundedConcurrency.map(items, width: concurrency) {
            item -> Result<ChatCompletionResult, any Error> in
            do {
                return .success(
                    try await complete(item.request, budget: item.budget, counter: counter, file: item.file))
            } catch {
                return .failure(error)
            }
        }
        return results.map { $0 ?? .failure(CancellationError()) }
    }
}
