import Testing

@testable import DocgenTokens

struct TokenBudgetTests {
    private func gpt4o() throws -> ModelProfile {
        try ModelRegistry.builtIn.profile(for: "gpt-4o")
    }

    @Test func seedScenarioAsksForTheModelOutputLimitNotTheRestOfTheWindow() throws {
        let budget = try TokenBudget(model: gpt4o())
        let plan = try budget.plan(promptTokens: 2_133)
        #expect(plan.contextWindowTokens == 128_000)
        #expect(plan.maxCompletionTokens == 16_384)
        #expect(plan.promptTokens + plan.maxCompletionTokens <= 128_000)
        #expect(plan.outputLimitField == .maxTokens)
        #expect(plan.unusedTokens == 128_000 - 2_133 - 16_384)
    }

    @Test func seedRequestOf125874IsClampedToTheOutputLimit() throws {
        let budget = try TokenBudget(model: gpt4o(), requestedCompletionTokens: 125_874)
        #expect(try budget.maxCompletionTokens(promptTokens: 2_133) == 16_384)
    }

    @Test func smallerRequestIsHonoured() throws {
        let budget = try TokenBudget(model: gpt4o(), requestedCompletionTokens: 1_000)
        #expect(try budget.maxCompletionTokens(promptTokens: 2_133) == 1_000)
    }

    @Test func windowBindsWhenThePromptIsLarge() throws {
        let budget = try TokenBudget(model: gpt4o(), safetyMarginTokens: 100)
        #expect(try budget.maxCompletionTokens(promptTokens: 120_000) == 128_000 - 120_000 - 100)
    }

