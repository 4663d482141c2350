import Testing

@testable import DocgenTokens

/// Budget, chat counting and truncation with the real encodings (the other suites use fake counters).
struct RealEncodingBudgetTests {
    /// The example conversation of OpenAI's "How to count tokens with tiktoken" cookbook.
    static let cookbookMessages: [ChatMessage] = [
        .system(
            "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        ChatMessage(role: .system, content: "New synergies will help drive top-line growth.", name: "example_user"),
        ChatMessage(
            role: .system, content: "Things working well together will increase revenue.", name: "example_assistant"),
        ChatMessage(
            role: .system,
            content:
                "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
            name: "example_user"),
        ChatMessage(
            role: .system, content: "Let's talk later when we're less busy about how to do better.",
            name: "example_assistant"),
        .user("This late pivot means we don't have time to boil the ocean for the client deliverable."),
    ]

    @Test(arguments: [("gpt-4", 129), ("gpt-3.5-turbo", 129), ("gpt-4o", 124), ("gpt-4o-mini", 124)])
    func cookbookConversationCountsLikeOpenAIBills(model: String, expected: Int) throws {
        let profile = try ModelRegistry.builtIn.profile(for: model)
        let encoding = try Encoding.named(profile.encodingName)
        let count = profile.messageOverhead.countTokens(in: Self.cookbookMessages, tools: [], using: encoding)
        #expect(count.totalTokens == expected)
    }

    @Test func seedScenarioPlansWithinTheWindow() throws {
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 125_874)
        let plan = try budget.plan(promptTokens: 2_133)
        #expect(plan.maxCompletionTokens == 16_384)
        #expect(plan.promptTokens + plan.maxCompletionTokens <= 128_000)
    }

    @Test(arguments: TruncationStrategy.allCases)
    func truncationFitsWithTheRealEncoding(strategy: TruncationStrategy) throws {
        let encoding = try Encoding.named("o200k_base")
        var text = ""
        for index in 0..<400 {
            text += "Line \(index): naïve café — 東京 \(index * 7919) 👩‍💻. Next sentence here.\n"
        }
        let truncator = Truncator(counter: encoding)
        for budget in [0, 1, 7, 50, 333, 2_000] {
            let result = truncator.truncate(text, toFit: budget, strategy: strategy)
            #expect(encoding.countTokens(in: result.text) == result.tokenCount)
            #expect(result.tokenCount <= budget)
            #expect(result.isTruncated)
            #expect(result.text.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
        }
    }
}
