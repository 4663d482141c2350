/// The prompt tokens of a chat request, message by message.
///
/// Produced by ``MessageOverhead/countTokens(in:tools:using:)``.
///
/// Invariant: ``totalTokens`` == sum of ``messageTokens`` + ``replyPrimingTokens`` + ``toolTokens``.
public struct ChatMessageTokenCount: Sendable, Hashable {
    /// The billed tokens of each message, in conversation order (role, content, name and per-message constants).
    public var messageTokens: [Int]
    /// The tokens that prime the reply, counted once per request.
    public var replyPrimingTokens: Int
    /// The approximate tokens of the tool definitions; 0 without tools.
    public var toolTokens: Int
    /// Whether the total is an approximation rather than an exact count: true when tool definitions were
    /// counted, because the server's tool serialisation is undocumented.
    public var isEstimate: Bool

    /// Creates a count.
    public init(messageTokens: [Int], replyPrimingTokens: Int, toolTokens: Int, isEstimate: Bool) {
        self.messageTokens = messageTokens
        self.replyPrimingTokens = replyPrimingTokens
        self.toolTokens = toolTokens
        self.isEstimate = isEstimate
    }

    /// The prompt tokens of the whole request.
    public var totalTokens: Int {
        messageTokens.reduce(0, +) + replyPrimingTokens + toolTokens
    }
}
