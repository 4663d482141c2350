import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

/// The rate-limited loopback server's accounting, and AIService's limiter against it over libcurl.
struct RateLimitedServerEndToEndTests {
    typealias Instant = ScaledClock.Instant

    static func at(_ seconds: Double) -> Instant { Instant(offset: .milliseconds(seconds * 1000)) }

    @Test func ledgerRefusesWithTheExactWaitAndCountsRequestsInsideIt() {
        // 600 tokens/min = 10 tokens/s; 60 requests/min = 1 request/s.
        var ledger = RateLimitLedger(requestsPerMinute: 60, tokensPerMinute: 600, start: Self.at(0))

        guard case .accepted(let afterFirst) = ledger.admit(cost: 500, at: Self.at(0)) else {
            Issue.record("a request within the bucket must be accepted")
            return
        }
        #expect(afterFirst.remainingTokens == 100 && afterFirst.remainingRequests == 59)
        #expect(afterFirst.resetTokens == .seconds(50))
        // 300 tokens needed, 100 left: 20 s until 200 more have refilled.
        #expect(
            ledger.admit(cost: 300, at: Self.at(0)) == .refused(retryAfter: .seconds(20), isEarly: false, afterFirst))
        guard case .refused(let wait, true, _) = ledger.admit(cost: 10, at: Self.at(5)) else {
            Issue.record("a request inside the announced wait must be refused as early")
            return
        }
        #expect(wait == .seconds(15))
        guard case .accepted = ledger.admit(cost: 300, at: Self.at(20)) else {
            Issue.record("the announced wait must be enough")
            return
        }
        #expect(
            ledger.statistics
                == .init(
                    receivedRequests: 4, acceptedRequests: 2, refusedRequests: 2, earlyRequests: 1,
                    acceptedTokens: 800))
        #expect(ledger.admissibleTokens(over: .seconds(30)) == 900)
    }

    @Test func serverAnswersWithRateLimitHeadersAndRetryAfter() async throws {
        let counter = ByteTokenCounter()
        let server = try RateLimitedServer(
            configuration: .init(requestsPerMinute: 100, tokensPerMinute: 1_000), clock: ContinuousClock(),
            meter: { $0.chatTokenCounts(overhead: .openAIChat, counter: counter) })
        defer { server.shutdown() }
        let transport = try CurlTransport(configuration: .init(connectTimeout: .seconds(5), proxy: .none))
        let body = Array(#"{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":590}"#.utf8)
        let request = HTTPRequest(method: .post, url: server.baseURL + "/v1/chat/completions", body: body)

        let first = try await transport.send(request, timeout: .seconds(5))
        let second = try await transport.send(request, timeout: .seconds(5))

        // One token per byte: "hi" 2 + "user" 4 + 3 per message + 3 reply priming = 12 prompt tokens, + 590.
        #expect(first.status == 200)
        #expect(first.headers["x-ratelimit-limit-tokens"] == "1000")
        #expect(first.headers["x-ratelimit-remaining-requests"] == "99")
        let remaining = try #require(first.headers["x-ratelimit-remaining-tokens"].flatMap { Int($0) })
        #expect(remaining == 1_000 - 602)
        #expect(
            first.headers["x-ratelimit-reset-tokens"].flatMap(RateLimiter<ContinuousClock>.parseResetDuration) != nil)
        #expect(second.status == 429)
        let waitMilliseconds = try #require(second.headers["retry-after-ms"].flatMap { Int($0) })
        #expect(waitMilliseconds > 0)
        #expect(second.headers["retry-after"] == String(Int((Double(waitMilliseconds) / 1000).rounded(.up))))
        #expect(server.statistics.refusedRequests == 1 && server.statistics.earlyRequests == 0)
    }

    @Test func configuredLimiterNeverOverrunsTheServer() async throws {
        // One scaled minute takes one real second; the requests cost about twice the 2,000-token bucket.
        let clock = ScaledClock(factor: 60)
        let counter = ByteTokenCounter()
        let server = try RateLimitedServer(
            configuration: .init(requestsPerMinute: 1_000, tokensPerMinute: 2_000), clock: clock,
            meter: { $0.chatTokenCounts(overhead: .openAIChat, counter: counter) })
        defer { server.shutdown() }
        let budget = try EndToEndFixture.makeBudget(window: 8_000, maxOutput: 200)
        let items = try (0..<16).map { index in
            AIService<ScaledClock>.BatchItem(
                request: try EndToEndFixture.makeRequest(budget, messages: [.user("Document module \(index).")]),
                budget: budget, file: "m\(index)")
        }
        let totalCost = items.reduce(0) {
            $0 + $1.request.plan.reservedPromptTokens + $1.request.plan.maxCompletionTokens
        }
        let provider = ProviderConfiguration(
            kind: .openai, baseURL: server.baseURL + "/v1",
            credentials: ProviderCredentials(apiKey: EndToEndFixture.key, source: "OPENAI_API_KEY"))
        let service = AIService(
            configuration: .init(provider: provider, retry: RetryPolicy(initialBackoff: .milliseconds(20))),
            transport: try CurlTransport(configuration: .init(connectTimeout: .seconds(5), proxy: .none)),
            // 5 scaled seconds = 83 ms of real transit allowance, ample on a loaded machine.
            rateLimiter: RateLimiter(
                limits: .init(requestsPerMinute: 1_000, tokensPerMinute: 2_000), clock: clock,
                transitAllowance: .seconds(5)),
            clock: clock, logger: Logger(label: "e2e", factory: { _ in SwiftLogNoOpLogHandler() }))

        let results = await service.completeAll(items, counter: counter, concurrency: 4)

        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let statistics = server.statistics
        #expect(totalCost > 3_000)
        #expect(statistics.refusedRequests == 0)
        #expect(statistics.earlyRequests == 0)
        #expect(statistics.acceptedTokens == totalCost)
    }
}
