import Testing

@testable import DocgenTokens

/// prompt + max_tokens ≤ window for every model and every prompt size: the seed bug can never come back.
struct TokenBudgetPropertyTests {
    static let margins = [0, 64]

    @Test(arguments: ModelRegistry.builtIn.profiles)
    func planNeverExceedsTheWindow(profile: ModelProfile) throws {
        for margin in Self.margins {
            for requested in [nil, 1, 1_000, 125_874, Int.max / 4] as [Int?] {
                let budget = try TokenBudget(
                    model: profile,
                    requestedCompletionTokens: requested,
                    safetyMarginTokens: margin
                )
                let limit = budget.maxPromptTokens
                let window = profile.contextWindowTokens
                let prompts = [0, 1, 2_133, limit / 2, limit - 1, limit, limit + 1, window - 1, window, window * 2]
                for prompt in prompts where prompt >= 0 {
                    do {
                        let plan = try budget.plan(promptTokens: prompt)
                        #expect(prompt <= limit)
                        #expect(plan.reservedPromptTokens + margin + plan.maxCompletionTokens <= window)
                        #expect(plan.promptTokens + plan.maxCompletionTokens <= window)
                        #expect(plan.maxCompletionTokens <= profile.maxOutputTokens)
                        #expect(plan.maxCompletionTokens <= requested ?? .max)
                        #expect(plan.maxCompletionTokens >= budget.effectiveMinimumCompletionTokens)
                        let expected = min(
                            requested ?? profile.maxOutputTokens,
                            profile.maxOutputTokens,
                            window - profile.reservedPromptTokens(forCounted: prompt) - margin
                        )
                        #expect(plan.maxCompletionTokens == expected)
                    } catch let error as TokenBudgetError {
                        #expect(prompt > limit)
                        #expect(error.excessPromptTokens == prompt - limit)
                        #expect(error.modelID == profile.id)
                    }
                }
            }
        }
    }

    @Test(arguments: ModelRegistry.builtIn.profiles)
    func maxPromptTokensIsTight(profile: ModelProfile) throws {
        let budget = try TokenBudget(model: profile, safetyMarginTokens: 32)
        #expect(try budget.maxCompletionTokens(promptTokens: budget.maxPromptTokens) >= 1)
        #expect(throws: TokenBudgetError.self) {
            try budget.maxCompletionTokens(promptTokens: budget.maxPromptTokens + 1)
        }
    }
}
