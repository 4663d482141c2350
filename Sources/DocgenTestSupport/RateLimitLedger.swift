/// The server side of a rate limit, as a pure value: token buckets for requests and tokens per minute, the
/// waits announced in 429 answers, and counters for benchmarks.
///
/// Each bucket holds one minute's allowance and refills continuously (the model OpenAI documents). A request
/// is admitted when one request and its whole cost in tokens are available; otherwise it is refused with the
/// exact wait until they will be. A request that arrives while an announced wait is still running is refused
/// as well, and counted in ``Statistics/earlyRequests``.
///
/// ```swift
/// var ledger = RateLimitLedger(requestsPerMinute: 500, tokensPerMinute: 30_000, start: clock.now)
/// switch ledger.admit(cost: 1_200, at: clock.now) {
/// case .accepted(let state): answer200(state)
/// case .refused(let wait, let state): answer429(retryAfter: wait, state)
/// }
/// ```
public struct RateLimitLedger<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What the server reports in `x-ratelimit-*` headers after a decision.
    public struct Levels: Sendable, Equatable {
        /// Requests left now (floored).
        public var remainingRequests: Int
        /// Tokens left now (floored).
        public var remainingTokens: Int
        /// Time until the request bucket is full again.
        public var resetRequests: Duration
        /// Time until the token bucket is full again.
        public var resetTokens: Duration
    }

    /// A decision for one request.
    public enum Verdict: Sendable, Equatable {
        /// The request may proceed; its cost has been taken.
        case accepted(Levels)
        /// The request is refused (429); nothing may be sent before `retryAfter` has passed.
        case refused(retryAfter: Duration, isEarly: Bool, Levels)
    }

    /// Counters over the ledger's lifetime.
    public struct Statistics: Sendable, Equatable {
        /// Requests seen.
        public var receivedRequests = 0
        /// Requests admitted.
        public var acceptedRequests = 0
        /// Requests refused with 429.
        public var refusedRequests = 0
        /// Requests that arrived before a wait announced in an earlier 429 had passed.
        public var earlyRequests = 0
        /// Tokens of admitted requests (prompt + `max_tokens`).
        public var acceptedTokens = 0

        /// Creates counters.
        public init(
            receivedRequests: Int = 0,
            acceptedRequests: Int = 0,
            refusedRequests: Int = 0,
            earlyRequests: Int = 0,
            acceptedTokens: Int = 0
        ) {
            self.receivedRequests = receivedRequests
            self.acceptedRequests = acceptedRequests
            self.refusedRequests = refusedRequests
            self.earlyRequests = earlyRequests
            self.acceptedTokens = acceptedTokens
        }
    }

    /// Requests per minute.
    public let requestsPerMinute: Int
    /// Tokens per minute.
    public let tokensPerMinute: Int
    /// The counters.
    public private(set) var statistics = Statistics()
    /// The end of the longest wait announced so far.
    public private(set) var announcedUntil: Instant?
    private var requestLevel: Double
    private var tokenLevel: Double
    private var lastRefill: Instant

    /// Creates a ledger with full buckets.
    public init(requestsPerMinute: Int, tokensPerMinute: Int, start: Instant) {
        precondition(requestsPerMinute > 0 && tokensPerMinute > 0, "rate limits must be positive")
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.requestLevel = Double(requestsPerMinute)
        self.tokenLevel = Double(tokensPerMinute)
        self.lastRefill = start
    }

    /// Decides one request that costs `cost` tokens, arriving at `now`.
    public mutating func admit(cost: Int, at now: Instant) -> Verdict {
        refill(to: now)
        statistics.receivedRequests += 1
        if let announcedUntil, now < announcedUntil {
            statistics.refusedRequests += 1
            statistics.earlyRequests += 1
            return .refused(
                retryAfter: Self.roundedUpToMilliseconds(now.duration(to: announcedUntil)), isEarly: true, levels)
        }
        let requestDeficit = max(0, 1 - requestLevel)
        let tokenDeficit = max(0, Double(cost) - tokenLevel)
        guard requestDeficit == 0, tokenDeficit == 0 else {
            let seconds = max(requestDeficit / requestsPerSecond, tokenDeficit / tokensPerSecond)
            let wait = Self.roundedUpToMilliseconds(.milliseconds(seconds * 1000))
            statistics.refusedRequests += 1
            let until = now.advanced(by: wait)
            if announcedUntil.map({ $0 < until }) ?? true { announcedUntil = until }
            return .refused(retryAfter: wait, isEarly: false, levels)
        }
        requestLevel -= 1
        tokenLevel -= Double(cost)
        statistics.acceptedRequests += 1
        statistics.acceptedTokens += cost
        return .accepted(levels)
    }

    /// The most tokens the limit admits from the start until `elapsed` later: one full bucket plus the refill.
    public func admissibleTokens(over elapsed: Duration) -> Double {
        Double(tokensPerMinute) + tokensPerSecond * max(0, elapsed.secondsValue)
    }

    private var requestsPerSecond: Double { Double(requestsPerMinute) / 60 }
    private var tokensPerSecond: Double { Double(tokensPerMinute) / 60 }

    private var levels: Levels {
        Levels(
            remainingRequests: max(0, Int(requestLevel.rounded(.down))),
            remainingTokens: max(0, Int(tokenLevel.rounded(.down))),
            resetRequests: .milliseconds((Double(requestsPerMinute) - requestLevel) / requestsPerSecond * 1000),
            resetTokens: .milliseconds((Double(tokensPerMinute) - tokenLevel) / tokensPerSecond * 1000))
    }

    private mutating func refill(to now: Instant) {
        let elapsed = lastRefill.duration(to: now).secondsValue
        guard elapsed > 0 else { return }
        lastRefill = now
        requestLevel = min(Double(requestsPerMinute), requestLevel + elapsed * requestsPerSecond)
        tokenLevel = min(Double(tokensPerMinute), tokenLevel + elapsed * tokensPerSecond)
    }

    private static func roundedUpToMilliseconds(_ duration: Duration) -> Duration {
        .milliseconds((duration.secondsValue * 1000).rounded(.up))
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
