/// What a local OpenAI-compatible model server told docgen about itself: its kind, the context window one request
/// may use, its slot count and whether it can count tokens.
///
/// Made by ``LocalServerProbe``; the CLI plans with ``contextWindow`` when the model is not in the registry,
/// defaults the concurrency to ``slots`` and counts prompts with ``tokenizer`` (``ServerTokenCounter``).
public struct LocalServerInfo: Sendable, Equatable {
    /// The server software, as far as its answers tell.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// llama.cpp's `llama-server` (`GET /props`).
        case llamaCpp = "llama.cpp"
        /// vLLM (`GET /v1/models` with `max_model_len`).
        case vllm = "vLLM"
        /// Ollama (`POST /api/show`).
        case ollama = "Ollama"
    }

    /// Where the server counts tokens, when it can.
    public enum Tokenizer: Sendable, Equatable {
        /// llama.cpp: `POST /tokenize`, after `POST /apply-template` renders the chat (when the server has it).
        case llamaCpp(root: String, applyTemplate: Bool)
        /// vLLM: `POST /tokenize` with the chat messages.
        case vllm(root: String)
    }

    /// The server software.
    public var kind: Kind
    /// The tokens one request may use (prompt plus completion), or nil when the server did not say.
    public var contextWindow: Int?
    /// Requests the server works on at once (llama.cpp's `-np`), when it says.
    public var slots: Int?
    /// Where the window came from, for messages and the manifest, such as `llama.cpp GET /props`.
    public var source: String
    /// The server's tokenizer, or nil when it has none docgen can use.
    public var tokenizer: Tokenizer?
    /// Details for the user, such as "n_ctx 4096 shared by 2 slots".
    public var detail: String?

    /// Creates server facts.
    public init(
        kind: Kind, contextWindow: Int?, slots: Int? = nil, source: String, tokenizer: Tokenizer? = nil,
        detail: String? = nil
    ) {
        self.kind = kind
        self.contextWindow = contextWindow
        self.slots = slots
        self.source = source
        self.tokenizer = tokenizer
        self.detail = detail
    }

    /// One line for the user: "llama.cpp server: window 2,048 tokens per request (GET /props), 1 slot".
    public var summaryLine: String {
        var parts: [String] = []
        if let contextWindow {
            parts.append("window \(contextWindow) tokens per request (\(source)\(detail.map { "; \($0)" } ?? ""))")
        } else {
            parts.append("no context window reported")
        }
        if let slots { parts.append(slots == 1 ? "1 slot" : "\(slots) slots") }
        parts.append(tokenizer == nil ? "no tokenizer endpoint" : "tokenizer endpoint available")
        return "\(kind.rawValue) server: " + parts.joined(separator: ", ")
    }
}
