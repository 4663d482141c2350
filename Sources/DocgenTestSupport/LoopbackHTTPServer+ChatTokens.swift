public import DocgenTokens
import Foundation

extension LoopbackHTTPServer.Request {
    /// The token counts a rate-limited server charges for a chat-completions request: the prompt, counted from
    /// `messages` with `overhead` and `counter`, and the completion cap from `max_tokens` or
    /// `max_completion_tokens`.
    ///
    /// - Parameters:
    ///   - overhead: The model's message overhead.
    ///   - counter: The model's encoding.
    /// - Returns: The counts, or nil when the body is not a chat request with a completion cap.
    public func chatTokenCounts(
        overhead: MessageOverhead,
        counter: any Tokenizer
    ) -> (promptTokens: Int, maxTokens: Int)? {
        guard let body = try? JSONDecoder().decode(ChatRequestBody.self, from: Data(body)),
            let maxTokens = body.maxTokens ?? body.maxCompletionTokens
        else { return nil }
        return (overhead.countTokens(in: body.messages, using: counter).totalTokens, maxTokens)
    }
}

/// The fields of a chat-completions body that rate limits charge for.
private struct ChatRequestBody: Decodable {
    var messages: [ChatMessage]
    var maxTokens: Int?
    var maxCompletionTokens: Int?

    enum CodingKeys: String, CodingKey {
        case messages
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
    }
}
