import DocgenBase
import DocgenCore
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

/// After two cut streams of one request, one non-streamed request with the same body except `stream`.
struct AIServiceStreamFallbackTests {
    let counter = ByteTokenCounter()
    let messages: [ChatMessage] = [.system("You document code."), .user("Document `f`.")]
    let provider = ProviderConfiguration(
        kind: .openai, baseURL: "http://127.0.0.1:9/v1",
        credentials: ProviderCredentials(apiKey: "sk-fallback-0123456789", source: "OPENAI_API_KEY"))

    static let cut = StubTransport.Reply.stream(
        status: 200, headers: HTTPHeaders(),
        chunks: [Array("data: {\"choices\":[{\"delta\":{\"content\":\"Pa\"}}]}\n\n".utf8)],
        error: HTTPTransportError(kind: .connectionLost, detail: "reset", url: "x"))
    static let ok = StubTransport.Reply.text(
        200,
        #"{"choices":[{"message":{"content":"Whole answer."},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3}}"#
    )

    func budget() throws -> TokenBudget {
        let profile = ModelProfile(
            id: "test-model", contextWindowTokens: 8_000, maxOutputTokens: 1_000, outputLimitField: .maxTokens,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 2, asOf: "2025-01-01"))
        return try TokenBudget(model: profile, safetyMarginTokens: 10, minimumCompletionTokens: 50)
    }

    func complete(
        _ transport: StubTransport,
        maxRetries: Int = 3,
        metrics: MetricsCollector? = nil,
        events: EventLog? = nil
    ) async throws -> ChatCompletionResult {
        let clock = TestClock(autoAdvance: true)
        let service = AIService(
            configuration: .init(provider: provider, retry: RetryPolicy(maxRetries: maxRetries)),
            transport: transport, rateLimiter: RateLimiter(limits: .unlimited, clock: clock), metrics: metrics,
            clock: clock, logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }),
            randomNumberGenerator: SeededGenerator(state: 3))
        let budget = try budget()
        let request = ChatCompletionRequest(
            modelName: "test-model", messages: messages, plan: try budget.plan(messages: messages, using: counter),
            stream: true)
        var onEvent: (@Sendable (AIService<TestClock>.StreamEvent) -> Void)?
        if let events { onEvent = { events.append($0) } }
        return try await service.complete(request, budget: budget, counter: counter, file: "a.py", onEvent: onEvent)
    }

    static func body(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    @Test func secondCutStreamIsFollowedByOneRequestWithoutStreaming() async throws {
        let transport = StubTransport([Self.cut, Self.cut, Self.ok])
        let events = EventLog()
        let metrics = MetricsCollector()
        let result = try await complete(transport, metrics: metrics, events: events)

        #expect(result.text == "Whole answer.")
        #expect(result.attempts == 3 && result.streamFallbacks == 1)
        #expect(result.retries == [.streamCut: 2])
        #expect(events.all == [.delta("Pa"), .restart, .delta("Pa"), .restart, .delta("Whole answer.")])
        let sent = transport.requests
        #expect(sent.count == 3)
        var streamed = try Self.body(sent[0])
        let fallback = try Self.body(sent[2])
        #expect(streamed["stream"] as? Bool == true && streamed["stream_options"] != nil)
        #expect(fallback["stream"] == nil && fallback["stream_options"] == nil)
        streamed["stream"] = nil
        streamed["stream_options"] = nil
        #expect(NSDictionary(dictionary: streamed).isEqual(to: fallback), "same body except stream")
        #expect(sent[0].headers["Accept"] == "text/event-stream")
        #expect(sent[2].headers["Accept"] != "text/event-stream")
        let record = try #require(await metrics.fileRecords.first)
        #expect(record.streamFallbacks == 1 && record.retries == ["stream_cut": 2])
    }

    @Test func fallbackIsAskedEvenWhenTheRetryBudgetIsSpent() async throws {
        let transport = StubTransport([Self.cut, Self.cut, Self.ok])
        let result = try await complete(transport, maxRetries: 1)
        #expect(result.text == "Whole answer." && result.attempts == 3 && result.streamFallbacks == 1)
    }

    @Test func fallbackHappensOnceAndTheBoundHolds() async throws {
        let policy = RetryPolicy(maxRetries: 3)
        let transport = StubTransport([Self.cut, Self.cut, .text(503, "{}"), Self.cut])
        let metrics = MetricsCollector()
        await #expect(
            throws: AIServiceError.retriesExhausted(
                attempts: 5, last: "the stream ended before [DONE]", cause: .streamCut)
        ) {
            _ = try await complete(transport, maxRetries: policy.maxRetries, metrics: metrics)
        }
        let sent = transport.requests
        #expect(sent.count == 5)
        #expect(sent.count <= policy.maximumSends(streaming: true, finalRounds: 0))
        let streamedFlags = try sent.map { try Self.body($0)["stream"] as? Bool ?? false }
        #expect(streamedFlags == [true, true, false, true, true])
        let record = try #require(await metrics.fileRecords.first)
        #expect(record.streamFallbacks == 1)
        #expect(record.retries == ["stream_cut": 3, "server_error": 1])
    }

    @Test func oneCutStreamDoesNotFallBack() async throws {
        let full = StubTransport.Reply.stream(
            status: 200, headers: HTTPHeaders(),
            chunks: [Array("data: {\"choices\":[{\"delta\":{\"content\":\"Full\"}}]}\n\ndata: [DONE]\n\n".utf8)],
            error: nil)
        let transport = StubTransport([Self.cut, full])
        let result = try await complete(transport)
        #expect(result.text == "Full" && result.streamFallbacks == 0)
        #expect(try transport.requests.allSatisfy { try Self.body($0)["stream"] as? Bool == true })
    }
}
