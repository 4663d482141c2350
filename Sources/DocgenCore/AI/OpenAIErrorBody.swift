import Foundation

/// The error object OpenAI-compatible servers return: `{"error": {"message", "type", "param", "code"}}`.
///
/// llama.cpp's `llama-server` answers a too-long prompt with its own shape, which is read too:
/// `{"error": {"code": 400, "type": "exceed_context_size_error", "n_prompt_tokens": 831, "n_ctx": 512,
/// "message": "request (831 tokens) exceeds the available context size (512 tokens), try increasing it"}}`
/// (an integer `code`; a proxy may pass it on as `"code": "400"` with `"type": null`).
public struct OpenAIErrorBody: Sendable, Equatable {
    /// The server's message.
    public var message: String
    /// The error type, such as `invalid_request_error`.
    public var type: String?
    /// The error code, such as `context_length_exceeded` or `rate_limit_exceeded`.
    public var code: String?
    /// The prompt tokens the server counted (llama.cpp's `n_prompt_tokens`), when the body states them.
    public var serverPromptTokens: Int?
    /// The server's context window per request (llama.cpp's `n_ctx`), when the body states it.
    public var serverContextWindow: Int?

    /// Creates an error body.
    public init(
        message: String, type: String? = nil, code: String? = nil, serverPromptTokens: Int? = nil,
        serverContextWindow: Int? = nil
    ) {
        self.message = message
        self.type = type
        self.code = code
        self.serverPromptTokens = serverPromptTokens
        self.serverContextWindow = serverContextWindow
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
        return OpenAIErrorBody(
            message: message, type: error["type"] as? String, code: code,
            serverPromptTokens: positiveInt(error["n_prompt_tokens"]), serverContextWindow: positiveInt(error["n_ctx"]))
    }

    private static func positiveInt(_ value: Any?) -> Int? {
        if let number = value as? Int, number > 0 { return number }
        if let text = value as? String, let number = Int(text), number > 0 { return number }
        return nil
    }

    /// Whether the server says the prompt plus completion exceed the model's window.
    public var isContextLengthExceeded: Bool {
        if code == "context_length_exceeded" || type == "exceed_context_size_error" { return true }
        let lowered = message.lowercased()
        return lowered.contains("maximum context length") || lowered.contains("context length exceeded")
            || lowered.contains("context_length_exceeded") || lowered.contains("exceeds the available context size")
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
    ///
    /// llama.cpp's numbers come from `n_ctx` / `n_prompt_tokens`, or from its message "request (831 tokens)
    /// exceeds the available context size (512 tokens)" when a proxy dropped the fields.
    public var contextLengthNumbers: ContextLengthNumbers? {
        let text = message
        if let window = serverContextWindow ?? Self.llamaWindow(in: text) {
            var numbers = ContextLengthNumbers(contextWindow: window)
            numbers.promptTokens = serverPromptTokens ?? Self.firstInt(after: ["request ("], in: text)
            return numbers
        }
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

    /// The window in llama.cpp's "… exceeds the available context size (512 tokens)".
    private static func llamaWindow(in text: String) -> Int? {
        firstInt(after: ["exceeds the available context size ("], in: text)
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
