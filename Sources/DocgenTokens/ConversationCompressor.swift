/// Shrinks a conversation until its prompt fits a token budget, and reports what it removed.
///
/// The order of sacrifice:
/// 1. Instruction messages (`system`, `developer`) and the last ``keepLastMessages`` messages are protected from
///    dropping.
/// 2. The other messages are dropped oldest first, until the conversation fits.
/// 3. If it still does not fit, the message with the most content tokens (protected or not) is truncated with
///    ``strategy`` to exactly what is needed, and again with the next largest, until it fits.
///
/// Counting uses ``overhead`` exactly as ``MessageOverhead/countTokens(in:tools:using:)`` does, so the result's
/// ``Report/finalTokens`` is the billed prompt size. The library cannot log; when ``Report/isTruncated`` is true
/// the caller logs ``Report/warningMessage`` with ``Report/logMetadata``.
///
/// `ConversationCompressor` is a pure value: no I/O, no clock.
///
/// - Complexity: O(*n*) counts for *n* messages to drop, plus one truncation per message cut (usually one).
///
/// ```swift
/// let compressor = ConversationCompressor(counter: encoding)
/// let compressed = try compressor.compress(messages, toFit: budget.maxPromptTokens)
/// if compressed.report.isTruncated {
///     logger.warning("\(ConversationCompressor.Report.warningMessage)", metadata: ...)
/// }
/// ```
public struct ConversationCompressor: Sendable {
    /// The encoding used to count.
    public let counter: any Tokenizer
    /// The chat counting constants of the model.
    public var overhead: MessageOverhead
    /// How many of the most recent messages are never dropped (they may still be truncated).
    public var keepLastMessages: Int
    /// How message content is truncated once dropping is not enough.
    public var strategy: TruncationStrategy
    /// The note left in truncated content, or `nil` for none.
    public var marker: Truncator.Marker?

    /// Creates a compressor.
    ///
    /// - Parameters:
    ///   - counter: The model's encoding.
    ///   - overhead: The model's chat counting constants.
    ///   - keepLastMessages: Recent messages that are never dropped; negative counts as 0.
    ///   - strategy: How message content is truncated.
    ///   - marker: The note left in truncated content.
    public init(
        counter: any Tokenizer,
        overhead: MessageOverhead = .openAIChat,
        keepLastMessages: Int = 2,
        strategy: TruncationStrategy = .middle,
        marker: Truncator.Marker? = .linesOmitted
    ) {
        self.counter = counter
        self.overhead = overhead
        self.keepLastMessages = max(0, keepLastMessages)
        self.strategy = strategy
        self.marker = marker
    }

    /// Compresses a conversation so that its prompt tokens are at most `budgetTokens`.
    ///
    /// A conversation that fits is returned unchanged with an empty report.
    ///
    /// - Parameters:
    ///   - messages: The conversation, oldest first.
    ///   - budgetTokens: The most prompt tokens allowed, such as ``TokenBudget/maxPromptTokens``.
    ///   - tools: Tool definitions sent with the request; their estimated tokens count against the budget.
    /// - Returns: The kept messages, in their original order, and a report of what was removed.
    /// - Throws: ``TokenBudgetError`` when even with every droppable message dropped and every content emptied
    ///   the conversation exceeds the budget.
    public func compress(
        _ messages: [ChatMessage],
        toFit budgetTokens: Int,
        tools: [MessageOverhead.ToolDefinition] = []
    ) throws -> Result {
        let count = overhead.countTokens(in: messages, tools: tools, using: counter)
        let originalTokens = count.totalTokens
        var report = Report(budgetTokens: budgetTokens, originalTokens: originalTokens, finalTokens: originalTokens)
        guard originalTokens > budgetTokens else {
            return Result(messages: messages, report: report)
        }
        var kept = Array(zip(messages.indices, messages))
        var tokens = count.messageTokens
        var total = originalTokens

        let protectedFrom = messages.count - keepLastMessages
        var position = 0
        while total > budgetTokens, position < kept.count {
            let (index, message) = kept[position]
            if message.role.isInstruction || index >= protectedFrom {
                position += 1
                continue
            }
            report.droppedMessages.append(.init(index: index, role: message.role, tokens: tokens[position]))
            total -= tokens[position]
            kept.remove(at: position)
            tokens.remove(at: position)
        }

        let truncator = Truncator(counter: counter, marker: marker)
        while total > budgetTokens {
            let contentTokens = kept.map { counter.countTokens(in: $0.1.content) }
            guard let largest = contentTokens.indices.max(by: { contentTokens[$0] < contentTokens[$1] }),
                contentTokens[largest] > 0
            else {
                throw TokenBudgetError.conversationTooLarge(budgetTokens: budgetTokens, smallestTokens: total)
            }
            let (index, message) = kept[largest]
            let target = max(0, contentTokens[largest] - (total - budgetTokens))
            var shortened = message
            shortened.content = truncator.truncate(message.content, toFit: target, strategy: strategy).text
            var newTokens = overhead.countTokens(in: shortened, using: counter)
            if newTokens >= tokens[largest] {
                shortened.content = ""
                newTokens = overhead.countTokens(in: shortened, using: counter)
            }
            report.recordTruncation(index: index, role: message.role, from: tokens[largest], to: newTokens)
            total += newTokens - tokens[largest]
            tokens[largest] = newTokens
            kept[largest].1 = shortened
        }
        report.finalTokens = total
        return Result(messages: kept.map(\.1), report: report)
    }
}
