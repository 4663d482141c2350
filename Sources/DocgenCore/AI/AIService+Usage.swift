import DocgenTokens

extension AIService {
    /// Records how an answered request compares with its plan (estimate versus actual).
    func recordUsageCheck(
        _ result: ChatCompletionResult, request: ChatCompletionRequest, budget: TokenBudget, file: String
    )
        async
    {
        let expected = CostEstimator().estimate(
            promptTokens: request.plan.promptTokens, completionTokens: result.completionTokens, for: budget.model)
        await metrics?.recordUsageCheck(
            file: file, plannedPromptTokens: request.plan.promptTokens,
            serverPromptTokens: result.usageFromServer ? result.promptTokens : nil,
            expectedCostUSD: expected?.totalUSD ?? 0, billedCostUSD: result.costUSD ?? 0)
    }
}
