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
}
