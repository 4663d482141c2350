import DocgenBase
import DocgenTokens
import Testing

@testable import DocgenCore

/// The final round's pure decisions: which failures get another round, the pause, the width, the send bound.
struct RetryPolicyRoundsTests {
    static let transient: [(AIServiceError, RetryPolicy.Cause)] = [
        (.retriesExhausted(attempts: 4, last: "HTTP 503", cause: .serverError), .serverError),
        (.retriesExhausted(attempts: 4, last: "HTTP 429 rate limited", cause: .rateLimited), .rateLimited),
        (.retriesExhausted(attempts: 4, last: "HTTP 408", cause: .requestTimeout), .requestTimeout),
        (.retriesExhausted(attempts: 4, last: "HTTP 409", cause: .conflict), .conflict),
        (.retriesExhausted(attempts: 4, last: "reset", cause: .connectionLost), .connectionLost),
        (.retriesExhausted(attempts: 4, last: "timed out", cause: .timeout), .timeout),
        (.retriesExhausted(attempts: 4, last: "no choices", cause: .malformedResponse), .malformedResponse),
        (.retriesExhausted(attempts: 5, last: "the stream ended before [DONE]", cause: .streamCut), .streamCut),
        (.endpointUnreachable(attempts: 4, detail: "connection refused"), .connectionFailed),
        (.malformedResponse("not JSON"), .malformedResponse),
    ]

    static let permanent: [AIServiceError] = [
        .badRequest(status: 400, message: "bad"), .badRequest(status: 422, message: "unprocessable"),
        .authenticationFailed(provider: "openai", status: 401, variable: "OPENAI_API_KEY"),
        .authenticationFailed(provider: "openai", status: 403, variable: "OPENAI_API_KEY"),
        .notFound(provider: "openai", what: "model 'm'", path: "/v1/chat/completions"),
        .contextLengthExceeded(model: "m", detail: "too long"), .serverWaitTooLong(seconds: 600),
        .requestExceedsRateLimit(tokens: 10, tokensPerMinute: 5),
        .missingCredentials(provider: "openai", variable: "OPENAI_API_KEY"), .invalidConfiguration("no base URL"),
        .transport(HTTPTransportError(kind: .invalidRequest, detail: "bad URL", url: "x")),
    ]

    @Test func transientFailuresGetAFinalRoundWithTheirCause() {
        for (error, cause) in Self.transient {
            #expect(RetryPolicy.finalRoundCause(of: error) == cause, "\(error)")
        }
    }

    @Test func permanentFailuresNeverGetAFinalRound() {
        for error in Self.permanent {
            #expect(RetryPolicy.finalRoundCause(of: error) == nil, "\(error)")
        }
    }

    @Test func errorsFromOutsideTheServiceArePermanent() {
        #expect(RetryPolicy.finalRoundCause(of: CancellationError()) == nil)
        #expect(
            RetryPolicy.finalRoundCause(
                of: PromptError.doesNotFit(file: "big.py", needed: 9_000, available: 8_000, model: "m")) == nil)
        #expect(RetryPolicy.finalRoundCause(of: OutputError.writeFailed(path: "/x", reason: "full")) == nil)
        let lost = HTTPTransportError(kind: .connectionLost, detail: "reset", url: "x")
        #expect(RetryPolicy.finalRoundCause(of: lost) == .connectionLost)
        let cancelled = HTTPTransportError(kind: .cancelled, detail: "", url: "x")
        #expect(RetryPolicy.finalRoundCause(of: cancelled) == nil)
    }

    @Test func aFailureOverSeveralRoundsCountsEveryAttempt() {
        let first = AIServiceError.retriesExhausted(attempts: 5, last: "HTTP 503", cause: .serverError)
        let second = first.afterEarlierRounds(attempts: 4, rounds: 1)
        #expect(second.attempts == 9)
        #expect(second.description == "Gave up after 9 attempts over 2 rounds; last failure: HTTP 503")
        #expect(first.description == "Gave up after 5 attempts; last failure: HTTP 503")
        #expect(RetryPolicy.finalRoundCause(of: second) == .serverError)
        let unreachable = AIServiceError.endpointUnreachable(attempts: 4, detail: "refused")
        #expect(
            unreachable.afterEarlierRounds(attempts: 4, rounds: 1).description
                == "Gave up after 8 attempts over 2 rounds: refused")
        let permanent = AIServiceError.badRequest(status: 422, message: "no")
        #expect(permanent.afterEarlierRounds(attempts: 4, rounds: 1) == permanent)
    }

    @Test func pauseIsTheLongestBackoffUnlessTheServerAskedForMore() {
        let policy = RetryPolicy(maxRetries: 3, initialBackoff: .milliseconds(500), maxBackoff: .seconds(8))
        #expect(policy.pauseBeforeFinalRound(1, serverWaitRemaining: .zero) == .seconds(8))
        #expect(policy.pauseBeforeFinalRound(2, serverWaitRemaining: .zero) == .seconds(16))
        #expect(policy.pauseBeforeFinalRound(1, serverWaitRemaining: .seconds(30)) == .seconds(30))
        #expect(policy.pauseBeforeFinalRound(1, serverWaitRemaining: .seconds(3)) == .seconds(8))
        let short = RetryPolicy(initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(40))
        #expect(short.pauseBeforeFinalRound(1, serverWaitRemaining: .milliseconds(20)) == .milliseconds(40))
        #expect(short.pauseBeforeFinalRound(1, serverWaitRemaining: .milliseconds(90)) == .milliseconds(90))
    }

    @Test func finalRoundsRunAtLowerConcurrency() {
        #expect(RetryPolicy.concurrency(forFinalRound: 1, base: 8) == 4)
        #expect(RetryPolicy.concurrency(forFinalRound: 2, base: 8) == 2)
        #expect(RetryPolicy.concurrency(forFinalRound: 1, base: 4) == 2)
        #expect(RetryPolicy.concurrency(forFinalRound: 1, base: 1) == 1)
        #expect(RetryPolicy.concurrency(forFinalRound: 9, base: 64) == 1)
        #expect(RetryPolicy.concurrency(forFinalRound: 100, base: 64) == 1)
    }

    @Test func maximumSendsCoverEveryRoundAttemptReplanAndFallback() {
        let policy = RetryPolicy(maxRetries: 3)
        #expect(policy.maximumSends(streaming: false, finalRounds: 0) == 5)
        #expect(policy.maximumSends(streaming: true, finalRounds: 0) == 6)
        #expect(policy.maximumSends(streaming: false, finalRounds: 1) == 10)
        #expect(policy.maximumSends(streaming: true, finalRounds: 1) == 12)
        #expect(RetryPolicy(maxRetries: 0).maximumSends(streaming: true, finalRounds: 2) == 9)
    }
}
