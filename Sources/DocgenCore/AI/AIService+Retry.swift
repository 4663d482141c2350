import DocgenBase
import Foundation
import Logging
import Synchronization

extension AIService {
    /// How much of the longest server-requested wait seen so far is still to run (zero when none is pending).
    ///
    /// Every `retry-after-ms`/`retry-after` on a retryable answer (408, 409, 429, 5xx) that docgen honours
    /// (at most ``RetryPolicy/maxServerWait``) is remembered as an instant on the service's clock, whether the
    /// request was retried or gave up; ``DocumentationJob`` waits at least this long before a final round.
    ///
    /// - Returns: The time from now until the latest such instant, or `.zero`.
    public func serverWaitRemaining() -> Duration {
        guard let until = serverWaits.latest else { return .zero }
        return max(.zero, clock.now.duration(to: until))
    }

    /// Remembers the wait a retryable answer asked for.
    func noteServerWait(status: Int, headers: HTTPHeaders) {
        guard RetryPolicy.retryCause(of: .status(status, headers)) != nil,
            let wait = RetryAfter.parse(headers, now: Date()), wait <= configuration.retry.maxServerWait
        else { return }
        serverWaits.note(clock.now.advanced(by: wait))
    }

    /// Waits before the next attempt, or throws the final error when the policy says to stop.
    ///
    /// The second cut stream of a request schedules the one non-streamed fallback: it waits the backoff of the
    /// next retry but does not count against ``RetryPolicy/maxRetries``, so it is made even when the budget is
    /// spent ("ask once without streaming before giving up").
    func wait(after failure: RetryPolicy.Failure, state: inout AttemptState, logger: Logger) async throws {
        if failure == .streamCut, state.cutStreams == 2, state.streamFallbacks == 0 {
            state.fallbackPending = true
            state.retries[.streamCut, default: 0] += 1
            let wait = random.withGenerator { rng in
                configuration.retry.backoff(forRetry: state.retriesSoFar, using: &rng)
            }
            logger.debug(
                "stream cut twice, falling back to one non-streamed request",
                metadata: ["docgen.retry.wait_ms": .string(String(Int(wait.secondsDouble * 1000)))])
            try await clock.sleep(until: clock.now.advanced(by: wait), tolerance: nil)
            return
        }
        let decision = random.withGenerator { rng in
            configuration.retry.decide(failure, retriesSoFar: state.retriesSoFar, now: Date(), using: &rng)
        }
        guard case .retry(let wait, let cause) = decision else {
            throw finalError(for: failure, attempts: state.attempts)
        }
        state.retriesSoFar += 1
        state.retries[cause, default: 0] += 1
        var status: Int?
        if case .status(let code, _) = failure { status = code }
        logger.log(
            RequestRetriedEvent(
                file: state.file, cause: cause, waitMilliseconds: Int(wait.secondsDouble * 1000),
                retry: state.retriesSoFar, maxRetries: configuration.retry.maxRetries, status: status),
            level: .debug)
        if case .status(429, _) = failure {
            // Everyone waits, not just this request: nothing reaches the endpoint before the server's wait.
            await rateLimiter.pause(for: wait)
        } else {
            try await clock.sleep(until: clock.now.advanced(by: wait), tolerance: nil)
        }
    }

    /// The error for a failure the policy will not retry, carrying its cause for a final round.
    func finalError(for failure: RetryPolicy.Failure, attempts: Int) -> AIServiceError {
        let cause = RetryPolicy.retryCause(of: failure)
        switch failure {
        case .status(429, let headers):
            if let wait = RetryAfter.parse(headers, now: Date()), wait > configuration.retry.maxServerWait {
                return .serverWaitTooLong(seconds: Int(wait.secondsDouble.rounded(.up)))
            }
            return .retriesExhausted(attempts: attempts, last: "HTTP 429 rate limited", cause: .rateLimited)
        case .status(let status, _):
            // A status the policy never retries (an unusual 3xx or 4xx) is the server's final word.
            guard let cause else { return .badRequest(status: status, message: "(no message)") }
            return .retriesExhausted(attempts: attempts, last: "HTTP \(status)", cause: cause)
        case .transport(let error):
            guard let cause else { return .transport(error) }
            if error.kind == .connectionFailed {
                return .endpointUnreachable(attempts: attempts, detail: error.description)
            }
            return .retriesExhausted(attempts: attempts, last: error.description, cause: cause)
        case .malformedResponse:
            return .retriesExhausted(
                attempts: attempts, last: "the response had no readable choices", cause: .malformedResponse)
        case .streamCut:
            return .retriesExhausted(attempts: attempts, last: "the stream ended before [DONE]", cause: .streamCut)
        }
    }
}

/// The latest of the instants noted so far, shared by concurrent requests.
final class LatestInstant<Instant: InstantProtocol>: Sendable {
    private let value = Mutex<Instant?>(nil)

    /// The latest instant noted, or nil.
    var latest: Instant? { value.withLock { $0 } }

    /// Keeps `instant` when it is later than the one kept.
    func note(_ instant: Instant) {
        value.withLock { current in
            if current.map({ instant > $0 }) ?? true { current = instant }
        }
    }
}
