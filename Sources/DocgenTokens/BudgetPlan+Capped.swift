extension BudgetPlan {
    /// The same plan with `max_tokens` lowered to at most `completionTokens` (never raised, never below 1).
    ///
    /// Lowering the completion keeps every invariant of the plan: prompt + margin + completion still fits.
    ///
    /// - Parameter completionTokens: The largest completion to ask for, in tokens.
    /// - Returns: The capped plan (the plan itself when it already asks for no more).
    public func capped(atCompletionTokens completionTokens: Int) -> BudgetPlan {
        let capped = max(1, min(maxCompletionTokens, completionTokens))
        guard capped != maxCompletionTokens else { return self }
        return BudgetPlan(
            modelID: modelID, promptTokens: promptTokens, reservedPromptTokens: reservedPromptTokens,
            maxCompletionTokens: capped, contextWindowTokens: contextWindowTokens,
            safetyMarginTokens: safetyMarginTokens, outputLimitField: outputLimitField, isEstimate: isEstimate)
    }

    /// Tokens a request with this plan reserves against a tokens-per-minute quota: prompt plus `max_tokens`.
    public var quotaTokens: Int { reservedPromptTokens + maxCompletionTokens }
}
