import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Synchronization
import Testing

/// Batches over libcurl: bounded concurrency, input order, and cancellation that keeps finished work.
struct AIServiceBatchEndToEndTests {
    static func items(_ texts: [String], budget: TokenBudget) throws -> [AIService<ContinuousClock>.BatchItem] {
        try texts.map { text in
            AIService<ContinuousClock>.BatchItem(
                request: try EndToEndFixture.makeRequest(budget, messages: [.user(text)]), budget: budget, file: text)
        }
    }

    @Test func batchRunsAtMostFourAtOnceAndReturnsResultsInInputOrder() async throws {
        let inFlight = Mutex((now: 0, peak: 0))
        let fixture = try EndToEndFixture { request in
            // The handler runs on the connection's own thread, so holding it here keeps the request in flight.
            inFlight.withLock {
                $0.now += 1
                $0.peak = max($0.peak, $0.now)
            }
            let text = EndToEndFixture.lastMessage(of: request)
            // Later items answer sooner, so completion order differs from input order.
            let index = Int(text.dropFirst(5)) ?? 0
            usleep(UInt32(5_000 + (12 - index) * 2_000))
            inFlight.withLock { $0.now -= 1 }
            return .json(200, EndToEndFixture.okBody(text))
        }
        defer { fixture.server.shutdown() }
        let texts = (0..<12).map { "item \($0)" }
        let budget = try EndToEndFixture.makeBudget()

        let results = await fixture.service.completeAll(
            try Self.items(texts, budget: budget), counter: EndToEndFixture.counter, concurrency: 4)

        #expect(try results.map { try $0.get().text } == texts)
        #expect(fixture.server.receivedRequests.count == 12)
        let peak = inFlight.withLock { $0.peak }
        #expect(peak <= 4)
        #expect(peak >= 2)
        #expect(fixture.server.acceptedConnectionCount <= 4)
    }

    @Test func cancellingABatchKeepsFinishedResultsAndStopsTheRestPromptly() async throws {
        let fixture = try EndToEndFixture { request in
            EndToEndFixture.lastMessage(of: request).hasPrefix("fast")
                ? .json(200, EndToEndFixture.okBody(EndToEndFixture.lastMessage(of: request)))
                : .hang(.seconds(20))
        }
        defer { fixture.server.shutdown() }
        let texts = (0..<4).map { "fast \($0)" } + (0..<8).map { "slow \($0)" }
        let budget = try EndToEndFixture.makeBudget()
        let items = try Self.items(texts, budget: budget)
        let service = fixture.service

        let batch = Task { await service.completeAll(items, counter: EndToEndFixture.counter, concurrency: 4) }
        // The four fast items finish first; then four slow ones hang at the server.
        try #require(await fixture.server.waitForRequests(count: 8, timeout: .seconds(60)))
        let clock = ContinuousClock()
        let cancelledAt = clock.now
        batch.cancel()
        let results = await batch.value
        let stopped = clock.now - cancelledAt

        #expect(stopped < .seconds(5), "the hanging requests were not abandoned promptly (\(stopped))")
        #expect(results.count == 12)
        for index in 0..<4 {
            #expect((try? results[index].get().text) == "fast \(index)")
        }
        for index in 4..<12 {
            #expect(throws: CancellationError.self) { try results[index].get() }
        }
        // `batch.value` returned, so every child task has ended: no request can still be on its way.
        #expect(fixture.server.receivedRequests.count == 8)
    }
}
