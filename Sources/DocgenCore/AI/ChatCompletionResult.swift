public import DocgenTokens

/// A model's answer to one planned request, with what it cost and how it went.
public struct ChatCompletionResult: Sendable, Equatable {
    /// The answer text.
    public var text: String
    /// The server's `finish_reason` (`stop`, `length`, `content_filter`…), if given.
    public var finishReason: String?
    /// Prompt tokens: the server's `usage.prompt_tokens`, or docgen's count when the server gave none.
    public var promptTokens: Int
    /// Completion tokens: the server's `usage.completion_tokens`, or counted from the text.
    public var completionTokens: Int
    /// Whether the token figures came from the server's `usage`.
    public var usageFromServer: Bool
    /// The plan the successful attempt was sent with (differs from the request's after a re-plan).
    public var plan: BudgetPlan
    /// Attempts made, the successful one included.
    public var attempts: Int
    /// Retries by cause.
    public var retries: [RetryPolicy.Cause: Int]
    /// From the first attempt to the answer, waits included.
    public var latency: Duration
    /// Estimated cost in USD, or nil when the model has no prices.
    public var costUSD: Double?
    /// Non-streamed fallbacks sent after two cut streams (0 or 1); the answer came from it when 1.
    public var streamFallbacks: Int

    /// Creates a result.
    public init(
        text: String,
        finishReason: String?,
        promptTokens: Int,
        completionTokens: Int,
        usageFromServer: Bool,
        plan: BudgetPlan,
        attempts: Int,
        retries: [RetryPolicy.Cause: Int],
        latency: Duration,
        costUSD: Double?,
        streamFallbacks: Int = 0
    ) {
        self.text = text
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.usageFromServer = usageFromServer
        self.plan = plan
        self.attempts = attempts
        self.retries = retries
        self.latency = latency
        self.costUSD = costUSD
        self.streamFallbacks = streamFallbacks
    }

    /// True when the answer stopped at the output cap (`finish_reason: length`) and is therefore cut short.
    public var isLengthLimited: Bool { finishReason == "length" }
}
