import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Synchronization
import Testing

/// One AIService wired to a real ``CurlTransport`` and a scripted ``LoopbackHTTPServer``, with real time.
///
/// Retry backoffs are a few milliseconds so tests stay fast; server-announced waits are a few hundred.
struct EndToEndFixture {
    static let key = "sk-e2e-secret-0123456789abcdef"
    static let counter = ByteTokenCounter()
    static let messages: [ChatMessage] = [.system("You document code."), .user("Document `f`.")]

    let server: LoopbackHTTPServer
    let timeline: RequestTimeline
    let transport: CurlTransport
    let provider: ProviderConfiguration
    let limiter: RateLimiter<ContinuousClock>
    let service: AIService<ContinuousClock>

    /// Starts a server whose handler is recorded on a timeline, and a service pointed at it.
    init(
        kind: ProviderKind = .openai,
        deployment: String? = nil,
        apiVersion: String? = nil,
        limits: RateLimits = .unlimited,
        retry: RetryPolicy = RetryPolicy(
            maxRetries: 3, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(80)),
        requestTimeout: Duration = .seconds(15),
        baseURL: String? = nil,
        handler: @escaping LoopbackHTTPServer.Handler
    ) throws {
        let timeline = RequestTimeline()
        let server = try LoopbackHTTPServer(
            limits: .init(maximumHang: .seconds(20)), handler: timeline.recording(handler))
        let source = kind == .azure ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY"
        let provider = ProviderConfiguration(
            kind: kind, baseURL: baseURL ?? (kind == .azure ? server.baseURL : server.baseURL + "/v1"),
            credentials: ProviderCredentials(apiKey: Self.key, source: source), deployment: deployment,
            apiVersion: apiVersion)
        let transport = try CurlTransport(
            configuration: CurlTransport.Configuration(connectTimeout: .seconds(5), proxy: .none))
        let limiter = RateLimiter(limits: limits, clock: ContinuousClock())
        self.server = server
        self.timeline = timeline
        self.transport = transport
        self.provider = provider
        self.limiter = limiter
        self.service = AIService(
            configuration: .init(provider: provider, retry: retry, requestTimeout: requestTimeout),
            transport: transport, rateLimiter: limiter, clock: ContinuousClock(),
            logger: Logger(label: "e2e", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Starts a server that answers with `actions` in order, repeating the last.
    init(scripted actions: [LoopbackHTTPServer.Action]) throws {
        let next = ScriptCursor(count: actions.count)
        try self.init { _ in actions[next.advance()] }
    }

    /// A small test model: 8,000-token window, 1,000-token output limit, 10-token margin.
    static func makeBudget(window: Int = 8_000, maxOutput: Int = 1_000) throws -> TokenBudget {
        let profile = ModelProfile(
            id: "test-model", contextWindowTokens: window, maxOutputTokens: maxOutput, outputLimitField: .maxTokens,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 2, asOf: "2025-01-01"))
        return try TokenBudget(model: profile, safetyMarginTokens: 10, minimumCompletionTokens: 50)
    }

    static func makeRequest(
        _ budget: TokenBudget,
        messages: [ChatMessage] = messages,
        stream: Bool = false
    ) throws -> ChatCompletionRequest {
        ChatCompletionRequest(
            modelName: budget.model.id, messages: messages, plan: try budget.plan(messages: messages, using: counter),
            stream: stream)
    }

    /// Sends the default request with the default budget.
    func complete(stream: Bool = false) async throws -> ChatCompletionResult {
        let budget = try Self.makeBudget()
        return try await service.complete(
            try Self.makeRequest(budget, stream: stream), budget: budget, counter: Self.counter)
    }

    /// A chat-completion body with usage 60 prompt / 5 completion tokens.
    static func okBody(_ text: String = "Docs.", usage: Bool = true) -> String {
        let usagePart = usage ? #","usage":{"prompt_tokens":60,"completion_tokens":5,"total_tokens":65}"# : ""
        return
            #"{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"#
            + #""message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}]"# + usagePart + "}"
    }

    static let ok = LoopbackHTTPServer.Action.json(200, okBody())

    /// The JSON object of a request body.
    static func body(of request: LoopbackHTTPServer.Request) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    /// The content of the last message of a request body.
    static func lastMessage(of request: LoopbackHTTPServer.Request) -> String {
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        let messages = body?["messages"] as? [[String: Any]]
        return messages?.last?["content"] as? String ?? ""
    }

    /// Checks that no request reached the server inside a wait announced by an earlier answer
    /// (`retry-after-ms` / `retry-after`): a request received after such an answer was sent must arrive after
    /// the wait has passed.
    ///
    /// - Returns: The number of requests that arrived after an announced wait began (and so were checked).
    @discardableResult
    static func expectNoEarlyRequests(
        _ timeline: RequestTimeline,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        let entries = timeline.entries
        var windows: [(index: Int, start: ContinuousClock.Instant, end: ContinuousClock.Instant)] = []
        for (index, entry) in entries.enumerated() {
            if let wait = RetryAfter.parse(answerHeaders(entry), now: Date()) {
                windows.append((index, entry.earliestAnswerAt, entry.earliestAnswerAt + wait))
            }
        }
        var checked = 0
        for (index, entry) in entries.enumerated() {
            let announced = windows.filter { $0.index != index && $0.start <= entry.receivedAt }
            guard let end = announced.map(\.end).max() else { continue }
            checked += 1
            #expect(
                entry.receivedAt >= end, "a request arrived \(end - entry.receivedAt) before an announced wait ended",
                sourceLocation: sourceLocation)
        }
        return checked
    }

    private static func answerHeaders(_ entry: RequestTimeline.Entry) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for name in ["retry-after-ms", "retry-after"] {
            if let value = entry.answerHeader(name) { headers.add(name: name, value: value) }
        }
        return headers
    }
}

/// Hands out indices 0, 1, 2… capped at the last index, from any thread.
final class ScriptCursor: Sendable {
    private let count: Int
    private let next = Mutex(0)

    init(count: Int) {
        precondition(count > 0, "a script needs at least one action")
        self.count = count
    }

    func advance() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return min(value, count - 1)
        }
    }
}
