import Testing

@testable import DocgenTokens

struct ConversationCompressorTests {
    let counter = ByteCounter()
    let overhead = MessageOverhead.openAIChat

    private func total(_ messages: [ChatMessage]) -> Int {
        overhead.countTokens(in: messages, using: counter).totalTokens
    }

    private var conversation: [ChatMessage] {
        [
            .system("You document code."),
            .user("old question one"),
            .assistant("old answer one"),
            .user("old question two"),
            .assistant("old answer two"),
            .user("current question"),
        ]
    }

    @Test func conversationThatFitsIsUnchanged() throws {
        let compressor = ConversationCompressor(counter: counter)
        let result = try compressor.compress(conversation, toFit: 10_000)
        #expect(result.messages == conversation)
        #expect(!result.report.isTruncated)
        #expect(result.report.finalTokens == total(conversation))
    }

    @Test func dropsOldestUnprotectedMessagesFirst() throws {
        let compressor = ConversationCompressor(counter: counter, keepLastMessages: 2)
        let full = total(conversation)
        let firstTwo =
            overhead.countTokens(in: conversation[1], using: counter)
            + overhead.countTokens(in: conversation[2], using: counter)
        let result = try compressor.compress(conversation, toFit: full - firstTwo)
        #expect(result.messages == [conversation[0]] + conversation[3...])
        #expect(result.report.droppedMessages.map(\.index) == [1, 2])
        #expect(result.report.droppedMessages.map(\.role) == [.user, .assistant])
        #expect(result.report.truncatedMessages.isEmpty)
        #expect(result.report.finalTokens == full - firstTwo)
        #expect(result.report.finalTokens == total(result.messages))
        #expect(result.report.isTruncated)
    }

    @Test func keepsSystemAndRecentMessagesAndTruncatesTheLargest() throws {
        let longCode = (1...40).map { "let line\($0) = \($0)" }.joined(separator: "\n")
        let messages: [ChatMessage] = [.system("Rules."), .user("old"), .user(longCode)]
        let compressor = ConversationCompressor(counter: counter, keepLastMessages: 1, strategy: .lines)
        let budget = 200
        let result = try compressor.compress(messages, toFit: budget)
        #expect(result.messages.count == 2)
        #expect(result.messages[0] == messages[0])
        #expect(result.messages[1].content.hasPrefix("let line1 = 1\n"))
        #expect(result.messages[1].content.hasSuffix("lines omitted …"))
        let report = result.report
        #expect(report.droppedMessages.map(\.index) == [1])
        #expect(report.truncatedMessages.count == 1)
        #expect(report.truncatedMessages[0].index == 2)
        #expect(report.truncatedMessages[0].originalTokens == overhead.countTokens(in: messages[2], using: counter))
        #expect(report.finalTokens <= budget)
        #expect(report.finalTokens == total(result.messages))
        #expect(report.logMetadata["docgen.messages.dropped"] == "1")
        #expect(report.logMetadata["docgen.tokens.limit"] == "200")
        #expect(report.description.hasPrefix("dropped 1 message, truncated 1 message: "))
        #expect(ConversationCompressor.Report.warningMessage == "context truncated to fit the model's token limit")
    }

    @Test func impossibleBudgetThrowsWithTheNumbers() throws {
        let compressor = ConversationCompressor(counter: counter)
        let error = try #require(throws: TokenBudgetError.self) {
            try compressor.compress([.system("a"), .user("b")], toFit: 5)
        }
        #expect(error.shortDescription == "conversationTooLarge")
        #expect(error.description.contains("5 tokens"))
    }

    @Test func toolsCountAgainstTheBudget() throws {
        let compressor = ConversationCompressor(counter: counter, keepLastMessages: 0)
        let tool = MessageOverhead.ToolDefinition(name: "lookup", description: "Looks things up.")
        let toolTokens = overhead.estimateTokens(in: [tool], using: counter)
        let budget = total(conversation) + toolTokens - 1
        let result = try compressor.compress(conversation, toFit: budget, tools: [tool])
        #expect(result.report.finalTokens <= budget)
        #expect(result.report.droppedMessages.map(\.index) == [1])
    }

    @Test(arguments: [ByteCounter() as any Tokenizer, ChunkCounter()].indices)
    func randomConversationsAlwaysFit(counterIndex: Int) throws {
        let counter: any Tokenizer = counterIndex == 0 ? ByteCounter() : ChunkCounter()
        var generator = SeededGenerator(seed: 42 + UInt64(counterIndex))
        let roles: [ChatMessage.Role] = [.system, .user, .assistant, .developer, .tool]
        for _ in 0..<50 {
            let messages = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                ChatMessage(
                    role: roles[Int.random(in: 0..<roles.count, using: &generator)],
                    content: RandomText.make(pieceCount: Int.random(in: 0..<60, using: &generator), using: &generator)
                )
            }
            let keep = Int.random(in: 0...3, using: &generator)
            let strategy = TruncationStrategy.allCases[Int.random(in: 0..<5, using: &generator)]
            let compressor = ConversationCompressor(counter: counter, keepLastMessages: keep, strategy: strategy)
            let full = overhead.countTokens(in: messages, using: counter).totalTokens
            let budget = Int.random(in: 0...full, using: &generator)
            do {
                let result = try compressor.compress(messages, toFit: budget)
                let final = overhead.countTokens(in: result.messages, using: counter).totalTokens
                #expect(final <= budget)
                #expect(final == result.report.finalTokens)
                let dropped = Set(result.report.droppedMessages.map(\.index))
                #expect(result.messages.count == messages.count - dropped.count)
                for index in dropped {
                    #expect(!messages[index].role.isInstruction)
                    #expect(index < messages.count - keep)
                }
            } catch let error as TokenBudgetError {
                #expect(error.shortDescription == "conversationTooLarge")
                // Only the fixed costs remain: every protected message emptied is still too large.
                let floor = messages.enumerated()
                    .filter { $0.element.role.isInstruction || $0.offset >= messages.count - keep }
                    .map { overhead.countTokens(in: ChatMessage(role: $0.element.role, content: ""), using: counter) }
                    .reduce(3, +)
                #expect(floor > budget)
            }
        }
    }
}
