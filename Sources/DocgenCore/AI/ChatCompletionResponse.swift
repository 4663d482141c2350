import Foundation

/// Reads chat-completion responses: whole JSON bodies and streamed chunks.
enum ChatCompletionResponse {
    /// What one body or chunk contributed.
    struct Parsed: Equatable {
        var text: String
        var finishReason: String?
        var promptTokens: Int?
        var completionTokens: Int?
    }

    /// Parses a complete (non-streamed) response body.
    ///
    /// - Returns: nil when the body is not JSON or has no choices (a retryable malformed response).
    static func parseBody(_ body: [UInt8]) -> Parsed? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let choices = object["choices"] as? [[String: Any]], let first = choices.first
        else { return nil }
        let message = first["message"] as? [String: Any]
        let text = (message?["content"] as? String) ?? ""
        let usage = object["usage"] as? [String: Any]
        return Parsed(
            text: text, finishReason: first["finish_reason"] as? String,
            promptTokens: usage?["prompt_tokens"] as? Int, completionTokens: usage?["completion_tokens"] as? Int)
    }

    /// Parses one streamed `data:` payload (not `[DONE]`).
    ///
    /// - Returns: nil when the payload is not a JSON object. A chunk with empty `choices` (the final usage
    ///   chunk) is valid.
    static func parseChunk(_ data: String) -> Parsed? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
            return nil
        }
        let choices = object["choices"] as? [[String: Any]] ?? []
        let first = choices.first
        let delta = first?["delta"] as? [String: Any]
        let usage = object["usage"] as? [String: Any]
        return Parsed(
            text: (delta?["content"] as? String) ?? "", finishReason: first?["finish_reason"] as? String,
            promptTokens: usage?["prompt_tokens"] as? Int, completionTokens: usage?["completion_tokens"] as? Int)
    }
}
