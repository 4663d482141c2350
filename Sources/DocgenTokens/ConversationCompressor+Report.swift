extension ConversationCompressor {
    /// The compressed conversation and what was removed from it.
    public struct Result: Sendable, Hashable {
        /// The kept messages, in their original order; some may have truncated content.
        public var messages: [ChatMessage]
        /// What was dropped and truncated.
        public var report: Report
    }

    /// What compression removed, with numbers, ready to log.
    ///
    /// The token library has no logging dependency, so the report carries the constant warning text
    /// (``warningMessage``) and the values as string metadata (``logMetadata``); DocgenCore logs them with
    /// swift-log whenever ``isTruncated`` is true.
    public struct Report: Sendable, Hashable, CustomStringConvertible {
        /// A message that was removed.
        public struct DroppedMessage: Sendable, Hashable {
            /// Its position in the original conversation.
            public var index: Int
            /// Its role.
            public var role: ChatMessage.Role
            /// Its billed tokens.
            public var tokens: Int
        }

        /// A message whose content was shortened.
        public struct TruncatedMessage: Sendable, Hashable {
            /// Its position in the original conversation.
            public var index: Int
            /// Its role.
            public var role: ChatMessage.Role
            /// Its billed tokens before truncation.
            public var originalTokens: Int
            /// Its billed tokens after truncation.
            public var finalTokens: Int
        }

        /// The constant log message for a truncated context; values go in ``logMetadata``.
        public static let warningMessage = "context truncated to fit the model's token limit"

        /// The prompt budget, in tokens.
        public var budgetTokens: Int
        /// The prompt tokens before compression.
        public var originalTokens: Int
        /// The prompt tokens after compression (≤ ``budgetTokens`` when compression succeeded).
        public var finalTokens: Int
        /// Messages dropped, oldest first.
        public var droppedMessages: [DroppedMessage] = []
        /// Messages truncated, each once, in the order they were first cut.
        public var truncatedMessages: [TruncatedMessage] = []

        /// Whether anything was dropped or truncated.
        public var isTruncated: Bool { !droppedMessages.isEmpty || !truncatedMessages.isEmpty }

        /// Tokens removed: `originalTokens − finalTokens`.
        public var removedTokens: Int { originalTokens - finalTokens }

        mutating func recordTruncation(index: Int, role: ChatMessage.Role, from: Int, to: Int) {
            if let existing = truncatedMessages.firstIndex(where: { $0.index == index }) {
                truncatedMessages[existing].finalTokens = to
            } else {
                truncatedMessages.append(.init(index: index, role: role, originalTokens: from, finalTokens: to))
            }
        }

        /// Values for structured logging under docgen's `docgen.` keys.
        public var logMetadata: [String: String] {
            [
                "docgen.tokens.original": String(originalTokens),
                "docgen.tokens.final": String(finalTokens),
                "docgen.tokens.limit": String(budgetTokens),
                "docgen.tokens.removed": String(removedTokens),
                "docgen.messages.dropped": String(droppedMessages.count),
                "docgen.messages.truncated": String(truncatedMessages.count),
            ]
        }

        /// A one-line summary, such as `dropped 3 messages, truncated 1 message: 9,876 → 3,990 tokens (limit
        /// 4,000)`.
        public var description: String {
            guard isTruncated else {
                return "fits: \(originalTokens.grouped) tokens (limit \(budgetTokens.grouped))"
            }
            let dropped = droppedMessages.count
            let truncated = truncatedMessages.count
            return "dropped \(dropped) message\(dropped == 1 ? "" : "s"), truncated \(truncated) "
                + "message\(truncated == 1 ? "" : "s"): \(originalTokens.grouped) → \(finalTokens.grouped) tokens "
                + "(limit \(budgetTokens.grouped))"
        }
    }
}
