public import DocgenBase

/// A client-side limiter for requests per minute and tokens per minute.
///
/// Each limit is a token bucket that holds one minute's allowance and refills continuously, like the servers'
/// own limiters. ``acquire(tokens:)`` takes its share at once — the bucket may go into debt — and then waits
/// until the debt is repaid, so callers are served strictly in arrival order and the limit is used fully.
/// A request reserves its prompt tokens plus its `max_tokens`, which is how OpenAI counts against the limit.
///
/// A request taken from a full bucket starts a short freeze of the refill (``transitAllowance``): the server's
/// bucket stays full, and so does not refill, until the request reaches it. Without the freeze the client's
/// bucket would run ahead of the server's by the refill of one transit time and release the first waiting
/// request a little too early. In steady state (the bucket in debt) the order of refill and deductions does not
/// matter and nothing is lost; the allowance costs at most one allowance's worth of refill per idle period.
///
/// The limiter adapts to the server: ``update(from:)`` lowers its level to the server's
/// `x-ratelimit-remaining-*` and adopts `x-ratelimit-limit-*` when no limit was configured, and
/// ``pause(for:)`` (after a 429) holds every request until `retry-after` has passed — no request leaves early,
/// even one that was already waiting.
///
/// ```swift
/// let limiter = RateLimiter(limits: .init(requestsPerMinute: 500, tokensPerMinute: 30_000), clock: .continuous)
/// try await limiter.acquire(tokens: promptTokens + maxTokens)
/// ```
public actor RateLimiter<C: Clock> where C.Duration == Duration {
    /// The configured budgets.
    public typealias Limits = RateLimits

    struct Bucket: Sendable {
        var capacity: Double
        var level: Double

        var perSecond: Double { capacity / 60 }

        mutating func refill(seconds: Double) {
            level = min(capacity, level + seconds * perSecond)
        }

        /// Whether the bucket holds its whole allowance.
        var isFull: Bool { level >= capacity }

        /// Seconds until the level is back to zero from debt.
        var secondsUntilClear: Double { level >= 0 ? 0 : -level / perSecond }
    }

    private let clock: C
    private var requestBucket: Bucket?
    private var tokenBucket: Bucket?
    private var lastRefill: C.Instant
    private var refillResumes: C.Instant?
    private var pausedUntil: C.Instant?
    /// How long, at most, a request takes from release to the server's limiter (connection set-up and upload
    /// included); refill is not counted for that long after a request is taken from a full bucket.
    public let transitAllowance: Duration

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - limits: The budgets; buckets start full.
    ///   - clock: The clock to wait on (a `TestClock` in tests).
    ///   - transitAllowance: The longest expected time from release to the server (default 1 second).
    public init(limits: Limits, clock: C, transitAllowance: Duration = .seconds(1)) {
        self.clock = clock
        self.transitAllowance = max(.zero, transitAllowance)
        self.lastRefill = clock.now
        self.requestBucket = limits.requestsPerMinute.map { Bucket(capacity: Double(max(1, $0)), level: Double($0)) }
        self.tokenBucket = limits.tokensPerMinute.map { Bucket(capacity: Double(max(1, $0)), level: Double($0)) }
    }

    /// Waits until one request with `tokens` tokens may be sent, and takes its share of both budgets.
    ///
    /// - Parameter tokens: Prompt tokens plus `max_tokens` of the request.
    /// - Throws: ``AIServiceError`` when `tokens` exceeds the whole per-minute token limit (the request could
    ///   never be sent), or `CancellationError` when the task is cancelled while waiting (its share is returned).
    public func acquire(tokens: Int) async throws {
        refill()
        if let bucket = tokenBucket, Double(tokens) > bucket.capacity {
            throw AIServiceError.requestExceedsRateLimit(tokens: tokens, tokensPerMinute: Int(bucket.capacity))
        }
        let now = clock.now
        if requestBucket?.isFull == true || tokenBucket?.isFull == true {
            let resumes = now.advanced(by: transitAllowance)
            if refillResumes.map({ $0 < resumes }) ?? true { refillResumes = resumes }
        }
        requestBucket?.level -= 1
        tokenBucket?.level -= Double(tokens)
        var wait = max(requestBucket?.secondsUntilClear ?? 0, tokenBucket?.secondsUntilClear ?? 0)
        if wait > 0, let refillResumes, refillResumes > now {
            wait += now.duration(to: refillResumes).secondsDouble
        }
        var deadline = now.advanced(by: .milliseconds(clamping: wait * 1000))
        do {
            while true {
                if let pausedUntil, pausedUntil > deadline { deadline = pausedUntil }
                guard deadline > clock.now else { return }
                try await clock.sleep(until: deadline, tolerance: nil)
            }
        } catch {
            refill()
            requestBucket?.level += 1
            tokenBucket?.level += Double(tokens)
            throw error
        }
    }

    /// Holds every request, waiting or new, until `duration` from now has passed (after a 429).
    public func pause(for duration: Duration) {
        let until = clock.now.advanced(by: duration)
        if let pausedUntil, pausedUntil >= until { return }
        pausedUntil = until
    }

    /// The instant before which no request is released, if a pause is in force.
    public var pauseDeadline: C.Instant? {
        guard let pausedUntil, pausedUntil > clock.now else { return nil }
        return pausedUntil
    }

    /// Adapts to the server's rate-limit headers.
    ///
    /// Reads `x-ratelimit-limit-requests`/`-tokens` (adopted when no limit was configured) and
    /// `x-ratelimit-remaining-requests`/`-tokens` (the level never stays above what the server reports).
    /// When the server reports nothing remaining, requests pause until `x-ratelimit-reset-*`.
    public func update(from headers: HTTPHeaders) {
        refill()
        adapt(
            &requestBucket, limit: headers["x-ratelimit-limit-requests"],
            remaining: headers["x-ratelimit-remaining-requests"], reset: headers["x-ratelimit-reset-requests"])
        adapt(
            &tokenBucket, limit: headers["x-ratelimit-limit-tokens"],
            remaining: headers["x-ratelimit-remaining-tokens"], reset: headers["x-ratelimit-reset-tokens"])
    }

    /// The tokens-per-minute limit in force (configured, or adopted from `x-ratelimit-limit-tokens`), or nil.
    public var tokensPerMinuteLimit: Int? { tokenBucket.map { Int($0.capacity) } }

    /// The current levels (requests, tokens), for tests and progress display; nil for an unlimited budget.
    public var levels: (requests: Double?, tokens: Double?) {
        refill()
        return (requestBucket?.level, tokenBucket?.level)
    }

    private func adapt(_ bucket: inout Bucket?, limit: String?, remaining: String?, reset: String?) {
        if bucket == nil, let limit = limit.flatMap({ Double($0.trimmed) }), limit > 0 {
            bucket = Bucket(capacity: limit, level: limit)
        }
        guard var current = bucket else { return }
        if let remaining = remaining.flatMap({ Double($0.trimmed) }), remaining >= 0 {
            current.level = min(current.level, remaining)
            if remaining < 1, let wait = reset.flatMap(Self.parseResetDuration) {
                pause(for: wait)
            }
        }
        bucket = current
    }

    private func refill() {
        let now = clock.now
        var start = lastRefill
        if let resumes = refillResumes {
            // No refill is counted while a request from a full bucket may still be on its way to the server.
            if resumes > start { start = min(resumes, now) }
            if resumes <= now { refillResumes = nil }
        }
        let elapsed = start.duration(to: now).secondsDouble
        if lastRefill < now { lastRefill = now }
        guard elapsed > 0 else { return }
        requestBucket?.refill(seconds: elapsed)
        tokenBucket?.refill(seconds: elapsed)
    }

    /// Parses OpenAI's reset durations such as `1s`, `6m0s`, `20ms`, `1h2m3.5s`.
    public static func parseResetDuration(_ text: String) -> Duration? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        var characters = Array(text.trimmed)[...]
        while let character = characters.first {
            if character.isNumber || character == "." {
                number.append(character)
                characters = characters.dropFirst()
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            if characters.starts(with: "ms") {
                total += value / 1000
                characters = characters.dropFirst(2)
            } else {
                switch character {
                case "h": total += value * 3600
                case "m": total += value * 60
                case "s": total += value
                default: return nil
                }
                characters = characters.dropFirst()
            }
            sawUnit = true
        }
        if !number.isEmpty {
            guard let value = Double(number) else { return nil }
            total += value
            sawUnit = true
        }
        return sawUnit ? .milliseconds(clamping: total * 1000) : nil
    }
}

/// Request and token budgets per minute; nil means unlimited (until a server header says otherwise).
public struct RateLimits: Sendable, Equatable {
    /// Requests per minute, or nil.
    public var requestsPerMinute: Int?
    /// Tokens (prompt + `max_tokens`) per minute, or nil.
    public var tokensPerMinute: Int?

    /// Creates limits.
    public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }

    /// No client-side limits.
    public static let unlimited = RateLimits()
}
