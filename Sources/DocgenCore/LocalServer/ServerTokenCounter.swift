public import DocgenBase
public import DocgenTokens
import Foundation
import Synchronization

/// Counts chat prompts with the model server's own tokenizer, so plans for models without a tiktoken encoding
/// are exact (`--tokenizer server`).
///
/// - llama.cpp: `POST /apply-template` renders the messages with the model's chat template, then
///   `POST /tokenize` (`add_special`, `parse_special`) counts that text — the same count the server checks
///   against its window. A server without `/apply-template` counts the contents plus a small per-message allowance.
/// - vLLM: `POST /tokenize` with the messages and `add_generation_prompt`.
///
/// Counts are cached per prompt (by content hash), so re-fitting and re-planning never ask twice. The counter
/// also remembers how the server's counts compare with the local estimate (``observedRatio``), so later prompts
/// are fitted close to the server's numbers at the first try.
public final class ServerTokenCounter: Sendable {
    let endpoint: LocalServerInfo.Tokenizer
    let model: String
    let transport: any HTTPTransport
    let headers: HTTPHeaders
    let timeout: Duration
    private let state = Mutex(State())

    private struct State {
        var cache: [String: Int] = [:]
        var requests = 0
        var hits = 0
        var ratio = 1.0
    }

    /// Tokens allowed per message when llama.cpp has no `/apply-template` (its role markers and separators).
    static let perMessageAllowance = 8

    /// Creates a counter.
    ///
    /// - Parameters:
    ///   - endpoint: The server's tokenizer (from ``LocalServerProbe``).
    ///   - model: The model name (vLLM counts per model).
    ///   - provider: The server's configuration, for its authentication headers.
    ///   - transport: The HTTP transport.
    ///   - timeout: The time allowed for one count.
    public init(
        endpoint: LocalServerInfo.Tokenizer, model: String, provider: ProviderConfiguration,
        transport: any HTTPTransport, timeout: Duration = .seconds(30)
    ) {
        self.endpoint = endpoint
        self.model = model
        self.transport = transport
        var headers = provider.requestHeaders(userAgent: "docgen")
        headers.replaceOrAdd(name: "Accept", value: "application/json")
        self.headers = headers
        self.timeout = timeout
    }

    /// Counts requests sent to the tokenizer and answers taken from the cache, for the summary and tests.
    public var statistics: (requests: Int, cacheHits: Int) { state.withLock { ($0.requests, $0.hits) } }

    /// The largest ratio of server count to local estimate seen so far (1 before any count).
    public var observedRatio: Double { state.withLock { $0.ratio } }

    /// Records a server count next to the local estimate of the same prompt.
    func noteRatio(server: Int, local: Int) {
        guard local > 0 else { return }
        let ratio = Double(server) / Double(local)
        state.withLock { $0.ratio = max($0.ratio, ratio) }
    }

    /// The server's prompt tokens for these messages.
    ///
    /// - Parameter messages: The chat messages as they will be sent.
    /// - Returns: The number of prompt tokens the server will count.
    /// - Throws: ``AIServiceError`` when the server does not answer or answers something unreadable.
    public func count(_ messages: [ChatMessage]) async throws -> Int {
        let key = ContentHash.key(messages.flatMap { [$0.role.rawValue, $0.content, $0.name ?? ""] })
        if let cached = state.withLock({ state -> Int? in
            let value = state.cache[key]
            if value != nil { state.hits += 1 }
            return value
        }) {
            return cached
        }
        let count: Int
        switch endpoint {
        case .llamaCpp(let root, let applyTemplate):
            if applyTemplate {
                let rendered = try await post("\(root)/apply-template", ["messages": wire(messages)])
                guard let prompt = rendered["prompt"] as? String else {
                    throw AIServiceError.malformedResponse("POST \(root)/apply-template gave no 'prompt'")
                }
                count = try await llamaTokens(root: root, prompt)
            } else {
                let text = messages.map(\.content).joined(separator: "\n")
                count = try await llamaTokens(root: root, text) + Self.perMessageAllowance * messages.count
            }
        case .vllm(let root):
            let answer = try await post(
                "\(root)/tokenize", ["model": model, "messages": wire(messages), "add_generation_prompt": true])
            guard let number = answer["count"] as? Int ?? (answer["tokens"] as? [Any])?.count else {
                throw AIServiceError.malformedResponse("POST \(root)/tokenize gave no 'count'")
            }
            count = number
        }
        state.withLock { $0.cache[key] = count }
        return count
    }

    private func llamaTokens(root: String, _ text: String) async throws -> Int {
        let answer = try await post(
            "\(root)/tokenize", ["content": text, "add_special": true, "parse_special": true])
        guard let tokens = answer["tokens"] as? [Any] else {
            throw AIServiceError.malformedResponse("POST \(root)/tokenize gave no 'tokens'")
        }
        return tokens.count
    }

    private func wire(_ messages: [ChatMessage]) -> [[String: String]] {
        messages.map { message in
            var entry = ["role": message.role.rawValue, "content": message.content]
            if let name = message.name { entry["name"] = name }
            return entry
        }
    }

    private func post(_ url: String, _ body: [String: Any]) async throws -> [String: Any] {
        state.withLock { $0.requests += 1 }
        let data = try JSONSerialization.data(withJSONObject: body)
        let request = HTTPRequest(method: .post, url: url, headers: headers, body: Array(data))
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch let error as HTTPTransportError {
            throw AIServiceError.transport(error)
        }
        guard (200..<300).contains(response.status) else {
            let message = OpenAIErrorBody.parse(response.body)?.message ?? "(no message)"
            throw AIServiceError.badRequest(
                status: response.status,
                message: "the server's tokenizer (POST \(url)) refused to count: \(message); "
                    + "use --tokenizer local to count with cl100k and a safety ratio instead")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw AIServiceError.malformedResponse("POST \(url) did not answer with a JSON object")
        }
        return object
    }
}
