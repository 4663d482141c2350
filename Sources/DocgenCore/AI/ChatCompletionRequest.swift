public import DocgenTokens

/// A chat-completion request that has been planned: its messages, and the token plan that fixes `max_tokens`.
///
/// Only a ``BudgetPlan`` from ``TokenBudget`` can set the completion cap, so a request that would overrun the
/// model's window cannot be built. The messages counted by the plan are the messages sent, byte for byte.
///
/// ```swift
/// let plan = try budget.plan(messages: messages, using: encoding)
/// let request = ChatCompletionRequest(modelName: "gpt-4o", messages: messages, plan: plan)
/// ```
public struct ChatCompletionRequest: Sendable, Equatable {
    /// The model name sent in the body (`model`).
    public var modelName: String
    /// The conversation, exactly as sent.
    public var messages: [ChatMessage]
    /// The token plan; its ``BudgetPlan/maxCompletionTokens`` goes in ``BudgetPlan/outputLimitField``.
    public var plan: BudgetPlan
    /// Whether to stream the answer (server-sent events).
    public var stream: Bool
    /// Sampling temperature, or nil to leave the server's default (reasoning models reject it).
    public var temperature: Double?

    /// Creates a request.
    public init(
        modelName: String,
        messages: [ChatMessage],
        plan: BudgetPlan,
        stream: Bool = false,
        temperature: Double? = nil
    ) {
        self.modelName = modelName
        self.messages = messages
        self.plan = plan
        self.stream = stream
        self.temperature = temperature
    }
}
