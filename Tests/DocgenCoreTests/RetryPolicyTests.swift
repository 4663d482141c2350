import DocgenBase
import DocgenCore
import Foundation
import Testing

/// A deterministic generator (SplitMix64) so jitter is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct RetryPolicyTests {
    let policy = RetryPolicy()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504, 599])
    func retriesTransientStatuses(status: Int) {
        var rng = SeededGenerator(state: 1)
        let decision = policy.decide(.status(status, HTTPHeaders()), retriesSoFar: 0, now: now, using: &rng)
        guard case .retry = decision else {
            Issue.record("status \(status) should be retried, got \(decision)")
            return
        }
    }

    @Test(arguments: [400, 401, 403, 404, 422, 418])
    func neverRetriesFinalStatuses(status: Int) {
        var rng = SeededGenerator(state: 1)
        #expect(policy.decide(.status(status, HTTPHeaders()), retriesSoFar: 0, now: now, using: &rng) == .fail)
    }

    @Test func retriesTransportFailuresButNotCancellation() {
        var rng = SeededGenerator(state: 2)
        let refused = HTTPTransportError(kind: .connectionFailed, detail: "refused", url: "http://x")
        let cancelled = HTTPTransportError(kind: .cancelled, detail: "", url: "http://x")
        let timedOut = HTTPTransportError(kind: .timedOut, detail: "", url: "http://x")
        if case .retry(_, let cause) = policy.decide(.transport(refused), retriesSoFar: 0, now: now, using: &rng) {
            #expect(cause == .connectionFailed)
        } else {
            Issue.record("connection failure should be retried")
        }
        if case .retry(_, let cause) = policy.decide(.transport(timedOut), retriesSoFar: 1, now: now, using: &rng) {
            #expect(cause == .timeout)
        } else {
            Issue.record("timeout should be retried")
        }
        #expect(policy.decide(.transport(cancelled), retriesSoFar: 0, now: now, using: &rng) == .fail)
    }

    @Test func malformedAndCutStreamsAreRetryable() {
        #expect(RetryPolicy.retryCause(of: .malformedResponse) == .malformedResponse)
        #expect(RetryPolicy.retryCause(of: .streamCut) == .streamCut)
    }

    @Test func stopsAfterMaxRetries() {
        var rng = SeededGenerator(state: 3)
        let policy = RetryPolicy(maxRetries: 2)
        #expect(policy.decide(.status(500, HTTPHeaders()), retriesSoFar: 1, now: now, using: &rng) != .fail)
        #expect(policy.decide(.status(500, HTTPHeaders()), retriesSoFar: 2, now: now, using: &rng) == .fail)
    }

    @Test func backoffCeilingDoublesToTheCap() {
        let ceilings = (0..<7).map { policy.backoffCeiling(forRetry: $0) }
        #expect(
            ceilings == [
                .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8), .seconds(8),
            ])
    }

    @Test func jitterStaysWithinTheCeilingAndVaries() {
        var rng = SeededGenerator(state: 42)
        for retry in 0..<6 {
            var seen = Set<Duration>()
            for _ in 0..<200 {
                let wait = policy.backoff(forRetry: retry, using: &rng)
                #expect(wait >= .zero && wait <= policy.backoffCeiling(forRetry: retry))
                seen.insert(wait)
            }
            #expect(seen.count > 150, "full jitter should spread waits")
        }
    }

    @Test func serverWaitWinsOverBackoff() {
        var rng = SeededGenerator(state: 5)
        let headers: HTTPHeaders = ["retry-after": "7"]
        #expect(
            policy.decide(.status(429, headers), retriesSoFar: 0, now: now, using: &rng)
                == .retry(after: .seconds(7), cause: .rateLimited))
    }

    @Test func tooLongServerWaitFailsInsteadOfSendingEarly() {
        var rng = SeededGenerator(state: 5)
        let headers: HTTPHeaders = ["retry-after": "3600"]
        #expect(policy.decide(.status(429, headers), retriesSoFar: 0, now: now, using: &rng) == .fail)
    }
}

struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func millisecondsTakePrecedence() {
        let headers: HTTPHeaders = ["retry-after": "10", "retry-after-ms": "1500"]
        #expect(RetryAfter.parse(headers, now: now) == .milliseconds(1500))
    }

    @Test func fractionalSeconds() {
        #expect(RetryAfter.parse(["Retry-After": " 2.5 "], now: now) == .milliseconds(2500))
    }

    @Test func httpDateIsRelativeToNow() throws {
        // 1_800_000_000 is Fri, 15 Jan 2027 08:00:00 GMT.
        let headers: HTTPHeaders = ["retry-after": "Fri, 15 Jan 2027 08:00:30 GMT"]
        #expect(RetryAfter.parse(headers, now: now) == .seconds(30))
    }

    @Test func pastDatesAndNegativeValuesMeanNow() {
        #expect(RetryAfter.parse(["retry-after": "Thu, 01 Jan 1970 00:00:00 GMT"], now: now) == .zero)
        #expect(RetryAfter.parse(["retry-after": "-3"], now: now) == .zero)
    }

    @Test func absurdWaitsAreClampedInsteadOfTrapping() {
        // Duration.milliseconds(1e33) traps; a hostile or broken server must not crash docgen.
        let ceiling = Duration.milliseconds(1e15)
        #expect(RetryAfter.parse(["retry-after": "1e30"], now: now) == ceiling)
        #expect(RetryAfter.parse(["retry-after-ms": "1e300"], now: now) == ceiling)
        var rng = SeededGenerator(state: 1)
        #expect(
            RetryPolicy().decide(.status(429, ["retry-after": "1e30"]), retriesSoFar: 0, now: now, using: &rng) == .fail
        )
    }

    @Test func garbageIsIgnored() {
        #expect(RetryAfter.parse(["retry-after": "soon"], now: now) == nil)
        #expect(RetryAfter.parse(HTTPHeaders(), now: now) == nil)
    }
}
