public import DocgenTokens

/// The requests docgen will send for one file, fitted to the model's budget, before any is sent.
public struct FilePlan: Sendable, Equatable {
    /// One request of the file.
    public struct Part: Sendable, Equatable {
        /// The planned request: messages exactly as sent, and `max_tokens`.
        public var request: ChatCompletionRequest
        /// The symbols this part documents (qualified names).
        public var symbols: [String]
        /// Source lines of this part left out to fit (the part's own lines only).
        public var omittedLines: Int
    }

    /// The file path relative to the repository root.
    public var path: String
    /// `Python` or `Swift`.
    public var language: String
    /// Symbols in the file.
    public var symbolCount: Int
    /// Lines in the file.
    public var sourceLines: Int
    /// The requests, in the order their answers are merged.
    public var parts: [Part]

    /// Source lines cut to fit, over all parts (lines of one part that belong to another are not counted).
    public var truncatedLines: Int { parts.reduce(0) { $0 + $1.omittedLines } }
    /// The number of requests.
    public var requestCount: Int { parts.count }
    /// Prompt tokens over all requests (exact for models with a tiktoken encoding).
    public var promptTokens: Int { parts.reduce(0) { $0 + $1.request.plan.promptTokens } }
    /// `max_tokens` over all requests.
    public var maxCompletionTokens: Int { parts.reduce(0) { $0 + $1.request.plan.maxCompletionTokens } }
    /// Whether any source was cut.
    public var isTruncated: Bool { truncatedLines > 0 }
    /// Whether the file needs several requests.
    public var isSplit: Bool { parts.count > 1 }

    /// The most the file can cost: every prompt token plus every planned completion token, in USD.
    ///
    /// - Parameter profile: The model profile with prices; nil prices give nil.
    public func estimatedCostUSD(for profile: ModelProfile) -> Double? {
        let estimator = CostEstimator()
        var total = 0.0
        for part in parts {
            guard let cost = estimator.maximumCost(of: part.request.plan, for: profile) else { return nil }
            total += cost.totalUSD
        }
        return total
    }
}
