import DocgenBase
import Foundation
import Synchronization

/// A loopback OpenAI-style chat-completions server that enforces requests-per-minute and tokens-per-minute
/// limits, for rate-limit tests and benchmarks.
///
/// Each request costs its prompt tokens plus its `max_tokens` (OpenAI reserves the completion cap up front),
/// measured by a ``Meter`` (for example ``LoopbackHTTPServer/Request/chatTokenCounts(overhead:counter:)``). Admission follows ``RateLimitLedger``: a 200 answer with `usage` after
/// ``Configuration/answerDelay``, or a 429 with `retry-after-ms`, `retry-after` and OpenAI's error body. Every
/// answer carries `x-ratelimit-remaining-*` and `x-ratelimit-reset-*` (and `x-ratelimit-limit-*` when
/// ``Configuration/announcesLimits``). Requests that arrive inside an announced wait are counted in
/// ``RateLimitLedger/Statistics/earlyRequests``.
///
/// The server reads time from `clock` (share a ``ScaledClock`` with the client to compress minutes).
///
/// ```swift
/// let clock = ScaledClock(factor: 6)
/// let server = try RateLimitedServer(
///     configuration: .init(requestsPerMinute: 500, tokensPerMinute: 60_000), clock: clock,
///     meter: { $0.chatTokenCounts(overhead: .openAIChat, counter: encoding) })
/// defer { server.shutdown() }
/// ```
public final class RateLimitedServer<C: Clock>: Sendable where C.Duration == Duration, C: Sendable {
    /// The limits and behaviour of the server.
    public struct Configuration: Sendable {
        /// Requests per minute of `clock` time.
        public var requestsPerMinute: Int
        /// Tokens (prompt + `max_tokens`) per minute of `clock` time.
        public var tokensPerMinute: Int
        /// Real time the server waits before a 200 answer (the model's "thinking").
        public var answerDelay: Duration
        /// Completion tokens reported in `usage` (capped by the request's `max_tokens`).
        public var completionTokens: Int
        /// Whether answers carry `x-ratelimit-limit-requests` / `-tokens`.
        public var announcesLimits: Bool

        /// Creates a configuration.
        public init(
            requestsPerMinute: Int,
            tokensPerMinute: Int,
            answerDelay: Duration = .zero,
            completionTokens: Int = 100,
            announcesLimits: Bool = true
        ) {
            self.requestsPerMinute = requestsPerMinute
            self.tokensPerMinute = tokensPerMinute
            self.answerDelay = answerDelay
            self.completionTokens = completionTokens
            self.announcesLimits = announcesLimits
        }
    }

    /// Measures a request: its prompt tokens and its `max_tokens`, or nil when the body is not a chat request.
    public typealias Meter = @Sendable (LoopbackHTTPServer.Request) -> (promptTokens: Int, maxTokens: Int)?

    /// The server's configuration.
    public let configuration: Configuration
    private let clock: C
    private let meter: Meter
    private let shared: Shared
    private let http: LoopbackHTTPServer

    /// The ledger, shared by the server threads and the public accessors.
    private final class Shared: Sendable {
        let ledger: Mutex<RateLimitLedger<C.Instant>>

        init(_ ledger: RateLimitLedger<C.Instant>) {
            self.ledger = Mutex(ledger)
        }
    }

    /// Starts the server on 127.0.0.1 and an ephemeral port.
    ///
    /// - Parameters:
    ///   - configuration: Limits and answer behaviour.
    ///   - clock: The clock limits are measured on.
    ///   - meter: Counts a request's tokens.
    /// - Throws: An error when no socket could be bound.
    public init(configuration: Configuration, clock: C, meter: @escaping Meter) throws {
        self.configuration = configuration
        self.clock = clock
        self.meter = meter
        let shared = Shared(
            RateLimitLedger(
                requestsPerMinute: configuration.requestsPerMinute, tokensPerMinute: configuration.tokensPerMinute,
                start: clock.now))
        self.shared = shared
        self.http = try LoopbackHTTPServer(limits: .init(maximumHang: .seconds(60))) { request in
            Self.answer(request, configuration: configuration, clock: clock, meter: meter, shared: shared)
        }
    }

