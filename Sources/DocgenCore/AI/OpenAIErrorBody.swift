import Foundation

/// The error object OpenAI-compatible servers return: `{"error": {"message", "type", "param", "code"}}`.
public struct OpenAIErrorBody: Sendable, Equatable {
    /// The server's message.
    public var message: String
    /// The error type, such as `invalid_request_error`.
    public var type: String?
    /// The error code, such as `context_length_exceeded` or `rate_limit_exceeded`.
    public var code: String?

    /// Creates an error body.
    public init(message: String, type: String? = nil, code: String? = nil) {
        self.message = message
        self.type = type
        self.code = code
    }

    /// Parses a response body; nil when it is not an OpenAI-style error.
    ///
    /// Also reads `{"error": "message"}`, the plain form some OpenAI-compatible servers (Ollama) answer with.
    public static func parse(_ body: [UInt8]) -> OpenAIErrorBody? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        if let message = object["error"] as? String { return OpenAIErrorBody(message: message) }
        let error = (object["error"] as? [String: Any]) ?? object
        guard let message = error["message"] as? String else { return nil }
        let code: String?
        if let text = error["code"] as? String {
            code = text
        } else if let number = error["code"] as? Int {
            code = String(number)
        } else {
            code = nil
        }
        return OpenAIErrorBody(message: message, type: error["type"] as? String, code: code)
    }

    /// Whether the server says the prompt plus completion exceed the model's window.
    public var isContextLengthExceeded: Bool {
        if code == "context_length_exceeded" { return true }
        let lowered = message.lowercased()
        return lowered.contains("maximum context length") || lowered.contains("context length exceeded")
            || lowered.contains("context_length_exceeded")
    }

    /// The numbers in a context-length error, as far as the message gives them.
    public struct ContextLengthNumbers: Sendable, Equatable {
        /// The model's window (X in "maximum context length is X tokens").
        public var contextWindow: Int
        /// Total tokens requested, when stated.
        public var requested: Int?
        /// Tokens the server counted in the messages (and functions, when stated separately, added in).
        public var promptTokens: Int?
        /// The completion tokens requested, when stated.
        public var completionTokens: Int?
    }

    /// Reads the numbers from the wordings OpenAI, Azure and vLLM-style servers use, e.g.
    /// "This model's maximum context length is 128000 tokens. However, you requested 130007 tokens (2133 in the
    /// messages, 127874 in the completion)." or "… However, your messages resulted in 130000 tokens."
    public var contextLengthNumbers: ContextLengthNumbers? {
        let text = message
        guard let window = Self.firstInt(after: ["maximum context length is ", "context length is "], in: text)
        else { return nil }
        var numbers = ContextLengthNumbers(contextWindow: window)
        numbers.requested = Self.firstInt(after: ["you requested ", "requested "], in: text)
        if let messages = Self.int(before: " in the messages", in: text) {
            let functions = Self.int(before: " in the functions", in: text) ?? 0
            numbers.promptTokens = messages + functions
        } else if let resulted = Self.firstInt(after: ["messages resulted in ", "prompt contains "], in: text) {
            numbers.promptTokens = resulted
        }
        numbers.completionTokens = Self.int(before: " in the completion", in: text)
        if numbers.promptTokens == nil, let requested = numbers.requested, let completion = numbers.completionTokens {
            numbers.promptTokens = requested - completion
        }
        return numbers
    }

    private static func firstInt(after markers: [String], in text: String) -> Int? {
        for marker in markers {
            guard let range = text.range(of: marker, options: .caseInsensitive) else { continue }
            let digits = text[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
            if let value = Int(digits) { return value }
        }
        return nil
    }

    private static func int(before marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker, options: .caseInsensitive) else { return nil }
        let head = text[..<range.lowerBound]
        let digits = String(head.reversed().prefix { $0.isNumber || $0 == "," }.reversed()).filter(\.isNumber)
        return Int(digits)
    }
}
