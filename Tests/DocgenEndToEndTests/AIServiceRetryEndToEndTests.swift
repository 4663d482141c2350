import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Testing

/// Retries over libcurl: server-announced waits are honoured to the millisecond, other failures back off.
struct AIServiceRetryEndToEndTests {
    static let rateLimitBody =
        #"{"error":{"message":"Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM): "#
        + #"Limit 30000, Used 30000, Requested 420. Please try again in 300ms.","type":"tokens","param":null,"#
        + #""code":"rate_limit_exceeded"}}"#

    @Test(arguments: [("retry-after-ms", "300"), ("retry-after", "0.3")])
    func rateLimitedRequestIsResentOnlyAfterTheAnnouncedWait(header: String, value: String) async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(429, Self.rateLimitBody, headers: [header: value]), EndToEndFixture.ok,
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.retries == [.rateLimited: 1])
        let entries = fixture.timeline.entries
        try #require(entries.count == 2)
        #expect(entries[1].receivedAt - entries[0].receivedAt >= .milliseconds(300))
        #expect(EndToEndFixture.expectNoEarlyRequests(fixture.timeline) == 1)
    }

    @Test func aRateLimitHoldsEveryConcurrentRequestUntilTheWaitHasPassed() async throws {
        // The first request is answered 429 after 100 ms; the second is already in flight and answered 200 after
        // 200 ms, which starts the third. Neither the third nor the retry may arrive within the 300 ms wait.
        let cursor = ScriptCursor(count: 2)
        let fixture = try EndToEndFixture { _ in
            cursor.advance() == 0
                ? .delayed(
                    .milliseconds(100),
                    then: .json(429, Self.rateLimitBody, headers: ["retry-after-ms": "300"]))
                : .delayed(.milliseconds(200), then: EndToEndFixture.ok)
        }
        defer { fixture.server.shutdown() }
        let budget = try EndToEndFixture.makeBudget()
        let items = try (0..<4).map { index in
            AIService<ContinuousClock>.BatchItem(
                request: try EndToEndFixture.makeRequest(budget, messages: [.user("item \(index)")]), budget: budget,
                file: "m\(index)")
        }

        let results = await fixture.service.completeAll(items, counter: EndToEndFixture.counter, concurrency: 2)

        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(fixture.timeline.entries.count == 5)
        #expect(EndToEndFixture.expectNoEarlyRequests(fixture.timeline) >= 2)
    }

    @Test func serverErrorsAreRetriedThenSucceed() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(500, #"{"error":{"message":"The server had an error while processing your request."}}"#),
            .json(503, #"{"error":{"message":"The engine is currently overloaded."}}"#),
            EndToEndFixture.ok,
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.attempts == 3)
        #expect(result.retries == [.serverError: 2])
        #expect(fixture.server.receivedRequests.count == 3)
        // Error answers keep the connection open: the retries reuse it.
        #expect(fixture.server.acceptedConnectionCount == 1)
    }

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504])
    func retryableStatusIsRetriedThenSucceeds(status: Int) async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(status, #"{"error":{"message":"try again"}}"#), EndToEndFixture.ok,
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.attempts == 2)
        #expect(fixture.server.receivedRequests.count == 2)
    }

    @Test(arguments: [400, 403, 404, 422])
    func finalStatusIsSentExactlyOnce(status: Int) async throws {
        let fixture = try EndToEndFixture(scripted: [.json(status, #"{"error":{"message":"no"}}"#), EndToEndFixture.ok])
        defer { fixture.server.shutdown() }

        await #expect(throws: AIServiceError.self) { _ = try await fixture.complete() }
        #expect(fixture.server.receivedRequests.count == 1)
    }

    @Test func timedOutRequestIsRetriedThenSucceeds() async throws {
        // The first attempt gets no answer within the 300 ms timeout; the retry is answered.
        let cursor = ScriptCursor(count: 2)
        let fixture = try EndToEndFixture(requestTimeout: .milliseconds(300)) { _ in
            cursor.advance() == 0 ? .hang(.seconds(5)) : EndToEndFixture.ok
        }
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.retries == [.timeout: 1])
        #expect(fixture.server.receivedRequests.count == 2)
    }

    @Test func refusedConnectionIsRetriedThenReported() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let fixture = try EndToEndFixture(baseURL: "http://127.0.0.1:\(port)/v1") { _ in EndToEndFixture.ok }
        defer { fixture.server.shutdown() }

        let error = try await #require(throws: AIServiceError.self) { _ = try await fixture.complete() }

        #expect(error.shortDescription == "endpoint_unreachable")
        #expect(error.description.contains("4 attempts"))
        #expect(error.description.contains("127.0.0.1:\(port)"))
        #expect(fixture.server.receivedRequests.isEmpty)
    }

    @Test func droppedConnectionIsRetriedThenSucceeds() async throws {
        let fixture = try EndToEndFixture(scripted: [.close, EndToEndFixture.ok])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.retries == [.connectionLost: 1])
        #expect(fixture.server.receivedRequests.count == 2)
        #expect(fixture.server.acceptedConnectionCount == 2)
    }

    @Test func bodyCutShortIsRetriedThenSucceeds() async throws {
        let full = Array(EndToEndFixture.okBody().utf8)
        let fixture = try EndToEndFixture(scripted: [
            .cutBody(
                status: 200, headers: ["Content-Type": "application/json"], declaredLength: full.count,
                sentBody: Array(full.prefix(20))),
            EndToEndFixture.ok,
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.retries == [.connectionLost: 1])
    }

    @Test func malformedJSONIsRetriedThenSucceeds() async throws {
        let fixture = try EndToEndFixture(scripted: [
            .json(200, #"{"id":"chatcmpl-1","choices":[{"message":"#),
            .json(200, #"{"id":"chatcmpl-2","choices":[]}"#),
            EndToEndFixture.ok,
        ])
        defer { fixture.server.shutdown() }

        let result = try await fixture.complete()

        #expect(result.text == "Docs.")
        #expect(result.retries == [.malformedResponse: 2])
        #expect(fixture.server.receivedRequests.count == 3)
    }

    @Test func persistentFailureStopsAfterMaxRetries() async throws {
        let fixture = try EndToEndFixture(scripted: [.json(503, "{}")])
        defer { fixture.server.shutdown() }

        await #expect(throws: AIServiceError.retriesExhausted(attempts: 4, last: "HTTP 503", cause: .serverError)) {
            _ = try await fixture.complete()
        }
        #expect(fixture.server.receivedRequests.count == 4)
    }

    @Test func tooLongAnnouncedWaitFailsInsteadOfSendingEarly() async throws {
        let fixture = try EndToEndFixture(
            retry: RetryPolicy(maxRetries: 3, initialBackoff: .milliseconds(20), maxServerWait: .seconds(5))
        ) { _ in .json(429, Self.rateLimitBody, headers: ["retry-after": "60"]) }
        defer { fixture.server.shutdown() }

        await #expect(throws: AIServiceError.serverWaitTooLong(seconds: 60)) { _ = try await fixture.complete() }
        #expect(fixture.server.receivedRequests.count == 1)
    }
}
