import DocgenBase
import DocgenCore
import DocgenCurl
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

/// The rate-limited loopback server's answers, and AIService's limiter against it over libcurl (the ledger's own
/// accounting is tested in DocgenTestSupportTests).
struct RateLimitedServerEndToEndTests {
    typealias Instant = ScaledClock.Instant

    static func at(_ seconds: Double) -> Instant { Instant(offset: .milliseconds(seconds * 1000)) }

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
