extension TokenBudget {
    /// Plans a request whose prompt has already been counted.
    ///
    /// - Parameters:
    ///   - promptTokens: The counted prompt tokens; must be ≥ 0.
    ///   - isEstimate: Whether the count itself is approximate (for example because tools were estimated); the
    ///     plan is an estimate when this is true or the model's count is.
    /// - Returns: A plan that respects the window; see ``maxCompletionTokens(promptTokens:)``.
    /// - Throws: ``TokenBudgetError`` with the exact excess when the prompt is too large.
    public func plan(promptTokens: Int, isEstimate: Bool = false) throws -> BudgetPlan {
        let maxTokens = try maxCompletionTokens(promptTokens: promptTokens)
        return BudgetPlan(
            modelID: model.id,
            promptTokens: promptTokens,
            reservedPromptTokens: model.reservedPromptTokens(forCounted: promptTokens),
            maxCompletionTokens: maxTokens,
            contextWindowTokens: model.contextWindowTokens,
            safetyMarginTokens: safetyMarginTokens,
            outputLimitField: model.outputLimitField,
            isEstimate: isEstimate || model.isEstimate
        )
    }

    /// Counts a conversation with the model's ``ModelProfile/messageOverhead`` and plans the request.
    ///
    /// - Complexity: O(*n*) in the total UTF-8 length of the messages and tools.
    /// - Parameters:
    ///   - messages: The conversation.
    ///   - tools: Tool definitions sent with the request; they make the plan an estimate.
    ///   - counter: The encoding named by the model's ``ModelProfile/encodingName``.
    /// - Returns: A plan that respects the window.
    /// - Throws: ``TokenBudgetError`` with the exact excess when the prompt is too large.
    public func plan(
        messages: [ChatMessage],
        tools: [MessageOverhead.ToolDefinition] = [],
        using counter: any Tokenizer
    ) throws -> BudgetPlan {
        let count = model.messageOverhead.countTokens(in: messages, tools: tools, using: counter)
        return try plan(promptTokens: count.totalTokens, isEstimate: count.isEstimate)
    }
}