    deinit {
        http.shutdown()
    }

    /// The base URL, `http://127.0.0.1:<port>`; chat completions are served at any path.
    public var baseURL: String { http.baseURL }

    /// The counters so far.
    public var statistics: RateLimitLedger<C.Instant>.Statistics { shared.ledger.withLock { $0.statistics } }

    /// The most tokens the limits admitted between the server's start and `elapsed` later.
    public func admissibleTokens(over elapsed: Duration) -> Double {
        shared.ledger.withLock { $0.admissibleTokens(over: elapsed) }
    }

    /// How many TCP connections the server accepted.
    public var acceptedConnectionCount: Int { http.acceptedConnectionCount }

    /// Stops the server.
    public func shutdown() {
        http.shutdown()
    }

    private static func answer(
        _ request: LoopbackHTTPServer.Request,
        configuration: Configuration,
        clock: C,
        meter: Meter,
        shared: Shared
    ) -> LoopbackHTTPServer.Action {
        guard let measured = meter(request) else {
            return .json(400, #"{"error":{"message":"not a chat completion request","type":"invalid_request_error"}}"#)
        }
        let cost = measured.promptTokens + measured.maxTokens
        let verdict = shared.ledger.withLock { $0.admit(cost: cost, at: clock.now) }
        switch verdict {
        case .accepted(let levels):
            let completion = min(configuration.completionTokens, measured.maxTokens)
            let body =
                #"{"id":"chatcmpl-bench","object":"chat.completion","choices":[{"index":0,"#
                + #""message":{"role":"assistant","content":"Documented."},"finish_reason":"stop"}],"#
                + #""usage":{"prompt_tokens":\#(measured.promptTokens),"completion_tokens":\#(completion),"#
                + #""total_tokens":\#(measured.promptTokens + completion)}}"#
            let ok = LoopbackHTTPServer.Action.json(200, body, headers: headers(levels, configuration))
            return configuration.answerDelay > .zero ? .delayed(configuration.answerDelay, then: ok) : ok
        case .refused(let wait, _, let levels):
            var fields = headers(levels, configuration)
            let milliseconds = Int((wait.secondsValue * 1000).rounded(.up))
            fields.add(name: "retry-after-ms", value: String(milliseconds))
            fields.add(name: "retry-after", value: String(Int(wait.secondsValue.rounded(.up))))
            let body =
                #"{"error":{"message":"Rate limit reached for requests in organization org-bench on tokens "#
                + #"per min (TPM): Limit \#(configuration.tokensPerMinute), Requested \#(cost). Please try "#
                + #"again in \#(milliseconds)ms.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#
            return .json(429, body, headers: fields)
        }
    }

    private static func headers(
        _ levels: RateLimitLedger<C.Instant>.Levels,
        _ configuration: Configuration
    ) -> HTTPHeaders {
        var fields = HTTPHeaders()
        if configuration.announcesLimits {
            fields.add(name: "x-ratelimit-limit-requests", value: String(configuration.requestsPerMinute))
            fields.add(name: "x-ratelimit-limit-tokens", value: String(configuration.tokensPerMinute))
        }
        fields.add(name: "x-ratelimit-remaining-requests", value: String(levels.remainingRequests))
        fields.add(name: "x-ratelimit-remaining-tokens", value: String(levels.remainingTokens))
        fields.add(name: "x-ratelimit-reset-requests", value: formatReset(levels.resetRequests))
        fields.add(name: "x-ratelimit-reset-tokens", value: formatReset(levels.resetTokens))
        return fields
    }

    /// Formats a duration as OpenAI does: `20ms`, `1.5s`, `6m0s`.
    static func formatReset(_ duration: Duration) -> String {
        let milliseconds = Int((duration.secondsValue * 1000).rounded(.up))
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        let minutes = milliseconds / 60_000
        let seconds = Double(milliseconds % 60_000) / 1000
        let secondsText = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return minutes > 0 ? "\(minutes)m\(secondsText)s" : "\(secondsText)s"
    }
}
