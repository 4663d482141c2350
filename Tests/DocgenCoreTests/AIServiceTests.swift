import DocgenBase
import DocgenCore
import DocgenTestSupport
import DocgenTokens
import Foundation
import InMemoryLogging
import Logging
import Synchronization
import Testing

struct AIServiceTests {
    static let key = "sk-secret-value-1234567890"
    let provider = ProviderConfiguration(
        kind: .openai, baseURL: "http://127.0.0.1:9/v1",
        credentials: ProviderCredentials(apiKey: key, source: "OPENAI_API_KEY"))
    let counter = ByteTokenCounter()
    let messages: [ChatMessage] = [.system("You document code."), .user("Document `f`.")]

    func makeBudget(window: Int = 8_000, maxOutput: Int = 1_000, field: ModelProfile.OutputLimitField = .maxTokens)
        throws
        -> TokenBudget
    {
        let profile = ModelProfile(
            id: "test-model", contextWindowTokens: window, maxOutputTokens: maxOutput, outputLimitField: field,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 2, asOf: "2025-01-01"))
        return try TokenBudget(model: profile, safetyMarginTokens: 10, minimumCompletionTokens: 50)
    }

    func makeService(
        _ transport: StubTransport,
        clock: TestClock = TestClock(autoAdvance: true),
        limits: RateLimits = .unlimited,
        metrics: MetricsCollector? = nil,
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) -> AIService<TestClock> {
        AIService(
            configuration: .init(provider: provider, retry: RetryPolicy(maxRetries: 3)), transport: transport,
            rateLimiter: RateLimiter(limits: limits, clock: clock), metrics: metrics, clock: clock, logger: logger,
            randomNumberGenerator: SeededGenerator(state: 7))
    }

    func makeRequest(_ budget: TokenBudget, stream: Bool = false) throws -> ChatCompletionRequest {
        ChatCompletionRequest(
            modelName: "test-model", messages: messages, plan: try budget.plan(messages: messages, using: counter),
            stream: stream)
    }

    static func okBody(_ text: String = "Docs.", usage: Bool = true) -> String {
        let usagePart = usage ? #","usage":{"prompt_tokens":60,"completion_tokens":5,"total_tokens":65}"# : ""
        return
            #"{"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}]"#
            + usagePart + "}"
    }

    static func json(_ object: Any) throws -> [String: Any] {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func body(of request: HTTPRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    @Test func sendsThePlannedRequestAndReadsUsage() async throws {
        let transport = StubTransport([.text(200, Self.okBody())])
        let budget = try makeBudget()
        let request = try makeRequest(budget)
        let result = try await makeService(transport).complete(request, budget: budget, counter: counter)
        #expect(result.text == "Docs.")
        #expect(result.finishReason == "stop")
        #expect(result.promptTokens == 60 && result.completionTokens == 5 && result.usageFromServer)
        #expect(result.attempts == 1 && result.retries.isEmpty)
        let cost = try #require(result.costUSD)
        #expect(abs(cost - (60 * 1 + 5 * 2) / 1e6) < 1e-12)
        let sent = try #require(transport.requests.first)
        #expect(sent.url == "http://127.0.0.1:9/v1/chat/completions")
        #expect(sent.headers["authorization"] == "Bearer \(Self.key)")
        let body = try Self.body(of: sent)
        #expect(body["model"] as? String == "test-model")
        #expect(body["max_tokens"] as? Int == request.plan.maxCompletionTokens)
        #expect(body["max_completion_tokens"] == nil)
        let sentMessages = try #require(body["messages"] as? [[String: Any]])
        #expect(sentMessages.map { $0["content"] as? String } == messages.map(\.content))
        // Prompt + max_tokens never exceeds the window.
        #expect(request.plan.promptTokens + request.plan.maxCompletionTokens <= 8_000)
    }

    @Test func reasoningModelsGetMaxCompletionTokens() async throws {
        let transport = StubTransport([.text(200, Self.okBody())])
        let budget = try makeBudget(field: .maxCompletionTokens)
        _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        let body = try Self.body(of: try #require(transport.requests.first))
        #expect(body["max_completion_tokens"] as? Int == 1_000)
        #expect(body["max_tokens"] == nil)
    }

    @Test func rateLimitedRequestWaitsForRetryAfterThroughTheLimiter() async throws {
        let clock = TestClock(autoAdvance: true)
        let transport = StubTransport([
            .text(
                429, #"{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}"#,
                headers: ["retry-after": "2"]),
            .text(200, Self.okBody()),
        ])
        let budget = try makeBudget()
        let result = try await makeService(transport, clock: clock).complete(
            try makeRequest(budget), budget: budget, counter: counter)
        #expect(result.retries == [.rateLimited: 1])
        #expect(result.attempts == 2)
        #expect(transport.requests.count == 2)
        #expect(clock.now.offset >= .seconds(2))
    }

    @Test func serverErrorsBackOffWithJitterThenSucceed() async throws {
        let clock = TestClock(autoAdvance: true)
        let transport = StubTransport([.text(500, "oops"), .text(503, "busy"), .text(200, Self.okBody())])
        let budget = try makeBudget()
        let result = try await makeService(transport, clock: clock).complete(
            try makeRequest(budget), budget: budget, counter: counter)
        #expect(result.retries == [.serverError: 2])
        #expect(clock.recordedSleeps.count == 2)
        #expect(clock.recordedSleeps[0] <= .milliseconds(500))
        #expect(clock.recordedSleeps[1] <= .seconds(1))
    }

    @Test func givesUpAfterMaxRetries() async throws {
        let transport = StubTransport([.text(503, "busy")])
        let budget = try makeBudget()
        await #expect(throws: AIServiceError.retriesExhausted(attempts: 4, last: "HTTP 503", cause: .serverError)) {
            _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        }
        #expect(transport.requests.count == 4)
    }

    @Test func unreachableEndpointIsReportedAsSuchAfterRetries() async throws {
        let refused = HTTPTransportError(kind: .connectionFailed, detail: "refused", url: "http://127.0.0.1:9/v1")
        let transport = StubTransport([.failure(refused)])
        let budget = try makeBudget()
        let error = try await #require(throws: AIServiceError.self) {
            _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        }
        #expect(error.shortDescription == "endpoint_unreachable")
        #expect(transport.requests.count == 4)
    }

    @Test func authenticationFailureIsFinalAndNamesTheVariableNotTheKey() async throws {
        let transport = StubTransport([
            .text(401, #"{"error":{"message":"Incorrect API key provided: \#(Self.key)","code":"invalid_api_key"}}"#)
        ])
        let budget = try makeBudget()
        let error = try await #require(throws: AIServiceError.self) {
            _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        }
        #expect(transport.requests.count == 1)
        #expect(error.description.contains("OPENAI_API_KEY"))
        #expect(error.description.contains("openai"))
        #expect(!error.description.contains(Self.key))
    }

    @Test func notFoundNamesModelAndPath() async throws {
        let transport = StubTransport([.text(404, #"{"error":{"message":"The model does not exist"}}"#)])
        let budget = try makeBudget()
        let error = try await #require(throws: AIServiceError.self) {
            _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        }
        #expect(error.description.contains("'test-model'"))
        #expect(error.description.contains("/v1/chat/completions"))
        #expect(transport.requests.count == 1)
    }

    @Test func contextLengthExceededIsReplannedOnceWithTheServersNumbers() async throws {
        // The server's window is smaller than the registry's (a deployment with a smaller limit).
        let message =
            "This model's maximum context length is 1000 tokens. However, you requested 1090 tokens "
            + "(90 in the messages, 1000 in the completion). Please reduce the length of the messages or completion."
        let transport = StubTransport([
            .text(
                400,
                #"{"error":{"message":"\#(message)","type":"invalid_request_error","code":"context_length_exceeded"}}"#),
            .text(200, Self.okBody()),
        ])
        let budget = try makeBudget(window: 8_000, maxOutput: 1_000)
        let request = try makeRequest(budget)
        #expect(request.plan.maxCompletionTokens == 1_000)
        let result = try await makeService(transport).complete(request, budget: budget, counter: counter)
        #expect(transport.requests.count == 2)
        let second = try Self.body(of: transport.requests[1])
        // 1000 window − 90 server prompt tokens − 10 margin.
        #expect(second["max_tokens"] as? Int == 900)
        #expect(result.plan.maxCompletionTokens == 900)
        #expect(result.retries == [.contextReplanned: 1])
    }

    @Test func neverResendsADoomedRequest() async throws {
        let message =
            "This model's maximum context length is 100 tokens. However, your messages resulted in 400 tokens."
        let transport = StubTransport([
            .text(400, #"{"error":{"message":"\#(message)","code":"context_length_exceeded"}}"#)
        ])
        let budget = try makeBudget()
        await #expect(throws: AIServiceError.self) {
            _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        }
        #expect(transport.requests.count == 1)
    }

    @Test func contextLengthErrorsNeverQuoteTheKey() async throws {
        // A proxy that echoes the request's key into a context-length error without token figures.
        let message = "context length exceeded for key \(Self.key)"
        let transport = StubTransport([
            .text(400, #"{"error":{"message":"\#(message)","code":"context_length_exceeded"}}"#)
        ])
        let budget = try makeBudget()
        let error = try await #require(throws: AIServiceError.self) {
            _ = try await makeService(transport).complete(try makeRequest(budget), budget: budget, counter: counter)
        }
        #expect(error.shortDescription == "context_length_exceeded")
        #expect(error.description.contains("<redacted>"))
        #expect(!error.description.contains(Self.key))
    }

    @Test func malformedBodiesAreRetried() async throws {
        let transport = StubTransport([
            .text(200, "{not json"), .text(200, #"{"choices":[]}"#), .text(200, Self.okBody()),
        ])
        let budget = try makeBudget()
        let result = try await makeService(transport).complete(
            try makeRequest(budget), budget: budget, counter: counter)
        #expect(result.retries == [.malformedResponse: 2])
        #expect(result.text == "Docs.")
    }

    @Test func missingUsageFallsBackToCounting() async throws {
        let transport = StubTransport([.text(200, Self.okBody("Hello!", usage: false))])
        let budget = try makeBudget()
        let request = try makeRequest(budget)
        let result = try await makeService(transport).complete(request, budget: budget, counter: counter)
        #expect(!result.usageFromServer)
        #expect(result.promptTokens == request.plan.promptTokens)
        #expect(result.completionTokens == 6)
    }

    static func sse(_ events: [String]) -> [[UInt8]] {
        events.map { Array("data: \($0)\n\n".utf8) }
    }

    @Test func streamsTextAndReadsFinalUsage() async throws {
        let chunks = Self.sse([
            #"{"choices":[{"delta":{"role":"assistant"}}]}"#,
            #"{"choices":[{"delta":{"content":"Hel"}}]}"#,
            #"{"choices":[{"delta":{"content":"lo"},"finish_reason":"length"}]}"#,
            #"{"choices":[],"usage":{"prompt_tokens":61,"completion_tokens":2}}"#,
            "[DONE]",
        ])
        let transport = StubTransport([.stream(status: 200, headers: HTTPHeaders(), chunks: chunks, error: nil)])
        let budget = try makeBudget()
        let events = EventLog()
        let result = try await makeService(transport).complete(
            try makeRequest(budget, stream: true), budget: budget, counter: counter, onEvent: { events.append($0) })
        #expect(result.text == "Hello")
        #expect(result.isLengthLimited)
        #expect(result.promptTokens == 61 && result.completionTokens == 2)
        #expect(events.all == [.delta("Hel"), .delta("lo")])
        let body = try Self.body(of: try #require(transport.requests.first))
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
    }

    @Test func streamCutBeforeDoneIsRetried() async throws {
        let cut = Self.sse([#"{"choices":[{"delta":{"content":"Par"}}]}"#])
        let full = Self.sse([#"{"choices":[{"delta":{"content":"Full"}}]}"#, "[DONE]"])
        let transport = StubTransport([
            .stream(status: 200, headers: HTTPHeaders(), chunks: cut, error: nil),
            .stream(status: 200, headers: HTTPHeaders(), chunks: full, error: nil),
        ])
        let budget = try makeBudget()
        let events = EventLog()
        let result = try await makeService(transport).complete(
            try makeRequest(budget, stream: true), budget: budget, counter: counter, onEvent: { events.append($0) })
        #expect(result.text == "Full")
        #expect(result.retries == [.streamCut: 1])
        #expect(events.all == [.delta("Par"), .restart, .delta("Full")])
    }

    @Test func logsCarryMetadataButNeverTheKeyOrPrompt() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "t", factory: { _ in handler })
        logger.logLevel = .trace
        let transport = StubTransport([.text(500, "x"), .text(200, Self.okBody())])
        let budget = try makeBudget()
        _ = try await makeService(transport, logger: logger).complete(
            try makeRequest(budget), budget: budget, counter: counter, file: "pkg/mod.py")
        let entries = handler.entries
        #expect(entries.contains { $0.message == "sending chat completion" && $0.metadata["docgen.attempt"] == "2" })
        #expect(entries.allSatisfy { $0.metadata["docgen.module"] == "pkg/mod.py" })
        let everything = entries.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!everything.contains(Self.key))
        #expect(!everything.contains("Document `f`."))
    }

    @Test func recordsMetricsForSuccessAndFailure() async throws {
        let metrics = MetricsCollector()
        let budget = try makeBudget()
        _ = try await makeService(
            StubTransport([.text(429, "", headers: ["retry-after-ms": "10"]), .text(200, Self.okBody())]),
            metrics: metrics
        )
        .complete(try makeRequest(budget), budget: budget, counter: counter, file: "a.py")
        _ = try? await makeService(StubTransport([.text(503, "")]), metrics: metrics)
            .complete(try makeRequest(budget), budget: budget, counter: counter, file: "b.py")
        let records = await metrics.fileRecords.sorted { $0.path < $1.path }
        #expect(records.count == 2)
        #expect(records[0].requests == 1 && records[0].retries == ["rate_limited": 1] && records[0].promptTokens == 60)
        #expect(records[1].requests == 0 && records[1].retries == ["server_error": 3])
    }

    @Test func batchKeepsInputOrderAndPerItemErrors() async throws {
        let transport = StubTransport(fallback: { request, _ in
            let body = (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]) ?? [:]
            let messages = body["messages"] as? [[String: Any]] ?? []
            let content = messages.last?["content"] as? String ?? ""
            if content == "fail" { return .text(401, "{}") }
            return .text(200, Self.okBody(content))
        })
        let budget = try makeBudget()
        let items = try ["a", "b", "fail", "d", "e", "f"].map { text in
            let messages: [ChatMessage] = [.user(text)]
            let request = ChatCompletionRequest(
                modelName: "test-model", messages: messages, plan: try budget.plan(messages: messages, using: counter))
            return AIService<TestClock>.BatchItem(request: request, budget: budget, file: text)
        }
        let results = await makeService(transport).completeAll(items, counter: counter, concurrency: 3)
        #expect(results.count == 6)
        for (index, text) in ["a", "b", "fail", "d", "e", "f"].enumerated() {
            switch results[index] {
            case .success(let result): #expect(result.text == text)
            case .failure(let error): #expect(text == "fail" && error is AIServiceError)
            }
        }
    }
}

/// Collects stream events from a `@Sendable` callback.
final class EventLog: Sendable {
    private let events = Mutex<[AIService<TestClock>.StreamEvent]>([])
    func append(_ event: AIService<TestClock>.StreamEvent) { events.withLock { $0.append(event) } }
    var all: [AIService<TestClock>.StreamEvent] { events.withLock { $0 } }
}
