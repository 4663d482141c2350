extension PlanReport {
    /// The retry settings behind the worst case with retries.
    ///
    /// ```swift
    /// let retry = PlanReport.Retry(policy: configuration.retry, retryFailedRounds: 1, streaming: true)
    /// retry.maxSendsPerRequest    // (1 + max_retries + 1 re-plan + 1 fallback) × 2 rounds
    /// ```
    public struct Retry: Sendable, Encodable, Equatable {
        /// Retries per request within a round (`max_retries`).
        public var maxRetries: Int
        /// Final rounds for files lost to transient faults (`retry_failed_rounds`).
        public var retryFailedRounds: Int
        /// Whether answers are streamed (a cut stream may fall back to one non-streamed send).
        public var streaming: Bool
        /// The most times one planned request is sent in a run (`RetryPolicy.maximumSends`).
        public var maxSendsPerRequest: Int

        /// Creates the settings from the run's retry policy.
        ///
        /// - Parameters:
        ///   - policy: The run's retry policy.
        ///   - retryFailedRounds: Final rounds for files lost to transient faults.
        ///   - streaming: Whether answers are streamed.
        public init(policy: RetryPolicy, retryFailedRounds: Int, streaming: Bool) {
            self.maxRetries = policy.maxRetries
            self.retryFailedRounds = retryFailedRounds
            self.streaming = streaming
            self.maxSendsPerRequest = policy.maximumSends(streaming: streaming, finalRounds: retryFailedRounds)
        }
    }

    /// Adds the worst case with retries to the totals: every request (repair requests included when the report
    /// has them) sent the most times `retry` allows, each billed in full.
    public mutating func applyRetry(_ retry: Retry) {
        self.retry = retry
        let requests = totals.worstCaseWithRepairs?.requests ?? totals.requests
        let cost = totals.worstCaseWithRepairs.map(\.estimatedCostUsd) ?? totals.estimatedCostUsd
        totals.worstCaseRequests = requests * retry.maxSendsPerRequest
        totals.worstCaseCostUsd = cost.map { $0 * Double(retry.maxSendsPerRequest) }
    }

    /// The table's line for the worst case with retries, or "" when the report has no retry settings.
    var retryTableLine: String {
        guard let retry, let requests = totals.worstCaseRequests else { return "" }
        var out = "worst case with retries"
        out += totals.worstCaseWithRepairs == nil ? "" : " and repairs"
        out += ": \(requests) requests (each sent at most \(retry.maxSendsPerRequest) times: "
        out += "\(retry.maxRetries + 1) attempts + 1 re-plan"
        out += retry.streaming ? " + 1 non-streamed fallback" : ""
        out += ", in \(retry.retryFailedRounds + 1) round\(retry.retryFailedRounds == 0 ? "" : "s")), est. cost "
        out += "\(Self.cost(totals.worstCaseCostUsd)) if every one were billed\n"
        return out
    }
}
