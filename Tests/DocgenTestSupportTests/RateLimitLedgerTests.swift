import DocgenTestSupport
import Testing

/// The rate-limit ledger is the test server's own logic: pure token-bucket accounting, tested without a socket.
struct RateLimitLedgerTests {
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

    @Test func requestBucketRefusesOnceEmptyAndRefillsContinuously() {
        // 2 requests/min: the third request at once must wait 30 s for one request to refill.
        var ledger = RateLimitLedger(requestsPerMinute: 2, tokensPerMinute: 1_000_000, start: Self.at(0))
        guard case .accepted = ledger.admit(cost: 1, at: Self.at(0)),
            case .accepted = ledger.admit(cost: 1, at: Self.at(0))
        else {
            Issue.record("two requests fit a two-request bucket")
            return
        }
        guard case .refused(let wait, false, let levels) = ledger.admit(cost: 1, at: Self.at(0)) else {
            Issue.record("the third request must be refused")
            return
        }
        #expect(wait == .seconds(30))
        #expect(levels.remainingRequests == 0)
        guard case .accepted = ledger.admit(cost: 1, at: Self.at(30)) else {
            Issue.record("after the announced wait the request fits")
            return
        }
        #expect(ledger.statistics.acceptedRequests == 3 && ledger.statistics.refusedRequests == 1)
    }
}
