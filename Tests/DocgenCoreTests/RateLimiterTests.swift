import DocgenBase
import DocgenCore
import DocgenTestSupport
import Testing

struct RateLimiterTests {
    @Test func burstsUpToTheBucketThenPacesByRefillRate() async throws {
        let clock = TestClock(autoAdvance: true)
        let limiter = RateLimiter(limits: .init(tokensPerMinute: 6_000), clock: clock)
        try await limiter.acquire(tokens: 6_000)
        #expect(clock.recordedSleeps.isEmpty)
        // The bucket is empty; 1,000 more tokens refill at 100 tokens/s, counted from the end of the 1 s transit
        // allowance that started when the first request left the full bucket.
        try await limiter.acquire(tokens: 1_000)
        #expect(clock.recordedSleeps == [.seconds(11)])
    }

    @Test func requestsPerMinuteLimitsCount() async throws {
        let clock = TestClock(autoAdvance: true)
        let limiter = RateLimiter(limits: .init(requestsPerMinute: 60), clock: clock)
        for _ in 0..<60 { try await limiter.acquire(tokens: 10) }
        #expect(clock.recordedSleeps.isEmpty)
        try await limiter.acquire(tokens: 10)
        // 1 s of refill after the 1 s transit allowance.
        #expect(clock.recordedSleeps == [.seconds(2)])
    }

    @Test func withoutTransitAllowanceTheBucketRefillsFromTheFirstRequest() async throws {
        let clock = TestClock(autoAdvance: true)
        let limiter = RateLimiter(limits: .init(tokensPerMinute: 6_000), clock: clock, transitAllowance: .zero)
        try await limiter.acquire(tokens: 6_000)
        try await limiter.acquire(tokens: 1_000)
        #expect(clock.recordedSleeps == [.seconds(10)])
    }

    @Test func transitAllowanceIsLostOnlyOncePerIdlePeriod() async throws {
        let clock = TestClock(autoAdvance: true)
        let limiter = RateLimiter(limits: .init(tokensPerMinute: 6_000), clock: clock)
        try await limiter.acquire(tokens: 3_000)
        try await limiter.acquire(tokens: 4_000)
        // 1,000 tokens of debt: 1 s allowance + 10 s.
        #expect(clock.recordedSleeps == [.seconds(11)])
        // In debt again, no new allowance: exactly the refill time.
        try await limiter.acquire(tokens: 500)
        #expect(clock.recordedSleeps == [.seconds(11), .seconds(5)])
    }

    @Test func oversizedRequestIsRejected() async {
        let limiter = RateLimiter(limits: .init(tokensPerMinute: 1_000), clock: TestClock())
        await #expect(throws: AIServiceError.requestExceedsRateLimit(tokens: 1_001, tokensPerMinute: 1_000)) {
            try await limiter.acquire(tokens: 1_001)
        }
    }

    @Test func pauseHoldsWaitersThatWereAlreadyScheduled() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(limits: .init(tokensPerMinute: 600), clock: clock)
        try await limiter.acquire(tokens: 600)
        // Needs 100 tokens: 10 s of refill.
        let waiter = Task { try await limiter.acquire(tokens: 100) }
        #expect(await clock.waitForSleepers(1))
        await limiter.pause(for: .seconds(30))
        clock.advance(by: .seconds(10))
        // Woken at 10 s, but the pause runs to 30 s: it must sleep again rather than go.
        #expect(await clock.waitForSleepers(1))
        clock.advance(by: .seconds(19))
        #expect(await clock.waitForSleepers(1))
        clock.advance(by: .seconds(1))
        try await waiter.value
        #expect(clock.now.offset == .seconds(30))
    }

    @Test func cancellationReturnsTheShare() async throws {
        let clock = TestClock()
        let limiter = RateLimiter(limits: .init(tokensPerMinute: 600), clock: clock)
        try await limiter.acquire(tokens: 600)
        let waiter = Task { try await limiter.acquire(tokens: 300) }
        #expect(await clock.waitForSleepers(1))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        let level = await limiter.levels.tokens
        #expect(level == 0)
    }

    @Test func serverRemainingLowersTheLevelAndAdoptsLimits() async throws {
        let clock = TestClock(autoAdvance: true)
        let limiter = RateLimiter(limits: .unlimited, clock: clock)
        await limiter.update(from: [
            "x-ratelimit-limit-tokens": "1200", "x-ratelimit-remaining-tokens": "200",
            "x-ratelimit-limit-requests": "100", "x-ratelimit-remaining-requests": "99",
        ])
        let levels = await limiter.levels
        #expect(levels.tokens == 200)
        #expect(levels.requests == 99)
        try await limiter.acquire(tokens: 400)
        // 200 tokens of debt at 20 tokens/s.
        #expect(clock.recordedSleeps == [.seconds(10)])
    }

    @Test func exhaustedServerBudgetPausesUntilReset() async throws {
        let clock = TestClock(autoAdvance: true)
        let limiter = RateLimiter(limits: .init(requestsPerMinute: 1_000), clock: clock)
        await limiter.update(from: ["x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "1m2.5s"])
        try await limiter.acquire(tokens: 1)
        #expect(clock.now.offset >= .milliseconds(62_500))
    }

    @Test(arguments: [
        ("1s", Duration.seconds(1)), ("6m0s", .seconds(360)), ("20ms", .milliseconds(20)),
        ("1h2m3.5s", .milliseconds(3_723_500)), ("0.5", .milliseconds(500)),
    ])
    func parsesResetDurations(text: String, expected: Duration) {
        #expect(RateLimiter<TestClock>.parseResetDuration(text) == expected)
    }

    @Test func clampsAbsurdResetDurationsInsteadOfTrapping() {
        #expect(RateLimiter<TestClock>.parseResetDuration("99999999999999999999999s") == .milliseconds(1e15))
    }

    @Test func rejectsBadResetDurations() {
        #expect(RateLimiter<TestClock>.parseResetDuration("soon") == nil)
        #expect(RateLimiter<TestClock>.parseResetDuration("") == nil)
    }
}
