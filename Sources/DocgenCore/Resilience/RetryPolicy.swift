public import DocgenBase
public import Foundation

/// Decides, for one failed attempt, whether to try again and after how long.
///
/// This is the single place that classifies failures; call sites never match on strings. Retryable: connection
/// failures, timeouts, lost connections, HTTP 408, 409, 429 and 5xx, malformed or empty responses and streams cut
/// before `[DONE]`. Final: 400 (``AIService`` handles `context_length_exceeded` itself, once), 401, 403, 404,
/// 422 and every other 4xx.
///
/// Waits come from the server when it says: `retry-after-ms` first, then `retry-after` (seconds or an HTTP date).
/// Otherwise exponential backoff with full jitter: retry *n* (0-based) waits a uniform random time in
/// `0...min(maxBackoff, initialBackoff × 2ⁿ)`, i.e. up to 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s… by default.
///
/// ```swift
/// var rng = SystemRandomNumberGenerator()
/// switch policy.decide(.status(503, HTTPHeaders()), retriesSoFar: 0, now: Date(), using: &rng) {
/// case .retry(let wait, let cause): try await clock.sleep(for: wait)
/// case .fail: throw error
/// }
/// ```
public struct RetryPolicy: Sendable, Equatable {
    /// Why an attempt is retried; a stable label for metrics ("retries by cause").
    public enum Cause: String, Sendable, Equatable, CaseIterable, Codable {
        /// The connection could not be made.
        case connectionFailed = "connection_failed"
        /// The exchange took longer than the request timeout.
        case timeout
        /// The connection broke after it was made.
        case connectionLost = "connection_lost"
        /// HTTP 429.
        case rateLimited = "rate_limited"
        /// HTTP 5xx.
        case serverError = "server_error"
        /// HTTP 408.
        case requestTimeout = "request_timeout"
        /// HTTP 409.
        case conflict
        /// A 2xx answer that could not be read.
        case malformedResponse = "malformed_response"
        /// A stream that ended before `[DONE]`.
        case streamCut = "stream_cut"
        /// A `context_length_exceeded` answer, re-planned with the server's numbers.
        case contextReplanned = "context_replanned"
    }

    /// What went wrong with one attempt.
    public enum Failure: Sendable, Equatable {
        /// The transport could not deliver a complete response.
        case transport(HTTPTransportError)
        /// The server answered with a non-2xx status.
        case status(Int, HTTPHeaders)
        /// A 2xx answer whose body was not the expected JSON, or had no choices.
        case malformedResponse
        /// A stream that ended before `data: [DONE]`.
        case streamCut
    }

    /// The verdict for one failure.
    public enum Decision: Sendable, Equatable {
        /// Wait this long, then try again.
        case retry(after: Duration, cause: Cause)
        /// Do not try again.
        case fail
    }

    /// Retries after the first attempt; 3 means at most 4 attempts.
    public var maxRetries: Int
    /// The backoff ceiling of the first retry.
    public var initialBackoff: Duration
    /// The largest backoff ceiling.
    public var maxBackoff: Duration
    /// The longest server-requested wait docgen honours; a longer `retry-after` fails the request instead
    /// of sending it early.
    public var maxServerWait: Duration

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxRetries: Retries after the first attempt (default 3).
    ///   - initialBackoff: First backoff ceiling (default 0.5 s).
    ///   - maxBackoff: Backoff cap (default 8 s).
    ///   - maxServerWait: Longest `retry-after` honoured (default 120 s).
    public init(
        maxRetries: Int = 3,
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8),
        maxServerWait: Duration = .seconds(120)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxServerWait = maxServerWait
    }

    /// The cause to record for a failure, or nil when the failure is final.
    public static func retryCause(of failure: Failure) -> Cause? {
        switch failure {
        case .transport(let error):
            switch error.kind {
            case .connectionFailed: return .connectionFailed
            case .timedOut: return .timeout
            case .connectionLost, .other: return .connectionLost
            case .cancelled, .invalidRequest: return nil
            }
        case .status(let status, _):
            switch status {
            case 408: return .requestTimeout
            case 409: return .conflict
            case 429: return .rateLimited
            case 500...599: return .serverError
            default: return nil
            }
        case .malformedResponse: return .malformedResponse
        case .streamCut: return .streamCut
        }
    }

    /// Decides whether to retry after a failure.
    ///
    /// - Parameters:
    ///   - failure: What went wrong.
    ///   - retriesSoFar: Retries already made for this request (0 after the first attempt).
    ///   - now: The wall-clock time, for `retry-after` HTTP dates.
    ///   - rng: The jitter source (inject a seeded one in tests).
    /// - Returns: `.retry` with the wait and cause, or `.fail`.
    public func decide(
        _ failure: Failure,
        retriesSoFar: Int,
        now: Date,
        using rng: inout some RandomNumberGenerator
    ) -> Decision {
        guard retriesSoFar < maxRetries, let cause = Self.retryCause(of: failure) else { return .fail }
        if case .status(_, let headers) = failure, let serverWait = RetryAfter.parse(headers, now: now) {
            guard serverWait <= maxServerWait else { return .fail }
            return .retry(after: serverWait, cause: cause)
        }
        return .retry(after: backoff(forRetry: retriesSoFar, using: &rng), cause: cause)
    }

    /// The jittered backoff before retry number `retry` (0-based).
    ///
    /// - Returns: A uniform random duration in `0...min(maxBackoff, initialBackoff × 2^retry)`.
    public func backoff(forRetry retry: Int, using rng: inout some RandomNumberGenerator) -> Duration {
        let ceiling = backoffCeiling(forRetry: retry)
        let nanoseconds = ceiling.nanosecondsClamped
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds, using: &rng))
    }

    /// The upper bound of the backoff before retry number `retry` (0-based).
    public func backoffCeiling(forRetry retry: Int) -> Duration {
        var ceiling = initialBackoff
        for _ in 0..<min(max(0, retry), 62) {
            ceiling = ceiling * 2
            if ceiling >= maxBackoff { return maxBackoff }
        }
        return min(ceiling, maxBackoff)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to `Int64`.
    var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? Int64.max : sum
    }

    /// The longest duration built from a `Double` (10¹⁵ milliseconds, about 31,700 years).
    static var maxClampedMilliseconds: Double { 1e15 }

    /// A duration of `milliseconds`, clamped to `0...maxClampedMilliseconds` (NaN is zero).
    ///
    /// `Duration.milliseconds(_: Double)` traps when the value does not fit its 128-bit attosecond count, so
    /// every figure that comes from a server header or a setting (`retry-after: 1e30`) goes through here.
    static func milliseconds(clamping milliseconds: Double) -> Duration {
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(min(milliseconds, maxClampedMilliseconds))
    }

    /// The duration in seconds as a `Double`.
    var secondsDouble: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
