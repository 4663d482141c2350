/// The fixed tokens a chat-completion API adds around each message, and the counting rule that uses them.
///
/// OpenAI's servers wrap every message in formatting tokens (`<|start|>role<|message|>content<|end|>`) and prime
/// the reply with `<|start|>assistant<|message|>`. OpenAI's cookbook ("How to count tokens with tiktoken")
/// reproduces the billed prompt size as
///
///     total = Σ over messages (tokensPerMessage + tokens(role) + tokens(content) [+ tokens(name) + tokensPerName])
///             + replyPrimingTokens
///
/// where every value of the message (role, content and name) is encoded with the model's encoding. For
/// gpt-3.5-turbo (0613 and later), gpt-4, gpt-4o, gpt-4.1 and the o-series the constants are 3, 1 and 3
/// (``openAIChat``); the retired gpt-3.5-turbo-0301 used 4, −1 and 3 (``legacyGPT35Turbo0301``).
///
/// Message counts are exact for those models. Tool (function) definitions are serialised by the server in an
/// undocumented format, so ``countTokens(in:tools:using:)`` only approximates them and marks the result
/// ``ChatMessageTokenCount/isEstimate``.
///
/// ```swift
/// let count = MessageOverhead.openAIChat.countTokens(in: messages, using: encoding)
/// print(count.totalTokens)
/// ```
public struct MessageOverhead: Sendable, Hashable, Codable {
    /// Tokens added for every message, whatever its content (3 for current OpenAI models).
    public var tokensPerMessage: Int
    /// Tokens added for every message that has a `name`, on top of the name's own tokens (1, or −1 for
    /// gpt-3.5-turbo-0301 where the name replaced the role).
    public var tokensPerName: Int
    /// Tokens that prime the reply, added once per request (3: `<|start|>assistant<|message|>`).
    public var replyPrimingTokens: Int
    /// The constants of the tool-definition approximation.
    public var toolCosts: ToolCosts

    /// Creates an overhead table.
    ///
    /// - Parameters:
    ///   - tokensPerMessage: Tokens added for every message.
    ///   - tokensPerName: Tokens added for every message with a name.
    ///   - replyPrimingTokens: Tokens added once per request.
    ///   - toolCosts: Constants of the tool-definition approximation.
    public init(
        tokensPerMessage: Int,
        tokensPerName: Int,
        replyPrimingTokens: Int,
        toolCosts: ToolCosts = .gpt4o
    ) {
        self.tokensPerMessage = tokensPerMessage
        self.tokensPerName = tokensPerName
        self.replyPrimingTokens = replyPrimingTokens
        self.toolCosts = toolCosts
    }

    /// gpt-4o, gpt-4o-mini, gpt-4.1 and the o-series: 3 per message, 1 per name, 3 for reply priming.
    public static let openAIChat = MessageOverhead(tokensPerMessage: 3, tokensPerName: 1, replyPrimingTokens: 3)

    /// gpt-3.5-turbo (0613 and later) and gpt-4: the same message constants as ``openAIChat`` with the
    /// older tool constants (``ToolCosts/gpt4``).
    public static let gpt4 = MessageOverhead(
        tokensPerMessage: 3,
        tokensPerName: 1,
        replyPrimingTokens: 3,
        toolCosts: .gpt4
    )

    /// The retired gpt-3.5-turbo-0301: 4 per message, −1 per name, 3 for reply priming.
    public static let legacyGPT35Turbo0301 = MessageOverhead(
        tokensPerMessage: 4,
        tokensPerName: -1,
        replyPrimingTokens: 3,
        toolCosts: .gpt4
    )

    /// The billed tokens of one message: its role, content and name plus the per-message constants.
    ///
    /// The reply priming is not included; it is added once per request.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of the message.
    /// - Parameters:
    ///   - message: The message to count.
    ///   - counter: The model's encoding.
    /// - Returns: The number of tokens.
    public func countTokens(in message: ChatMessage, using counter: any Tokenizer) -> Int {
        var tokens = tokensPerMessage + counter.countTokens(in: message.role.rawValue)
        tokens += counter.countTokens(in: message.content)
        if let name = message.name {
            tokens += counter.countTokens(in: name) + tokensPerName
        }
        return tokens
    }

    /// Counts the prompt tokens of a whole request: every message, the reply priming and any tools.
    ///
    /// Messages are encoded one at a time, as the server does, so the total is the exact sum of
    /// ``ChatMessageTokenCount/messageTokens`` plus the priming and the tool estimate.
    ///
    /// - Complexity: O(*n*) in the total UTF-8 length of the messages and tools.
    /// - Parameters:
    ///   - messages: The conversation, in order.
    ///   - tools: Tool definitions sent with the request; counting them is an approximation.
    ///   - counter: The model's encoding.
    /// - Returns: The per-message counts and the total.
    public func countTokens(
        in messages: [ChatMessage],
        tools: [ToolDefinition] = [],
        using counter: any Tokenizer
    ) -> ChatMessageTokenCount {
        let perMessage = messages.map { countTokens(in: $0, using: counter) }
        return ChatMessageTokenCount(
            messageTokens: perMessage,
            replyPrimingTokens: replyPrimingTokens,
            toolTokens: estimateTokens(in: tools, using: counter),
            isEstimate: !tools.isEmpty
        )
    }
}
