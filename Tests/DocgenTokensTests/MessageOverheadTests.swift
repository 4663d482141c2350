import Testing

@testable import DocgenTokens

struct MessageOverheadTests {
    let counter = ByteCounter()

    @Test func countsRoleContentNameAndConstantsLikeTheCookbook() {
        let messages: [ChatMessage] = [
            .system("You are helpful."),  // 3 + "system" 6 + 16 = 25
            .user("Hi", name: "bob"),  // 3 + "user" 4 + 2 + "bob" 3 + 1 = 13
        ]
        let count = MessageOverhead.openAIChat.countTokens(in: messages, using: counter)
        #expect(count.messageTokens == [25, 13])
        #expect(count.replyPrimingTokens == 3)
        #expect(count.toolTokens == 0)
        #expect(count.totalTokens == 41)
        #expect(!count.isEstimate)
    }

    @Test func emptyConversationCostsOnlyThePriming() {
        #expect(MessageOverhead.openAIChat.countTokens(in: [], using: counter).totalTokens == 3)
    }

    @Test func legacyConstantsApply() {
        // 4 + "user" 4 + 2 + "bob" 3 − 1 = 12, + 3 priming.
        let count = MessageOverhead.legacyGPT35Turbo0301.countTokens(in: [.user("Hi", name: "bob")], using: counter)
        #expect(count.totalTokens == 15)
    }

    @Test func toolsFollowTheCookbookRuleAndAreMarkedAsEstimates() {
        let tool = MessageOverhead.ToolDefinition(
            name: "get_weather",
            description: "Get the weather.",
            parameters: [
                .init(name: "city", type: "string", description: "The city."),
                .init(name: "unit", type: "string", description: "", enumValues: ["c", "f"]),
            ]
        )
        let costs = MessageOverhead.ToolCosts.gpt4o
        let expected =
            costs.functionStart + "get_weather:Get the weather".utf8.count + costs.propertiesStart
            + costs.propertyKey + "city:string:The city".utf8.count
            + costs.propertyKey + costs.enumStart + 2 * (costs.enumItem + 1) + "unit:string:".utf8.count
            + costs.functionsEnd
        let overhead = MessageOverhead.openAIChat
        #expect(overhead.estimateTokens(in: [tool], using: counter) == expected)
        let count = overhead.countTokens(in: [.user("x")], tools: [tool], using: counter)
        #expect(count.isEstimate)
        #expect(count.toolTokens == expected)
        #expect(count.totalTokens == 3 + 4 + 1 + 3 + expected)
        #expect(MessageOverhead.gpt4.estimateTokens(in: [tool], using: counter) == expected + 3)
    }

    @Test func builtInProfilesUseTheCurrentConstants() {
        for profile in ModelRegistry.builtIn.profiles {
            #expect(profile.messageOverhead.tokensPerMessage == 3)
            #expect(profile.messageOverhead.tokensPerName == 1)
            #expect(profile.messageOverhead.replyPrimingTokens == 3)
        }
    }

    @Test func rolesHaveTheirWireSpelling() {
        #expect(ChatMessage.Role.developer.rawValue == "developer")
        #expect(ChatMessage.Role.system.isInstruction)
        #expect(!ChatMessage.Role.assistant.isInstruction)
        #expect(ChatMessage.Role(rawValue: "tool") == .tool)
    }

    /// The cookbook's `example_messages` ("How to count tokens with tiktoken"), whose prompt sizes OpenAI's API
    /// reported as 129 tokens for gpt-3.5-turbo and gpt-4-0613 and 124 for gpt-4o and gpt-4o-mini.
    static let cookbookMessages: [ChatMessage] = [
        .system(CookbookCounter.texts[0]),
        ChatMessage(role: .system, content: CookbookCounter.texts[1], name: "example_user"),
        ChatMessage(role: .system, content: CookbookCounter.texts[2], name: "example_assistant"),
        ChatMessage(role: .system, content: CookbookCounter.texts[3], name: "example_user"),
        ChatMessage(role: .system, content: CookbookCounter.texts[4], name: "example_assistant"),
        .user(CookbookCounter.texts[5]),
    ]

    @Test(arguments: [("gpt-3.5-turbo", 129), ("gpt-4-0613", 129), ("gpt-4o", 124), ("gpt-4o-mini", 124)])
    func reproducesThePromptSizesOpenAIReported(model: String, billedTokens: Int) throws {
        let profile = try ModelRegistry.builtIn.profile(for: model)
        let counter = CookbookCounter(name: profile.encodingName)
        let count = profile.messageOverhead.countTokens(in: Self.cookbookMessages, using: counter)
        #expect(count.totalTokens == billedTokens)
    }
}

/// Token counts of the cookbook strings, measured with tiktoken on the official rank files (fixture data; the
/// real `Encoding` reproduces them). Only `countTokens` is meaningful.
struct CookbookCounter: Tokenizer {
    static let texts = [
        "You are a helpful, pattern-following assistant that translates corporate jargon into plain English.",
        "New synergies will help drive top-line growth.",
        "Things working well together will increase revenue.",
        "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
        "Let's talk later when we're less busy about how to do better.",
        "This late pivot means we don't have time to boil the ocean for the client deliverable.",
    ]

    /// (cl100k_base, o200k_base) token counts.
    static let counts: [String: (Int, Int)] = [
        "system": (1, 1), "user": (1, 1), "example_user": (2, 2), "example_assistant": (3, 3),
        texts[0]: (18, 17), texts[1]: (10, 10), texts[2]: (8, 8), texts[3]: (18, 17), texts[4]: (15, 13),
        texts[5]: (19, 18),
    ]

    let name: String

    func countTokens(in text: String) -> Int {
        guard let pair = Self.counts[text] else {
            Issue.record("no fixture count for \(text)")
            return 0
        }
        return name == "o200k_base" ? pair.1 : pair.0
    }

    func encode(_ text: String) -> [Int] { Array(repeating: 0, count: countTokens(in: text)) }

    func decodeBytes(_ tokens: [Int]) -> [UInt8] { [] }
}