    @Test func promptTooLargeSaysExactlyHowMuchToShrink() throws {
        let budget = try TokenBudget(model: gpt4o(), safetyMarginTokens: 50, minimumCompletionTokens: 500)
        #expect(budget.maxPromptTokens == 128_000 - 50 - 500)
        let error = try #require(throws: TokenBudgetError.self) {
            try budget.plan(promptTokens: 131_020)
        }
        #expect(error.excessPromptTokens == 131_020 - 127_450)
        #expect(error.maxPromptTokens == 127_450)
        #expect(error.modelID == "gpt-4o")
        #expect(error.shortDescription == "promptTooLarge")
        #expect(error.description.contains("131,020"))
        #expect(error.description.contains("128,000"))
        #expect(error.description.contains("Shrink the prompt by 3,570 tokens"))
        // Shrinking by exactly the excess fits; one token less does not.
        #expect(try budget.maxCompletionTokens(promptTokens: 127_450) == 500)
        #expect(throws: TokenBudgetError.self) { try budget.maxCompletionTokens(promptTokens: 127_451) }
        #expect(budget.requiredPromptReduction(promptTokens: 131_020) == 3_570)
        #expect(budget.requiredPromptReduction(promptTokens: 10) == 0)
    }

    @Test func minimumCompletionIsLoweredToWhatTheRequestAllows() throws {
        let budget = try TokenBudget(model: gpt4o(), requestedCompletionTokens: 100, minimumCompletionTokens: 256)
        #expect(budget.effectiveMinimumCompletionTokens == 100)
        #expect(try budget.maxCompletionTokens(promptTokens: 127_900) == 100)
        #expect(throws: TokenBudgetError.self) { try budget.maxCompletionTokens(promptTokens: 127_901) }
    }

    @Test func estimatedModelsReserveTheirMargin() throws {
        let deepSeek = try ModelRegistry.builtIn.profile(for: "deepseek-chat")
        #expect(deepSeek.isEstimate)
        #expect(deepSeek.reservedPromptTokens(forCounted: 1_000) == 1_100)
        #expect(deepSeek.reservedPromptTokens(forCounted: 1_001) == 1_102)  // 100.1 rounds up to 101
        let budget = try TokenBudget(model: deepSeek)
        let plan = try budget.plan(promptTokens: 100_000)
        #expect(plan.isEstimate)
        #expect(plan.reservedPromptTokens == 110_000)
        #expect(plan.maxCompletionTokens == 8_192)
        let limit = budget.maxPromptTokens
        #expect(deepSeek.reservedPromptTokens(forCounted: limit) <= 131_072 - 256)
        #expect(deepSeek.reservedPromptTokens(forCounted: limit + 1) > 131_072 - 256)
        #expect(throws: TokenBudgetError.self) { try budget.plan(promptTokens: limit + 1) }
        #expect(try budget.maxCompletionTokens(promptTokens: limit) >= 256)
    }

    @Test func invalidBudgetsAreRejectedWithTheModelName() throws {
        let gpt4 = try ModelRegistry.builtIn.profile(for: "gpt-4")
        #expect(throws: TokenBudgetError.self) { try TokenBudget(model: gpt4, requestedCompletionTokens: 0) }
        #expect(throws: TokenBudgetError.self) { try TokenBudget(model: gpt4, safetyMarginTokens: -1) }
        #expect(throws: TokenBudgetError.self) { try TokenBudget(model: gpt4, minimumCompletionTokens: 0) }
        let error = try #require(throws: TokenBudgetError.self) {
            try TokenBudget(model: gpt4, safetyMarginTokens: 8_000)
        }
        #expect(error.shortDescription == "invalidBudget")
        #expect(error.description.contains("gpt-4"))
        #expect(error.description.contains("8,000"))
    }

    @Test func planFromMessagesCountsTheChatOverhead() throws {
        let profile = ModelProfile(id: "tiny", contextWindowTokens: 100, maxOutputTokens: 50)
        let budget = try TokenBudget(model: profile, minimumCompletionTokens: 10)
        // 3 + "user"(4) + "hello"(5) = 12, plus 3 priming = 15 byte-tokens.
        let plan = try budget.plan(messages: [.user("hello")], using: ByteCounter())
        #expect(plan.promptTokens == 15)
        #expect(plan.maxCompletionTokens == 50)
        #expect(!plan.isEstimate)
        let withTools = try budget.plan(
            messages: [.user("hello")],
            tools: [.init(name: "f")],
            using: ByteCounter()
        )
        #expect(withTools.isEstimate)
        #expect(withTools.promptTokens > plan.promptTokens)
    }

    @Test func planDescriptionAndMetadataCarryTheNumbers() throws {
        let plan = try TokenBudget(model: gpt4o()).plan(promptTokens: 2_133)
        #expect(plan.description == "gpt-4o: prompt 2,133 + max_tokens 16,384 ≤ window 128,000 (109,483 unused)")
        #expect(plan.logMetadata["docgen.tokens.prompt"] == "2133")
        #expect(plan.logMetadata["docgen.tokens.max_completion"] == "16384")
    }

    @Test func reasoningModelsUseMaxCompletionTokens() throws {
        let plan = try TokenBudget(model: ModelRegistry.builtIn.profile(for: "o3-mini")).plan(promptTokens: 10)
        #expect(plan.outputLimitField == .maxCompletionTokens)
        #expect(plan.maxCompletionTokens == 100_000)
    }

    @Test func groupedFormattingIsLocaleIndependent() {
        #expect(0.grouped == "0")
        #expect(999.grouped == "999")
        #expect(1_000.grouped == "1,000")
        #expect(1_047_576.grouped == "1,047,576")
        #expect((-12_345).grouped == "-12,345")
    }
}

struct TokenBudgetFittingTests {
    @Test func fitCompressesToTheLargestPlannablePrompt() throws {
        let profile = ModelProfile(id: "small", contextWindowTokens: 300, maxOutputTokens: 100)
        let budget = try TokenBudget(model: profile, minimumCompletionTokens: 50)
        let compressor = ConversationCompressor(counter: ByteCounter(), overhead: profile.messageOverhead)
        let messages: [ChatMessage] = [
            .system("Document the code."), .user(String(repeating: "let x = 1\n", count: 60)),
        ]
        let fitted = try budget.fit(messages, compressor: compressor)
        #expect(fitted.report.isTruncated)
        #expect(fitted.plan.promptTokens <= budget.maxPromptTokens)
        #expect(fitted.plan.promptTokens + fitted.plan.maxCompletionTokens <= 300)
        #expect(fitted.plan.maxCompletionTokens >= 50)
        let recount = profile.messageOverhead.countTokens(in: fitted.messages, using: ByteCounter()).totalTokens
        #expect(recount == fitted.plan.promptTokens)
        let small = try budget.fit([.user("hi")], compressor: compressor)
        #expect(!small.report.isTruncated)
        #expect(small.plan.maxCompletionTokens == 100)
    }
}
