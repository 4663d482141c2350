import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Synchronization
import Testing

/// Server-sent-event streaming over libcurl: text as it arrives, usage from the final chunk, cut streams retried.
struct AIServiceStreamingEndToEndTests {
    static let events = [
        #"{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}"#,
        #"{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}],"usage":null}"#,
        #"{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}],"usage":null}"#,
        #"{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"length"}],"usage":null}"#,
        #"{"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":61,"completion_tokens":2,"total_tokens":63}}"#,
        "[DONE]",
    ]

    @Test func streamDeliversTextAsItArrivesAndReadsUsage() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .serverSentEvents(Self.events, delay: .milliseconds(5))
        ])
        defer { fixture.server.shutdown() }
        let log = StreamLog()
        let budget = try EndToEndFixture.makeBudget()

        let result = try await fixture.service.complete(
            try EndToEndFixture.makeRequest(budget, stream: true), budget: budget, counter: EndToEndFixture.counter,
            onEvent: { log.append($0) })

        #expect(result.text == "Hello")
        #expect(result.finishReason == "length" && result.isLengthLimited)
        #expect(result.promptTokens == 61 && result.completionTokens == 2 && result.usageFromServer)
        #expect(log.events == [.delta("Hel"), .delta("lo")])
        let received = try #require(fixture.server.receivedRequests.first)
        #expect(received.headers["Accept"] == "text/event-stream")
        let body = try EndToEndFixture.body(of: received)
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
    }

    @Test func streamCutMidBodyIsRetriedAndTheClientIsToldToRestart() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .serverSentEvents(Array(Self.events.prefix(2)), completes: false),
            .serverSentEvents(Self.events),
        ])
        defer { fixture.server.shutdown() }
        let log = StreamLog()
        let budget = try EndToEndFixture.makeBudget()

        let result = try await fixture.service.complete(
            try EndToEndFixture.makeRequest(budget, stream: true), budget: budget, counter: EndToEndFixture.counter,
            onEvent: { log.append($0) })

        #expect(result.text == "Hello")
        #expect(result.retries == [.streamCut: 1])
        #expect(log.events == [.delta("Hel"), .restart, .delta("Hel"), .delta("lo")])
        #expect(fixture.server.receivedRequests.count == 2)
    }

    @Test func streamEndingWithoutDoneIsRetried() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .serverSentEvents(Array(Self.events.prefix(3)), completes: true),
            .serverSentEvents(Self.events),
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete(stream: true)

        #expect(result.text == "Hello")
        #expect(result.retries == [.streamCut: 1])
    }

    @Test func streamedErrorStatusIsReadAsAnError() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(503, #"{"error":{"message":"overloaded"}}"#),
            .serverSentEvents(Self.events),
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete(stream: true)

        #expect(result.text == "Hello")
        #expect(result.retries == [.serverError: 1])
    }
}

/// Collects stream events from a `@Sendable` callback.
final class StreamLog: Sendable {
    private let recorded = Mutex<[AIService<ContinuousClock>.StreamEvent]>([])
    func append(_ event: AIService<ContinuousClock>.StreamEvent) { recorded.withLock { $0.append(event) } }
    var events: [AIService<ContinuousClock>.StreamEvent] { recorded.withLock { $0 } }
}
