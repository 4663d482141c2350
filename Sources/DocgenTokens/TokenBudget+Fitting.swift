extension TokenBudget {
    /// A conversation made to fit a model, with its plan and a report of what had to go.
    public struct FittedRequest: Sendable, Hashable {
        /// The messages to send: the input, or a compressed copy.
        public var messages: [ChatMessage]
        /// The token plan for those messages.
        public var plan: BudgetPlan
        /// What compression dropped or truncated; ``ConversationCompressor/Report/isTruncated`` is false when the
        /// conversation fitted as it was.
        public var report: ConversationCompressor.Report
    }

    /// Compresses a conversation to ``maxPromptTokens`` if needed, then plans the request.
    ///
    /// This is the whole budgeting step of a request in one call: count, shrink to fit with the minimum
    /// completion, plan `max_tokens`. When the report says something was truncated, log
    /// ``ConversationCompressor/Report/warningMessage`` with its metadata.
    ///
    /// - Parameters:
    ///   - messages: The conversation, oldest first.
    ///   - tools: Tool definitions sent with the request.
    ///   - compressor: A compressor using this model's encoding and ``ModelProfile/messageOverhead``.
    /// - Returns: The messages to send, their plan and the compression report.
    /// - Throws: ``TokenBudgetError`` when even the compressed conversation cannot fit.
    public func fit(
        _ messages: [ChatMessage],
        tools: [MessageOverhead.ToolDefinition] = [],
        compressor: ConversationCompressor
    ) throws -> FittedRequest {
        let compressed = try compressor.compress(messages, toFit: maxPromptTokens, tools: tools)
        let plan = try self.plan(promptTokens: compressed.report.finalTokens, isEstimate: !tools.isEmpty)
        return FittedRequest(messages: compressed.messages, plan: plan, report: compressed.report)
    }
}
